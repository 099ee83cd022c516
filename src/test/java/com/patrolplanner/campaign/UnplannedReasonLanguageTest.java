package com.patrolplanner.campaign;

import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Why a venue was left out, and the score, in the reader's language (issue 19, point 4): a venue that one team could
 * reach on its own but whose window the other stops fill reads 窗口内时间不足, never "no team can reach it"; a venue no
 * team can reach in its window says so. The score reads 未安排 N 家，总车程 N 分钟.
 */
@QuarkusTest
class UnplannedReasonLanguageTest {
    static final String DATE = "2026-06-17"; // a Wednesday

    @Test
    @SuppressWarnings("unchecked")
    void aFullWindowSaysSoAndAnUnreachableVenueSaysThat() {
        long team = CampaignFixtures.team("窗口组", 119.120, 36.700);
        CampaignFixtures.inspector("窗口甲", "CERT-W-A", team);
        CampaignFixtures.inspector("窗口乙", "CERT-W-B", team);
        // six internet cafés (30 min each) a few hundred metres from base, all open only 10:00-11:00: one team can
        // check at most two of them in that hour, so at least four are left out for want of time in the window
        List<Long> venues = new ArrayList<>();
        List<String> crowded = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String name = "一小时网吧" + i;
            crowded.add(name);
            venues.add(CampaignFixtures.venue(name, "internet_cafe", 119.121 + 0.0005 * i, 36.701, "Mo-Su 10:00-11:00", 0));
        }
        // one 140 km away (≈ 1.26° of longitude here), open the same hour: out of reach within its window
        venues.add(CampaignFixtures.venue("远郊网吧", "internet_cafe", 120.70, 36.701, "Mo-Su 10:00-11:00", 0));
        long id = CampaignFixtures.createCampaign(CampaignFixtures.campaign("窗口测试 " + CampaignFixtures.RUN, "ROUTINE",
                DATE, List.of(team), Map.of("venueIds", venues)));
        assertEquals("DONE", PlanApiTest.await(PlanApiTest.solve(id, DATE, 3)));

        Map<String, Object> zh = as("planner").get("/api/campaigns/" + id + "/plan?date=" + DATE).then().statusCode(200)
                .extract().path("$");
        List<Map<String, Object>> left = (List<Map<String, Object>>) zh.get("unassigned");
        List<Map<String, Object>> routes = (List<Map<String, Object>>) zh.get("routes");
        int planned = routes.stream().mapToInt(r -> ((List<?>) r.get("stops")).size()).sum();
        assertTrue(planned >= 1 && planned <= 2, "one hour holds at most two 30-minute checks: " + planned);
        assertEquals(7 - planned, left.size(), left.toString());
        for (Map<String, Object> u : left) {
            String reason = (String) u.get("reason");
            if (crowded.contains(u.get("name"))) {
                assertTrue(reason.startsWith("窗口内时间不足"), u.toString());
                assertFalse(reason.contains("没有小组能") || reason.contains("no team"), u.toString());
            } else {
                assertEquals("远郊网吧", u.get("name"));
                assertTrue(reason.startsWith("没有小组能"), u.toString());
            }
        }
        // the score in words: the travel total by hand from the routes' legs (stop legs and the way back to base)
        long minutes = Math.round(routes.stream().mapToDouble(r -> ((Number) r.get("travelMinutes")).doubleValue()).sum());
        assertEquals("未安排 " + left.size() + " 家，总车程 " + minutes + " 分钟", zh.get("scoreText"));

        // the same plan read in English
        Map<String, Object> en = as("planner").header("Accept-Language", "en")
                .get("/api/campaigns/" + id + "/plan?date=" + DATE).then().statusCode(200).header("Content-Language", "en")
                .extract().path("$");
        for (Map<String, Object> u : (List<Map<String, Object>>) en.get("unassigned")) {
            String reason = (String) u.get("reason");
            assertTrue(crowded.contains(u.get("name")) ? reason.startsWith("not enough time in its window")
                    : reason.startsWith("no team can reach it"), u.toString());
        }
        assertEquals(left.size() + " unplanned, " + minutes + " min driving in total", en.get("scoreText"));
    }
}
