package com.patrolplanner.ogc;

import static com.patrolplanner.TestSupport.as;

import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A test district of its own (9907xx, a 4 × 3 km rectangle in Yunnan, far from every other test's data) with venues,
 * schools (campus polygons and a point-only one), an active zone set, inspections of two teams and one violation (an
 * internet café 60 m from a primary school's campus), all written through the REST API. Built once per test run; the
 * tests count what they expect with their own SQL.
 */
public final class OgcFixtures {
    public static final String DISTRICT = "990701";
    static final double X0 = 101.00;
    static final double Y0 = 25.00;
    static final double X1 = 101.04;
    static final double Y1 = 25.03;
    /** The test area as a bbox parameter. */
    static final String BBOX = X0 + "," + Y0 + "," + X1 + "," + Y1;
    static final int VENUES = 23;
    static final String[] CATEGORIES = {"internet_cafe", "song_dance", "game_arcade", "publication", "hotel", "printing"};
    static long schoolWithCampus;
    static long cafeNearSchool;
    private static boolean built;

    private OgcFixtures() {
    }

    public static synchronized void ensure(DataSource ds) throws Exception {
        if (built) {
            return;
        }
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            st.execute("DELETE FROM pp.district WHERE adcode = '" + DISTRICT + "'");
            st.execute("INSERT INTO pp.district (adcode, name, level, parent_code, geom) VALUES ('" + DISTRICT
                    + "', '互操作测试区', 'district', '990700', ST_Multi(ST_MakeEnvelope(" + X0 + "," + Y0 + "," + X1 + "," + Y1
                    + ", 4326)))");
        }
        // venues on a 6 × 4 grid (one cell left empty), every fifth suspended
        for (int i = 0; i < VENUES; i++) {
            double lon = X0 + 0.003 + 0.006 * (i % 6);
            double lat = Y0 + 0.003 + 0.006 * (i / 6);
            Map<String, Object> body = new HashMap<>();
            body.put("licenceNo", "OGC-" + System.nanoTime() + "-" + i);
            body.put("name", "互操作场所" + i);
            body.put("category", CATEGORIES[i % CATEGORIES.length]);
            body.put("status", i % 5 == 4 ? "suspended" : "open");
            body.put("address", "测试路" + i + "号");
            body.put("lon", lon);
            body.put("lat", lat);
            venue(body);
        }
        // a primary school with a campus near the north-east corner, a kindergarten point only
        double cx = X1 - 0.004;
        double cy = Y1 - 0.004;
        schoolWithCampus = school(Map.of("name", "互操作小学" + System.nanoTime(), "level", "primary", "address", "校园路1号",
                "campus", rect(cx - 0.001, cy - 0.001, cx + 0.001, cy + 0.001)));
        school(Map.of("name", "互操作中学" + System.nanoTime(), "level", "junior", "address", "校园路2号",
                "campus", rect(X0 + 0.030, Y0 + 0.020, X0 + 0.032, Y0 + 0.022)));
        school(Map.of("name", "互操作幼儿园" + System.nanoTime(), "level", "kindergarten", "address", "校园路3号",
                "lon", X0 + 0.011, "lat", Y0 + 0.013));
        // an internet café 0.0006° (≈ 60 m) east of the primary school's campus: within ICAFE_SCHOOL_200M
        Map<String, Object> cafe = new HashMap<>();
        cafe.put("licenceNo", "OGC-CAFE-" + System.nanoTime());
        cafe.put("name", "互操作网吧");
        cafe.put("category", "internet_cafe");
        cafe.put("lon", cx + 0.0016);
        cafe.put("lat", cy);
        cafeNearSchool = venue(cafe);
        // an active zone set of two halves
        int set = as("planner").contentType(ContentType.JSON).body(Map.of("name", "互操作片区", "district", DISTRICT))
                .post("/api/zone-sets").then().statusCode(201).extract().path("id");
        double mid = (X0 + X1) / 2;
        for (double[] z : new double[][] {{X0, mid}, {mid, X1}}) {
            as("planner").contentType(ContentType.JSON)
                    .body(Map.of("zoneSetId", set, "name", z[0] == X0 ? "西片" : "东片", "geometry", rect(z[0], Y0, z[1], Y1)))
                    .post("/api/zones").then().statusCode(201);
        }
        as("planner").put("/api/zone-sets/" + set + "/activate").then().statusCode(200);
        // inspections: four by leader1's team, three by leader2's, on different days
        long[] venueIds = venueIds(ds);
        int k = 0;
        for (String leader : List.of("leader1", "leader2")) {
            int team = as(leader).get("/api/me").then().statusCode(200).extract().path("teamId");
            int a = officer(team);
            int b = officer(team);
            for (int i = 0; i < (leader.equals("leader1") ? 4 : 3); i++, k++) {
                Map<String, Object> m = new HashMap<>();
                m.put("venueId", venueIds[k]);
                m.put("inspectedAt", String.format("2026-03-%02dT10:00:00+08:00", 1 + 3 * k));
                m.put("officers", List.of(a, b));
                m.put("outcome", k % 3 == 0 ? "violation" : "compliant");
                m.put("violations", k % 3 == 0 ? List.of("other") : List.of());
                m.put("teamId", team);
                m.put("notes", "互操作测试记录");
                as(leader).contentType(ContentType.JSON).body(m).post("/api/inspections").then().log().ifValidationFails()
                        .statusCode(201);
            }
        }
        built = true;
    }

    static long venue(Map<String, Object> body) {
        return ((Number) as("planner").contentType(ContentType.JSON).body(body).post("/api/venues").then()
                .log().ifValidationFails().statusCode(201).extract().path("id")).longValue();
    }

    static long school(Map<String, Object> body) {
        return ((Number) as("planner").contentType(ContentType.JSON).body(body).post("/api/schools").then()
                .log().ifValidationFails().statusCode(201).extract().path("id")).longValue();
    }

    static int officer(int team) {
        return as("planner").contentType(ContentType.JSON).body(Map.of("name", "互操作执法员" + System.nanoTime(),
                "certificateNo", "OGC-ZF-" + System.nanoTime(), "teamId", team)).post("/api/inspectors").then()
                .statusCode(201).extract().path("id");
    }

    static Map<String, Object> rect(double x0, double y0, double x1, double y1) {
        return Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(x0, y0), List.of(x1, y0), List.of(x1, y1),
                List.of(x0, y1), List.of(x0, y0))));
    }

    private static long[] venueIds(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM pp.venue WHERE district_code = ? ORDER BY id")) {
            ps.setString(1, DISTRICT);
            try (ResultSet rs = ps.executeQuery()) {
                long[] ids = new long[VENUES + 1];
                int n = 0;
                while (rs.next() && n < ids.length) {
                    ids[n++] = rs.getLong(1);
                }
                return ids;
            }
        }
    }

    /** One number from the test's own SQL. */
    public static long count(DataSource ds, String sql, Object... params) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
