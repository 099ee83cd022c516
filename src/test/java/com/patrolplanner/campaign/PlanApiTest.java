package com.patrolplanner.campaign;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.demo.DemoUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlanApiTest {
    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    static final String DATE = "2026-06-10"; // a Wednesday

    /** Polls the job until it is finished; returns its final state. */
    static String await(String jobId) {
        String[] state = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
            state[0] = as("planner").get("/api/jobs/" + jobId).then().statusCode(200).extract().path("state");
            return !state[0].equals("QUEUED") && !state[0].equals("RUNNING");
        });
        return state[0];
    }

    static String solve(long campaign, String date, int seconds) {
        return as("planner").contentType(ContentType.JSON).body(Map.of("date", date, "seconds", seconds))
                .post("/api/campaigns/" + campaign + "/solve").then().statusCode(202).body("jobId", notNullValue())
                .extract().path("jobId");
    }

    @Test
    @SuppressWarnings("unchecked")
    void solveReadOutputsScopeAndReplan() {
        long t1 = CampaignFixtures.demoTeam(DemoUsers.TEAM_1);
        long t2 = CampaignFixtures.demoTeam(DemoUsers.TEAM_2);
        for (long t : List.of(t1, t2)) {
            CampaignFixtures.inspector("组员甲" + t, "CERT-P" + t + "a", t);
            CampaignFixtures.inspector("组员乙" + t, "CERT-P" + t + "b", t);
        }
        long lone = CampaignFixtures.team("单人组", 119.15, 36.70);
        CampaignFixtures.inspector("唯一持证", "CERT-LONE", lone);
        CampaignFixtures.inspector("协管员", null, lone);
        List<Long> venues = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            venues.add(CampaignFixtures.venue("日常网吧" + i, "internet_cafe", 119.12 + 0.008 * (i % 4),
                    36.69 + 0.01 * (i / 4), "08:00-24:00", i));
        }
        venues.add(CampaignFixtures.venue("午后书店", "publication", 119.14, 36.705, "Mo-Su 13:00-18:00", 0));
        long id = CampaignFixtures.createCampaign(CampaignFixtures.campaign("日常巡查 " + CampaignFixtures.RUN, "ROUTINE",
                DATE, List.of(t1, t2, lone), Map.of("venueIds", venues)));

        String job = solve(id, DATE, 3);
        // a second solve while the first runs is a conflict
        as("planner").contentType(ContentType.JSON).body(Map.of("date", DATE)).post("/api/campaigns/" + id + "/solve")
                .then().statusCode(409);
        assertEquals("DONE", await(job));

        // status: best plan with its score explanation (constraint, visit, why)
        as("planner").get("/api/campaigns/" + id + "/solve").then().statusCode(200)
                .body("state", equalTo("DONE")).body("feasible", equalTo(true))
                .body("explanation.constraint", hasItem("Distance driven"))
                .body("explanation.find { it.visit != null }.why", notNullValue());

        Map<String, Object> plan = as("planner").get("/api/campaigns/" + id + "/plan").then().statusCode(200)
                .body("feasible", equalTo(true)).body("violations", hasSize(0)).body("routes", hasSize(3))
                .extract().path("$");
        int stops = PlanChecks.assertFeasible(plan);
        assertEquals(9, stops, "all nine venues fit in two office-hour shifts");
        List<Map<String, Object>> routes = (List<Map<String, Object>>) plan.get("routes");
        Map<String, Object> loneRoute = routes.stream().filter(r -> ((Number) r.get("teamId")).longValue() == lone)
                .findFirst().orElseThrow();
        assertTrue(((List<?>) loneRoute.get("stops")).isEmpty(), "a team with one certified officer must not go out");
        // the bookshop opens at 13:00: its check starts in the afternoon
        Map<String, Object> book = routes.stream().flatMap(r -> ((List<Map<String, Object>>) r.get("stops")).stream())
                .filter(s -> s.get("name").equals("午后书店")).findFirst().orElseThrow();
        assertTrue(((String) book.get("start")).compareTo(DATE + "T13:00") >= 0, "bookshop " + book.get("start"));

        // GeoJSON: a LineString per route, a Point per stop, lon/lat order
        as("manager").get("/api/campaigns/" + id + "/plan?format=geojson").then().statusCode(200)
                .contentType(startsWith("application/geo+json"))
                .body("type", equalTo("FeatureCollection"))
                .body("features.findAll { it.geometry.type == 'LineString' }", hasSize(2))
                .body("features.findAll { it.geometry.type == 'Point' }", hasSize(9))
                .body("features.find { it.geometry.type == 'Point' }.geometry.coordinates[0]",
                        org.hamcrest.Matchers.closeTo(119.15, 0.1));

        // A4 route sheet, Chinese first
        as("planner").get("/api/campaigns/" + id + "/plan/teams/" + t1 + "/sheet").then().statusCode(200)
                .contentType(startsWith("text/html")).body(containsString("href=\"/css/route-sheet.css\""))
                .body(containsString("检查路线单")).body(containsString("lang=\"zh-CN\""));

        // iCalendar: CRLF lines, folded at 75 octets, one VEVENT per stop, UTC times
        String ics = as("planner").get("/api/campaigns/" + id + "/plan/teams/" + t1 + "/calendar.ics").then()
                .statusCode(200).contentType(startsWith("text/calendar")).extract().asString();
        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\n") && ics.endsWith("END:VCALENDAR\r\n"));
        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "unfolded line: " + line);
        }
        assertTrue(!ics.replace("\r\n", "").contains("\n"), "bare LF in calendar");
        long t1Stops = ((List<?>) routes.stream().filter(r -> ((Number) r.get("teamId")).longValue() == t1).findFirst()
                .orElseThrow().get("stops")).size();
        assertEquals(t1Stops + 1, ics.split("BEGIN:VEVENT", -1).length - 1, "one event for the shift, one per stop");
        assertTrue(ics.matches("(?s).*DTSTART:" + DATE.replace("-", "") + "T\\d{6}Z.*"), ics);

        // team leaders: only their own team
        as("leader1").get("/api/campaigns/" + id + "/plan").then().statusCode(200).body("routes", hasSize(1))
                .body("routes[0].teamId", equalTo((int) t1));
        as("leader1").get("/api/campaigns/" + id + "/plan/teams/" + t2 + "/sheet").then().statusCode(404);
        as("leader1").get("/api/campaigns/" + id + "/plan/teams/" + t2 + "/calendar.ics").then().statusCode(404);
        as("leader1").get("/api/my/shift?date=" + DATE).then().statusCode(200)
                .body("plans.find { it.campaignId == " + id + " }.routes", hasSize(1))
                .body("plans.find { it.campaignId == " + id + " }.routes[0].teamId", equalTo((int) t1));
        as("planner").get("/api/my/shift?date=" + DATE).then().statusCode(403);

        // pin team 1's first stop, re-plan: it stays on team 1 at the same time
        Map<String, Object> first = ((List<Map<String, Object>>) routes.stream()
                .filter(r -> ((Number) r.get("teamId")).longValue() == t1).findFirst().orElseThrow().get("stops")).get(0);
        as("leader2").contentType(ContentType.JSON).body(Map.of("done", true))
                .patch("/api/campaigns/" + id + "/plan/stops/" + first.get("id")).then().statusCode(404);
        as("planner").contentType(ContentType.JSON).body(Map.of("pinned", true))
                .patch("/api/campaigns/" + id + "/plan/stops/" + first.get("id")).then().statusCode(204);
        assertEquals("DONE", await(solve(id, DATE, 2)));
        Map<String, Object> again = as("planner").get("/api/campaigns/" + id + "/plan").then().statusCode(200)
                .body("feasible", equalTo(true)).extract().path("$");
        PlanChecks.assertFeasible(again);
        Map<String, Object> kept = ((List<Map<String, Object>>) again.get("routes")).stream()
                .filter(r -> ((Number) r.get("teamId")).longValue() == t1)
                .flatMap(r -> ((List<Map<String, Object>>) r.get("stops")).stream())
                .filter(s -> s.get("venueId").equals(first.get("venueId"))).findFirst().orElseThrow();
        assertEquals(first.get("start"), kept.get("start"));
        assertEquals(true, kept.get("pinned"));

        // marked done from the phone, retried with the same Idempotency-Key (the reply was lost): audited once
        Object stop = kept.get("id");
        String key = java.util.UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            as("leader1").header("Idempotency-Key", key).contentType(ContentType.JSON)
                    .body(Map.of("done", true, "reason", "场所关门"))
                    .patch("/api/campaigns/" + id + "/plan/stops/" + stop).then().statusCode(204);
        }
        long audited = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM audit_log WHERE action = 'stop-done-without-inspection' AND entity_id = ?1")
                .setParameter(1, String.valueOf(stop)).getSingleResult()).longValue());
        assertEquals(1L, audited, "one mark, one audit record");
    }

    @Test
    void stopKeepsTheBestPlanSoFar() {
        long t1 = CampaignFixtures.demoTeam(DemoUsers.TEAM_1);
        CampaignFixtures.inspector("停止甲", "CERT-S1", t1);
        CampaignFixtures.inspector("停止乙", "CERT-S2", t1);
        List<Long> venues = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            venues.add(CampaignFixtures.venue("停止网吧" + i, "internet_cafe", 119.13 + 0.01 * i, 36.71, null, 0));
        }
        long id = CampaignFixtures.createCampaign(CampaignFixtures.campaign("停止测试 " + CampaignFixtures.RUN, "ROUTINE",
                DATE, List.of(t1), Map.of("venueIds", venues)));
        String job = solve(id, DATE, 60);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                as("planner").get("/api/campaigns/" + id + "/solve").then().extract().path("score") != null);
        as("planner").delete("/api/campaigns/" + id + "/solve").then().statusCode(202);
        assertEquals("CANCELLED", await(job));
        as("planner").get("/api/campaigns/" + id + "/plan").then().statusCode(200).body("status", equalTo("stopped"))
                .body("feasible", equalTo(true));
        // bad solve requests
        as("planner").contentType(ContentType.JSON).body(Map.of("date", "2027-01-01"))
                .post("/api/campaigns/" + id + "/solve").then().statusCode(422).body("errors.field", hasItem("date"));
        as("planner").contentType(ContentType.JSON).body(Map.of("seconds", 0))
                .post("/api/campaigns/" + id + "/solve").then().statusCode(422);
        as("manager").contentType(ContentType.JSON).body(Map.of()).post("/api/campaigns/" + id + "/solve")
                .then().statusCode(403);
    }
}
