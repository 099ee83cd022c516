package com.patrolplanner.zoning;

import static com.patrolplanner.TestSupport.anonymous;
import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ZoningApiTest {
    /** A 3.6 × 3.3 km test district east of Weifang, and a two-part one (mainland + an island with no venues). */
    static final String DISTRICT = "990501";
    static final String ISLANDS = "990502";
    static final String RECT = "MULTIPOLYGON(((119.30 36.60, 119.34 36.60, 119.34 36.63, 119.30 36.63, 119.30 36.60)))";
    static final String TWO_PARTS = "MULTIPOLYGON(((119.40 36.60, 119.43 36.60, 119.43 36.63, 119.40 36.63, 119.40 36.60)),"
            + "((119.45 36.61, 119.46 36.61, 119.46 36.62, 119.45 36.62, 119.45 36.61)))";
    static final String[] CATEGORIES = {"internet_cafe", "song_dance", "game_arcade", "publication", "hotel", "printing"};

    @Inject
    DataSource dataSource;

    @BeforeEach
    void districtsAndVenues() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            for (String[] d : new String[][] {{DISTRICT, RECT}, {ISLANDS, TWO_PARTS}}) {
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM district WHERE adcode = ?")) {
                    ps.setString(1, d[0]);
                    if (ps.executeQuery().next()) {
                        continue;
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO district (adcode, name, level, geom) "
                        + "VALUES (?, ?, 'district', ST_GeomFromText(?, 4326))")) {
                    ps.setString(1, d[0]);
                    ps.setString(2, "测试区" + d[0]);
                    ps.setString(3, d[1]);
                    ps.executeUpdate();
                }
                // Clustered venues through the registry API (the registry owns its writes).
                Random r = new Random(d[0].hashCode());
                double lon0 = d[0].equals(DISTRICT) ? 119.30 : 119.40;
                double w = d[0].equals(DISTRICT) ? 0.04 : 0.03;
                for (int i = 0; i < 90; i++) {
                    double lon;
                    double lat;
                    if (i % 3 == 0) {
                        lon = lon0 + r.nextDouble() * w;
                        lat = 36.60 + r.nextDouble() * 0.03;
                    } else {
                        double cx = lon0 + (i % 2 == 0 ? 0.3 : 0.7) * w;
                        lon = Math.min(lon0 + w - 1e-4, Math.max(lon0 + 1e-4, cx + r.nextGaussian() * 0.004));
                        lat = Math.min(36.63 - 1e-4, Math.max(36.60 + 1e-4, 36.615 + r.nextGaussian() * 0.004));
                    }
                    as("planner").contentType(ContentType.JSON).body(Map.of("licenceNo", "ZN-" + d[0] + "-" + i,
                            "name", "片区测试场所" + i, "category", CATEGORIES[i % CATEGORIES.length], "lon", lon, "lat", lat))
                            .post("/api/venues").then().statusCode(201);
                }
            }
        }
    }

    private static JsonPath generate(String district, int k, long seed) {
        return as("planner").contentType(ContentType.JSON).body(Map.of("district", district, "zoneCount", k, "seed", seed))
                .post("/api/zones/generate").then().statusCode(200).extract().jsonPath();
    }

    /** Independent check in PostGIS: area of union vs district, pairwise overlaps, one polygon per zone. */
    private double[] verify(String district, List<Map<String, Object>> features) throws Exception {
        List<String> gj = new ArrayList<>();
        for (Map<String, Object> f : features) {
            gj.add(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(f.get("geometry")));
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        WITH z AS (SELECT n, ST_SetSRID(ST_GeomFromGeoJSON(g), 4326) g FROM unnest(?::text[]) WITH ORDINALITY t(g, n)),
                         d AS (SELECT geom g FROM district WHERE adcode = ?)
                        SELECT ST_Area(ST_SymDifference((SELECT ST_Union(g) FROM z), d.g)::geography) / ST_Area(d.g::geography),
                               (SELECT coalesce(sum(ST_Area(ST_Intersection(a.g, b.g)::geography)), 0) FROM z a JOIN z b ON a.n < b.n),
                               (SELECT max(ST_NumGeometries(g)) FROM z),
                               (SELECT count(*) FROM z a JOIN z b ON a.n < b.n AND ST_Overlaps(a.g, b.g)
                                 AND ST_Area(ST_Intersection(a.g, b.g)::geography) > 1)
                          FROM d""")) {
            ps.setArray(1, c.createArrayOf("text", gj.toArray()));
            ps.setString(2, district);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
            }
        }
    }

    @Test
    void generatedZonesCoverTheDistrictExactlyWithoutOverlapEachOnePolygonAndBalanced() throws Exception {
        JsonPath p = generate(DISTRICT, 4, 1);
        List<Map<String, Object>> features = p.getList("zones.features");
        assertEquals(4, features.size());
        double[] v = verify(DISTRICT, features);
        assertTrue(v[0] < 1e-4, "area error " + v[0] * 100 + " % (target < 0.01 %)");
        assertTrue(v[1] < 1.0, "overlap " + v[1] + " m²");
        assertEquals(1.0, v[2], "every zone one polygon");
        assertEquals(0.0, v[3], "no overlapping pairs");
        assertTrue(p.getDouble("coverage.areaErrorPct") < 0.01);
        assertTrue(p.getBoolean("contiguous"));
        // 90 venues of 15–45 min in 4 zones: one venue is ~4 % of a zone, so ≤ 1.10 is reachable.
        assertTrue(p.getDouble("workload.maxOverMin") <= 1.10, "max/min " + p.getDouble("workload.maxOverMin"));
        for (Map<String, Object> f : features) {
            @SuppressWarnings("unchecked")
            Map<String, Object> props = (Map<String, Object>) f.get("properties");
            double pp = ((Number) props.get("polsbyPopper")).doubleValue();
            assertTrue(pp > 0.05 && pp <= 1, "Polsby-Popper " + pp);
        }
    }

    @Test
    void sameSeedSameZones() {
        JsonPath a = generate(DISTRICT, 5, 42);
        JsonPath b = generate(DISTRICT, 5, 42);
        assertEquals(a.getList("zones.features.geometry").toString(), b.getList("zones.features.geometry").toString());
        assertEquals(a.getDouble("workload.maxMin"), b.getDouble("workload.maxMin"));
    }

    @Test
    void aPartWithoutWorkloadJoinsTheNearestZoneAsAnExclave() throws Exception {
        JsonPath p = generate(ISLANDS, 3, 7);
        List<Map<String, Object>> features = p.getList("zones.features");
        double[] v = verify(ISLANDS, features);
        assertTrue(v[0] < 1e-4, "area error " + v[0]);
        assertTrue(v[1] < 1.0, "overlap " + v[1]);
        assertEquals(2, p.getInt("parts"));
        assertEquals(1, p.getList("zones.features.properties.findAll { it.exclave }").size());
        assertTrue(p.getBoolean("contiguous"), "contiguous within parts");
    }

    @Test
    void absurdZoneCountsAre422NamingTheField() {
        for (Object k : new Object[] {0, -3, 201, 1.5}) {
            as("planner").contentType(ContentType.JSON).body(Map.of("district", DISTRICT, "zoneCount", k))
                    .post("/api/zones/generate").then().statusCode(422).contentType("application/problem+json")
                    .body("errors.field", hasItem("zoneCount"));
        }
        // a tiny drawn polygon has fewer cells than 150 zones
        Map<String, Object> tiny = Map.of("type", "Polygon", "coordinates",
                List.of(List.of(List.of(119.300, 36.600), List.of(119.301, 36.600), List.of(119.301, 36.601), List.of(119.300, 36.600))));
        as("planner").contentType(ContentType.JSON).body(Map.of("polygon", tiny, "zoneCount", 150))
                .post("/api/zones/generate").then().statusCode(422).body("errors.field", hasItem("zoneCount"));
        as("planner").contentType(ContentType.JSON).body(Map.of("district", "000000", "zoneCount", 3))
                .post("/api/zones/generate").then().statusCode(422).body("errors.field", hasItem("district"));
    }

    @Test
    void rolesPlannerWritesManagerAndLeaderRead() {
        Map<String, Object> body = Map.of("district", DISTRICT, "zoneCount", 2);
        as("manager").contentType(ContentType.JSON).body(body).post("/api/zones/generate").then().statusCode(403);
        as("leader1").contentType(ContentType.JSON).body(body).post("/api/zones/generate").then().statusCode(403);
        anonymous().contentType(ContentType.JSON).body(body).post("/api/zones/generate").then().statusCode(401);
        JsonPath p = generate(DISTRICT, 2, 3);
        int setId = as("planner").contentType(ContentType.JSON)
                .body(Map.of("name", "角色测试", "district", DISTRICT, "zones", p.getMap("zones")))
                .post("/api/zone-sets").then().statusCode(201).extract().path("id");
        as("manager").get("/api/zone-sets/" + setId).then().statusCode(200).body("zones.features", hasSize(2));
        as("leader1").get("/api/zone-sets/" + setId + "/stats").then().statusCode(200);
        as("manager").put("/api/zone-sets/" + setId + "/activate").then().statusCode(403);
        int zoneId = as("leader1").get("/api/zone-sets/" + setId).then().extract().path("zones.features[0].id");
        as("leader1").contentType(ContentType.JSON).body(Map.of("version", 0, "name", "x")).put("/api/zones/" + zoneId)
                .then().statusCode(403);
    }

    @Test
    void savedProposalActivatesOneSetPerDistrictAndReportsStatistics() throws Exception {
        // a primary school 0 m from one café of the district: that café violates the national 200 m rule
        double[] cafe = new double[2];
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT ST_X(v.geom), ST_Y(v.geom) FROM venue v JOIN district d ON ST_Covers(d.geom, v.geom) "
                        + "WHERE d.adcode = ? AND v.category = 'internet_cafe' ORDER BY v.id LIMIT 1")) {
            ps.setString(1, DISTRICT);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the test district has an internet café");
                cafe[0] = rs.getDouble(1);
                cafe[1] = rs.getDouble(2);
            }
        }
        as("planner").contentType(ContentType.JSON).body(Map.of("name", "片区统计测试小学" + System.nanoTime(),
                "level", "primary", "address", "测试地址", "lon", cafe[0], "lat", cafe[1]))
                .post("/api/schools").then().statusCode(201);
        JsonPath p = generate(DISTRICT, 3, 11);
        int a = as("planner").contentType(ContentType.JSON)
                .body(Map.of("name", "方案甲", "district", DISTRICT, "zones", p.getMap("zones"), "params", Map.of("seed", 11)))
                .post("/api/zone-sets").then().statusCode(201)
                .body("version", equalTo(1)).body("author", equalTo("planner")).body("uncovered", nullValue())
                .extract().path("id");
        int b = as("planner").contentType(ContentType.JSON)
                .body(Map.of("name", "方案乙", "district", DISTRICT, "zones", p.getMap("zones")))
                .post("/api/zone-sets").then().statusCode(201).extract().path("id");
        as("planner").put("/api/zone-sets/" + a + "/activate").then().statusCode(200).body("active", equalTo(true));
        as("planner").put("/api/zone-sets/" + b + "/activate").then().statusCode(200).body("active", equalTo(true));
        as("planner").get("/api/zone-sets/" + a).then().body("active", equalTo(false));
        // statistics: venues by category sum to the venue count; workload matches the proposal
        JsonPath s = as("manager").get("/api/zone-sets/" + a + "/stats").then().statusCode(200).extract().jsonPath();
        double total = 0;
        for (int i = 0; i < 3; i++) {
            total += s.getDouble("[" + i + "].workloadMin");
        }
        assertEquals(p.getDouble("workload.totalMin"), total, 1.0);
        // open violations per zone: the venues the compliance endpoint lists today, counted per zone by hand
        List<Long> violating = new ArrayList<>();
        for (Object v : as("manager").get("/api/compliance/violations").then().statusCode(200).extract().jsonPath()
                .getList("features.properties.venueId")) {
            violating.add(((Number) v).longValue());
        }
        long openTotal = 0;
        for (int i = 0; i < 3; i++) {
            long zoneId = s.getLong("[" + i + "].zoneId");
            long expected = countSql("SELECT count(*) FROM zone z JOIN venue v ON ST_Covers(z.geom, v.geom) "
                    + "WHERE z.id = ? AND v.id = ANY (?)", zoneId, violating.toArray(new Long[0]));
            assertEquals(expected, s.getLong("[" + i + "].openViolations"), "open violations of zone " + zoneId);
            openTotal += expected;
        }
        assertTrue(openTotal >= 1, "the café next to the test school is an open violation in one zone");
        // team assignment
        int zone = as("planner").get("/api/zone-sets/" + a).then().extract().path("zones.features[0].id");
        Integer team = as("admin").get("/api/teams").then().extract().path("[0].id");
        if (team != null) {
            as("planner").contentType(ContentType.JSON).body(Map.of("teamId", team, "version", 0))
                    .put("/api/zones/" + zone + "/team").then().statusCode(200).body("properties.teamId", equalTo(team));
            as("leader1").get("/api/zones/" + zone + "/stats").then().statusCode(200).body("teamId", equalTo(team));
        }
        as("planner").contentType(ContentType.JSON).body(Map.of("teamId", 999999, "version", 1))
                .put("/api/zones/" + zone + "/team").then().statusCode(team != null ? 422 : 409);
    }

    private long countSql(String sql, Object... args) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof Long[] a) {
                    ps.setArray(i + 1, c.createArrayOf("bigint", a));
                } else {
                    ps.setObject(i + 1, args[i]);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Map<String, Object> rect(double x0, double y0, double x1, double y1) {
        return Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(x0, y0), List.of(x1, y0), List.of(x1, y1),
                List.of(x0, y1), List.of(x0, y0))));
    }

    @Test
    void handDrawnZonesOverlapIs422StaleIs409SplitMergeRestore() {
        int set = as("planner").contentType(ContentType.JSON).body(Map.of("name", "手绘", "district", DISTRICT))
                .post("/api/zone-sets").then().statusCode(201).body("uncoveredM2", notNullValue()).extract().path("id");
        // west half
        int west = as("planner").contentType(ContentType.JSON)
                .body(Map.of("zoneSetId", set, "name", "西片", "geometry", rect(119.30, 36.60, 119.32, 36.63)))
                .post("/api/zones").then().statusCode(201)
                .body("repair.repaired", equalTo(false)).body("uncovered.type", notNullValue())
                .extract().path("zone.id");
        // overlapping the west half → 422 naming the zone and giving the overlap
        as("planner").contentType(ContentType.JSON)
                .body(Map.of("zoneSetId", set, "name", "重叠", "geometry", rect(119.31, 36.60, 119.34, 36.63)))
                .post("/api/zones").then().statusCode(422).contentType("application/problem+json")
                .body("overlaps[0].zoneId", equalTo(west)).body("overlaps[0].zoneName", equalTo("西片"))
                .body("overlaps[0].geometry.type", equalTo("Polygon")).body("errors.field", hasItem("geometry"));
        // a self-intersecting ring (bow tie) is repaired and the repair reported; it reaches past the district: clipped
        Map<String, Object> bowTie = Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(119.32, 36.60),
                List.of(119.35, 36.63), List.of(119.35, 36.60), List.of(119.32, 36.63), List.of(119.32, 36.60))));
        int east = as("planner").contentType(ContentType.JSON)
                .body(Map.of("zoneSetId", set, "name", "东片", "geometry", bowTie))
                .post("/api/zones").then().statusCode(201)
                .body("repair.repaired", equalTo(true)).body("repair.reason", notNullValue())
                .body("uncovered.type", notNullValue()).extract().path("zone.id");
        // cover the rest exactly
        as("planner").contentType(ContentType.JSON).body(Map.of("version", 0, "geometry", rect(119.32, 36.60, 119.34, 36.63)))
                .put("/api/zones/" + east).then().statusCode(200).body("uncovered", nullValue())
                .body("zone.properties.version", equalTo(1));
        // the same edit with the old version → 409
        as("planner").contentType(ContentType.JSON).body(Map.of("version", 0, "name", "旧"))
                .put("/api/zones/" + east).then().statusCode(409).body("errors.field", hasItem("version"));
        int before = as("planner").get("/api/zone-sets/" + set).then().extract().path("version");
        // split the west zone along a north–south line
        Map<String, Object> line = Map.of("type", "LineString", "coordinates", List.of(List.of(119.31, 36.59), List.of(119.31, 36.64)));
        List<Integer> parts = as("planner").contentType(ContentType.JSON).body(Map.of("line", line, "version", 0))
                .post("/api/zones/" + west + "/split").then().statusCode(200).body("zones", hasSize(2))
                .extract().path("zones.id");
        // a line that misses the zone → 422
        Map<String, Object> miss = Map.of("type", "LineString", "coordinates", List.of(List.of(119.50, 36.59), List.of(119.50, 36.64)));
        as("planner").contentType(ContentType.JSON).body(Map.of("line", miss, "version", 1))
                .post("/api/zones/" + west + "/split").then().statusCode(422).body("errors.field", hasItem("line"));
        as("planner").get("/api/zone-sets/" + set).then().body("zones.features", hasSize(3)).body("uncovered", nullValue());
        // merge the two halves back
        as("planner").contentType(ContentType.JSON).body(Map.of("zoneIds", parts, "name", "西片"))
                .post("/api/zones/merge").then().statusCode(200).body("zone.properties.parts", equalTo(1));
        as("planner").get("/api/zone-sets/" + set).then().body("zones.features", hasSize(2));
        // versions: each change with author and time; restore the state just after the split
        JsonPath versions = as("manager").get("/api/zone-sets/" + set + "/versions").then().statusCode(200).extract().jsonPath();
        List<String> actions = versions.getList("action");
        assertTrue(actions.containsAll(List.of("create", "add", "update", "split", "merge")), actions.toString());
        assertEquals("planner", versions.getString("[0].author"));
        int afterSplit = versions.getInt("find { it.action == 'split' }.version");
        assertTrue(afterSplit > before);
        as("planner").post("/api/zone-sets/" + set + "/versions/" + afterSplit + "/restore").then().statusCode(200)
                .body("zones.features", hasSize(3)).body("uncovered", nullValue());
        // no overlaps after all that
        as("planner").get("/api/zone-sets/" + set).then().body("uncoveredM2", lessThan(1.0));
    }
}
