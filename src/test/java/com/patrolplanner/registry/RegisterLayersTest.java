package com.patrolplanner.registry;

import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.security.AppUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 18 point 1: the venue and school layers kept in memory per scope ({@link RegisterLayers}). A map request is
 * answered from the kept layer exactly as SQL answers it (compared byte for byte with the SQL path and with ground
 * truth from SQL), the caller's unit is part of the key, any write to the table retires it at once (through the API
 * and through plain SQL), an inspection write does not, and a client holding the answer gets a 304.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegisterLayersTest {
    // city 102.00–102.20 E × 31.00–31.10 N; A the west half, B the east half (far from every other fixture)
    static final double[] CITY = {102.00, 31.00, 102.20, 31.10};
    static final double[] A = {102.00, 31.00, 102.10, 31.10};
    static final double[] B = {102.10, 31.00, 102.20, 31.10};
    static final String CITY_BOX = "102.0,31.0,102.2,31.1";

    @Inject
    DataSource db;
    @Inject
    RegisterLayers layers;

    long unitA;
    long unitB;
    long city;
    final List<Long> venuesA = new ArrayList<>();
    long venueB;

    static String box(double[] b) {
        return "{\"type\":\"Polygon\",\"coordinates\":[[[" + b[0] + "," + b[1] + "],[" + b[2] + "," + b[1] + "],[" + b[2] + ","
                + b[3] + "],[" + b[0] + "," + b[3] + "],[" + b[0] + "," + b[1] + "]]]}";
    }

    long unit(String name, String adcode, String kind, Long parent, double[] area) {
        String body = "{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\",\"adcode\":\"" + adcode + "\""
                + (parent == null ? "" : ",\"parentId\":" + parent) + ",\"area\":" + box(area) + "}";
        return as("admin").contentType("application/json").body(body).post("/api/units").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    long venue(String licence, double lon, double lat) {
        return as("admin").contentType("application/json").body(Map.of("licenceNo", licence, "name", "图层测试" + licence,
                "category", "internet_cafe", "address", "图层路" + licence, "lon", lon, "lat", lat)).post("/api/venues")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @BeforeEach
    void setUp() throws Exception {
        if (city != 0) {
            return;
        }
        cleanUp();
        venuesA.add(venue("LY-A-1", 102.050, 31.050));
        venuesA.add(venue("LY-A-2", 102.080, 31.020));
        venuesA.add(venue("LY-A-3", 102.0300001, 31.0300001));
        venueB = venue("LY-B-1", 102.150, 31.050);
        try (Connection c = db.getConnection()) {
            // schools straight in SQL: one with a campus reaching over the A/B line, one point only
            c.createStatement().execute("""
                    INSERT INTO school (name, level, address, geom, campus, source_datum)
                    VALUES ('图层测试甲小学', 'primary', '图层路1号', ST_SetSRID(ST_MakePoint(102.0995, 31.05), 4326),
                            ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(102.0995, 31.05), 4326)::geography, 80, 8)::geometry), 'WGS84'),
                           ('图层测试乙小学', 'junior', '图层路2号', ST_SetSRID(ST_MakePoint(102.16, 31.06), 4326), NULL, 'WGS84')""");
            c.createStatement().execute("INSERT INTO district (adcode, name, level, parent_code, geom) VALUES ('990202', "
                    + "'图层测试乙区', 'district', '990200', ST_Multi(ST_MakeEnvelope(102.10, 31.00, 102.20, 31.10, 4326)))");
            c.createStatement().execute("INSERT INTO district (adcode, name, level, parent_code, geom) VALUES ('990201', "
                    + "'图层测试甲区', 'district', '990200', ST_Multi(ST_MakeEnvelope(102.00, 31.00, 102.10, 31.10, 4326)))");
        }
        city = unit("图层测试市", "990200", "city", null, CITY);
        unitA = unit("图层测试甲区", "990201", "district", city, A);
        unitB = unit("图层测试乙区", "990202", "district", city, B);
        QuarkusTransaction.requiringNew().run(() -> {
            user("ly-a-planner", "planner", unitA, null);
            user("ly-b-planner", "planner", unitB, null);
            user("ly-city-manager", "manager", city, null);
            Team t = new Team();
            t.name = "图层测试组";
            t.unitId = unitA;
            t.persist();
            user("ly-a-leader", "team_leader", unitA, t.id);
        });
    }

    static void user(String name, String role, long unit, Long team) {
        AppUser u = new AppUser();
        u.username = name;
        u.password = AppUser.hash(name);
        u.roles = role;
        u.unitId = unit;
        u.teamId = team;
        u.persist();
    }

    @AfterAll
    void cleanUp() throws Exception {
        try (Connection c = db.getConnection()) {
            c.createStatement().execute("DELETE FROM app_session WHERE user_id IN (SELECT id FROM app_user WHERE username LIKE 'ly-%')");
            c.createStatement().execute("DELETE FROM app_user WHERE username LIKE 'ly-%'");
            c.createStatement().execute("DELETE FROM team WHERE name = '图层测试组'");
            c.createStatement().execute("DELETE FROM inspection WHERE venue_id IN (SELECT id FROM venue WHERE licence_no LIKE 'LY-%')");
            c.createStatement().execute("DELETE FROM venue WHERE licence_no LIKE 'LY-%'");
            c.createStatement().execute("DELETE FROM school WHERE name LIKE '图层测试%'");
            c.createStatement().execute("DELETE FROM unit WHERE kind = 'district' AND name LIKE '图层测试%'");
            c.createStatement().execute("DELETE FROM unit WHERE name LIKE '图层测试%'");
            c.createStatement().execute("DELETE FROM district WHERE adcode IN ('990201', '990202')");
        }
    }

    /** Ground truth: ids of the table's rows in the unit's box (by position, not unit_id) that PostGIS' {@code &&} finds. */
    List<Long> truth(String table, String shape, double[] unitBox, String bbox) throws Exception {
        String[] q = bbox.split(",");
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT id FROM " + table
                + " WHERE geom && ST_MakeEnvelope(?, ?, ?, ?, 4326) AND " + shape + " && ST_MakeEnvelope(?, ?, ?, ?, 4326)"
                + " AND (name LIKE '图层测试%') ORDER BY id")) {
            for (int i = 0; i < 4; i++) {
                ps.setDouble(1 + i, unitBox[i] + (i < 2 ? 1e-9 : -1e-9));
                ps.setDouble(5 + i, Double.parseDouble(q[i]));
            }
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        }
    }

    String sqlText(String query, long id) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(query)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    void sql(String statement) throws Exception {
        try (Connection c = db.getConnection()) {
            c.createStatement().execute(statement);
        }
    }

    static ExtractableResponse<Response> get(String user, String path) {
        return as(user).get(path).then().statusCode(200).extract();
    }

    static List<Long> ids(ExtractableResponse<Response> r) {
        return r.jsonPath().getList("features.id", Number.class).stream().map(Number::longValue).toList();
    }

    @Test
    void theKeptLayerAnswersExactlyAsSql() throws Exception {
        // the same request by SQL: a sort that orders as id does but is not the layer's plain order
        for (String user : List.of("ly-a-planner", "ly-city-manager")) {
            for (String q : List.of("bbox=" + CITY_BOX, "bbox=102.0,31.0,102.0500001,31.05", "bbox=102.05,31.05,102.05,31.05",
                    "bbox=102.0300002,31.03,102.04,31.04", "bbox=102.02,31.02,102.0299999,31.0299999", "limit=10000",
                    "bbox=" + CITY_BOX + "&limit=1&offset=1", "bbox=" + CITY_BOX + "&limit=0")) {
                for (String layer : List.of("/api/venues", "/api/schools")) {
                    var kept = as(user).get(layer + "?" + q).then().statusCode(200).extract();
                    var bySql = as(user).get(layer + "?" + q + "&sort=id,name").then().statusCode(200).extract();
                    assertNotNull(kept.header("ETag"), layer + "?" + q);
                    assertEquals(null, bySql.header("ETag"), "the filtered path is SQL: " + layer + "?" + q);
                    assertEquals(bySql.asString(), kept.asString(), user + " " + layer + "?" + q);
                    assertEquals(String.valueOf(bySql.header("Link")).replaceAll("&sort=[^&>]*", ""),
                            String.valueOf(kept.header("Link")), user + " " + layer + "?" + q);
                }
            }
        }
        // and against ground truth by position: A's planner sees A's venues and schools in the box, the city both
        for (String bbox : List.of(CITY_BOX, "102.0,31.0,102.0500001,31.05", "102.09,31.0,102.11,31.1")) {
            assertEquals(truth("venue", "geom", A, bbox), ids(get("ly-a-planner", "/api/venues?bbox=" + bbox)).stream()
                    .filter(id -> venuesA.contains(id) || id == venueB).toList(), bbox);
            assertEquals(truth("venue", "geom", CITY, bbox), ids(get("ly-city-manager", "/api/venues?bbox=" + bbox)).stream()
                    .filter(id -> venuesA.contains(id) || id == venueB).toList(), bbox);
            assertEquals(truth("school", "coalesce(campus::geometry, geom)", A, bbox),
                    ids(get("ly-a-planner", "/api/schools?bbox=" + bbox)), bbox);
        }
    }

    @Test
    void theUnitIsPartOfTheKey() throws Exception {
        String path = "/api/venues?bbox=" + CITY_BOX;
        List<Long> a = ids(get("ly-a-planner", path));
        List<Long> b = ids(get("ly-b-planner", path));
        List<Long> all = ids(get("ly-city-manager", path));
        assertEquals(venuesA, a);
        assertEquals(List.of(venueB), b);
        List<Long> both = new ArrayList<>(venuesA);
        both.add(venueB);
        assertEquals(both, all);
        // asked again in the other order: each still gets its own (nothing shared between the scopes)
        assertEquals(List.of(venueB), ids(get("ly-b-planner", path)));
        assertEquals(venuesA, ids(get("ly-a-planner", path)));
        // a team leader reads the registers of the own unit (the registers are not split by team)
        assertEquals(venuesA, ids(get("ly-a-leader", path)));
        // an ETag of one unit's answer never matches another unit's
        String tagA = get("ly-a-planner", path).header("ETag");
        as("ly-b-planner").header("If-None-Match", tagA).get(path).then().statusCode(200);
        as("ly-a-planner").header("If-None-Match", tagA).get(path).then().statusCode(304);
    }

    @Test
    void aWriteRetiresTheLayerAnInspectionDoesNot() throws Exception {
        String path = "/api/venues?bbox=" + CITY_BOX;
        long id = venuesA.get(0);
        var first = get("ly-a-planner", path);
        String tag = first.header("ETag");
        long builds = layers.builds.get();
        // kept: a second request builds nothing and a client holding the answer gets a 304
        var again = get("ly-a-planner", path);
        assertEquals(first.asString(), again.asString());
        assertEquals(builds, layers.builds.get());
        as("ly-a-planner").header("If-None-Match", tag).get(path).then().statusCode(304);

        // an inspection write (another table) keeps the venue layer and its ETag
        sql("INSERT INTO inspection (venue_id, inspected_at, outcome, officer_count, category, created_by) VALUES ("
                + id + ", now(), 'compliant', 2, 'internet_cafe', 'layers-test')");
        as("ly-a-planner").header("If-None-Match", tag).get(path).then().statusCode(304);
        assertEquals(builds, layers.builds.get());

        // a write in plain SQL shows at once; the value is the one SQL holds
        sql("UPDATE venue SET name = '图层测试改名一' WHERE id = " + id);
        as("ly-a-planner").header("If-None-Match", tag).get(path).then().statusCode(200);
        var afterSql = get("ly-a-planner", path);
        assertNotEquals(tag, afterSql.header("ETag"));
        assertEquals(sqlText("SELECT name FROM venue WHERE id = ?", id),
                afterSql.jsonPath().getString("features.find { it.id == " + id + " }.properties.name"));
        assertEquals("图层测试改名一", sqlText("SELECT name FROM venue WHERE id = ?", id));

        // a write through the API shows at once as well, with its new version
        int version = afterSql.jsonPath().getInt("features.find { it.id == " + id + " }.properties.version");
        as("admin").contentType("application/json").body(Map.of("licenceNo", "LY-A-1", "name", "图层测试改名二",
                "category", "internet_cafe", "address", "图层路LY-A-1", "lon", 102.050, "lat", 31.050, "version", version))
                .put("/api/venues/" + id).then().statusCode(200);
        var afterApi = get("ly-a-planner", path);
        assertEquals(sqlText("SELECT name FROM venue WHERE id = ?", id),
                afterApi.jsonPath().getString("features.find { it.id == " + id + " }.properties.name"));
        assertEquals(Long.parseLong(sqlText("SELECT version::text FROM venue WHERE id = ?", id)),
                afterApi.jsonPath().getLong("features.find { it.id == " + id + " }.properties.version"));

        // a venue moved out of the box in SQL leaves the answer; the count follows
        sql("UPDATE venue SET geom = ST_SetSRID(ST_MakePoint(102.5, 31.5), 4326) WHERE id = " + venuesA.get(1));
        var moved = get("ly-city-manager", path);
        assertTrue(!ids(moved).contains(venuesA.get(1)));
        assertEquals(ids(moved).size(), moved.jsonPath().getInt("numberMatched"));
        sql("UPDATE venue SET geom = ST_SetSRID(ST_MakePoint(102.080, 31.020), 4326) WHERE id = " + venuesA.get(1));

        // schools: a write to the school table retires the school layer
        String schools = "/api/schools?bbox=" + CITY_BOX;
        String schoolTag = get("ly-city-manager", schools).header("ETag");
        sql("UPDATE school SET address = '图层路改' WHERE name = '图层测试乙小学'");
        var s = get("ly-city-manager", schools);
        assertNotEquals(schoolTag, s.header("ETag"));
        assertEquals("图层路改", s.jsonPath().getString("features.find { it.properties.name == '图层测试乙小学' }.properties.address"));
    }
}
