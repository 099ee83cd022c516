package com.patrolplanner.campaign;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DrawApiTest {
    static List<Long> cafes = new ArrayList<>();
    static List<Long> ktvs = new ArrayList<>();

    @BeforeEach
    void registers() {
        if (!cafes.isEmpty()) {
            return;
        }
        for (int i = 0; i < 20; i++) {
            cafes.add(CampaignFixtures.venue("抽查网吧" + i, "internet_cafe", 119.10 + i * 0.002, 36.70, "08:00-24:00", i % 3));
        }
        for (int i = 0; i < 10; i++) {
            ktvs.add(CampaignFixtures.venue("抽查KTV" + i, "song_dance", 119.10 + i * 0.002, 36.72, "18:00-02:00", 0));
        }
        for (int i = 0; i < 6; i++) {
            CampaignFixtures.inspector("抽查员" + i, "CERT-D" + i, null);
        }
        CampaignFixtures.inspector("无证人员", null, null); // never drawn: no enforcement certificate
    }

    private static long randomCampaign(String name) {
        List<Long> all = new ArrayList<>(cafes);
        all.addAll(ktvs);
        return CampaignFixtures.createCampaign(CampaignFixtures.campaign(name + " " + CampaignFixtures.RUN, "双随机抽查",
                "2026-07-01", List.of(), Map.of("venueIds", all)));
    }

    @Test
    void ratioDrawPerStratumIsRecordedAndReproducible() {
        long id = randomCampaign("双随机 比例");
        Map<String, Object> draw = as("planner").contentType(ContentType.JSON)
                .body(Map.of("ratio", 0.1, "strata", List.of("category"), "teams", 2)).post("/api/campaigns/" + id + "/draw")
                .then().statusCode(201)
                .body("venues", hasSize(3)) // ⌈0.1·20⌉ cafés + ⌈0.1·10⌉ KTV
                .body("seedGenerated", equalTo(true))
                .body("drawnBy", equalTo("planner"))
                .body("teams", hasSize(2)).body("teams[0].members", hasSize(2)).body("teams[1].members", hasSize(2))
                .extract().path("$");
        List<Map<String, Object>> venues = (List<Map<String, Object>>) draw.get("venues");
        assertEquals(2, venues.stream().filter(v -> v.get("category").equals("internet_cafe")).count());
        assertEquals(1, venues.stream().filter(v -> v.get("category").equals("song_dance")).count());
        assertEquals(64, ((String) draw.get("snapshotHash")).length());
        // every drawn inspector holds a certificate
        for (Map<String, Object> t : (List<Map<String, Object>>) draw.get("teams")) {
            for (Map<String, Object> m : (List<Map<String, Object>>) t.get("members")) {
                assertTrue(m.get("certificateNo") != null, "drawn inspector without certificate: " + m);
            }
        }
        // re-running from the stored seed on the same register gives the same draw
        as("manager").post("/api/campaigns/" + id + "/draw/verify").then().statusCode(200)
                .body("sameRegister", equalTo(true)).body("reproduced", equalTo(true));
        // a draw is final
        as("planner").contentType(ContentType.JSON).body(Map.of("count", 2)).post("/api/campaigns/" + id + "/draw")
                .then().statusCode(409);
        // and the campaign is kept for audit
        as("planner").delete("/api/campaigns/" + id).then().statusCode(409);
    }

    @Test
    void sameSeedSameDrawDifferentSeedDifferentDraw() {
        long a = randomCampaign("双随机 种子A");
        long b = randomCampaign("双随机 种子B");
        long c = randomCampaign("双随机 种子C");
        List<Integer> va = drawn(a, 424242L);
        List<Integer> vb = drawn(b, 424242L);
        List<Integer> vc = drawn(c, 7L);
        assertEquals(va, vb, "same seed and register → same venues in the same order");
        assertNotEquals(va, vc, "another seed → another draw (10 of 30, a collision is ~1e-7 likely)");
        as("planner").get("/api/campaigns/" + a + "/draw").then().body("seed", equalTo("424242"))
                .body("seedGenerated", equalTo(false));
    }

    private static List<Integer> drawn(long campaign, long seed) {
        return as("planner").contentType(ContentType.JSON).body(Map.of("count", 10, "seed", seed))
                .post("/api/campaigns/" + campaign + "/draw").then().statusCode(201).extract().path("venues.venueId");
    }

    @Test
    void recusalIsHonoured() throws Exception {
        // recuse every certified inspector of the register from cafe 0: it can never be drawn
        List<Map<String, Object>> inspectors = as("planner").get("/api/inspectors").then().extract().path("$");
        List<Integer> recusals = new ArrayList<>();
        for (Map<String, Object> i : inspectors) {
            if (Boolean.TRUE.equals(i.get("certified"))) {
                Number r = as("planner").contentType(ContentType.JSON)
                        .body(Map.of("inspectorId", i.get("id"), "venueId", cafes.get(0), "reason", "亲属经营"))
                        .post("/api/recusals").then().statusCode(201).extract().path("id");
                recusals.add(r.intValue());
            }
        }
        long id = CampaignFixtures.createCampaign(CampaignFixtures.campaign("回避 " + CampaignFixtures.RUN, "RANDOM",
                "2026-07-02", List.of(), Map.of("venueIds", cafes.subList(0, 3))));
        as("planner").contentType(ContentType.JSON).body(Map.of("count", 3, "seed", 1L))
                .post("/api/campaigns/" + id + "/draw").then().statusCode(201)
                .body("venues", hasSize(2)).body("venues.venueId", not(cafes.get(0)));
        // a duplicate recusal is a conflict; the list can be read and cleaned
        as("planner").contentType(ContentType.JSON).body(Map.of("inspectorId", inspectors.stream()
                .filter(i -> Boolean.TRUE.equals(i.get("certified"))).findFirst().orElseThrow().get("id"),
                "venueId", cafes.get(0))).post("/api/recusals").then().statusCode(409);
        as("manager").get("/api/recusals").then().statusCode(200).body("id", hasItem(recusals.get(0)));
        for (int r : recusals) {
            as("planner").delete("/api/recusals/" + r).then().statusCode(204);
        }
    }

    private static org.hamcrest.Matcher<Iterable<? super Object>> not(long venue) {
        return org.hamcrest.Matchers.not(hasItem((int) venue));
    }

    @Test
    void concurrentDrawsRecordExactlyOne() throws Exception {
        long id = randomCampaign("双随机 并发");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Callable<Integer> call = () -> {
                start.await();
                return as("planner").contentType(ContentType.JSON).body(Map.of("count", 5))
                        .post("/api/campaigns/" + id + "/draw").then().extract().statusCode();
            };
            results.add(pool.submit(call));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : results) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, codes.stream().filter(c -> c == 201).count(), "codes " + codes);
        assertEquals(3, codes.stream().filter(c -> c == 409).count(), "codes " + codes);
    }

    @Test
    void badRequestsAreRefused() {
        long id = randomCampaign("双随机 错误");
        as("planner").contentType(ContentType.JSON).body(Map.of("ratio", 0.1, "count", 3))
                .post("/api/campaigns/" + id + "/draw").then().statusCode(422);
        as("planner").contentType(ContentType.JSON).body(Map.of("ratio", 1.5))
                .post("/api/campaigns/" + id + "/draw").then().statusCode(422).body("errors.field", hasItem("ratio"));
        // 《行政处罚法》第四十二条: teams of one are refused
        as("planner").contentType(ContentType.JSON).body(Map.of("count", 3, "teamSize", 1))
                .post("/api/campaigns/" + id + "/draw").then().statusCode(422).body("errors.field", hasItem("teamSize"));
        as("planner").contentType(ContentType.JSON).body(Map.of("count", 3, "teams", 500))
                .post("/api/campaigns/" + id + "/draw").then().statusCode(422).body("errors.field", hasItem("teams"));
        as("manager").contentType(ContentType.JSON).body(Map.of("count", 3))
                .post("/api/campaigns/" + id + "/draw").then().statusCode(403);
    }

    @Test
    void publicationAsJsonAndCsv() {
        long id = randomCampaign("双随机 公开");
        as("planner").contentType(ContentType.JSON).body(Map.of("count", 4, "seed", 99L))
                .post("/api/campaigns/" + id + "/draw").then().statusCode(201);
        List<Map<String, Object>> items = as("manager").get("/api/campaigns/" + id + "/draw/publication")
                .then().statusCode(200).body("items", hasSize(4)).body("items[0].date", equalTo("2026-07-01"))
                .extract().path("items");
        Set<String> checks = new HashSet<>();
        items.forEach(i -> checks.add((String) i.get("checkItems")));
        assertFalse(checks.contains(null));
        // record a result, then it shows in the publication
        Number venue = as("planner").get("/api/campaigns/" + id + "/draw").then().extract().path("venues[0].venueId");
        as("planner").contentType(ContentType.JSON).body(Map.of("result", "未发现违法行为"))
                .put("/api/campaigns/" + id + "/draw/venues/" + venue + "/result").then().statusCode(204);
        String csv = as("manager").get("/api/campaigns/" + id + "/draw/publication?format=csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        String[] lines = csv.strip().split("\r\n");
        assertEquals(5, lines.length, csv);
        assertTrue(lines[0].contains("检查对象"), lines[0]);
        assertTrue(csv.contains("未发现违法行为"));
    }
}
