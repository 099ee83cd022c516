package com.patrolplanner.registry;

import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.patrolplanner.security.AppUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
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

/**
 * Issue #14 (jurisdiction, 属地管理), the fixture of the {@code Jurisdiction*Test} classes: a city unit over two district
 * units A and B (boxes side by side, far from every other fixture) with their venues, schools and users, made through
 * the API once per class; and, for the classes that need them, every record kind of each district made by its own users
 * ({@link #records()}). Ground truth comes from SQL over the boxes (by position, not by unit_id). Each class cleans its
 * rows after it runs.
 */
abstract class JurisdictionFixture {
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
        return com.patrolplanner.UnitFixtures.box(b);
    }

    long unit(String name, String adcode, String kind, Long parent, double[] area) {
        return com.patrolplanner.UnitFixtures.unit(name, adcode, kind, parent, box(area));
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

    /** Once per class, before its first test (RestAssured has its port only per test). */
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
        com.patrolplanner.UnitFixtures.user(name, role, unit);
    }

    /** Every fixture row, by name or by position in the boxes: after the class, and before it (a run that died). */
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
        QuarkusTransaction.requiringNew().run(() -> com.patrolplanner.UnitFixtures.user("ju-" + d + "-leader", "team_leader",
                unit).teamId = team);
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

    @Inject
    com.patrolplanner.jobs.JobService jobs;

    /** The development zone carved out of A around {@link #venueInZone} (a unit below A with area {@link #Z}). */
    long carveZone() {
        return unit("辖区测试开发区", null, "zone", unitA, Z);
    }
}
