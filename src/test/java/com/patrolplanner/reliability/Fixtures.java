package com.patrolplanner.reliability;

import static com.patrolplanner.TestSupport.as;

import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.awaitility.Awaitility;

/** Registers, campaigns and plans for the reliability tests, through the API; names carry a run tag. */
final class Fixtures {
    static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    /** A 2.2 × 2.2 km test district of our own, far from the other tests' ones. */
    static final String DISTRICT = "990901";
    static final String DISTRICT_WKT =
            "MULTIPOLYGON(((119.60 36.50, 119.62 36.50, 119.62 36.52, 119.60 36.52, 119.60 36.50)))";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private Fixtures() {
    }

    /** Districts have no write API (they come from imports): the test inserts its own once. */
    static void district(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO district (adcode, name, level, geom) "
                    + "SELECT ?, '可靠性测试区', 'district', ST_GeomFromText(?, 4326) "
                    + "WHERE NOT EXISTS (SELECT 1 FROM district WHERE adcode = ?)")) {
                ps.setString(1, DISTRICT);
                ps.setString(2, DISTRICT_WKT);
                ps.setString(3, DISTRICT);
                ps.executeUpdate();
            }
        }
    }

    static long count(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long teamOf(String leader) {
        Number n = as(leader).get("/api/me").then().statusCode(200).extract().path("teamId");
        return n.longValue();
    }

    static long venue(String category, double lon, double lat) {
        Map<String, Object> v = new HashMap<>();
        v.put("licenceNo", "REL-" + RUN + "-" + SEQ.incrementAndGet());
        v.put("name", "可靠性场所" + RUN + "-" + SEQ.get());
        v.put("category", category);
        v.put("lon", lon);
        v.put("lat", lat);
        v.put("openingHours", "00:00-24:00");
        Number id = as("planner").contentType(ContentType.JSON).body(v).post("/api/venues").then().statusCode(201)
                .extract().path("id");
        return id.longValue();
    }

    static long officer(long teamId) {
        Number id = as("planner").contentType(ContentType.JSON)
                .body(Map.of("name", "可靠性执法员" + SEQ.incrementAndGet(), "certificateNo",
                        "REL-" + RUN + "-" + SEQ.get(), "teamId", teamId))
                .post("/api/inspectors").then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    static Map<String, Object> campaign(String name, String date, List<Long> teams, List<Long> venues) {
        Map<String, Object> c = new HashMap<>();
        c.put("name", name + " " + RUN);
        c.put("type", "ROUTINE");
        c.put("startDate", date);
        c.put("endDate", date);
        c.put("teamIds", teams);
        c.put("targets", Map.of("venueIds", venues));
        return c;
    }

    static long createCampaign(Map<String, Object> body) {
        Number id = as("planner").contentType(ContentType.JSON).body(body).post("/api/campaigns").then().statusCode(201)
                .extract().path("id");
        return id.longValue();
    }

    /** Solves and waits for the job; returns its final state. */
    static String solve(long campaign, String date, int seconds) {
        String job = as("planner").contentType(ContentType.JSON).body(Map.of("date", date, "seconds", seconds))
                .post("/api/campaigns/" + campaign + "/solve").then().statusCode(202).extract().path("jobId");
        String[] state = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            state[0] = as("planner").get("/api/jobs/" + job).then().statusCode(200).extract().path("state");
            return !state[0].equals("QUEUED") && !state[0].equals("RUNNING");
        });
        return state[0];
    }
}
