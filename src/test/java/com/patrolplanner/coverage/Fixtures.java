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
}
