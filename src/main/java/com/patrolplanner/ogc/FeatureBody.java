package com.patrolplanner.ogc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.patrolplanner.geo.GeoJson;
import com.patrolplanner.i18n.Messages;
import com.patrolplanner.registry.InputJson;
import com.patrolplanner.registry.OpeningHours;
import com.patrolplanner.web.ApiException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * An OGC API – Features Part 4 body, read at the edge ({@link #read}) from the GeoJSON Feature a client sent to
 * {@code venues} or {@code schools}: its geometry in JTS (longitude, latitude: the axis order of the request's
 * {@code Content-Crs} undone) and its properties, each in its type. {@code given} names what the body names (each
 * property it has, and {@code geometry}): a PATCH takes those, a property given as null clears it, the others stay as
 * stored ({@link FeatureEdits}). {@code version}: the {@code version} property when it is a whole number (the base of a
 * write without {@code If-Match}). {@code datum}: the datum of the request's CRS.
 */
public sealed interface FeatureBody permits FeatureBody.VenueBody, FeatureBody.SchoolBody {
    String GEOMETRY = "geometry";

    Set<String> given();

    Integer version();

    String datum();

    /** Whether the body names {@code name} (a property, or {@link #GEOMETRY}). */
    default boolean gives(String name) {
        return given().contains(name);
    }

    /** A venue: a Point (or none). */
    record VenueBody(Point point, String licenceNo, String name, String category, String address, String status,
            Integer capacity, Integer complaintCount, OpeningHours openingHours, String notes, Integer version, String datum,
            Set<String> given) implements FeatureBody {
    }

    /** A school: a Point (its location) or a Polygon/MultiPolygon (its campus), or none. */
    record SchoolBody(Geometry geometry, String name, String level, String address, Integer version, String datum,
            Set<String> given) implements FeatureBody {
    }

    /**
     * Reads a Feature sent to {@code collection}: 405 when the collection is read-only, 422 naming the member that is not
     * a Feature's, a property that is not of its type, a geometry of the wrong kind or unreadable.
     */
    static FeatureBody read(String collection, JsonNode f, OgcCrs crs) {
        CollectionSpec c = FeatureEdits.writable(collection);
        if (f == null || !f.isObject() || !"Feature".equals(f.path("type").asText())) {
            throw ApiException.invalid("type", Messages.of("ogc.featureExpected"));
        }
        if (f.has("properties") && !f.get("properties").isObject() && !f.get("properties").isNull()) {
            throw ApiException.invalid("properties", Messages.of("ogc.object"));
        }
        JsonNode p = f.path("properties");
        Set<String> given = new LinkedHashSet<>();
        for (Iterator<String> it = p.fieldNames(); it.hasNext();) {
            given.add(it.next());
        }
        if (f.has(GEOMETRY)) {
            given.add(GEOMETRY);
        }
        JsonNode g = f.get(GEOMETRY);
        JsonNode v = p.get("version");
        Integer version = v != null && v.canConvertToInt() ? v.asInt() : null;
        if (c == OgcCatalog.VENUES) {
            JsonNode hours = p.get("openingHours");
            return new VenueBody(point(g, crs), text(p, "licenceNo"), text(p, "name"), text(p, "category"),
                    text(p, "address"), text(p, "status"), integer(p, "capacity"), integer(p, "complaintCount"),
                    hours == null || hours.isNull() ? null : InputJson.hours(hours), text(p, "notes"), version, crs.datum(),
                    Set.copyOf(given));
        }
        String type = g == null || g.isNull() ? null : g.path("type").asText();
        Geometry geometry = null;
        if ("Point".equals(type)) {
            geometry = point(g, crs);
        } else if ("Polygon".equals(type) || "MultiPolygon".equals(type)) {
            geometry = InputJson.campus(crs.latLon ? flip(g) : g);
        } else if (type != null) {
            throw ApiException.invalid(GEOMETRY, Messages.of("ogc.schoolGeometry", type));
        }
        return new SchoolBody(geometry, text(p, "name"), text(p, "level"), text(p, "address"), version, crs.datum(),
                Set.copyOf(given));
    }

    /** A Point geometry in {@code crs} as longitude, latitude; null for none. */
    private static Point point(JsonNode g, OgcCrs crs) {
        if (g == null || g.isNull()) {
            return null;
        }
        if (!"Point".equals(g.path("type").asText())) {
            throw ApiException.invalid(GEOMETRY, Messages.of("ogc.pointExpected", g.path("type").asText()));
        }
        JsonNode c = g.path("coordinates");
        if (!c.isArray() || c.size() < 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
            throw ApiException.invalid(GEOMETRY, Messages.of("ogc.pointCoords"));
        }
        double[] ll = crs.toLonLat(c.get(0).asDouble(), c.get(1).asDouble());
        return GeoJson.point(ll[0], ll[1]);
    }

    /** A geometry with every coordinate pair swapped (EPSG:4490's latitude, longitude to longitude, latitude). */
    private static JsonNode flip(JsonNode g) {
        JsonNode copy = g.deepCopy();
        flipCoordinates(copy.get("coordinates"));
        return copy;
    }

    private static void flipCoordinates(JsonNode n) {
        if (n == null || !n.isArray() || n.isEmpty()) {
            return;
        }
        if (n.get(0).isNumber() && n.size() >= 2) {
            ArrayNode a = (ArrayNode) n;
            JsonNode x = a.get(0);
            a.set(0, a.get(1));
            a.set(1, x);
            return;
        }
        n.forEach(FeatureBody::flipCoordinates);
    }

    /** A text property: a JSON string as it is, another value as its JSON text; null when absent or null. */
    private static String text(JsonNode p, String name) {
        JsonNode n = p.get(name);
        return n == null || n.isNull() ? null : n.isTextual() ? n.asText() : n.toString();
    }

    /** A whole-number property (a number or a text of one); 422 naming it otherwise. */
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
}
