package com.patrolplanner.geo;

import com.patrolplanner.i18n.Messages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * GeoJSON (RFC 7946: lon,lat order, WGS-84, no {@code crs} member) to and from JTS, with the checks a careless client
 * needs: coordinates finite and in range, rings closed, at most {@link #MAX_VERTICES} positions (counted in the JSON
 * tree before any geometry is built, so an oversized drawing costs one walk of the request body and no database work).
 * Geometries made here carry SRID 4326.
 */
public final class GeoJson {
    public static final int WGS84_SRID = 4326;
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), WGS84_SRID);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Positions one geometry may have: a district outline drawn or traced by hand stays far below it. */
    public static final int MAX_VERTICES = 10_000;
    /** Positions one request may carry over all its geometries (a zone set saved with its zones). */
    public static final int MAX_VERTICES_PER_REQUEST = 50_000;

    private GeoJson() {
    }

    public static Point point(double lon, double lat) {
        checkLonLat(lon, lat, "coordinates");
        return FACTORY.createPoint(new Coordinate(lon, lat));
    }

    /** Throws {@link IllegalArgumentException} naming {@code field} when lon/lat is not a finite WGS-84 position. */
    public static void checkLonLat(double lon, double lat, String field) {
        if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
            throw new IllegalArgumentException(field + ": " + Messages.of(Double.isFinite(lon) ? "geo.latitudeNotFinite" : "geo.longitudeNotFinite"));
        }
        if (lon < -180 || lon > 180) {
            throw new IllegalArgumentException(field + ": " + Messages.of("geo.longitudeOutside", lon));
        }
        if (lat < -90 || lat > 90) {
            throw new IllegalArgumentException(field + ": " + Messages.of("geo.latitudeOutside", lat));
        }
    }

    /** Parses a GeoJSON geometry object (not a Feature) into JTS, checking every coordinate. */
    public static Geometry parse(JsonNode geometry, String field) {
        if (geometry == null || geometry.isNull() || !geometry.isObject()) {
            throw new IllegalArgumentException(field + ": " + Messages.of("geo.geometryRequired"));
        }
        JsonNode type = geometry.get("type");
        if (type == null || !type.isTextual()) {
            throw new IllegalArgumentException(field + ": " + Messages.of("geo.noType"));
        }
        if ("Feature".equals(type.asText())) {
            return parse(geometry.get("geometry"), field);
        }
        int vertices = vertexCount(geometry);
        if (vertices > MAX_VERTICES) {
            throw new TooManyVertices(field, vertices, MAX_VERTICES, "per geometry");
        }
        Geometry g;
        try {
            g = new GeoJsonReader(FACTORY).read(geometry.toString());
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException(field + ": " + Messages.of("geo.invalid", type.asText(), e.getMessage()));
        }
        if (g.isEmpty()) {
            // an empty ring list parses to an empty geometry, whose interior point has no x (that was a 500)
            throw new IllegalArgumentException(field + ": " + Messages.of("geo.empty", type.asText()));
        }
        for (Coordinate c : g.getCoordinates()) {
            checkLonLat(c.x, c.y, field);
        }
        g.setSRID(WGS84_SRID);
        return g;
    }

    /**
     * The number of positions in a GeoJSON value (geometry, Feature or FeatureCollection), counted in the JSON tree:
     * every array whose first element is a number is one position. Stops counting past {@link #MAX_VERTICES_PER_REQUEST}.
     */
    public static int vertexCount(JsonNode node) {
        return count(node, 0);
    }

    private static int count(JsonNode node, int sofar) {
        if (node == null || sofar > MAX_VERTICES_PER_REQUEST) {
            return sofar;
        }
        if (node.isArray()) {
            if (!node.isEmpty() && node.get(0).isNumber()) {
                return sofar + 1;
            }
            for (JsonNode e : node) {
                sofar = count(e, sofar);
            }
        } else if (node.isObject()) {
            for (JsonNode e : node) {
                sofar = count(e, sofar);
            }
        }
        return sofar;
    }

    /** Refuses a request whose geometries hold more than {@link #MAX_VERTICES_PER_REQUEST} positions in all. */
    public static void checkRequestVertices(JsonNode body, String field) {
        int n = vertexCount(body);
        if (n > MAX_VERTICES_PER_REQUEST) {
            throw new TooManyVertices(field, n, MAX_VERTICES_PER_REQUEST, "per request");
        }
    }

    /** A geometry (or request) with more positions than the limit; the message names the field and the limit. */
    public static final class TooManyVertices extends IllegalArgumentException {
        public final String field;
        public final int limit;
        public final boolean perRequest;

        TooManyVertices(String field, int count, int limit, String scope) {
            super(field + ": " + (count > MAX_VERTICES_PER_REQUEST ? "more than " + MAX_VERTICES_PER_REQUEST : count)
                    + " vertices, more than the limit of " + limit + " " + scope + " (simplify the outline)");
            this.field = field;
            this.limit = limit;
            this.perRequest = "per request".equals(scope);
        }
    }

    public static Geometry parse(String json, String field) {
        try {
            return parse(MAPPER.readTree(json), field);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(field + ": " + Messages.of("geo.notJson", e.getOriginalMessage()));
        }
    }

    /** Polygon or MultiPolygon → MultiPolygon; anything else is refused. */
    public static MultiPolygon toMultiPolygon(Geometry g, String field) {
        if (g instanceof MultiPolygon mp) {
            return mp;
        }
        if (g instanceof Polygon p) {
            MultiPolygon mp = FACTORY.createMultiPolygon(new Polygon[] {p});
            mp.setSRID(WGS84_SRID);
            return mp;
        }
        throw new IllegalArgumentException(field + ": " + Messages.of("geo.notPolygon", g.getGeometryType()));
    }

    /** JTS → GeoJSON geometry text, 7 decimals (about 1 cm), no crs member. */
    public static String write(Geometry g) {
        GeoJsonWriter w = new GeoJsonWriter(7);
        w.setEncodeCRS(false);
        return w.write(g);
    }

    /** The geometry as its GeoJSON text ({@link #write}, 7 decimals) reads back: what a round trip through a client stores. */
    public static Geometry rounded(Geometry g, String field) {
        return parse(writeNode(g), field);
    }

    public static JsonNode writeNode(Geometry g) {
        try {
            return MAPPER.readTree(write(g));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
