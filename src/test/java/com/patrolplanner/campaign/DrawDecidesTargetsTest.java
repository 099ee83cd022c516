package com.patrolplanner.campaign;

import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.demo.DemoUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Issue 19.2: once a campaign has a 双随机 draw, the drawn venues are its targets, whatever its type. A night sweep over
 * eight cafés with three drawn plans those three and no other (before the fix it planned all eight).
 */
@QuarkusTest
class DrawDecidesTargetsTest {
    static final String DATE = "2026-09-23";

    @Inject
    EntityManager em;

    @Test
    @SuppressWarnings("unchecked")
    void drawOnANightSweepPlansOnlyTheDrawnVenues() {
        long team = CampaignFixtures.demoTeam(DemoUsers.TEAM_2);
        CampaignFixtures.inspector("抽查甲", "CERT-D1-" + team, team);
        CampaignFixtures.inspector("抽查乙", "CERT-D2-" + team, team);
        List<Long> cafes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            cafes.add(CampaignFixtures.venue("抽查网吧" + i, "internet_cafe", 119.12 + 0.003 * i, 36.70 + 0.002 * (i % 3), null, 0));
        }
        long id = CampaignFixtures.createCampaign(CampaignFixtures.campaign("夜查双随机 " + CampaignFixtures.RUN,
                "NIGHT_SWEEP", DATE, List.of(team), Map.of("venueIds", cafes)));
        as("planner").contentType(ContentType.JSON).body(Map.of("count", 3, "seed", 20261201L))
                .post("/api/campaigns/" + id + "/draw").then().statusCode(201);

        assertEquals("DONE", PlanApiTest.await(PlanApiTest.solve(id, DATE, 2)));

        // by SQL, not through the code under test: the drawn venues, and the venues the plan visits
        Set<Long> drawn = new TreeSet<>();
        Set<Long> planned = new TreeSet<>();
        QuarkusTransaction.requiringNew().run(() -> {
            ((List<Number>) em.createNativeQuery("SELECT d.venue_id FROM draw_venue d JOIN campaign_draw cd ON cd.id = d.draw_id "
                    + "WHERE cd.campaign_id = ?1").setParameter(1, id).getResultList()).forEach(n -> drawn.add(n.longValue()));
            ((List<Number>) em.createNativeQuery("SELECT s.venue_id FROM plan_stop s JOIN plan_route r ON r.id = s.route_id "
                    + "JOIN plan p ON p.id = r.plan_id WHERE p.campaign_id = ?1 AND p.status IN ('solved','stopped')")
                    .setParameter(1, id).getResultList()).forEach(n -> planned.add(n.longValue()));
        });
        assertEquals(3, drawn.size(), "three drawn: " + drawn);
        assertTrue(cafes.containsAll(drawn));
        assertTrue(drawn.containsAll(planned), "planned " + planned + " but drawn only " + drawn);
        assertEquals(drawn, planned, "three cafés in a two-hour window for one team: all drawn ones are planned");
        as("planner").get("/api/campaigns/" + id + "/plans").then().statusCode(200)
                .body("totals.targeted", org.hamcrest.Matchers.equalTo(3));
    }
}
