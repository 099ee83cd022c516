package com.patrolplanner.ogc;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.geo.GeoJson;
import com.patrolplanner.registry.OpeningHours;
import com.patrolplanner.registry.RegistryService;
import com.patrolplanner.registry.School;
import com.patrolplanner.registry.SchoolInput;
import com.patrolplanner.registry.Venue;
import com.patrolplanner.registry.VenueInput;
import com.patrolplanner.security.CurrentUser;
import com.patrolplanner.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * OGC API – Features Part 4 for {@code venues} and {@code schools}: a GeoJSON Feature in, a register write out, through
 * {@link RegistryService} exactly as the REST resources write (bean validation, field history, audit, the events that
 * keep compliance verdicts current). Optimistic locking: the ETag of a feature is its record's version; a write whose
 * {@code If-Match} names another version gets 412 and changes nothing. Coordinates are read in the request's
 * {@code Content-Crs} (CRS84 default; EPSG:4490 in latitude, longitude order).
 */
@ApplicationScoped
public class FeatureEdits {
    /** A point within this distance (degrees, ≈ 1 cm) of the stored one is the stored one: a GET/PUT round trip moves nothing. */
    static final double SAME_POINT_DEG = 2e-7;

    @Inject
    RegistryService registry;
    @Inject
    Validator validator;
    @Inject
    CurrentUser user;

    /** The ETag value of a feature: its version, quoted. */
    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** The collection, when it takes writes (405 otherwise). */
    static CollectionSpec writable(String id) {
        CollectionSpec c = OgcCatalog.find(id);
        if (!c.writable()) {
            throw new ApiException(405, "Method not allowed", Messages.of("ogc.readOnly", id), null);
        }
        return c;
    }

    /** Creates a feature; returns its id. */
    public long create(FeatureBody body) {
        if (body instanceof FeatureBody.VenueBody b) {
            return registry.createVenue(venueInput(b, null, null), user.name()).id;
        }
        return registry.createSchool(schoolInput((FeatureBody.SchoolBody) body, null, null, false), user.name()).id;
    }

    /**
     * Replaces a feature (PUT), or takes what a partial one gives onto it (PATCH, {@code merge}: each property and the
     * geometry it names; a null clears, what it does not name stays); returns the new version.
     */
    public int write(long id, FeatureBody body, String ifMatch, boolean merge) {
        if (body instanceof FeatureBody.VenueBody b) {
            Venue v = registry.venue(id);
            int version = precondition(ifMatch, v.version, b.version(), id);
            return registry.updateVenue(id, venueInput(merge ? over(b, v) : b, v, version), user.name()).version;
        }
        School s = registry.school(id);
        int version = precondition(ifMatch, s.version, body.version(), id);
        return registry.updateSchool(id, schoolInput((FeatureBody.SchoolBody) body, s, version, merge), user.name()).version;
    }

    public void delete(String collection, long id, String ifMatch) {
        CollectionSpec c = writable(collection);
        int current = c == OgcCatalog.VENUES ? registry.venue(id).version : registry.school(id).version;
        if (ifMatch != null) {
            precondition(ifMatch, current, null, id);
        }
        if (c == OgcCatalog.VENUES) {
            registry.deleteVenue(id, user.name());
        } else {
            registry.deleteSchool(id, user.name());
        }
    }

    /**
     * The version the write is based on: {@code If-Match} (412 when it names another version), else the
     * {@code version} property (stale → 409 from the registry), else 428: a write must say what it read.
     */
    static int precondition(String ifMatch, int current, Integer version, long id) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            for (String tag : ifMatch.split(",")) {
                String t = tag.trim().replaceFirst("^W/", "");
                if (t.equals("*") || t.equals(etag(current))) {
                    return current;
                }
            }
            throw new ApiException(412, "Precondition failed", Messages.of("ogc.staleEtag", id, current,
                    etag(current), ifMatch.trim()), null);
        }
        if (version != null) {
            return version;
        }
        throw new ApiException(428, "Precondition required", Messages.of("ogc.ifMatch"), null);
    }

    /** A PATCH of a venue: what the body names, the stored record for the rest. */
    private static FeatureBody.VenueBody over(FeatureBody.VenueBody b, Venue v) {
        return new FeatureBody.VenueBody(
                b.gives(FeatureBody.GEOMETRY) ? b.point() : v.geom,
                b.gives("licenceNo") ? b.licenceNo() : v.licenceNo,
                b.gives("name") ? b.name() : v.name,
                b.gives("category") ? b.category() : v.category,
                b.gives("address") ? b.address() : v.address,
                b.gives("status") ? b.status() : v.status,
                b.gives("capacity") ? b.capacity() : v.capacity,
                b.gives("complaintCount") ? b.complaintCount() : Integer.valueOf(v.complaintCount),
                b.gives("openingHours") ? b.openingHours() : v.openingHours == null ? null : OpeningHours.fromMap(v.openingHours),
                b.gives("notes") ? b.notes() : v.notes,
                b.version(), b.datum(), b.given());
    }

    private VenueInput venueInput(FeatureBody.VenueBody b, Venue current, Integer version) {
        Point p = same(b.point(), current == null ? null : current.geom);
        VenueInput in = new VenueInput(b.licenceNo(), b.name(), b.category(), b.address(), p == null ? null : p.getX(),
                p == null ? null : p.getY(), b.datum(), b.openingHours(), b.capacity(), b.status(), b.complaintCount(),
                b.notes(), version);
        valid(in);
        return in;
    }

    private SchoolInput schoolInput(FeatureBody.SchoolBody b, School current, Integer version, boolean merge) {
        Geometry g = b.geometry();
        if (merge && !b.gives(FeatureBody.GEOMETRY)) {
            // as the stored feature gives it: the campus (7 decimals, as served), else the point
            g = current.campus != null ? GeoJson.rounded(current.campus, "campus") : current.geom;
        }
        Double lon = null;
        Double lat = null;
        Geometry campus = null;
        if (g instanceof Point pt) {
            Point p = same(pt, current == null ? null : current.geom);
            lon = p.getX();
            lat = p.getY();
            // a Point replaces the school's location and keeps its campus
            if (current != null && current.campus != null) {
                campus = GeoJson.rounded(current.campus, "campus");
            }
        } else if (g != null) {
            campus = g;
            // the school's own point stays where it is when it lies on the new campus
            if (current != null && current.geom != null && g.covers(current.geom)) {
                lon = current.geom.getX();
                lat = current.geom.getY();
            }
        }
        SchoolInput in = new SchoolInput(
                merge && !b.gives("name") ? current.name : b.name(),
                merge && !b.gives("level") ? current.level : b.level(),
                merge && !b.gives("address") ? current.address : b.address(),
                lon, lat, campus, b.datum(), version);
        valid(in);
        return in;
    }

    /** {@code p}, or the stored point when within {@link #SAME_POINT_DEG} of it (a GET/PUT round trip moves nothing). */
    private static Point same(Point p, Point stored) {
        if (p != null && stored != null && Math.abs(stored.getX() - p.getX()) < SAME_POINT_DEG
                && Math.abs(stored.getY() - p.getY()) < SAME_POINT_DEG) {
            return stored;
        }
        return p;
    }

    private <T> void valid(T in) {
        Set<ConstraintViolation<T>> v = validator.validate(in);
        if (!v.isEmpty()) {
            throw new ConstraintViolationException(v);
        }
    }
}
