package com.patrolplanner.compliance;

import static com.patrolplanner.TestSupport.as;

import com.patrolplanner.geo.Geodesy;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds schools and venues through the registry API. Positions are computed with GeographicLib (Karney), never with
 * PostGIS, so that a test checks PostGIS against an independent geodesic.
 */
final class Fixtures {
    private static final AtomicInteger SEQ = new AtomicInteger();

    private Fixtures() {
    }

    /** The point {@code metres} from lon/lat along azimuth (degrees clockwise from north). */
    static double[] go(double lon, double lat, double azimuth, double metres) {
        return Geodesy.destination(lon, lat, azimuth, metres);
    }

    /**
     * A campus rectangle centred on lon/lat, {@code halfW} metres to the east and west edges (which are meridians, so
     * the geodesic leaving an edge at azimuth 90° is perpendicular to it) and {@code halfH} to the north and south.
     */
    static double[][] rect(double lon, double lat, double halfW, double halfH) {
        double e = go(lon, lat, 90, halfW)[0];
        double w = go(lon, lat, 270, halfW)[0];
        double n = go(lon, lat, 0, halfH)[1];
        double s = go(lon, lat, 180, halfH)[1];
        return new double[][] {{w, s}, {e, s}, {e, n}, {w, n}, {w, s}};
    }

    /** Longitude of the east edge of {@link #rect}. */
    static double eastEdge(double lon, double lat, double halfW) {
        return go(lon, lat, 90, halfW)[0];
    }

    static Map<String, Object> polygon(double[][] ring) {
        return Map.of("type", "Polygon", "coordinates", List.of(ring(ring)));
    }

    private static List<List<Double>> ring(double[][] ring) {
        List<List<Double>> out = new ArrayList<>();
        for (double[] c : ring) {
            out.add(List.of(c[0], c[1]));
        }
        return out;
    }

    static Map<String, Object> multiPolygon(double[][]... rings) {
        List<Object> polys = new ArrayList<>();
        for (double[][] r : rings) {
            polys.add(List.of(ring(r)));
        }
        return Map.of("type", "MultiPolygon", "coordinates", polys);
    }

    static String unique(String name) {
        return name + "-" + SEQ.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
    }

    static long school(String name, String level, Map<String, Object> campus) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", unique(name));
        body.put("level", level);
        body.put("address", "测试地址");
        body.put("campus", campus);
        return ((Number) as("planner").contentType(ContentType.JSON).body(body).post("/api/schools")
                .then().log().ifValidationFails().statusCode(201).extract().path("id")).longValue();
    }

    static long schoolAt(String name, String level, double lon, double lat) {
        Map<String, Object> body = Map.of("name", unique(name), "level", level, "address", "测试地址", "lon", lon, "lat", lat);
        return ((Number) as("planner").contentType(ContentType.JSON).body(body).post("/api/schools")
                .then().log().ifValidationFails().statusCode(201).extract().path("id")).longValue();
    }

    static long venue(String name, String category, double[] lonLat) {
        Map<String, Object> body = Map.of("licenceNo", unique("LIC"), "name", name, "category", category,
                "address", "测试路1号", "lon", lonLat[0], "lat", lonLat[1]);
        return ((Number) as("planner").contentType(ContentType.JSON).body(body).post("/api/venues")
                .then().log().ifValidationFails().statusCode(201).extract().path("id")).longValue();
    }

    static int moveVenue(long id, String name, String category, double[] lonLat) {
        int version = as("planner").get("/api/venues/" + id).then().statusCode(200).extract().path("properties.version");
        String licence = as("planner").get("/api/venues/" + id).then().extract().path("properties.licenceNo");
        Map<String, Object> body = Map.of("licenceNo", licence, "name", name, "category", category,
                "address", "测试路1号", "lon", lonLat[0], "lat", lonLat[1], "version", version);
        return as("planner").contentType(ContentType.JSON).body(body).put("/api/venues/" + id).then().statusCode(200)
                .extract().path("properties.version");
    }

    /** The violation features of one venue, from the stored verdicts ("stored") or computed afresh ("live"). */
    static List<Map<String, Object>> violationsOf(long venueId, String source) {
        JsonPath json = as("manager").queryParam("source", source).get("/api/compliance/violations")
                .then().statusCode(200).contentType("application/geo+json").extract().jsonPath();
        List<Map<String, Object>> props = json.getList("features.properties");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> p : props) {
            if (((Number) p.get("venueId")).longValue() == venueId) {
                out.add(p);
            }
        }
        return out;
    }

    static List<Map<String, Object>> violationsOf(long venueId) {
        return violationsOf(venueId, "stored");
    }
}
