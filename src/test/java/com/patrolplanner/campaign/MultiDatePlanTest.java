package com.patrolplanner.campaign;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A campaign over several dates: solved in one request, each venue visited on at most one date, re-planning a date
 * respecting the others, dates without a window planned empty with reasons; the best plan so far in the database.
 */
@QuarkusTest
class MultiDatePlanTest {
    @Inject
    EntityManager em;
    @Inject
    PlanService planService;
    @Inject
    BestSoFar bestSoFar;
    @Inject
    PlanStore store;
    @Inject
    com.patrolplanner.campaign.solver.ProblemBuilder builder;
    @Inject
    CampaignService campaigns;
    @Inject
    SolveStatus solveStatus;

    private static long twoOfficerTeam(String name, double lon, double lat) {
        long t = CampaignFixtures.team(name, lon, lat);
        CampaignFixtures.inspector(name + "甲", "CERT-" + name + "a", t);
        CampaignFixtures.inspector(name + "乙", "CERT-" + name + "b", t);
        return t;
    }

    private static String solve(long campaign, Map<String, Object> body) {
        return as("planner").contentType(ContentType.JSON).body(body).post("/api/campaigns/" + campaign + "/solve")
                .then().statusCode(202).extract().path("jobId");
    }

    /** (date, venue) of every stop of each date's current plan, straight from the tables. */
    @SuppressWarnings("unchecked")
    private Map<String, Set<Long>> venuesByDate(long campaign) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                WITH cur AS (SELECT DISTINCT ON (plan_date) id, plan_date FROM plan
                             WHERE campaign_id = ?1 AND status IN ('solved','stopped')
                             ORDER BY plan_date, created_at DESC, id DESC)
                SELECT cur.plan_date::text, s.venue_id FROM cur JOIN plan_route r ON r.plan_id = cur.id
                JOIN plan_stop s ON s.route_id = r.id""").setParameter(1, campaign).getResultList());
        Map<String, Set<Long>> out = new HashMap<>();
        for (Object[] r : rows) {
            out.computeIfAbsent((String) r[0], k -> new HashSet<>()).add(((Number) r[1]).longValue());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private long venuesOnSeveralDates(long campaign) {
        return ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                WITH cur AS (SELECT DISTINCT ON (plan_date) id, plan_date FROM plan
                             WHERE campaign_id = ?1 AND status IN ('solved','stopped')
                             ORDER BY plan_date, created_at DESC, id DESC)
                SELECT count(*) FROM (SELECT s.venue_id FROM cur JOIN plan_route r ON r.plan_id = cur.id
                  JOIN plan_stop s ON s.route_id = r.id GROUP BY s.venue_id HAVING count(DISTINCT cur.plan_date) > 1) x""")
                .setParameter(1, campaign).getSingleResult())).longValue();
    }

    private Map<String, Object> plan(long campaign, String date) {
        return as("planner").get("/api/campaigns/" + campaign + "/plan?date=" + date).then().statusCode(200)
                .body("date", equalTo(date)).extract().path("$");
    }

    @Test
    @SuppressWarnings("unchecked")
    void wholeCampaignVisitsEachVenueOnceAndReplanningADateRespectsTheOthers() {
        long team = twoOfficerTeam("三日组" + CampaignFixtures.RUN, 119.20, 36.70);
        List<Long> venues = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            venues.add(CampaignFixtures.venue("三日网吧" + i, "internet_cafe", 119.19 + 0.004 * (i % 6),
                    36.695 + 0.006 * (i / 6), "08:00-24:00", i % 3));
        }
        Map<String, Object> body = CampaignFixtures.campaign("三日巡查 " + CampaignFixtures.RUN, "ROUTINE", "2026-07-06",
                List.of(team), Map.of("venueIds", venues));
        body.put("endDate", "2026-07-08");
        body.put("shiftStart", "09:00");
        body.put("shiftEnd", "11:00"); // two hours a day: about four 30-minute checks, not twelve
        long id = CampaignFixtures.createCampaign(body);
        List<String> dates = List.of("2026-07-06", "2026-07-07", "2026-07-08");

        String job = solve(id, Map.of("dates", "all", "seconds", 2));
        assertEquals("DONE", PlanApiTest.await(job));
        List<Map<String, Object>> results = as("planner").get("/api/jobs/" + job).then().statusCode(200)
                .body("result.dates", hasSize(3)).extract().path("result.dates");
        assertEquals(dates, results.stream().map(r -> r.get("date")).toList());
        as("planner").get("/api/campaigns/" + id + "/solve").then().statusCode(200).body("dateCount", equalTo(3))
                .body("results", hasSize(3)).body("date", equalTo("2026-07-08"));

        // three plans, each feasible by the solver's checker and by the test's own; no venue on two dates
        Map<String, Long> planIds = new HashMap<>();
        int total = 0;
        for (String d : dates) {
            Map<String, Object> p = plan(id, d);
            assertEquals(true, p.get("feasible"), d + ": " + p.get("violations"));
            total += PlanChecks.assertFeasible(p);
            planIds.put(d, ((Number) p.get("planId")).longValue());
        }
        assertEquals(0, venuesOnSeveralDates(id), "a venue planned on two dates: " + venuesByDate(id));
        Map<String, Set<Long>> byDate = venuesByDate(id);
        assertTrue(byDate.size() >= 2, "two hours a day cannot check twelve venues on one date: " + byDate);
        assertTrue(total > 4, "later dates plan what earlier ones could not: " + byDate);

        // the summary: per date and the campaign totals, unplanned venues with their reasons
        Map<String, Object> sum = as("manager").get("/api/campaigns/" + id + "/plans").then().statusCode(200)
                .body("dates", hasSize(3)).body("dates.status", equalTo(List.of("solved", "solved", "solved")))
                .body("totals.targeted", equalTo(12)).body("totals.datesPlanned", equalTo(3))
                .body("totals.stops", equalTo(total)).body("plannedOnSeveralDates", hasSize(0))
                .extract().path("$");
        Map<String, Object> totals = (Map<String, Object>) sum.get("totals");
        assertEquals(total, ((Number) totals.get("planned")).intValue());
        assertEquals(12 - total, ((Number) totals.get("unplanned")).intValue());
        for (Map<String, Object> u : (List<Map<String, Object>>) sum.get("unplanned")) {
            assertFalse(((List<?>) u.get("reasons")).isEmpty(), "an unplanned venue without a reason: " + u);
        }
        as("leader1").get("/api/campaigns/" + id + "/plans").then().statusCode(403);

        // pin a stop of the middle date, then re-plan that date alone: the pin stays, the other dates' venues stay out
        Map<String, Object> middle = plan(id, "2026-07-07");
        List<Map<String, Object>> middleStops = (List<Map<String, Object>>) ((List<Map<String, Object>>) middle
                .get("routes")).get(0).get("stops");
        assertFalse(middleStops.isEmpty(), "the middle date has stops");
        Map<String, Object> pin = middleStops.get(0);
        as("planner").contentType(ContentType.JSON).body(Map.of("pinned", true))
                .patch("/api/campaigns/" + id + "/plan/stops/" + pin.get("id")).then().statusCode(204);
        Set<Long> others = new HashSet<>(byDate.getOrDefault("2026-07-06", Set.of()));
        others.addAll(byDate.getOrDefault("2026-07-08", Set.of()));
        assertFalse(byDate.getOrDefault("2026-07-08", Set.of()).isEmpty(), "the last date has stops: " + byDate);
        // a whole day's shift now: the middle date could take every venue, were the other dates' not left out
        Map<String, Object> longer = new HashMap<>(body);
        longer.put("shiftEnd", "17:00");
        longer.put("version", 0);
        as("planner").contentType(ContentType.JSON).body(longer).put("/api/campaigns/" + id).then().statusCode(200);
        assertEquals("DONE", PlanApiTest.await(solve(id, Map.of("date", "2026-07-07", "seconds", 2))));
        Map<String, Object> again = plan(id, "2026-07-07");
        assertNotEquals(planIds.get("2026-07-07"), ((Number) again.get("planId")).longValue(), "a new plan");
        PlanChecks.assertFeasible(again);
        Set<Long> now = venuesByDate(id).get("2026-07-07");
        assertTrue(now.contains(((Number) pin.get("venueId")).longValue()), "the pinned stop is kept");
        for (Long v : now) {
            assertFalse(others.contains(v), "venue " + v + " of another date re-planned on 2026-07-07");
        }
        assertEquals(0, venuesOnSeveralDates(id));
        assertEquals(planIds.get("2026-07-06"), ((Number) plan(id, "2026-07-06").get("planId")).longValue());
        assertEquals(planIds.get("2026-07-08"), ((Number) plan(id, "2026-07-08").get("planId")).longValue());

        // the whole campaign again: the first date must not take the venue pinned on the second
        assertEquals("DONE", PlanApiTest.await(solve(id, Map.of("dates", "all", "seconds", 1))));
        Map<String, Set<Long>> after = venuesByDate(id);
        assertTrue(after.get("2026-07-07").contains(((Number) pin.get("venueId")).longValue()), "pinned stop kept: " + after);
        assertEquals(0, venuesOnSeveralDates(id), "a venue planned on two dates: " + after);
    }

    @Test
    @SuppressWarnings("unchecked")
    void datesWithoutAWindowArePlannedEmptyWithReasons() {
        long team = twoOfficerTeam("周末组" + CampaignFixtures.RUN, 119.22, 36.72);
        List<Long> venues = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            venues.add(CampaignFixtures.venue("周末网吧" + i, "internet_cafe", 119.22 + 0.003 * i, 36.721, "08:00-24:00", 0));
        }
        Map<String, Object> body = CampaignFixtures.campaign("午间检查 " + CampaignFixtures.RUN, "ROUTINE", "2026-07-10",
                List.of(team), Map.of("venueIds", venues));
        body.put("endDate", "2026-07-12"); // Friday to Sunday
        body.put("windows", List.of(Map.of("name", "午间", "from", "12:00", "to", "14:00", "days", "SCHOOL_DAY")));
        long id = CampaignFixtures.createCampaign(body);

        // the weekend first ("to" defaults to the campaign's end): no window, so empty plans listing why
        assertEquals("DONE", PlanApiTest.await(solve(id, Map.of("from", "2026-07-11", "seconds", 1))));
        for (String weekend : List.of("2026-07-11", "2026-07-12")) {
            Map<String, Object> p = plan(id, weekend);
            assertEquals(0, PlanChecks.assertFeasible(p));
            assertEquals(true, p.get("feasible"));
            List<Map<String, Object>> un = (List<Map<String, Object>>) p.get("unassigned");
            assertEquals(3, un.size(), weekend + ": the weekend lists every venue it leaves out");
            assertTrue(un.stream().allMatch(u -> ((String) u.get("reason")).contains("休息日")), un.toString());
        }
        as("planner").get("/api/campaigns/" + id + "/plans").then().statusCode(200)
                .body("dates.status", equalTo(List.of("unplanned", "solved", "solved")))
                .body("totals.unplanned", equalTo(3)).body("unplanned[0].reasons", hasSize(2))
                .body("unplanned[0].reasons[0].reason", containsString("休息日"));
        // then Friday, a school day: all three at noon
        assertEquals("DONE", PlanApiTest.await(solve(id, Map.of("date", "2026-07-10", "seconds", 1))));
        assertEquals(3, PlanChecks.assertFeasible(plan(id, "2026-07-10")), "Friday: all three at noon");
        as("planner").get("/api/campaigns/" + id + "/plans").then().statusCode(200)
                .body("dates.stops", equalTo(List.of(3, 0, 0))).body("totals.planned", equalTo(3))
                .body("totals.unplanned", equalTo(0));
    }

    @Test
    void badDateSelectionsAreRefusedNamingTheFieldAndWriteNothing() {
        long team = twoOfficerTeam("坏输入组" + CampaignFixtures.RUN, 119.23, 36.73);
        long venue = CampaignFixtures.venue("坏输入网吧", "internet_cafe", 119.231, 36.731, null, 0);
        Map<String, Object> body = CampaignFixtures.campaign("十日巡查 " + CampaignFixtures.RUN, "ROUTINE", "2026-08-01",
                List.of(team), Map.of("venueIds", List.of(venue)));
        body.put("endDate", "2026-08-10");
        long id = CampaignFixtures.createCampaign(body);
        String url = "/api/campaigns/" + id + "/solve";

        record Bad(Object body, int status, String field) {
        }
        List<Bad> bad = List.of(
                new Bad(Map.of("dates", "some"), 400, "dates"),
                new Bad(Map.of("dates", List.of("all")), 400, "dates"),
                new Bad(Map.of("dates", "all", "date", "2026-08-02"), 400, "dates"),
                new Bad(Map.of("dates", "all", "from", "2026-08-02"), 400, "dates"),
                new Bad(Map.of("date", "2026-08-02", "to", "2026-08-03"), 400, "date"),
                new Bad(Map.of("from", "2026-13-01"), 400, "from"),
                new Bad(Map.of("to", "soon"), 400, "to"),
                new Bad(Map.of("from", "2026-08-05", "to", "2026-08-03"), 400, "to"),
                new Bad(Map.of("from", "2026-07-30", "to", "2026-08-03"), 422, "from"),
                new Bad(Map.of("from", "2026-08-03", "to", "2026-08-11"), 422, "to"),
                new Bad(Map.of("date", "2026-08-11"), 422, "date"),
                new Bad(Map.of("date", "08/02/2026"), 400, "date"),
                // ten dates × 200 s is more than the 1,200 s a request may take
                new Bad(Map.of("dates", "all", "seconds", 200), 422, "seconds"));
        for (Bad b : bad) {
            as("planner").contentType(ContentType.JSON).body(b.body()).post(url).then().statusCode(b.status())
                    .contentType(containsString("application/problem+json")).body("errors.field", hasItem(b.field()));
        }
        // nothing solved, nothing written
        as("planner").get(url).then().statusCode(404);
        as("planner").get("/api/campaigns/" + id + "/plans").then().statusCode(200).body("totals.datesPlanned", equalTo(0))
                .body("dates.status", org.hamcrest.Matchers.everyItem(equalTo("unplanned")));
        // ten dates × 120 s is allowed (started, then stopped at once)
        String job = solve(id, Map.of("dates", "all", "seconds", 120));
        as("planner").delete(url).then().statusCode(org.hamcrest.Matchers.oneOf(202, 204));
        assertEquals("CANCELLED", PlanApiTest.await(job));
        as("planner").get("/api/jobs/" + job).then().body("result.dates", hasSize(10))
                .body("result.dates[9].status", equalTo("not solved"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void bestSoFarIsStoredWhileSolvingButIsNotThePlan() {
        long team = twoOfficerTeam("最优组" + CampaignFixtures.RUN, 119.24, 36.74);
        List<Long> venues = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            venues.add(CampaignFixtures.venue("最优网吧" + i, "internet_cafe", 119.235 + 0.003 * (i % 5),
                    36.735 + 0.004 * (i / 5), "08:00-24:00", i % 4));
        }
        String date = "2026-07-15";
        long id = CampaignFixtures.createCampaign(CampaignFixtures.campaign("最优解测试 " + CampaignFixtures.RUN, "ROUTINE",
                date, List.of(team), Map.of("venueIds", venues)));
        assertEquals("DONE", PlanApiTest.await(solve(id, Map.of("date", date, "seconds", 1))));
        long first = ((Number) plan(id, date).get("planId")).longValue();

        // a longer solve: its best plan so far appears in the database as a 'solving' row
        String job = solve(id, Map.of("date", date, "seconds", 8));
        Long[] solving = new Long[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            solving[0] = solvingRow(id);
            return solving[0] != null;
        });
        assertNotEquals(first, solving[0]);
        assertTrue(stopsOf(solving[0]) > 0, "the solving row holds the best plan's stops");
        // … which is not the date's plan
        assertEquals(first, ((Number) plan(id, date).get("planId")).longValue());
        as("planner").get("/api/campaigns/" + id + "/plans").then().statusCode(200)
                .body("dates[0].planId", equalTo((int) first)).body("dates[0].solvingPlanId", equalTo(solving[0].intValue()));
        // what another node answers meanwhile (it has no solve in memory): the same best plan, from the database
        SolveProgress elsewhere = solveStatus.fromDatabase(id);
        assertEquals("database", elsewhere.source());
        assertEquals("RUNNING", elsewhere.state());
        assertEquals(solving[0], elsewhere.current().planId());
        assertEquals("solving", elsewhere.current().stored().plan().status());
        // a second solve of the same campaign meanwhile is a conflict
        as("planner").contentType(ContentType.JSON).body(Map.of("date", date)).post("/api/campaigns/" + id + "/solve")
                .then().statusCode(409);

        assertEquals("DONE", PlanApiTest.await(job));
        // the same row, finished, is now the plan
        assertEquals(solving[0], ((Number) plan(id, date).get("planId")).longValue());
        assertEquals(null, solvingRow(id));

        // status from the database when this node no longer holds the solve (another node, a restart)
        planService.forget(id);
        as("planner").get("/api/campaigns/" + id + "/solve").then().statusCode(200).body("source", equalTo("database"))
                .body("state", equalTo("DONE")).body("planId", equalTo(solving[0].intValue()))
                .body("plan.planId", equalTo(solving[0].intValue())).body("results", hasSize(1))
                .body("results[0].planId", equalTo(solving[0].intValue()));

        // a row left 'solving' by a node that died (stale heartbeat) is kept as 'stopped' and becomes the plan;
        // while 'solving' it is not the plan
        long orphan = solving[0];
        sql("UPDATE plan SET status = 'solving', solver_node = 'dead-node', heartbeat_at = now() - interval '10 minutes' "
                + "WHERE id = " + orphan);
        assertEquals(first, ((Number) plan(id, date).get("planId")).longValue());
        as("planner").get("/api/campaigns/" + id + "/solve").then().statusCode(200);
        as("planner").get("/api/campaigns/" + id + "/plan?date=" + date).then().statusCode(200)
                .body("planId", equalTo((int) orphan)).body("status", equalTo("stopped"));
        // this node's own row left 'solving' at a crash is recovered at start, however fresh its heartbeat
        sql("UPDATE plan SET status = 'solving', solver_node = '" + bestSoFar.node() + "', heartbeat_at = now() "
                + "WHERE id = " + orphan);
        assertEquals(0, store.recoverOrphans(null, BestSoFar.STALE_SECONDS), "a fresh row of a live solve stays");
        planService.onStart(null);
        assertEquals(null, solvingRow(id));
        assertNotNull(plan(id, date));
    }

    /**
     * Bests offered every 100 ms for 5 s (a solver improving all the time) are written to the 'solving' row at most
     * every 2 s: the first at once, then about one per interval, each replacing the row's content in place.
     */
    @Test
    void bestSoFarWritesAreThrottled() throws Exception {
        long team = twoOfficerTeam("节流组" + CampaignFixtures.RUN, 119.26, 36.76);
        long venue = CampaignFixtures.venue("节流网吧", "internet_cafe", 119.261, 36.761, null, 0);
        long id = CampaignFixtures.createCampaign(CampaignFixtures.campaign("节流测试 " + CampaignFixtures.RUN, "ROUTINE",
                "2026-07-20", List.of(team), Map.of("venueIds", List.of(venue))));
        com.patrolplanner.campaign.solver.CampaignProblem problem = QuarkusTransaction.requiringNew().call(() ->
                builder.build(campaigns.find(id), java.time.LocalDate.parse("2026-07-20"), List.of()));
        BestSoFar.DateSolve d = new BestSoFar.DateSolve(java.util.UUID.randomUUID(), "planner", problem, "节流测试", "ROUTINE",
                1, 1);
        bestSoFar.register(d);
        List<java.time.Instant> writes = new ArrayList<>();
        long end = System.currentTimeMillis() + 5000;
        try {
            while (System.currentTimeMillis() < end) {
                d.offer(problem.plan());
                Thread.sleep(100);
                if (d.planId() != null) {
                    java.time.Instant w = solvingWrite(d.planId());
                    if (w != null && (writes.isEmpty() || !writes.get(writes.size() - 1).equals(w))) {
                        writes.add(w);
                    }
                }
            }
        } finally {
            bestSoFar.unregister(d);
        }
        assertTrue(writes.size() >= 2 && writes.size() <= 4, "about one write per 2 s over 5 s: " + writes);
        for (int i = 1; i < writes.size(); i++) {
            assertTrue(Duration.between(writes.get(i - 1), writes.get(i)).toMillis() >= 1900, "writes " + writes);
        }
        // one row, replaced in place; finishing turns it into the plan
        assertEquals(d.planId(), solvingRow(id));
        bestSoFar.finish(d, problem.plan(), "solved");
        assertEquals(null, solvingRow(id));
        assertEquals(d.planId().longValue(), ((Number) plan(id, "2026-07-20").get("planId")).longValue());
    }

    private void sql(String update) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(update).executeUpdate());
    }

    @SuppressWarnings("unchecked")
    private Long solvingRow(long campaign) {
        List<Number> l = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT id FROM plan WHERE campaign_id = ?1 AND status = 'solving'").setParameter(1, campaign).getResultList());
        return l.isEmpty() ? null : l.get(0).longValue();
    }

    /** When the row was last written while it is 'solving' (null once finished). */
    @SuppressWarnings("unchecked")
    private java.time.Instant solvingWrite(long planId) {
        List<Object> l = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT updated_at FROM plan WHERE id = ?1 AND status = 'solving'").setParameter(1, planId).getResultList());
        if (l.isEmpty()) {
            return null;
        }
        Object o = l.get(0);
        return o instanceof java.time.OffsetDateTime odt ? odt.toInstant() : o instanceof java.sql.Timestamp ts
                ? ts.toInstant() : (java.time.Instant) o;
    }

    private long stopsOf(long planId) {
        return ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT count(*) FROM plan_stop s JOIN plan_route r ON r.id = s.route_id WHERE r.plan_id = ?1")
                .setParameter(1, planId).getSingleResult())).longValue();
    }
}
