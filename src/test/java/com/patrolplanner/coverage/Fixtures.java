package com.patrolplanner.coverage;

import static com.patrolplanner.TestSupport.as;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Venues, officers and inspections made through the API for coverage, gap, hot-spot and report tests. */
final class Fixtures {
    private static final AtomicInteger SEQ = new AtomicInteger();

    private Fixtures() {
    }

    static int venue(String category, double lon, double lat, String status) {
        String licence = "T-COV-" + System.nanoTime() + "-" + SEQ.incrementAndGet();
        Map<String, Object> body = new HashMap<>(Map.of("licenceNo", licence, "name", "覆盖测试" + licence, "category", category,
                "lon", lon, "lat", lat));
        if (status != null) {
            body.put("status", status);
        }
        return as("planner").contentType(ContentType.JSON).body(body).post("/api/venues").then().statusCode(201)
                .extract().path("id");
    }

    static int venue(String category, double lon, double lat) {
        return venue(category, lon, lat, null);
    }

    static int officer() {
        return as("planner").contentType(ContentType.JSON)
                .body(Map.of("name", "覆盖测试员" + SEQ.incrementAndGet(), "certificateNo", "ZF-COV-" + System.nanoTime() + "-" + SEQ.incrementAndGet()))
                .post("/api/inspectors").then().statusCode(201).extract().path("id");
    }

    static List<Integer> officers(int n) {
        List<Integer> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(officer());
        }
        return out;
    }

    /** Records an inspection as the planner; returns its id. */
    static int inspect(int venue, String at, List<Integer> officers, String outcome, List<String> violations,
            List<String> actions, Map<String, Integer> seized) {
        Map<String, Object> m = new HashMap<>();
        m.put("venueId", venue);
        m.put("inspectedAt", at);
        m.put("officers", officers);
        m.put("outcome", outcome);
        m.put("violations", violations == null ? List.of() : violations);
        m.put("actions", actions == null ? List.of() : actions);
        if (seized != null) {
            m.put("seized", seized);
        }
        return as("planner").contentType(ContentType.JSON).body(m).post("/api/inspections").then().statusCode(201)
                .extract().path("id");
    }

    static int inspect(int venue, String at, List<Integer> officers, String outcome, List<String> violations) {
        return inspect(venue, at, officers, outcome, violations, null, null);
    }

    /** A rectangular test district (registry's table, written directly: the registry has no district API). */
    static void district(javax.sql.DataSource ds, String adcode, double x0, double y0, double x1, double y1)
            throws java.sql.SQLException {
        sql(ds, "INSERT INTO district (adcode, name, level, geom) VALUES (?, ?, 'district', "
                + "ST_Multi(ST_MakeEnvelope(?, ?, ?, ?, 4326))) ON CONFLICT (adcode) DO NOTHING",
                adcode, "覆盖测试区" + adcode, x0, y0, x1, y1);
    }

    /**
     * A zone set of {@code district} (zoning's tables, written directly to set up the fixture) with one rectangular zone
     * per {x0, y0, x1, y1}; returns the zone ids in order.
     */
    static List<Long> zoneSet(javax.sql.DataSource ds, String district, boolean active, double[]... zones)
            throws java.sql.SQLException {
        List<Long> ids = new java.util.ArrayList<>();
        try (java.sql.Connection c = ds.getConnection()) {
            long set;
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO zone_set (name, district_code, boundary, "
                    + "active, author) SELECT ?, adcode, geom, ?, 'test' FROM district WHERE adcode = ? RETURNING id")) {
                ps.setString(1, "覆盖测试片区方案" + SEQ.incrementAndGet());
                ps.setBoolean(2, active);
                ps.setString(3, district);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    set = rs.getLong(1);
                }
            }
            for (double[] z : zones) {
                try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO zone (zone_set_id, name, geom) "
                        + "VALUES (?, ?, ST_Multi(ST_MakeEnvelope(?, ?, ?, ?, 4326))) RETURNING id")) {
                    ps.setLong(1, set);
                    ps.setString(2, "覆盖测试片区" + SEQ.incrementAndGet());
                    for (int i = 0; i < 4; i++) {
                        ps.setDouble(3 + i, z[i]);
                    }
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        ids.add(rs.getLong(1));
                    }
                }
            }
        }
        return ids;
    }

    static void sql(javax.sql.DataSource ds, String sql, Object... args) throws java.sql.SQLException {
        try (java.sql.Connection c = ds.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.execute();
        }
    }

    static long count(javax.sql.DataSource ds, String sql, Object... args) throws java.sql.SQLException {
        try (java.sql.Connection c = ds.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
