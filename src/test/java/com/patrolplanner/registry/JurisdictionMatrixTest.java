package com.patrolplanner.registry;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.security.AppUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue #14 (jurisdiction, 属地管理): a city unit over two district units A and B (boxes side by side, far from every
 * other fixture) and a development zone carved out of A. For every scoped operation that names a record, a user of the
 * other district gets 404; every scoped list and aggregate as a district user holds exactly its district's records,
 * compared with ground truth computed in SQL from the boxes (not from unit_id); the city's users see both.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JurisdictionMatrixTest {
    // city 101.00–101.20 E × 30.00–30.10 N; A the west half, B the east half; zone Z inside A
    static final double[] CITY = {101.00, 30.00, 101.20, 30.10};
    static final double[] A = {101.00, 30.00, 101.10, 30.10};
    static final double[] B = {101.10, 30.00, 101.20, 30.10};
    static final double[] Z = {101.02, 30.02, 101.04, 30.04};
    static final String BBOX = "101.0,30.0,101.2,30.1";
    static final List<String> USERS = List.of("ju-a-planner", "ju-a-manager", "ju-b-planner", "ju-b-manager",
            "ju-city-planner", "ju-city-manager", "ju-a-admin", "ju-b-admin");
    /** Records of each district made through the API by its own users (fixtures of the unit × endpoint matrix). */
    final Map<String, Map<String, Object>> rec = new java.util.HashMap<>();

    @Inject
    DataSource db;

    long city;
    /** The last audit record before this class wrote anything: the trail's ground truth looks at what came after. */
    long auditStart;
    long unitA;
    long unitB;
    final List<Long> venuesA = new ArrayList<>();
    final List<Long> venuesB = new ArrayList<>();
    long venueInZone;
    long schoolA;
    long schoolB;

    static String box(double[] b) {
        return "{\"type\":\"Polygon\",\"coordinates\":[[[" + b[0] + "," + b[1] + "],[" + b[2] + "," + b[1] + "],[" + b[2] + ","
                + b[3] + "],[" + b[0] + "," + b[3] + "],[" + b[0] + "," + b[1] + "]]]}";
    }

    long unit(String name, String adcode, String kind, Long parent, double[] area) {
        String body = "{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\"" + (adcode == null ? "" : ",\"adcode\":\"" + adcode + "\"")
                + (parent == null ? "" : ",\"parentId\":" + parent) + ",\"area\":" + box(area) + "}";
        return as("admin").contentType("application/json").body(body).post("/api/units").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    long venue(String licence, String category, double lon, double lat) {
        return as("admin").contentType("application/json").body(Map.of("licenceNo", licence, "name", "辖区测试" + licence,
                "category", category, "address", "测试路" + licence, "lon", lon, "lat", lat)).post("/api/venues")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    long school(String name, double lon, double lat) {
        return as("admin").contentType("application/json").body(Map.of("name", name, "level", "primary", "address",
                name + "路", "lon", lon, "lat", lat)).post("/api/schools").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Once, before the first test (RestAssured has its port only per test). */
    @BeforeEach
    void setUp() throws Exception {
        if (city != 0) {
            return;
        }
        cleanUp();
        auditStart = sql("SELECT coalesce(max(seq), 0) FROM audit_log");
        // venues first, so that carving the zone later must move one of them
        venuesA.add(venue("JU-A-1", "internet_cafe", 101.050, 30.050));
        venuesA.add(venue("JU-A-2", "song_dance", 101.080, 30.020));
        venueInZone = venue("JU-Z-1", "internet_cafe", 101.030, 30.030);
        venuesA.add(venueInZone);
        venuesB.add(venue("JU-B-1", "internet_cafe", 101.150, 30.050));
        venuesB.add(venue("JU-B-2", "game_arcade", 101.180, 30.080));
        // a school 100 m north of an internet café in each district (inside every school perimeter rule)
        schoolA = school("辖区测试甲小学", 101.050, 30.0509);
        schoolB = school("辖区测试乙小学", 101.150, 30.0509);
        try (Connection c = db.getConnection()) {
            c.createStatement().execute("INSERT INTO district (adcode, name, level, parent_code, geom) VALUES ('990102', "
                    + "'辖区测试乙区', 'district', '990100', ST_Multi(ST_MakeEnvelope(101.10, 30.00, 101.20, 30.10, 4326)))");
            c.createStatement().execute("INSERT INTO district (adcode, name, level, parent_code, geom) VALUES ('990101', "
                    + "'辖区测试甲区', 'district', '990100', ST_Multi(ST_MakeEnvelope(101.00, 30.00, 101.10, 30.10, 4326)))");
        }
        city = unit("辖区测试市", "990100", "city", null, CITY);
        unitA = unit("辖区测试甲区", "990101", "district", city, A);
        unitB = unit("辖区测试乙区", "990102", "district", city, B);
        QuarkusTransaction.requiringNew().run(() -> {
            user("ju-a-planner", "planner", unitA);
            user("ju-a-manager", "manager", unitA);
            user("ju-b-planner", "planner", unitB);
            user("ju-b-manager", "manager", unitB);
            user("ju-city-planner", "planner", city);
            user("ju-city-manager", "manager", city);
            // unit administrators (单位管理员) of A and B
            user("ju-a-admin", "admin", unitA);
            user("ju-b-admin", "admin", unitB);
        });
    }

    static void user(String name, String role, long unit) {
        AppUser u = new AppUser();
        u.username = name;
        u.password = AppUser.hash(name);
        u.roles = role;
        u.unitId = unit;
        u.persist();
    }

    @AfterAll
    void cleanUp() throws Exception {
        try (Connection c = db.getConnection()) {
            c.createStatement().execute("DELETE FROM app_session WHERE user_id IN (SELECT id FROM app_user WHERE username LIKE 'ju-%')");
            c.createStatement().execute("DELETE FROM app_user WHERE username LIKE 'ju-%'");
            for (String t : List.of("evidence_file", "goods_act", "issued_document", "case_file", "case_counter", "work_log")) {
                c.createStatement().execute("DELETE FROM " + t + " WHERE unit_id IN (SELECT id FROM unit WHERE name LIKE '辖区测试%')");
            }
            c.createStatement().execute("DELETE FROM recusal WHERE inspector_id IN (SELECT id FROM inspector WHERE name LIKE '辖区测试%')");
            c.createStatement().execute("DELETE FROM inspection WHERE venue_id IN (SELECT id FROM venue WHERE licence_no LIKE 'JU-%')");
            c.createStatement().execute("DELETE FROM campaign WHERE name LIKE '辖区测试%'");
            c.createStatement().execute("DELETE FROM zone_set WHERE name LIKE '辖区测试%'");
            c.createStatement().execute("DELETE FROM inspector WHERE name LIKE '辖区测试%'");
            c.createStatement().execute("DELETE FROM team WHERE name LIKE '辖区测试%'");
            c.createStatement().execute("DELETE FROM job WHERE owner LIKE 'ju-%'");
            c.createStatement().execute("DELETE FROM venue WHERE licence_no LIKE 'JU-%'");
            // the provisional stalls (无证摊点) of the casework fixtures: venues without a licence number in the boxes
            c.createStatement().execute("DELETE FROM venue WHERE licence_no IS NULL AND geom && ST_MakeEnvelope(101.0, 30.0, 101.2, 30.1, 4326)");
            c.createStatement().execute("DELETE FROM school WHERE name LIKE '辖区测试%'");
            c.createStatement().execute("DELETE FROM unit WHERE kind = 'zone' AND name LIKE '辖区测试%'");
            c.createStatement().execute("DELETE FROM unit WHERE kind = 'district' AND name LIKE '辖区测试%'");
            c.createStatement().execute("DELETE FROM unit WHERE name LIKE '辖区测试%'");
            c.createStatement().execute("DELETE FROM district WHERE adcode IN ('990101', '990102')");
        }
    }

    /** Ground truth: ids of {@code table} rows whose position lies strictly inside the box (by geometry, not unit_id). */
    Set<Long> inBox(String table, double[] b) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT id FROM " + table
                + " WHERE geom IS NOT NULL AND ST_X(geom) > ? AND ST_X(geom) < ? AND ST_Y(geom) > ? AND ST_Y(geom) < ?")) {
            ps.setDouble(1, b[0]);
            ps.setDouble(2, b[2]);
            ps.setDouble(3, b[1]);
            ps.setDouble(4, b[3]);
            Set<Long> out = new TreeSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        }
    }

    long sql(String query) throws Exception {
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    Long unitOf(String table, long id) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT unit_id FROM " + table + " WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long u = rs.getLong(1);
                return rs.wasNull() ? null : u;
            }
        }
    }

    static Set<Long> ids(List<?> raw) {
        return raw.stream().map(o -> ((Number) o).longValue()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    @Order(1)
    void recordsOfTheOtherDistrictAre404() {
        long a = venuesA.get(0);
        long b = venuesB.get(0);
        for (String[] probe : new String[][] {{"ju-a-planner", String.valueOf(b), String.valueOf(schoolB)},
                {"ju-b-planner", String.valueOf(a), String.valueOf(schoolA)}}) {
            String u = probe[0];
            as(u).get("/api/venues/" + probe[1]).then().statusCode(404);
            as(u).get("/api/venues/" + probe[1] + "/history").then().statusCode(404);
            as(u).contentType("application/json").body(Map.of("name", "x", "category", "other", "version", 0))
                    .put("/api/venues/" + probe[1]).then().statusCode(404);
            as(u).contentType("application/json").body(Map.of("lon", 101.05, "lat", 30.05))
                    .put("/api/venues/" + probe[1] + "/location").then().statusCode(404);
            as(u).delete("/api/venues/" + probe[1]).then().statusCode(404);
            as(u).get("/api/schools/" + probe[2]).then().statusCode(404);
            as(u).get("/api/schools/" + probe[2] + "/history").then().statusCode(404);
            as(u).delete("/api/schools/" + probe[2]).then().statusCode(404);
        }
        as("ju-a-planner").get("/api/units/" + unitB).then().statusCode(404);
        as("ju-a-manager").get("/api/reports/period?unit=" + unitB).then().statusCode(404);
        as("ju-a-manager").get("/api/reports/period?district=990102").then().statusCode(404);
        as("ju-a-manager").get("/api/reports/daily?unit=990102").then().statusCode(404);
        as("ju-a-planner").get("/api/districts/990102").then().statusCode(404);
        as("ju-a-planner").get("/api/districts?district=990102").then().statusCode(200).body("numberMatched", org.hamcrest.Matchers.equalTo(0));
        as("ju-b-planner").get("/api/districts/990102").then().statusCode(200);
        as("ju-city-manager").get("/api/districts/990102").then().statusCode(200);
        // own records and the city's users: 200
        as("ju-a-planner").get("/api/venues/" + a).then().statusCode(200);
        as("ju-city-manager").get("/api/venues/" + a).then().statusCode(200);
        as("ju-city-manager").get("/api/venues/" + b).then().statusCode(200);
        as("ju-city-manager").get("/api/schools/" + schoolB).then().statusCode(200);
    }

    @Test
    @Order(2)
    void listsAndAggregatesHoldOnlyTheUsersDistrict() throws Exception {
        Set<Long> truthA = inBox("venue", A);
        Set<Long> truthB = inBox("venue", B);
        assertEquals(new TreeSet<>(venuesA), truthA);
        Set<Long> truthAll = new TreeSet<>(truthA);
        truthAll.addAll(truthB);
        Map<String, Set<Long>> expected = Map.of("ju-a-manager", truthA, "ju-b-manager", truthB, "ju-city-manager", truthAll,
                "ju-a-planner", truthA, "ju-b-planner", truthB, "ju-city-planner", truthAll);
        for (Map.Entry<String, Set<Long>> e : expected.entrySet()) {
            String u = e.getKey();
            JsonPath list = as(u).get("/api/venues?bbox=" + BBOX).then().statusCode(200).extract().jsonPath();
            assertEquals(e.getValue(), ids(list.getList("features.id")), u + " venues");
            assertEquals(e.getValue().size(), list.getInt("numberMatched"), u + " numberMatched");
            JsonPath cov = as(u).get("/api/coverage/venues?bbox=" + BBOX).then().statusCode(200).extract().jsonPath();
            assertEquals(e.getValue(), ids(cov.getList("features.id")), u + " coverage venues");
            JsonPath hex = as(u).get("/api/coverage/hex?bbox=" + BBOX).then().statusCode(200).extract().jsonPath();
            assertEquals(e.getValue().size(), hex.getList("features.properties.venues", Integer.class).stream()
                    .mapToInt(Integer::intValue).sum(), u + " hex venues");
            JsonPath heat = as(u).get("/api/coverage/heat?bbox=" + BBOX + "&metric=gap").then().statusCode(200).extract().jsonPath();
            assertEquals(e.getValue().size(), heat.getList("points").size(), u + " heat points");
            JsonPath gaps = as(u).get("/api/coverage/gaps").then().statusCode(200).extract().jsonPath();
            Set<Long> gapVenues = new TreeSet<>();
            for (Map<String, Object> g : gaps.<Map<String, Object>>getList("items")) {
                if ("venue".equals(g.get("entity"))) {
                    long id = Long.parseLong(String.valueOf(g.get("id")));
                    if (truthAll.contains(id)) {
                        gapVenues.add(id);
                    }
                }
            }
            assertEquals(e.getValue(), gapVenues, u + " gaps (never inspected)");
            Set<Long> schools = ids(as(u).get("/api/schools?bbox=" + BBOX).then().statusCode(200).extract().jsonPath()
                    .getList("features.id"));
            Set<Long> schoolTruth = new TreeSet<>();
            for (long s : inBox("school", CITY)) {
                if (e.getValue() == truthAll || (e.getValue() == truthA) == inBox("school", A).contains(s)) {
                    schoolTruth.add(s);
                }
            }
            assertEquals(schoolTruth, schools, u + " schools");
        }
        // the violations scan: a district manager sees its café near its school, never the other's
        for (String[] m : new String[][] {{"ju-a-manager", "a"}, {"ju-b-manager", "b"}, {"ju-city-manager", "all"}}) {
            Set<Long> got = ids(as(m[0]).get("/api/compliance/violations").then().statusCode(200).extract().jsonPath()
                    .getList("features.properties.venueId"));
            got.retainAll(truthAll);
            Set<Long> want = switch (m[1]) {
                case "a" -> Set.of(venuesA.get(0));
                case "b" -> Set.of(venuesB.get(0));
                default -> Set.of(venuesA.get(0), venuesB.get(0));
            };
            assertEquals(new TreeSet<>(want), got, m[0] + " violations");
        }
    }

    @Test
    @Order(3)
    void writesOutsideTheUnitAre422NamingIt() {
        as("ju-a-planner").contentType("application/json").body(Map.of("licenceNo", "JU-X-1", "name", "越界", "category",
                "other", "lon", 101.15, "lat", 30.05)).post("/api/venues").then().statusCode(422)
                .body("errors[0].reason", containsString("辖区测试甲区")).body("errors[0].reason", containsString("辖区测试乙区"));
        as("ju-a-planner").get("/api/venues?q=JU-X-1").then().statusCode(200).body("numberMatched", org.hamcrest.Matchers.equalTo(0));
        // moving an own venue into B is refused the same way and leaves it where it was
        as("ju-a-planner").contentType("application/json").body(Map.of("lon", 101.15, "lat", 30.06))
                .put("/api/venues/" + venuesA.get(1) + "/location").then().statusCode(422);
        as("ju-a-planner").get("/api/venues/" + venuesA.get(1)).then().statusCode(200)
                .body("geometry.coordinates[0]", org.hamcrest.Matchers.closeTo(101.08, 1e-9));
        // inside: fine
        as("ju-a-planner").contentType("application/json").body(Map.of("licenceNo", "JU-A-3", "name", "界内", "category",
                "other", "lon", 101.09, "lat", 30.09)).post("/api/venues").then().statusCode(201);
    }

    @Test
    @Order(4)
    void anImportWithRowsOutsideTheUnitIsRefusedWhole() throws Exception {
        String csv = "licence_no,name,category,address,lon,lat\n"
                + "JU-I-1,导入甲一,internet_cafe,甲路1号,101.061,30.061\n"
                + "JU-I-2,导入乙一,internet_cafe,乙路1号,101.161,30.061\n"
                + "JU-I-3,导入甲二,other,甲路2号,101.062,30.062\n"
                + "JU-I-4,导入乙二,other,乙路2号,101.162,30.062\n";
        JsonPath p = as("ju-a-planner").multiPart("file", "units.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("kind", "venues").post("/api/imports").then().statusCode(422).extract().jsonPath();
        assertEquals(List.of(2, 4), p.getList("errors.row", Integer.class), "data rows 2 and 4 lie in B");
        assertTrue(p.getString("errors[0].reason").contains("辖区测试乙区"));
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT count(*) FROM venue WHERE licence_no LIKE 'JU-I-%'")) {
            rs.next();
            assertEquals(0, rs.getLong(1), "nothing imported");
        }
        // the same file as the city planner goes in whole
        as("ju-city-planner").multiPart("file", "units.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("kind", "venues").post("/api/imports").then().statusCode(200);
    }

    @Test
    @Order(5)
    void aDevelopmentZoneCarvedOutOfADistrictTakesItsVenues() throws Exception {
        assertEquals(unitA, unitOf("venue", venueInZone));
        long zone = unit("辖区测试开发区", null, "zone", unitA, Z);
        assertEquals(zone, unitOf("venue", venueInZone), "the venue inside the zone moved to it");
        for (long v : inBox("venue", A)) {
            boolean inZone = inBox("venue", Z).contains(v);
            assertEquals(inZone ? zone : unitA, unitOf("venue", v), "venue " + v);
        }
        // A's users still see it (the zone is below A); B's do not; the tree shows the zone under A
        as("ju-a-planner").get("/api/venues/" + venueInZone).then().statusCode(200);
        as("ju-b-planner").get("/api/venues/" + venueInZone).then().statusCode(404);
        JsonPath tree = as("ju-a-planner").get("/api/units").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("辖区测试甲区"), tree.getList("name"));
        assertEquals(List.of("辖区测试开发区"), tree.getList("[0].children.name"));
        JsonPath cityTree = as("ju-city-manager").get("/api/units").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("辖区测试甲区", "辖区测试乙区"), cityTree.getList("[0].children.name"));
        as("ju-a-planner").get("/api/units/mine").then().statusCode(200).body("name", org.hamcrest.Matchers.equalTo("辖区测试甲区"))
                .body("extent[0]", org.hamcrest.Matchers.closeTo(101.0, 1e-9));
    }

    @Test
    @Order(6)
    void reportsPerUnit() throws Exception {
        // no inspections in these boxes: the figures are the registers; venues per unit from SQL ground truth
        JsonPath city = as("ju-city-manager").get("/api/reports/period?from=2026-01-01&to=2026-06-30").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("辖区测试市", city.getString("unitName"));
        assertEquals(List.of("辖区测试甲区", "辖区测试乙区"), city.getList("units.unitName"));
        assertEquals(inBox("venue", A).size(), city.getInt("units[0].venues"));
        assertEquals(inBox("venue", B).size(), city.getInt("units[1].venues"));
        assertEquals(inBox("venue", CITY).size(), city.getInt("venues"));
        assertTrue(city.getString("text").startsWith("辖区测试市"));
        JsonPath a = as("ju-a-manager").get("/api/reports/period?from=2026-01-01&to=2026-06-30").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(inBox("venue", A).size(), a.getInt("venues"));
        as("ju-city-manager").get("/api/reports/period?unit=990102").then().statusCode(200)
                .body("venues", org.hamcrest.Matchers.equalTo(inBox("venue", B).size()));
        JsonPath daily = as("ju-city-manager").get("/api/reports/daily?date=2026-03-02").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("辖区测试甲区", "辖区测试乙区"), daily.getList("units.unitName"));
        assertEquals("合计", daily.getString("total.unitName"));
        JsonPath dailyA = as("ju-a-manager").get("/api/reports/daily?date=2026-03-02").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("辖区测试甲区"), dailyA.getList("units.unitName"), "a district user gets its own row");
        assertFalse(dailyA.getList("units.unitName").contains("辖区测试乙区"));
        as("ju-city-manager").get("/api/reports/daily?date=2026-03-02&format=xlsx").then().statusCode(200)
                .contentType(containsString("spreadsheetml"));
    }

    // ------------------------------------------------------------------ the unit × endpoint matrix (every record kind)

    /** Path parameters that name no record of a unit, and operations that are the city's own (with the reason). */
    static final Map<String, String> NOT_UNIT_RECORDS = Map.of(
            "/api/calendar/{day}", "the school calendar is the city's, one for every unit",
            "/api/compliance/rules/{code}", "compliance rules are the province's and the city's, read by every unit",
            "/api/complaints/rules/{code}", "the complaint deadlines are the bureau's named rules, read by every unit",
            "/api/complaints/calendar/{day}", "the working-day calendar (public holidays) is the State Council's, one for every unit");

    /** A district's records, made through the API by its own planner (so the unit each gets is the service's choice). */
    void makeRecords(String d, long unit, List<Long> venues) {
        String planner = "ju-" + d + "-planner";
        Map<String, Object> r = new java.util.HashMap<>();
        r.put("venue", venues.get(0));
        double lon = d.equals("a") ? 101.05 : 101.15;
        long team = as(planner).contentType("application/json").body(Map.of("name", "辖区测试" + d + "组", "baseLon", lon,
                "baseLat", 30.05)).post("/api/teams").then().statusCode(201).extract().jsonPath().getLong("id");
        r.put("team", team);
        List<Long> officers = new ArrayList<>();
        for (int k = 1; k <= 2; k++) {
            officers.add(as(planner).contentType("application/json").body(Map.of("name", "辖区测试" + d + "员" + k,
                    "certificateNo", "JU-" + d + "-C" + k, "teamId", team)).post("/api/inspectors").then().statusCode(201)
                    .extract().jsonPath().getLong("id"));
        }
        r.put("inspector", officers.get(0));
        QuarkusTransaction.requiringNew().run(() -> {
            AppUser u = new AppUser();
            u.username = "ju-" + d + "-leader";
            u.password = AppUser.hash(u.username);
            u.roles = "team_leader";
            u.unitId = unit;
            u.teamId = team;
            u.persist();
        });
        r.put("campaign", as(planner).contentType("application/json").body(Map.of("name", "辖区测试" + d + "行动", "type",
                "ROUTINE", "startDate", "2026-03-02", "teamIds", List.of(team))).post("/api/campaigns").then().statusCode(201)
                .extract().jsonPath().getLong("id"));
        double[] box = d.equals("a") ? new double[] {101.01, 30.01, 101.09, 30.09} : new double[] {101.11, 30.01, 101.19, 30.09};
        long set = as(planner).contentType("application/json").body("{\"name\":\"辖区测试" + d + "片区\",\"polygon\":" + box(box) + "}")
                .post("/api/zone-sets").then().statusCode(201).extract().jsonPath().getLong("id");
        r.put("zoneSet", set);
        r.put("zone", as(planner).contentType("application/json").body("{\"zoneSetId\":" + set + ",\"name\":\"辖区测试" + d
                + "一片\",\"geometry\":" + box(new double[] {box[0], box[1], box[0] + 0.02, box[1] + 0.02}) + "}")
                .post("/api/zones").then().statusCode(201).extract().jsonPath().getLong("zone.id"));
        r.put("inspection", as(planner).contentType("application/json").body(Map.of("venueId", venues.get(0), "inspectedAt",
                "2026-03-02T10:00:00+08:00", "officers", officers, "outcome", "compliant", "violations", List.of()))
                .post("/api/inspections").then().statusCode(201).extract().jsonPath().getLong("id"));
        r.put("recusal", as(planner).contentType("application/json").body(Map.of("inspectorId", officers.get(1), "venueId",
                venues.get(1))).post("/api/recusals").then().statusCode(201).extract().jsonPath().getLong("id"));
        r.put("job", as(planner).contentType("application/json").body(Map.of("addresses", List.of(Map.of("id", "j1",
                "address", "辖区测试路1号")))).post("/api/geocode/batch").then().statusCode(202).extract().jsonPath()
                .getString("jobId"));
        r.put("complaint", as(planner).contentType("application/json").body(Map.of("source", "phone", "venueId",
                venues.get(0), "content", "辖区测试举报" + d)).post("/api/complaints").then().statusCode(201).extract().jsonPath()
                .getLong("id"));
        r.put("unit", unit);
        r.put("adcode", d.equals("a") ? "990101" : "990102");
        r.put("officers", officers);
        r.put("user", userId("ju-" + d + "-planner"));
        casework(d, r, venues.get(0), officers);
        rec.put(d, r);
    }

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2, 3, 4};

    /**
     * Issue 16's casework of district {@code d}, made through the API by its planner: a violating inspection of its café
     * by its two certified officers, the case filed on it with an evidence item and a file, a goods act, a rectification
     * notice, a work-log entry, a provisional stall and a field photo.
     */
    void casework(String d, Map<String, Object> r, long venue, List<Long> officers) {
        String planner = "ju-" + d + "-planner";
        long inspection = as(planner).contentType("application/json").body(Map.of("venueId", venue, "inspectedAt",
                java.time.OffsetDateTime.now().minusHours(2).toString(), "officers", officers, "outcome", "violation",
                "violations", List.of("cafe_id_not_checked"))).post("/api/inspections").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        r.put("violating", inspection);
        long kase = as(planner).contentType("application/json").body(Map.of("inspectionId", inspection, "cause",
                "辖区测试案由" + d, "officers", officers)).post("/api/cases").then().statusCode(201).extract().jsonPath().getLong("id");
        r.put("case", kase);
        long evidence = as(planner).contentType("application/json").body(Map.of("officers", officers, "version", 0,
                "description", "辖区测试笔录" + d)).post("/api/cases/" + kase + "/evidence").then().statusCode(200)
                .extract().jsonPath().getLong("evidence[0].id");
        r.put("evidence", evidence);
        r.put("file", as(planner).multiPart("file", "现场.png", PNG, "image/png").post("/api/cases/" + kase + "/evidence/"
                + evidence + "/files").then().statusCode(201).extract().jsonPath().getLong("id"));
        r.put("goods", as(planner).contentType("application/json").body(Map.of("act", "detained", "kind", "computers",
                "quantity", 3, "inspectionId", inspection, "officers", officers)).post("/api/goods").then().statusCode(201)
                .extract().jsonPath().getLong("id"));
        r.put("document", as(planner).contentType("application/json").body(Map.of("kind", "rectification_notice",
                "inspectionId", inspection, "deadline", java.time.LocalDate.now().plusDays(10).toString(), "officers", officers))
                .post("/api/documents").then().statusCode(201).extract().jsonPath().getLong("id"));
        r.put("workLog", as(planner).contentType("application/json").body(Map.of("date", "2026-03-02", "kind", "briefing",
                "quantity", 1, "title", "辖区测试简报" + d)).post("/api/work-log").then().statusCode(201).extract().jsonPath()
                .getLong("id"));
        double lon = d.equals("a") ? 101.06 : 101.16;
        r.put("stall", as(planner).contentType("application/json").body(Map.of("category", "publication", "lon", lon,
                "lat", 30.07)).post("/api/field/stalls").then().statusCode(201).extract().jsonPath().getLong("id"));
        as(planner).multiPart("file", "photo.png", PNG, "image/png").post("/api/field/inspections/" + inspection + "/photos")
                .then().statusCode(201);
    }

    long userId(String name) {
        return QuarkusTransaction.requiringNew().call(() -> AppUser.findByUsername(name).id);
    }

    boolean made;

    void records() {
        if (!made) {
            made = true;
            makeRecords("a", unitA, venuesA);
            makeRecords("b", unitB, venuesB);
        }
        assertEquals(Set.of("a", "b"), rec.keySet(), "the fixtures of both districts");
    }

    private static final java.util.regex.Pattern PARAM = java.util.regex.Pattern.compile("\\{([^}]+)}");

    /** The path with district {@code d}'s record for each parameter (by the path's collection and the parameter's name). */
    String fill(String path, String d) {
        Map<String, Object> r = rec.get(d);
        java.util.regex.Matcher m = PARAM.matcher(path);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Object v = switch (name) {
                case "teamId" -> r.get("team");
                case "venueId" -> r.get("venue");
                case "jobId" -> r.get("job");
                case "adcode" -> r.get("adcode");
                case "evidence" -> r.get("evidence");
                case "file" -> r.get("file");
                case "version" -> 1;
                case "stopId" -> 987654321;
                case "id" -> {
                    String coll = path.substring("/api/".length()).split("/")[0];
                    yield switch (coll) {
                        case "venues" -> r.get("venue");
                        case "schools" -> d.equals("a") ? schoolA : schoolB;
                        case "inspectors" -> r.get("inspector");
                        case "teams" -> r.get("team");
                        case "campaigns" -> r.get("campaign");
                        case "zone-sets" -> r.get("zoneSet");
                        case "zones" -> r.get("zone");
                        case "inspections" -> r.get("inspection");
                        case "recusals" -> r.get("recusal");
                        case "jobs" -> r.get("job");
                        case "units" -> r.get("unit");
                        case "complaints" -> r.get("complaint");
                        case "users" -> r.get("user");
                        case "cases" -> r.get("case");
                        case "goods" -> r.get("goods");
                        case "documents" -> r.get("document");
                        case "work-log" -> r.get("workLog");
                        case "field" -> r.get("violating");
                        default -> throw new AssertionError("no record kind for " + path + ": add it to fill() or "
                                + "NOT_UNIT_RECORDS");
                    };
                }
                default -> throw new AssertionError("unknown path parameter {" + name + "} in " + path);
            };
            m.appendReplacement(sb, String.valueOf(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * Bodies that pass validation, so that a 404 is the record's and not the body's; {@code caller} is the district of
     * the user who sends it (its own officers act).
     */
    String body(String op, String d, String caller) {
        Map<String, Object> r = rec.get(d);
        String officers = String.valueOf(rec.get(caller).get("officers")).replace(" ", "");
        String method = op.substring(0, op.indexOf(' '));
        String path = op.substring(op.indexOf(' ') + 1);
        if (!Set.of("POST", "PUT", "PATCH").contains(method)) {
            return null;
        }
        return switch (path) {
            case "/api/venues/{id}" -> "{\"name\":\"x\",\"category\":\"other\",\"version\":0}";
            case "/api/schools/{id}" -> "{\"name\":\"x\",\"level\":\"primary\",\"version\":0}";
            case "/api/venues/{id}/location", "/api/schools/{id}/location" -> "{\"lon\":101.05,\"lat\":30.05}";
            case "/api/inspectors/{id}", "/api/teams/{id}" -> "{\"name\":\"x\",\"version\":0}";
            case "/api/inspections/{id}" -> "{\"venueId\":" + r.get("venue") + ",\"inspectedAt\":\"2026-03-02T10:00:00+08:00\","
                    + "\"officers\":[],\"outcome\":\"compliant\",\"violations\":[],\"version\":0}";
            case "/api/zones/{id}", "/api/zones/{id}/team" -> "{\"version\":0}";
            case "/api/zones/{id}/split" -> "{\"version\":0,\"line\":{\"type\":\"LineString\",\"coordinates\":[[101.0,30.0],[101.2,30.1]]}}";
            case "/api/units/{id}" -> "{\"name\":\"x\",\"kind\":\"district\",\"version\":0}";
            case "/api/users/{id}" -> "{\"username\":\"ju-x\",\"roles\":[\"planner\"]}";
            case "/api/cases/{id}/evidence" -> "{\"officers\":" + officers + ",\"version\":1,\"description\":\"x\"}";
            case "/api/cases/{id}/notice" -> "{\"officers\":" + officers + ",\"version\":1,\"hearing\":\"waived\"}";
            case "/api/cases/{id}/extension" -> "{\"officers\":" + officers + ",\"version\":1,\"days\":30,"
                    + "\"approvedBy\":\"局长\",\"note\":\"x\"}";
            case "/api/cases/{id}/decision" -> "{\"officers\":" + officers + ",\"version\":1,\"penalties\":[{\"kind\":"
                    + "\"warning\",\"legalArticle\":\"第三十二条\"}]}";
            case "/api/cases/{id}/execution" -> "{\"officers\":" + officers + ",\"version\":1,\"result\":\"paid\"}";
            case "/api/cases/{id}/closing" -> "{\"officers\":" + officers + ",\"version\":1,\"note\":\"x\"}";
            case "/api/goods/{id}/return", "/api/goods/{id}/extension" -> "{\"officers\":" + officers + ",\"version\":0,"
                    + "\"approvedBy\":\"局长\",\"note\":\"x\"}";
            case "/api/documents/{id}/reinspection" -> "{\"version\":0,\"rectified\":true,\"note\":\"x\"}";
            case "/api/work-log/{id}" -> "{\"date\":\"2026-03-02\",\"kind\":\"briefing\",\"quantity\":2,\"version\":0}";
            default -> "{}";
        };
    }

    io.restassured.response.Response call(String user, String op, String d) {
        String method = op.substring(0, op.indexOf(' '));
        String path = fill(op.substring(op.indexOf(' ') + 1), d);
        io.restassured.specification.RequestSpecification spec = as(user).redirects().follow(false);
        String caller = user.startsWith("ju-a-") ? "a" : user.startsWith("ju-b-") ? "b" : d;
        String b = body(op, d, caller);
        if (method.equals("POST") && (path.endsWith("/files") || path.endsWith("/photos"))) {
            spec = spec.multiPart("file", "x.png", PNG, "image/png");
        } else if (b != null) {
            spec = spec.contentType("application/json").body(b);
        }
        return spec.request(method, path);
    }

    /**
     * Every {@code /api} operation of the OpenAPI document that names a record in its path, called by a user of
     * district B on district A's record (and the other way round), is a 404; the same GET by A's own user finds it.
     * Built from {@code /q/openapi}, so an operation added later is in the matrix (or must be listed as not naming a
     * unit's record, with the reason).
     */
    @Test
    @Order(7)
    void everyOperationNamingARecordOfTheOtherDistrictIs404() {
        records();
        Map<String, Set<String>> live = com.patrolplanner.reliability.AccessMatrixTest.liveOperations();
        List<String> wrong = new ArrayList<>();
        int probed = 0;
        for (String op : live.keySet()) {
            String path = op.substring(op.indexOf(' ') + 1);
            if (!path.contains("{") || NOT_UNIT_RECORDS.containsKey(path)) {
                continue;
            }
            String roles = com.patrolplanner.reliability.AccessMatrixTest.EXPECTED.get(op);
            assertTrue(roles != null, "no roles row for " + op + " in AccessMatrixTest");
            // administrator-only operations (a unit's users, units): B's unit administrator on A's record
            String role = roles.contains("P") ? "planner" : roles.contains("M") ? "manager" : roles.contains("L") ? "leader"
                    : "admin";
            // B's user on A's records (the districts are symmetric; A's on B's is checked for the main records below)
            for (String[] pair : new String[][] {{"b", "a"}}) {
                io.restassured.response.Response r = call("ju-" + pair[0] + "-" + role, op, pair[1]);
                probed++;
                if (r.statusCode() != 404) {
                    wrong.add(op + " as ju-" + pair[0] + "-" + role + " on " + pair[1] + "'s record → " + r.statusCode()
                            + " " + r.asString());
                }
            }
        }
        assertTrue(probed > 50, "only " + probed + " probes");
        // the same records are there for their own district (so the 404s above are the unit's, not a wrong id)
        for (String op : List.of("GET /api/venues/{id}", "GET /api/schools/{id}", "GET /api/inspectors/{id}",
                "GET /api/teams/{id}", "GET /api/campaigns/{id}", "GET /api/campaigns/{id}/targets",
                "GET /api/campaigns/{id}/plans", "GET /api/zone-sets/{id}", "GET /api/zone-sets/{id}/versions",
                "GET /api/zone-sets/{id}/stats", "GET /api/zones/{id}", "GET /api/zones/{id}/stats",
                "GET /api/inspections/{id}", "GET /api/inspections/{id}/history", "GET /api/venues/{id}/inspections",
                "GET /api/jobs/{id}", "GET /api/units/{id}", "GET /api/districts/{adcode}",
                "GET /api/geocode/batch/{jobId}/results")) {
            int own = call("ju-a-planner", op, "a").statusCode();
            int other = call("ju-a-planner", op, "b").statusCode();
            int city = call("ju-city-planner", op, "b").statusCode();
            if (own != 200 || other != 404 || city != 200) {
                wrong.add(op + ": ju-a-planner on A's record → " + own + " (200), on B's → " + other
                        + " (404); ju-city-planner on B's → " + city + " (200)");
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " wrong answers:\n" + String.join("\n", wrong));
    }

    static Set<Long> longs(List<?> raw) {
        return raw.stream().map(o -> Long.valueOf(String.valueOf(o))).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Ground truth by SQL, independent of unit_id: {@code sql} yields (id, district letter) of every fixture. */
    Map<String, Set<Long>> truth(String sql) throws Exception {
        Map<String, Set<Long>> out = new java.util.HashMap<>(Map.of("a", new TreeSet<>(), "b", new TreeSet<>()));
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.get(rs.getString(2)).add(rs.getLong(1));
            }
        }
        return out;
    }

    /**
     * Every list of a unit's records as a district user holds exactly its district's fixtures (SQL ground truth: by
     * position for venues' inspections and the review queue, by the creating user otherwise), never the other's; the
     * city's users see both.
     */
    @Test
    @Order(8)
    void everyListHoldsOnlyTheUsersDistrict() throws Exception {
        records();
        String inA = "ST_X(v.geom) < 101.10";
        Map<String, Map<String, Set<Long>>> truths = new java.util.LinkedHashMap<>();
        truths.put("/api/campaigns|id", truth("SELECT id, substr(created_by, 4, 1) FROM campaign WHERE name LIKE '辖区测试%'"));
        truths.put("/api/zone-sets|id", truth("SELECT id, substr(author, 4, 1) FROM zone_set WHERE name LIKE '辖区测试%'"));
        truths.put("/api/teams|id", truth("SELECT id, substr(name, 5, 1) FROM team WHERE name LIKE '辖区测试%'"));
        truths.put("/api/inspectors|id", truth("SELECT id, substr(name, 5, 1) FROM inspector WHERE name LIKE '辖区测试%'"));
        truths.put("/api/inspections?limit=1000|items.id", truth("SELECT i.id, CASE WHEN " + inA + " THEN 'a' ELSE 'b' END FROM "
                + "inspection i JOIN venue v ON v.id = i.venue_id WHERE v.licence_no LIKE 'JU-%'"));
        truths.put("/api/recusals|id", truth("SELECT r.id, CASE WHEN " + inA + " THEN 'a' ELSE 'b' END FROM recusal r "
                + "JOIN venue v ON v.id = r.venue_id WHERE v.licence_no LIKE 'JU-%'"));
        // by the fixtures' box: the system administrator sees every inspection of the suite's database (more than one page)
        truths.put("/ogc/collections/inspections/items?limit=10000&bbox=" + BBOX + "|features.id",
                truths.get("/api/inspections?limit=1000|items.id"));
        truths.put("/ogc/collections/venues/items?limit=10000&bbox=" + BBOX + "|features.id",
                truth("SELECT v.id, CASE WHEN " + inA + " THEN 'a' ELSE 'b' END FROM venue v WHERE v.licence_no LIKE 'JU-%'"));
        // casework (issue 16): by the district planner who made each record
        truths.put("/api/cases?limit=1000|items.id", truth("SELECT id, substr(created_by, 4, 1) FROM case_file WHERE created_by LIKE 'ju-_-planner'"));
        truths.put("/api/goods?limit=1000|items.id", truth("SELECT id, substr(created_by, 4, 1) FROM goods_act WHERE created_by LIKE 'ju-_-planner'"));
        truths.put("/api/documents?limit=1000|items.id", truth("SELECT id, substr(created_by, 4, 1) FROM issued_document "
                + "WHERE created_by LIKE 'ju-_-planner'"));
        truths.put("/api/work-log?limit=1000|items.id", truth("SELECT id, substr(created_by, 4, 1) FROM work_log WHERE created_by LIKE 'ju-_-planner'"));
        // provisional stalls: unlicensed venues without a licence number, by position
        truths.put("/api/field/stalls?limit=1000|items.id", truth("SELECT v.id, CASE WHEN " + inA + " THEN 'a' ELSE 'b' END FROM venue v "
                + "WHERE v.licence_no IS NULL AND ST_X(v.geom) BETWEEN 101.0 AND 101.2 AND ST_Y(v.geom) BETWEEN 30.0 AND 30.1"));
        // users (the unit administrators' list): the fixture users by their name
        truths.put("/api/users|id", truth("SELECT id, substr(username, 4, 1) FROM app_user WHERE username LIKE 'ju-_-%'"));
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Map<String, Set<Long>>> t : truths.entrySet()) {
            String[] q = t.getKey().split("\\|");
            Set<Long> all = new TreeSet<>(t.getValue().get("a"));
            all.addAll(t.getValue().get("b"));
            assertFalse(t.getValue().get("a").isEmpty() || t.getValue().get("b").isEmpty(), "fixtures of " + q[0]);
            for (String[] u : new String[][] {{"ju-a-planner", "a"}, {"ju-b-planner", "b"}, {"ju-a-manager", "a"},
                    {"ju-b-manager", "b"}, {"ju-city-planner", "*"}, {"ju-city-manager", "*"}, {"ju-a-admin", "a"},
                    {"ju-b-admin", "b"}, {"admin", "*"}}) {
                io.restassured.response.Response r = as(u[0]).get(q[0]);
                if (r.statusCode() == 403) {
                    continue; // the role does not read this list at all (AccessMatrixTest)
                }

                Set<Long> got = longs(r.then().statusCode(200).extract().jsonPath().getList(q[1]));
                got.retainAll(all);
                Set<Long> want = u[1].equals("*") ? all : t.getValue().get(u[1]);
                if (!want.equals(got)) {
                    wrong.add(q[0] + " as " + u[0] + ": " + got + ", expected " + want);
                }
            }
        }
        // the field photos of A's violating inspection: A's users and the city's read them, B's get a 404
        String photos = "/api/field/inspections/" + rec.get("a").get("violating") + "/photos";
        Set<Long> photoTruth = truth("SELECT id, 'a' FROM evidence_file WHERE inspection_id = " + rec.get("a").get("violating")).get("a");
        assertFalse(photoTruth.isEmpty(), "fixtures of " + photos);
        for (String u : List.of("ju-a-planner", "ju-a-manager", "ju-a-leader", "ju-city-planner", "ju-city-manager")) {
            assertEquals(photoTruth, longs(as(u).get(photos).then().statusCode(200).extract().jsonPath().getList("id")), u + " " + photos);
        }
        for (String u : List.of("ju-b-planner", "ju-b-manager", "ju-b-leader")) {
            as(u).get(photos).then().statusCode(404);
        }
        // a district leader's my-shift and campaigns: the own team's only
        assertEquals(Set.of((Long) rec.get("a").get("campaign")), longs(as("ju-a-leader").get("/api/campaigns").then()
                .statusCode(200).extract().jsonPath().getList("id")));
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** Writes that would place a record in, or tie it to, the other district are refused naming the unit; nothing is written. */
    @Test
    @Order(9)
    void writesReachingIntoTheOtherDistrictAreRefused() throws Exception {
        records();
        // an inspection of B's venue by A's planner: 422 on venueId naming both units
        as("ju-a-planner").contentType("application/json").body(Map.of("venueId", venuesB.get(0), "inspectedAt",
                "2026-03-03T10:00:00+08:00", "officers", List.of(rec.get("a").get("inspector")), "outcome", "compliant",
                "violations", List.of())).post("/api/inspections").then().statusCode(422)
                .body("errors.find { it.field == 'venueId' }.reason", containsString("辖区测试乙区"));
        // a campaign with B's team, a zone in B's set, a zone set on B's district, a team placed in B: refused
        as("ju-a-planner").contentType("application/json").body(Map.of("name", "辖区测试越界行动", "type", "ROUTINE",
                "startDate", "2026-03-02", "teamIds", List.of(rec.get("b").get("team")))).post("/api/campaigns").then()
                .statusCode(422).body("errors.field", org.hamcrest.Matchers.hasItem("teamIds[0]"));
        as("ju-a-planner").contentType("application/json").body("{\"zoneSetId\":" + rec.get("b").get("zoneSet")
                + ",\"geometry\":" + box(new double[] {101.15, 30.05, 101.16, 30.06}) + "}").post("/api/zones").then()
                .statusCode(404);
        as("ju-a-planner").contentType("application/json").body(Map.of("name", "辖区测试越界片区", "district", "990102"))
                .post("/api/zone-sets").then().statusCode(422).body("errors[0].reason", containsString("辖区测试乙区"));
        as("ju-a-planner").contentType("application/json").body(Map.of("name", "辖区测试越界组", "unitId", unitB))
                .post("/api/teams").then().statusCode(422).body("errors[0].field", org.hamcrest.Matchers.equalTo("unitId"))
                .body("errors[0].reason", containsString("辖区测试乙区"));
        as("ju-a-planner").contentType("application/json").body(Map.of("name", "辖区测试越界员", "teamId",
                rec.get("b").get("team"))).post("/api/inspectors").then().statusCode(422);
        as("ju-a-planner").contentType("application/json").body(Map.of("inspectorId", rec.get("b").get("inspector"),
                "venueId", venuesA.get(0))).post("/api/recusals").then().statusCode(422);
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT (SELECT count(*) FROM campaign WHERE name LIKE '辖区测试越界%') + (SELECT count(*) FROM zone_set "
                        + "WHERE name LIKE '辖区测试越界%') + (SELECT count(*) FROM team WHERE name LIKE '辖区测试越界%') "
                        + "+ (SELECT count(*) FROM inspection WHERE venue_id = " + venuesB.get(0) + " AND inspected_at::date = '2026-03-03')")) {
            rs.next();
            assertEquals(0, rs.getLong(1), "nothing written");
        }
        // the city planner places a campaign in district B (a unit below its own) and B's planner owns it
        long placed = as("ju-city-planner").contentType("application/json").body(Map.of("name", "辖区测试市派行动", "type",
                "ROUTINE", "startDate", "2026-03-02", "unitId", unitB, "teamIds", List.of(rec.get("b").get("team"))))
                .post("/api/campaigns").then().statusCode(201).body("unitName", org.hamcrest.Matchers.equalTo("辖区测试乙区"))
                .extract().jsonPath().getLong("id");
        as("ju-b-planner").get("/api/campaigns/" + placed).then().statusCode(200).body("readOnly", org.hamcrest.Matchers.equalTo(false));
        as("ju-a-planner").get("/api/campaigns/" + placed).then().statusCode(404);
        as("ju-a-planner").contentType("application/json").body(Map.of("name", "辖区测试越界行动", "type", "ROUTINE",
                "startDate", "2026-03-02", "unitId", unitB)).post("/api/campaigns").then().statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("unitId"));
    }

    @Inject
    com.patrolplanner.jobs.JobService jobs;

    /**
     * A joint campaign (联合行动) of the city with teams of both districts: each team needs two certified officers
     * ({@link TwoOfficerRule}); a district's users see it read-only, and of its plan only their own teams' routes.
     */
    @Test
    @Order(10)
    void aJointCampaignOfTheCityIsReadOnlyForTheDistrictsAndShowsThemTheirPart() throws Exception {
        records();
        long teamA = (Long) rec.get("a").get("team");
        long teamB = (Long) rec.get("b").get("team");
        // a team of A with one certified officer cannot go on a joint campaign (行政处罚法 第四十二条)
        long thin = as("ju-a-planner").contentType("application/json").body(Map.of("name", "辖区测试a单员组"))
                .post("/api/teams").then().statusCode(201).extract().jsonPath().getLong("id");
        as("ju-a-planner").contentType("application/json").body(Map.of("name", "辖区测试a单员", "certificateNo", "JU-a-T1",
                "teamId", thin)).post("/api/inspectors").then().statusCode(201);
        as("ju-city-planner").contentType("application/json").body(Map.of("name", "辖区测试联合行动X", "type", "ROUTINE",
                "startDate", "2026-03-02", "teamIds", List.of(teamA, thin, teamB))).post("/api/campaigns").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.equalTo(List.of("teamIds[1]")))
                .body("errors[0].reason", containsString("第四十二条"));
        JsonPath joint = as("ju-city-planner").contentType("application/json").body(Map.of("name", "辖区测试联合行动", "type",
                "ROUTINE", "startDate", "2026-03-02", "teamIds", List.of(teamA, teamB))).post("/api/campaigns").then()
                .statusCode(201).extract().jsonPath();
        long id = joint.getLong("id");
        assertEquals("辖区测试市", joint.getString("unitName"));
        // the districts see it (list and by id), read-only; the city's planner owns it
        for (String d : List.of("a", "b")) {
            assertTrue(longs(as("ju-" + d + "-planner").get("/api/campaigns").then().statusCode(200).extract().jsonPath()
                    .getList("id")).contains(id), d + " lists the joint campaign");
            as("ju-" + d + "-planner").get("/api/campaigns/" + id).then().statusCode(200).body("readOnly", org.hamcrest.Matchers.equalTo(true));
            as("ju-" + d + "-leader").get("/api/campaigns/" + id).then().statusCode(200);
            as("ju-" + d + "-planner").contentType("application/json").body(Map.of("name", "改名", "type", "ROUTINE", "startDate",
                    "2026-03-02", "version", 0)).put("/api/campaigns/" + id).then().statusCode(403);
            as("ju-" + d + "-planner").delete("/api/campaigns/" + id).then().statusCode(403);
            as("ju-" + d + "-planner").contentType("application/json").body("{}").post("/api/campaigns/" + id + "/draw").then().statusCode(403);
            as("ju-" + d + "-planner").contentType("application/json").body("{}").post("/api/campaigns/" + id + "/solve").then().statusCode(403);
            // the whole campaign's figures are the city's: not the district's part
            as("ju-" + d + "-planner").get("/api/campaigns/" + id + "/targets").then().statusCode(404);
            as("ju-" + d + "-planner").get("/api/campaigns/" + id + "/plans").then().statusCode(404);
        }
        as("ju-city-planner").get("/api/campaigns/" + id).then().statusCode(200).body("readOnly", org.hamcrest.Matchers.equalTo(false));
        // the city plans it; each district reads its own teams' routes only
        String job = as("ju-city-planner").contentType("application/json").body(Map.of("date", "2026-03-02", "seconds", 1))
                .post("/api/campaigns/" + id + "/solve").then().statusCode(202).extract().jsonPath().getString("jobId");
        jobs.await(java.util.UUID.fromString(job), java.time.Duration.ofSeconds(120));
        Set<Long> all = longs(as("ju-city-planner").get("/api/campaigns/" + id + "/plan?date=2026-03-02").then().statusCode(200)
                .extract().jsonPath().getList("routes.teamId"));
        assertEquals(new TreeSet<>(List.of(teamA, teamB)), all);
        assertEquals(Set.of(teamA), longs(as("ju-a-planner").get("/api/campaigns/" + id + "/plan?date=2026-03-02").then()
                .statusCode(200).extract().jsonPath().getList("routes.teamId")));
        assertEquals(Set.of(teamB), longs(as("ju-b-manager").get("/api/campaigns/" + id + "/plan?date=2026-03-02").then()
                .statusCode(200).extract().jsonPath().getList("routes.teamId")));
        as("ju-a-planner").get("/api/campaigns/" + id + "/plan/teams/" + teamA + "/sheet?date=2026-03-02").then().statusCode(200);
        as("ju-a-planner").get("/api/campaigns/" + id + "/plan/teams/" + teamB + "/sheet?date=2026-03-02").then().statusCode(404);
        as("ju-b-leader").get("/api/campaigns/" + id + "/plan/teams/" + teamB + "/calendar.ics?date=2026-03-02").then().statusCode(200);
        // another district's campaign of its own stays invisible to the other (the matrix above): and not in its list
        assertFalse(longs(as("ju-b-planner").get("/api/campaigns").then().extract().jsonPath().getList("id"))
                .contains(rec.get("a").get("campaign")));
    }

    /** The city's choropleth per unit: one feature per district with its figures; a district sees itself only. */
    @Test
    @Order(11)
    void theCitysChoroplethHasOneFeaturePerDistrict() throws Exception {
        records();
        JsonPath city = as("ju-city-manager").get("/api/coverage/units?from=2026-03-01&to=2026-03-31").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("辖区测试甲区", "辖区测试乙区"), city.getList("features.properties.name"));
        // venues per district from SQL ground truth by position; one inspection each in March (the fixtures)
        Set<Long> active = new TreeSet<>();
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT id FROM venue WHERE status IN ('open','suspended','unlicensed')")) {
            while (rs.next()) {
                active.add(rs.getLong(1));
            }
        }
        Set<Long> a = inBox("venue", A);
        a.retainAll(active);
        Set<Long> b = inBox("venue", B);
        b.retainAll(active);
        assertEquals(a.size(), city.getInt("features[0].properties.venues"));
        assertEquals(b.size(), city.getInt("features[1].properties.venues"));
        assertEquals(1, city.getInt("features[0].properties.venuesInspected"));
        assertEquals(1.0 / a.size(), city.getDouble("features[0].properties.coverage"), 1e-4);
        // a café 100 m from a school in each district (the fixtures): one open violation each
        assertEquals(1, city.getInt("features[0].properties.openViolations"));
        assertEquals(1, city.getInt("features[1].properties.openViolations"));
        // drill into A: A is a leaf below the zone carved out of it, so it shows its development zone
        JsonPath drill = as("ju-city-manager").get("/api/coverage/units?unit=" + unitA).then().statusCode(200).extract().jsonPath();
        assertEquals("辖区测试甲区", drill.getString("unitName"));
        assertEquals(List.of("辖区测试开发区"), drill.getList("features.properties.name"));
        as("ju-a-manager").get("/api/coverage/units?unit=" + unitB).then().statusCode(404);
        assertEquals(List.of("辖区测试开发区"), as("ju-a-manager").get("/api/coverage/units").then().statusCode(200)
                .extract().jsonPath().getList("features.properties.name"));
    }

    // ------------------------------------------------------------------ unit administrators (单位管理员) and the audit trail

    /** The same body without the password (an edit that does not reset it). */
    static String edit(String body) {
        return body.replace("\"password\":\"Unit-admin-made-2026\",", "");
    }

    static String userBody(String name, Object unitId, Object teamId, String... roles) {
        StringBuilder b = new StringBuilder("{\"username\":\"" + name + "\",\"password\":\"Unit-admin-made-2026\",\"roles\":[");
        for (int k = 0; k < roles.length; k++) {
            b.append(k == 0 ? "" : ",").append('"').append(roles[k]).append('"');
        }
        b.append(']');
        if (unitId != null) {
            b.append(",\"unitId\":").append(unitId);
        }
        if (teamId != null) {
            b.append(",\"teamId\":").append(teamId);
        }
        return b.append('}').toString();
    }

    /**
     * A unit's administrator manages the users of its unit's subtree only: another unit's user is a 404, placing a user
     * (or the user's team) outside the subtree is a 422 naming the unit, no administrator without a unit (a system
     * administrator) can come from it; it edits units below its own only, inside its own area; the system's own settings
     * are the system administrator's.
     */
    @Test
    @Order(12)
    void aUnitAdministratorAdministersItsSubtreeOnly() throws Exception {
        records();
        // the list: A's users only (by name: the fixtures are ju-a-*, ju-b-*, ju-city-*)
        Set<Long> truthA = truth("SELECT id, substr(username, 4, 1) FROM app_user WHERE username LIKE 'ju-_-%'").get("a");
        Set<Long> listed = longs(as("ju-a-admin").get("/api/users").then().statusCode(200).extract().jsonPath().getList("id"));
        assertEquals(truthA, listed, "ju-a-admin lists A's users only");
        // a new user goes to the administrator's unit, and must change the password (as every administrator-made one)
        long made = as("ju-a-admin").contentType("application/json").body(userBody("ju-a-made", null, null, "planner"))
                .post("/api/users").then().statusCode(201).body("mustChangePassword", org.hamcrest.Matchers.equalTo(true))
                .extract().jsonPath().getLong("id");
        assertEquals(unitA, sql("SELECT unit_id FROM app_user WHERE id = " + made));
        // an administrator made by a unit administrator is of its unit, never of none (the system's)
        long peer = as("ju-a-admin").contentType("application/json").body(userBody("ju-a-admin2", null, null, "admin"))
                .post("/api/users").then().statusCode(201).extract().jsonPath().getLong("id");
        assertEquals(unitA, sql("SELECT unit_id FROM app_user WHERE id = " + peer));
        // into B, or into the city above: 422 naming the unit; with B's team: 422 on teamId; nothing written
        as("ju-a-admin").contentType("application/json").body(userBody("ju-a-out", unitB, null, "planner")).post("/api/users")
                .then().statusCode(422).body("errors[0].field", org.hamcrest.Matchers.equalTo("unitId"))
                .body("errors[0].reason", containsString("辖区测试乙区"));
        as("ju-a-admin").contentType("application/json").body(userBody("ju-a-out", city, null, "admin")).post("/api/users")
                .then().statusCode(422).body("errors[0].reason", containsString("辖区测试市"));
        as("ju-a-admin").contentType("application/json").body(userBody("ju-a-out", null, rec.get("b").get("team"), "team_leader"))
                .post("/api/users").then().statusCode(422).body("errors[0].field", org.hamcrest.Matchers.equalTo("teamId"));
        assertEquals(0, sql("SELECT count(*) FROM app_user WHERE username = 'ju-a-out'"));
        // B's users and the system administrator are not A's: 404 to edit, lock or delete
        long bUser = userId("ju-b-planner");
        as("ju-a-admin").contentType("application/json").body(edit(userBody("ju-b-planner", null, null, "admin")))
                .put("/api/users/" + bUser).then().statusCode(404);
        as("ju-a-admin").delete("/api/users/" + bUser).then().statusCode(404);
        as("ju-a-admin").contentType("application/json").body(edit(userBody("admin", null, null, "admin")))
                .put("/api/users/" + userId("admin")).then().statusCode(404);
        // moving an own user out of the subtree: 422, the user stays
        as("ju-a-admin").contentType("application/json").body(edit(userBody("ju-a-made", unitB, null, "planner")))
                .put("/api/users/" + made).then().statusCode(422).body("errors[0].reason", containsString("辖区测试乙区"));
        assertEquals(unitA, sql("SELECT unit_id FROM app_user WHERE id = " + made));
        // the own administrator cannot lift itself to the system (no unit keeps the unit it has)
        long self = userId("ju-a-admin");
        as("ju-a-admin").contentType("application/json").body(edit(userBody("ju-a-admin", null, null, "admin")))
                .put("/api/users/" + self).then().statusCode(200);
        assertEquals(unitA, sql("SELECT unit_id FROM app_user WHERE id = " + self));
        // roles, team and lock inside the subtree: fine
        as("ju-a-admin").contentType("application/json").body(edit(userBody("ju-a-made", null, rec.get("a").get("team"), "team_leader")
                .replace("}", ",\"active\":false}"))).put("/api/users/" + made).then().statusCode(200)
                .body("active", org.hamcrest.Matchers.equalTo(false)).body("roles", org.hamcrest.Matchers.equalTo(List.of("team_leader")));
        assertEquals(0, sql("SELECT count(*) FROM app_user WHERE id = " + made + " AND active"));
        // units: its own is not its to edit (403), B's is a 404, a unit below it only inside its area
        JsonPath own = as("ju-a-admin").get("/api/units/" + unitA).then().statusCode(200).extract().jsonPath();
        as("ju-a-admin").contentType("application/json").body("{\"name\":\"辖区测试甲区\",\"kind\":\"district\",\"adcode\":\"990101\","
                + "\"parentId\":" + city + ",\"area\":" + box(A) + ",\"version\":" + own.getInt("version") + "}").put("/api/units/" + unitA)
                .then().statusCode(403);
        as("ju-a-admin").contentType("application/json").body("{\"name\":\"x\",\"kind\":\"district\",\"version\":0}")
                .put("/api/units/" + unitB).then().statusCode(404);
        as("ju-a-admin").contentType("application/json").body("{\"name\":\"辖区测试越界区\",\"kind\":\"zone\",\"parentId\":" + unitB
                + ",\"area\":" + box(new double[] {101.15, 30.09, 101.16, 30.095}) + "}").post("/api/units").then().statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("parentId"));
        as("ju-a-admin").contentType("application/json").body("{\"name\":\"辖区测试越界区\",\"kind\":\"zone\",\"parentId\":" + unitA
                + ",\"area\":" + box(new double[] {101.09, 30.091, 101.12, 30.094}) + "}").post("/api/units").then().statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("area"));
        assertEquals(0, sql("SELECT count(*) FROM unit WHERE name = '辖区测试越界区'"));
        as("ju-a-admin").contentType("application/json").body("{\"name\":\"辖区测试小园区\",\"kind\":\"zone\",\"parentId\":" + unitA
                + ",\"area\":" + box(new double[] {101.001, 30.091, 101.004, 30.094}) + "}").post("/api/units").then().statusCode(201);
        // the system's settings are the system administrator's
        as("ju-a-admin").contentType("application/json").body(Map.of("kind", "holiday", "name", "越权")).put("/api/calendar/2026-03-09")
                .then().statusCode(403);
        as("ju-a-admin").delete("/api/sessions").then().statusCode(403);
        as("ju-a-admin").get("/api/audit/verify").then().statusCode(403);
        // B's administrator makes a user of B: its records are B's, absent from A's trail
        long bMade = as("ju-b-admin").contentType("application/json").body(userBody("ju-b-made", null, null, "manager"))
                .post("/api/users").then().statusCode(201).extract().jsonPath().getLong("id");
        assertEquals(List.of(), as("ju-a-admin").get("/api/audit?entityType=user&entityId=" + bMade).then().statusCode(200)
                .extract().jsonPath().getList("seq"));
        assertEquals(List.of("create"), as("ju-b-admin").get("/api/audit?entityType=user&entityId=" + bMade).then().statusCode(200)
                .extract().jsonPath().getList("action"));
    }

    /**
     * The audit trail by unit: every record since this class began, attributed by SQL without the trail's unit column
     * (the district user who acted; else the register row, unit or user it concerns, by position or name), against
     * what each unit administrator reads; the system administrator reads both; the chain still verifies.
     */
    @Test
    @Order(13)
    void eachUnitAdministratorReadsItsUnitsAuditTrail() throws Exception {
        records();
        String inBoxA = "ST_X(%s) > 101.0 AND ST_X(%s) < 101.1 AND ST_Y(%s) > 30.0 AND ST_Y(%s) < 30.1";
        String inBoxB = "ST_X(%s) > 101.1 AND ST_X(%s) < 101.2 AND ST_Y(%s) > 30.0 AND ST_Y(%s) < 30.1";
        // a register row concerns a unit from the moment the unit exists (the first venues were written before it)
        String sinceA = " AND a.seq > (SELECT min(seq) FROM audit_log WHERE entity_type = 'unit' AND entity_id = '" + unitA + "')";
        String sinceB = " AND a.seq > (SELECT min(seq) FROM audit_log WHERE entity_type = 'unit' AND entity_id = '" + unitB + "')";
        String letter = "CASE WHEN a.actor LIKE 'ju-a-%' THEN 'a' WHEN a.actor LIKE 'ju-b-%' THEN 'b' "
                + "WHEN a.entity_type = 'user' AND a.details->>'username' LIKE 'ju-a-%' THEN 'a' "
                + "WHEN a.entity_type = 'user' AND a.details->>'username' LIKE 'ju-b-%' THEN 'b' "
                + "WHEN a.entity_type = 'venue' AND EXISTS (SELECT 1 FROM venue v WHERE v.id::text = a.entity_id AND "
                + inBoxA.replace("%s", "v.geom") + ")" + sinceA + " THEN 'a' "
                + "WHEN a.entity_type = 'venue' AND EXISTS (SELECT 1 FROM venue v WHERE v.id::text = a.entity_id AND "
                + inBoxB.replace("%s", "v.geom") + ")" + sinceB + " THEN 'b' "
                + "WHEN a.entity_type = 'school' AND EXISTS (SELECT 1 FROM school s WHERE s.id::text = a.entity_id AND "
                + inBoxA.replace("%s", "s.geom") + ")" + sinceA + " THEN 'a' "
                + "WHEN a.entity_type = 'school' AND EXISTS (SELECT 1 FROM school s WHERE s.id::text = a.entity_id AND "
                + inBoxB.replace("%s", "s.geom") + ")" + sinceB + " THEN 'b' "
                + "WHEN a.entity_type = 'unit' AND EXISTS (SELECT 1 FROM unit u WHERE u.id::text = a.entity_id AND "
                + "ST_CoveredBy(u.area, ST_MakeEnvelope(101.0, 30.0, 101.1, 30.1, 4326))) THEN 'a' "
                + "WHEN a.entity_type = 'unit' AND EXISTS (SELECT 1 FROM unit u WHERE u.id::text = a.entity_id AND "
                + "ST_CoveredBy(u.area, ST_MakeEnvelope(101.1, 30.0, 101.2, 30.1, 4326))) THEN 'b' END";
        Map<String, Set<Long>> truth = truth("SELECT seq, d FROM (SELECT a.seq, " + letter + " AS d FROM audit_log a WHERE a.seq > "
                + auditStart + ") x WHERE d IS NOT NULL");
        for (String d : List.of("a", "b")) {
            assertFalse(truth.get(d).isEmpty(), "audit records of " + d);
            Set<Long> got = longs(as("ju-" + d + "-admin").get("/api/audit?limit=1000").then().statusCode(200).extract().jsonPath()
                    .getList("seq"));
            got.removeIf(seq -> seq <= auditStart);
            assertEquals(truth.get(d), got, "ju-" + d + "-admin's audit trail");
        }
        Set<Long> all = longs(as("admin").get("/api/audit?limit=1000").then().statusCode(200).extract().jsonPath().getList("seq"));
        assertTrue(all.containsAll(truth.get("a")) && all.containsAll(truth.get("b")), "the system administrator reads both");
        as("admin").get("/api/audit/verify").then().statusCode(200).body("intact", org.hamcrest.Matchers.equalTo(true));
    }

    // ------------------------------------------------------------------ joint campaigns: the leader at the stop

    /**
     * A city's joint campaign (联合行动) sends A's team into B: A's leader reads the venue of each own stop in B (read-only)
     * and records the inspection there; A's planner, a stop of no own team and B's leader at A's stop stay refused.
     */
    @Test
    @Order(14)
    void aLeaderRecordsTheOwnTeamsJointStopsInAnotherUnitAndNothingElse() throws Exception {
        records();
        long teamA = (Long) rec.get("a").get("team");
        @SuppressWarnings("unchecked")
        List<Long> officersA = (List<Long>) rec.get("a").get("officers");
        long id = as("ju-city-planner").contentType("application/json").body(Map.of("name", "辖区测试联合检查", "type", "ROUTINE",
                "startDate", "2026-03-04", "teamIds", List.of(teamA))).post("/api/campaigns").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        String job = as("ju-city-planner").contentType("application/json").body(Map.of("date", "2026-03-04", "seconds", 1))
                .post("/api/campaigns/" + id + "/solve").then().statusCode(202).extract().jsonPath().getString("jobId");
        jobs.await(java.util.UUID.fromString(job), java.time.Duration.ofSeconds(120));
        // the stops of A's team that lie in B (by position)
        Set<Long> stops = longs(as("ju-a-leader").get("/api/campaigns/" + id + "/plan?date=2026-03-04").then().statusCode(200)
                .extract().jsonPath().getList("routes.find { it.teamId == " + teamA + " }.stops.venueId"));
        Set<Long> inB = inBox("venue", B);
        Set<Long> stopsInB = new TreeSet<>(stops);
        stopsInB.retainAll(inB);
        assertFalse(stopsInB.isEmpty(), "A's team has stops in B: " + stops);
        long venue = stopsInB.iterator().next();
        Map<String, Object> body = Map.of("venueId", venue, "inspectedAt", "2026-03-04T10:30:00+08:00", "officers", officersA,
                "outcome", "compliant", "violations", List.of());
        // A's planner: still outside its unit
        as("ju-a-planner").contentType("application/json").body(body).post("/api/inspections").then().statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("venueId"));
        // A's leader: reads the venue and its record at the door, records the inspection, never edits the venue
        as("ju-a-leader").get("/api/venues/" + venue).then().statusCode(200);
        as("ju-a-leader").get("/api/venues/" + venue + "/inspections").then().statusCode(200);
        long inspection = as("ju-a-leader").contentType("application/json").body(body).post("/api/inspections").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        assertEquals(teamA, sql("SELECT team_id FROM inspection WHERE id = " + inspection));
        assertEquals(venue, sql("SELECT venue_id FROM inspection WHERE id = " + inspection));
        as("ju-a-leader").contentType("application/json").body(Map.of("name", "x", "category", "other", "version", 0))
                .put("/api/venues/" + venue).then().statusCode(403);
        // the inspection is of B's venue: B's planner lists it
        assertTrue(longs(as("ju-b-planner").get("/api/inspections?limit=1000").then().statusCode(200).extract().jsonPath()
                .getList("items.id")).contains(inspection));
        // a venue of B that is no stop of A's team: 404 to read, 422 to record
        long other = as("ju-b-planner").contentType("application/json").body(Map.of("licenceNo", "JU-B-9", "name", "辖区测试乙九",
                "category", "internet_cafe", "lon", 101.19, "lat", 30.01)).post("/api/venues").then().statusCode(201).extract()
                .jsonPath().getLong("id");
        as("ju-a-leader").get("/api/venues/" + other).then().statusCode(404);
        as("ju-a-leader").contentType("application/json").body(Map.of("venueId", other, "inspectedAt", "2026-03-04T11:00:00+08:00",
                "officers", officersA, "outcome", "compliant", "violations", List.of())).post("/api/inspections").then().statusCode(422);
        // B's leader at a stop of A's team in A (B's team is not on the campaign): refused
        Set<Long> stopsInA = new TreeSet<>(stops);
        stopsInA.retainAll(inBox("venue", A));
        if (!stopsInA.isEmpty()) {
            as("ju-b-leader").get("/api/venues/" + stopsInA.iterator().next()).then().statusCode(404);
        }
    }

    // ------------------------------------------------------------------ vector tiles by unit

    static int tileX(double lon, int z) {
        return (int) Math.floor((lon + 180) / 360 * (1 << z));
    }

    static int tileY(double lat, int z) {
        double r = Math.toRadians(lat);
        return (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * (1 << z));
    }

    /** The tile as {@code user} gets it, decoded by GDAL's MVT driver ({@code ogrinfo -al}); "" for an empty tile (204). */
    static String decodeTile(String layer, int z, int x, int y, String user) throws Exception {
        io.restassured.response.Response r = as(user).get("/tiles/" + layer + "/" + z + "/" + x + "/" + y + ".mvt");
        if (r.statusCode() == 204) {
            return "";
        }
        byte[] mvt = r.then().statusCode(200).extract().asByteArray();
        java.nio.file.Path f = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "tiles-units", user, layer,
                "" + z, "" + x)).resolve(y + ".mvt");
        java.nio.file.Files.write(f, mvt);
        Process p = new ProcessBuilder("ogrinfo", "-ro", "-al", "-oo", "Z=" + z, "-oo", "X=" + x, "-oo", "Y=" + y, f.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** The features of {@code layer} in an ogrinfo listing, 0 when the layer is absent. */
    static long layerCount(String ogrinfo, String layer) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Layer name: " + layer + "\\n(?:.*\\n)*?Feature Count: (\\d+)")
                .matcher(ogrinfo);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    static long sumOf(String ogrinfo, String field) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s+" + field + " \\(.*\\) = (\\d+)$",
                java.util.regex.Pattern.MULTILINE).matcher(ogrinfo);
        long n = 0;
        while (m.find()) {
            n += Long.parseLong(m.group(1));
        }
        return n;
    }

    /** Rows of {@code table} within tile z/x/y (with the renderer's 64/4096 buffer) and inside box {@code b}, by SQL. */
    long inTile(String table, int z, int x, int y, double[] b) throws Exception {
        return sql("SELECT count(*) FROM " + table + " t WHERE t.geom IS NOT NULL AND ST_Intersects(ST_Transform(t.geom, 3857), "
                + "ST_TileEnvelope(" + z + ", " + x + ", " + y + ", margin => 0.015625)) AND ST_X(t.geom) > " + b[0]
                + " AND ST_X(t.geom) < " + b[2] + " AND ST_Y(t.geom) > " + b[1] + " AND ST_Y(t.geom) < " + b[3]);
    }

    /**
     * {@code /tiles/venues} and {@code /tiles/schools} scoped by unit: a tile over both districts holds, for a district
     * user, only its own unit's venues (clusters counted) and schools; the city's user gets both. Decoded by GDAL, counts
     * from SQL by position; and at street level a tile around one of A's venues is empty of venues for B's user.
     */
    @Test
    @Order(15)
    void vectorTilesHoldOnlyTheUsersUnits() throws Exception {
        records();
        int z = 12;
        while (tileX(CITY[0], z) != tileX(CITY[2], z) || tileY(CITY[1], z) != tileY(CITY[3], z)) {
            z--;
        }
        int x = tileX(CITY[0], z);
        int y = tileY(CITY[3], z);
        assertTrue(z < com.patrolplanner.tiles.TileLayer.VENUE_DETAIL_ZOOM && z >= 6, "one cluster tile over the city: z" + z);
        for (String[] u : new String[][] {{"ju-a-planner", "a"}, {"ju-b-manager", "b"}, {"ju-city-manager", "*"}, {"ju-city-planner", "*"}}) {
            double[] b = u[1].equals("a") ? A : u[1].equals("b") ? B : CITY;
            long venues = inTile("venue", z, x, y, b);
            long schools = inTile("school", z, x, y, b);
            assertTrue(venues > 0 && schools > 0, "fixtures in the tile for " + u[0]);
            String v = decodeTile("venues", z, x, y, u[0]);
            assertEquals(venues, sumOf(v, "count"), u[0] + " venues in the clusters of " + z + "/" + x + "/" + y + "\n" + v);
            String s = decodeTile("schools", z, x, y, u[0]);
            assertEquals(schools, layerCount(s, "schools"), u[0] + " schools of " + z + "/" + x + "/" + y + "\n" + s);
        }
        // street level: the tile around A's first café holds it for A's user, nothing of A for B's
        int zs = 16;
        int xs = tileX(101.05, zs);
        int ys = tileY(30.05, zs);
        long here = sql("SELECT count(*) FROM venue t WHERE ST_Intersects(ST_Transform(t.geom, 3857), ST_TileEnvelope(" + zs + ", "
                + xs + ", " + ys + ", margin => 0.015625))");
        assertTrue(here > 0, "a venue in the street tile");
        assertEquals(inTile("venue", zs, xs, ys, A), layerCount(decodeTile("venues", zs, xs, ys, "ju-a-planner"), "venues"));
        assertEquals(0, layerCount(decodeTile("venues", zs, xs, ys, "ju-b-planner"), "venues"));
        assertEquals(0, layerCount(decodeTile("schools", zs, xs, ys, "ju-b-planner"), "schools"));
    }
}
