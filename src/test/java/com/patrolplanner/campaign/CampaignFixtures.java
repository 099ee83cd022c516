package com.patrolplanner.campaign;

import static com.patrolplanner.TestSupport.as;

import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates registers through the API for campaign tests; names carry a run-unique tag so tests can share a database. */
final class CampaignFixtures {
    static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private static final AtomicInteger SEQ = new AtomicInteger();

    private CampaignFixtures() {
    }

    static long venue(String name, String category, double lon, double lat, String hours, int complaints) {
        Map<String, Object> v = new HashMap<>();
        v.put("licenceNo", "T-" + RUN + "-" + SEQ.incrementAndGet());
        v.put("name", name);
        v.put("category", category);
        v.put("address", "潍坊市奎文区测试路" + SEQ.get() + "号");
        v.put("lon", lon);
        v.put("lat", lat);
        if (hours != null) {
            v.put("openingHours", hours);
        }
        Number id = as("planner").contentType(ContentType.JSON).body(v).post("/api/venues").then().statusCode(201)
                .extract().path("id");
        // the venue's complaint count comes from complaint records only: one record per complaint (taken in by the
        // administrator, whom a venue placed in no unit, such as the hand-made road network's, does not escape)
        for (int k = 0; k < complaints; k++) {
            as("admin").contentType(ContentType.JSON).body(Map.of("source", "phone", "venueId", id.longValue(),
                    "content", "测试举报 " + k)).post("/api/complaints").then().statusCode(201);
        }
        return id.longValue();
    }

    static long team(String name, double lon, double lat) {
        Number id = as("planner").contentType(ContentType.JSON)
                .body(Map.of("name", name + "-" + RUN, "baseLon", lon, "baseLat", lat)).post("/api/teams")
                .then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    static long inspector(String name, String certificate, Long teamId) {
        Map<String, Object> i = new HashMap<>();
        i.put("name", name);
        if (certificate != null) {
            i.put("certificateNo", certificate + "-" + RUN);
        }
        if (teamId != null) {
            i.put("teamId", teamId);
        }
        Number id = as("planner").contentType(ContentType.JSON).body(i).post("/api/inspectors").then().statusCode(201)
                .extract().path("id");
        return id.longValue();
    }

    static long demoTeam(String name) {
        List<Map<String, Object>> teams = as("planner").get("/api/teams").then().statusCode(200).extract().path("$");
        for (Map<String, Object> t : teams) {
            if (name.equals(t.get("name"))) {
                return ((Number) t.get("id")).longValue();
            }
        }
        throw new IllegalStateException("no demo team " + name);
    }

    static Map<String, Object> campaign(String name, String type, String date, List<Long> teams, Map<String, Object> targets) {
        Map<String, Object> c = new HashMap<>();
        c.put("name", name);
        c.put("type", type);
        c.put("startDate", date);
        c.put("endDate", date);
        c.put("teamIds", new ArrayList<>(teams));
        c.put("targets", targets);
        return c;
    }

    static long createCampaign(Map<String, Object> body) {
        Number id = as("planner").contentType(ContentType.JSON).body(body).post("/api/campaigns").then().statusCode(201)
                .extract().path("id");
        return id.longValue();
    }
}
