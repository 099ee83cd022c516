package com.patrolplanner.reliability;

import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue #9 (concurrency): two planners save the same zone or campaign from the same version at the same moment — exactly
 * one wins (200) and the other gets 409, never both and never a 500; two simultaneous draws on one campaign record
 * exactly one draw.
 */
@QuarkusTest
class ConcurrencyTest {
    static final int ROUNDS = 3;

    @Inject
    DataSource ds;

    /** Runs the calls on their own threads, released together by one latch; returns their status codes. */
    static List<Integer> race(IntFunction<Callable<Integer>> call, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<Integer> c = call.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return c.call();
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : futures) {
                codes.add(f.get());
            }
            return codes;
        } finally {
            pool.shutdown();
        }
    }

    static void assertOneWinner(List<Integer> codes, int win) {
        assertEquals(1, codes.stream().filter(c -> c == win).count(), "codes " + codes + " " + BODIES);
        assertEquals(codes.size() - 1, codes.stream().filter(c -> c == 409).count(), "codes " + codes + " " + BODIES);
        BODIES.clear();
    }

    /** Bodies of unexpected answers, for the failure message. */
    static final List<String> BODIES = java.util.Collections.synchronizedList(new ArrayList<>());

    static int code(io.restassured.response.Response r) {
        if (r.statusCode() != 200 && r.statusCode() != 201 && r.statusCode() != 409) {
            BODIES.add(r.asString());
        }
        return r.statusCode();
    }

    @Test
    void twoPlannersSavingTheSameZone() throws Exception {
        Fixtures.district(ds);
        int set = as("planner").contentType(ContentType.JSON).body(Map.of("name", "并发 " + Fixtures.RUN,
                "district", Fixtures.DISTRICT)).post("/api/zone-sets").then().statusCode(201).extract().path("id");
        Map<String, Object> square = Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(119.601, 36.501),
                List.of(119.609, 36.501), List.of(119.609, 36.509), List.of(119.601, 36.509), List.of(119.601, 36.501))));
        int zone = as("planner").contentType(ContentType.JSON)
                .body(Map.of("zoneSetId", set, "name", "并发片区", "geometry", square)).post("/api/zones").then()
                .statusCode(201).extract().path("zone.id");
        for (int round = 0; round < ROUNDS; round++) {
            int version = as("planner").get("/api/zones/" + zone).then().statusCode(200).extract().path("properties.version");
            int r = round;
            List<Integer> codes = race(i -> () -> code(as(i == 0 ? "planner" : "admin").contentType(ContentType.JSON)
                    .body(Map.of("version", version, "name", "并发片区 " + r + "-" + i))
                    .put("/api/zones/" + zone)), 2);
            assertOneWinner(codes, 200);
            // the winner's name is the one stored, and the version moved once
            int after = as("planner").get("/api/zones/" + zone).then().statusCode(200).extract().path("properties.version");
            assertEquals(version + 1, after);
        }
    }

    @Test
    void twoPlannersSavingTheSameCampaign() throws Exception {
        long t1 = Fixtures.teamOf("leader1");
        long v = Fixtures.venue("internet_cafe", 119.611, 36.511);
        Map<String, Object> body = Fixtures.campaign("并发活动", "2026-10-10", List.of(t1), List.of(v));
        long id = Fixtures.createCampaign(body);
        int v0 = as("planner").get("/api/campaigns/" + id).then().statusCode(200).extract().path("version");
        Map<String, Object> first = new HashMap<>(body);
        first.put("version", v0);
        as("planner").contentType(ContentType.JSON).body(first).put("/api/campaigns/" + id).then().statusCode(200);
        int v1 = as("planner").get("/api/campaigns/" + id).then().statusCode(200).extract().path("version");
        assertEquals(v0 + 1, v1, "one save moves the version by one");
        for (int round = 0; round < ROUNDS; round++) {
            int version = as("planner").get("/api/campaigns/" + id).then().statusCode(200).extract().path("version");
            int r = round;
            List<Integer> codes = race(i -> {
                Map<String, Object> edit = new HashMap<>(body);
                edit.put("version", version);
                edit.put("name", "并发活动 " + Fixtures.RUN + " " + r + "-" + i);
                return () -> code(as("planner").contentType(ContentType.JSON).body(edit).put("/api/campaigns/" + id));
            }, 2);
            assertOneWinner(codes, 200);
            int after = as("planner").get("/api/campaigns/" + id).then().statusCode(200).extract().path("version");
            assertEquals(version + 1, after);
        }
    }

    @Test
    void twoConcurrentDrawsRecordOne() throws Exception {
        long t1 = Fixtures.teamOf("leader1");
        Fixtures.officer(t1);
        Fixtures.officer(t1);
        List<Long> venues = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            venues.add(Fixtures.venue("internet_cafe", 119.612 + i * 0.001, 36.512));
        }
        long id = Fixtures.createCampaign(Fixtures.campaign("并发抽查", "2026-10-11", List.of(), venues));
        List<Integer> codes = race(i -> () -> code(as("planner").contentType(ContentType.JSON).body(Map.of("count", 2))
                .post("/api/campaigns/" + id + "/draw")), 2);
        assertOneWinner(codes, 201);
        assertEquals(1, Fixtures.count(ds, "SELECT count(*) FROM campaign_draw WHERE campaign_id = " + id));
        assertEquals(2, Fixtures.count(ds, "SELECT count(*) FROM draw_venue dv JOIN campaign_draw d ON d.id = dv.draw_id "
                + "WHERE d.campaign_id = " + id));
    }
}
