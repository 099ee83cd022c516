package com.patrolplanner.campaign;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.jobs.JobService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A solve whose node died is taken over by another node (README, Cluster): it starts from the best plan the dead node
 * had persisted (the 'solving' row, kept as 'stopped'), and ends DONE with a feasible plan that keeps at least the
 * venues of that best plan. The dead node is simulated: its job row with a stale heartbeat, its 'solving' plan row.
 */
@QuarkusTest
class SolveTakeoverTest {
    @Inject
    EntityManager em;
    @Inject
    JobService jobs;

    private long count(String sql, Object... args) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < args.length; i++) {
                q.setParameter(i + 1, args[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }

    @Test
    void aSolveIsTakenOverFromItsLastBestPlan() throws Exception {
        long team = CampaignFixtures.team("接管组" + CampaignFixtures.RUN, 119.20, 36.70);
        CampaignFixtures.inspector("接管甲", "CERT-TK-a" + CampaignFixtures.RUN, team);
        CampaignFixtures.inspector("接管乙", "CERT-TK-b" + CampaignFixtures.RUN, team);
        List<Long> venues = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            venues.add(CampaignFixtures.venue("接管网吧" + i, "internet_cafe", 119.19 + 0.004 * (i % 3), 36.695 + 0.006 * (i / 3),
                    "08:00-24:00", i % 2));
        }
        String date = "2026-07-13";
        Map<String, Object> body = CampaignFixtures.campaign("接管巡查 " + CampaignFixtures.RUN, "ROUTINE", date,
                List.of(team), Map.of("venueIds", venues));
        body.put("shiftStart", "09:00");
        body.put("shiftEnd", "11:00");
        long campaign = CampaignFixtures.createCampaign(body);
        // the dead node's best plan so far: a real solve's plan, handed to a job of the dead node as its 'solving' row
        String first = PlanApiTest.solve(campaign, date, 1);
        assertEquals("DONE", PlanApiTest.await(first));
        long best = count("SELECT id FROM plan WHERE job_id = CAST(?1 AS uuid) AND status = 'solved'", first);
        long bestStops = count("SELECT count(*) FROM plan_stop s JOIN plan_route r ON r.id = s.route_id WHERE r.plan_id = ?1", best);
        assertTrue(bestStops > 0, "the first solve planned nothing: " + as("planner").get("/api/jobs/" + first).asString());

        UUID dead = UUID.randomUUID();
        String deadNode = "dead-node-" + dead;
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    INSERT INTO job (id, kind, state, owner, node, started_at, heartbeat_at, resumer, resume_args)
                    VALUES (?1, 'campaign-solve', 'RUNNING', 'planner', ?2, now(), now() - interval '5 minutes',
                            'campaign-solve', CAST(?3 AS jsonb))""")
                    .setParameter(1, dead).setParameter(2, deadNode)
                    .setParameter(3, "{\"campaignId\":" + campaign + ",\"input\":{\"date\":\"" + date
                            + "\",\"seconds\":1},\"user\":\"planner\"}").executeUpdate();
            em.createNativeQuery("UPDATE plan SET job_id = ?1, status = 'solving', solver_node = ?2, "
                    + "heartbeat_at = now() - interval '5 minutes' WHERE id = ?3")
                    .setParameter(1, dead).setParameter(2, deadNode).setParameter(3, best).executeUpdate();
        });

        String other = "node-b-" + dead;
        assertTrue(jobs.takeOver(other) >= 1);
        assertEquals("DONE", jobs.await(dead, Duration.ofSeconds(60)).state());
        as("planner").get("/api/jobs/" + dead).then().statusCode(200)
                .body("result.resumedFromStops", equalTo((int) bestStops));
        assertEquals(other, QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT node FROM job WHERE id = ?1").setParameter(1, dead).getSingleResult()));
        assertEquals(1, count("SELECT count(*) FROM plan WHERE id = ?1 AND status = 'stopped'", best),
                "the dead node's best plan is kept, as a stop would keep it");
        long resumed = count("SELECT id FROM plan WHERE job_id = ?1 AND status = 'solved'", dead);
        assertNotEquals(best, resumed);
        long resumedStops = count("SELECT count(*) FROM plan_stop s JOIN plan_route r ON r.id = s.route_id "
                + "WHERE r.plan_id = ?1", resumed);
        assertTrue(resumedStops >= bestStops, resumedStops + " stops after the take-over, " + bestStops + " before");
        Map<String, Object> plan = as("planner").get("/api/campaigns/" + campaign + "/plan?date=" + date).then()
                .statusCode(200).extract().path("$");
        assertEquals(resumed, ((Number) plan.get("planId")).longValue(), "the date's plan is the resumed one");
        assertEquals(resumedStops, PlanChecks.assertFeasible(plan), "feasible, every stop checked");
    }
}
