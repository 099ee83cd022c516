package com.patrolplanner.ogc;

import com.patrolplanner.i18n.Messages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.patrolplanner.geo.GeoJson;
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
import java.util.Iterator;
import java.util.Map;
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
    @Inject
    ObjectMapper mapper;

    /** The ETag value of a feature: its version, quoted. */
    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    CollectionSpec writable(String id) {
        CollectionSpec c = OgcCatalog.find(id);
        if (!c.writable()) {
            throw new ApiException(405, "Method not allowed", Messages.of("ogc.readOnly", id), null);
        }
        return c;
    }

    /** Creates a feature; returns its id. */
    public long create(String collection, JsonNode feature, OgcCrs crs) {
        CollectionSpec c = writable(collection);
        checkFeature(feature);
        if (c == OgcCatalog.VENUES) {
            return registry.createVenue(venueInput(feature, crs, null, null), user.name()).id;
        }
        return registry.createSchool(schoolInput(feature, crs, null, null), user.name()).id;
    }

    /** Replaces a feature (PUT), or merges a partial one onto it (PATCH, {@code merge}); returns the new version. */
    public int write(String collection, long id, JsonNode feature, OgcCrs crs, String ifMatch, boolean merge) {
        CollectionSpec c = writable(collection);
        checkFeature(feature);
        if (c == OgcCatalog.VENUES) {
            Venue v = registry.venue(id);
            int version = precondition(ifMatch, v.version, feature, id);
            JsonNode full = merge ? merged(current(v), feature) : feature;
            return registry.updateVenue(id, venueInput(full, crs, v, version), user.name()).version;
        }
        School s = registry.school(id);
        int version = precondition(ifMatch, s.version, feature, id);
        JsonNode full = merge ? merged(current(s), feature) : feature;
        return registry.updateSchool(id, schoolInput(full, crs, s, version), user.name()).version;
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
    static int precondition(String ifMatch, int current, JsonNode feature, long id) {
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
        JsonNode v = feature == null ? null : feature.path("properties").get("version");
        if (v != null && v.canConvertToInt()) {
            return v.asInt();
        }
        throw new ApiException(428, "Precondition required", Messages.of("ogc.ifMatch"), null);
    }

    private static void checkFeature(JsonNode f) {
        if (f == null || !f.isObject() || !"Feature".equals(f.path("type").asText())) {
            throw ApiException.invalid("type", Messages.of("ogc.featureExpected"));
        }
        if (f.has("properties") && !f.get("properties").isObject() && !f.get("properties").isNull()) {
            throw ApiException.invalid("properties", Messages.of("ogc.object"));
        }
    }

    /** The stored record as a Feature in CRS84 (the base a PATCH merges onto). */
    private ObjectNode current(Venue v) {
        ObjectNode f = mapper.createObjectNode();
        f.put("type", "Feature");
        f.set("geometry", v.geom == null ? null : GeoJson.writeNode(v.geom));
        ObjectNode p = f.putObject("properties");
        p.put("licenceNo", v.licenceNo);
        p.put("name", v.name);
        p.put("category", v.category);
        p.put("address", v.address);
        p.put("status", v.status);
        if (v.capacity != null) {
            p.put("capacity", v.capacity);
        }
        p.put("complaintCount", v.complaintCount);
        p.set("openingHours", v.openingHours == null ? null : mapper.valueToTree(v.openingHours));
        p.put("notes", v.notes);
        return f;
    }

    private ObjectNode current(School s) {
        ObjectNode f = mapper.createObjectNode();
        f.put("type", "Feature");
        Geometry g = s.campus != null ? s.campus : s.geom;
        f.set("geometry", g == null ? null : GeoJson.writeNode(g));
        ObjectNode p = f.putObject("properties");
        p.put("name", s.name);
        p.put("level", s.level);
        p.put("address", s.address);
        return f;
    }

    /** A PATCH: the patch's geometry (if given) and properties (each given one, null clears) over the stored ones. */
    private static JsonNode merged(ObjectNode base, JsonNode patch) {
        if (patch.has("geometry")) {
            base.set("geometry", patch.get("geometry"));
        }
        JsonNode p = patch.path("properties");
        ObjectNode props = (ObjectNode) base.get("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            props.set(e.getKey(), e.getValue());
        }
        return base;
    }

    private VenueInput venueInput(JsonNode f, OgcCrs crs, Venue current, Integer version) {
        JsonNode p = f.path("properties");
        double[] lonLat = point(f.get("geometry"), crs, current == null ? null : current.geom);
        VenueInput in = new VenueInput(text(p, "licenceNo"), text(p, "name"), text(p, "category"), text(p, "address"),
                lonLat == null ? null : lonLat[0], lonLat == null ? null : lonLat[1], crs.datum(),
                p.hasNonNull("openingHours") ? p.get("openingHours") : null, integer(p, "capacity"), text(p, "status"),
                integer(p, "complaintCount"), text(p, "notes"), version);
        valid(in);
        return in;
    }

    private SchoolInput schoolInput(JsonNode f, OgcCrs crs, School current, Integer version) {
        JsonNode p = f.path("properties");
        JsonNode g = f.get("geometry");
        Double lon = null;
        Double lat = null;
        JsonNode campus = null;
        String type = g == null || g.isNull() ? null : g.path("type").asText();
        if ("Point".equals(type)) {
            double[] ll = point(g, crs, current == null ? null : current.geom);
            lon = ll[0];
            lat = ll[1];
            // a Point replaces the school's location and keeps its campus
            if (current != null && current.campus != null) {
                campus = GeoJson.writeNode(current.campus);
            }
        } else if ("Polygon".equals(type) || "MultiPolygon".equals(type)) {
            campus = crs.latLon ? flip(g) : g;
            // the school's own point stays where it is when it lies on the new campus
            if (current != null && current.geom != null) {
                Geometry poly = GeoJson.parse(campus, "geometry");
                if (poly.covers(current.geom)) {
                    lon = current.geom.getX();
                    lat = current.geom.getY();
                }
            }
        } else if (type != null) {
            throw ApiException.invalid("geometry", Messages.of("ogc.schoolGeometry", type));
        }
        SchoolInput in = new SchoolInput(text(p, "name"), text(p, "level"), text(p, "address"), lon, lat, campus,
                crs.datum(), version);
        valid(in);
        return in;
    }

    /** Lon/lat of a Point geometry in {@code crs}; the stored point when within {@link #SAME_POINT_DEG} of it. */
    private static double[] point(JsonNode g, OgcCrs crs, Point stored) {
        if (g == null || g.isNull()) {
            return null;
        }
        if (!"Point".equals(g.path("type").asText())) {
            throw ApiException.invalid("geometry", Messages.of("ogc.pointExpected", g.path("type").asText()));
        }
        JsonNode c = g.path("coordinates");
        if (!c.isArray() || c.size() < 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
            throw ApiException.invalid("geometry", Messages.of("ogc.pointCoords"));
        }
        double[] ll = crs.toLonLat(c.get(0).asDouble(), c.get(1).asDouble());
        if (stored != null && Math.abs(stored.getX() - ll[0]) < SAME_POINT_DEG
                && Math.abs(stored.getY() - ll[1]) < SAME_POINT_DEG) {
            return new double[] {stored.getX(), stored.getY()};
        }
        return ll;
    }

    /** A geometry with every coordinate pair swapped (EPSG:4490's latitude, longitude to longitude, latitude). */
    private JsonNode flip(JsonNode g) {
        JsonNode copy = g.deepCopy();
        flipCoordinates(copy.get("coordinates"));
        return copy;
    }

    private static void flipCoordinates(JsonNode n) {
        if (n == null || !n.isArray() || n.isEmpty()) {
            return;
        }
        if (n.get(0).isNumber() && n.size() >= 2) {
            com.fasterxml.jackson.databind.node.ArrayNode a = (com.fasterxml.jackson.databind.node.ArrayNode) n;
            JsonNode x = a.get(0);
            a.set(0, a.get(1));
            a.set(1, x);
            return;
        }
        n.forEach(FeatureEdits::flipCoordinates);
    }

    private static String text(JsonNode p, String name) {
        JsonNode n = p.get(name);
        return n == null || n.isNull() ? null : n.isTextual() ? n.asText() : n.toString();
    }

    private static Integer integer(JsonNode p, String name) {
        JsonNode n = p.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber() && !n.isTextual()) {
            throw ApiException.invalid(name, Messages.of("common.notWhole"));
        }
        try {
            return n.isTextual() ? Integer.valueOf(n.asText().trim()) : n.asInt();
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, Messages.of("common.notWhole"));
        }
    }

    private <T> void valid(T in) {
        Set<ConstraintViolation<T>> v = validator.validate(in);
        if (!v.isEmpty()) {
            throw new ConstraintViolationException(v);
        }
    }
}
