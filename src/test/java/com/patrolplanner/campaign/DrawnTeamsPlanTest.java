package com.patrolplanner.campaign;

import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** 双随机: a drawn campaign is driven by the officers the draw put together, not by the registered team members. */
@QuarkusTest
class DrawnTeamsPlanTest {

    @Test
    @SuppressWarnings("unchecked")
    void randomCampaignIsScheduledWithTheDrawnOfficers() {
        long slot = CampaignFixtures.team("随机槽位", 119.15, 36.71);
        CampaignFixtures.inspector("登记组员甲", "CERT-SLOT-A", slot);
        CampaignFixtures.inspector("登记组员乙", "CERT-SLOT-B", slot);
        long other = CampaignFixtures.team("其他组", 119.16, 36.72);
        for (int i = 0; i < 4; i++) {
            CampaignFixtures.inspector("随机抽取候选" + i, "CERT-POOL-" + i, other);
        }
        List<Long> venues = List.of(
                CampaignFixtures.venue("随机网吧甲", "internet_cafe", 119.151, 36.711, "Mo-Su 08:00-24:00", 0),
                CampaignFixtures.venue("随机网吧乙", "internet_cafe", 119.153, 36.712, "Mo-Su 08:00-24:00", 0));
        long id = CampaignFixtures.createCampaign(CampaignFixtures.campaign("双随机排班 " + CampaignFixtures.RUN, "RANDOM",
                PlanApiTest.DATE, List.of(slot), Map.of("venueIds", venues)));

        Map<String, Object> draw = as("planner").contentType(ContentType.JSON)
                .body(Map.of("count", 2, "teams", 1, "seed", 20261126L))
                .post("/api/campaigns/" + id + "/draw").then().statusCode(201).extract().path("$");
        List<Map<String, Object>> drawnMembers = (List<Map<String, Object>>) ((List<Map<String, Object>>) draw.get("teams"))
                .get(0).get("members");
        java.util.Set<Long> drawn = drawnMembers.stream().map(m -> ((Number) m.get("id")).longValue()).collect(Collectors.toSet());

        assertEquals("DONE", PlanApiTest.await(PlanApiTest.solve(id, PlanApiTest.DATE, 2)));
        List<Map<String, Object>> routes = as("planner").get("/api/campaigns/" + id + "/plan").then().statusCode(200)
                .extract().path("routes");
        List<Map<String, Object>> members = (List<Map<String, Object>>) routes.get(0).get("members");
        assertEquals(drawn, members.stream().map(m -> ((Number) m.get("id")).longValue()).collect(Collectors.toSet()),
                "the route's officers are the drawn ones");
    }
}
