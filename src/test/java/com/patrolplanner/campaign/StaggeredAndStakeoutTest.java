package com.patrolplanner.campaign;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Staggered hours on school and rest days (windows ∩ opening hours, one visit per venue) and a stake-out. */
@QuarkusTest
class StaggeredAndStakeoutTest {

    private static long twoOfficerTeam(String name, double lon, double lat) {
        long t = CampaignFixtures.team(name, lon, lat);
        CampaignFixtures.inspector(name + "甲", "CERT-" + name + "a", t);
        CampaignFixtures.inspector(name + "乙", "CERT-" + name + "b", t);
        return t;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> stops(Map<String, Object> plan) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : (List<Map<String, Object>>) plan.get("routes")) {
            out.addAll((List<Map<String, Object>>) r.get("stops"));
        }
        return out;
    }

    private static int minuteOfDay(Object iso) {
        OffsetDateTime t = OffsetDateTime.parse((String) iso);
        return t.getHour() * 60 + t.getMinute();
    }

    @Test
    void staggeredHoursOnSchoolDaysRestDaysAndHolidays() {
        long team = twoOfficerTeam("错时组", 119.15, 36.70);
        List<Long> venues = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            venues.add(CampaignFixtures.venue("错时网吧" + i, "internet_cafe", 119.14 + 0.004 * i, 36.705, "08:00-24:00", 0));
        }
        // opens at 15:00: on a school day only the after-school window fits it
        long late = CampaignFixtures.venue("午后开门网吧", "internet_cafe", 119.16, 36.70, "15:00-24:00", 0);
        venues.add(late);
        Map<String, Object> body = CampaignFixtures.campaign("暑前错时 " + CampaignFixtures.RUN, "STAGGERED", "2026-06-08",
                List.of(team), Map.of("venueIds", venues));
        body.put("endDate", "2026-06-14");
        long id = CampaignFixtures.createCampaign(body);

        // Wednesday 2026-06-10, a school day: 12:00–14:00 or 16:30–19:00, each venue once
        assertEquals("DONE", PlanApiTest.await(PlanApiTest.solve(id, "2026-06-10", 3)));
        Map<String, Object> plan = as("planner").get("/api/campaigns/" + id + "/plan?date=2026-06-10").then()
                .statusCode(200).body("feasible", equalTo(true)).extract().path("$");
        assertEquals(7, PlanChecks.assertFeasible(plan));
        for (Map<String, Object> s : stops(plan)) {
            int m = minuteOfDay(s.get("start"));
            assertTrue((m >= 720 && m <= 810) || (m >= 990 && m <= 1110), s.get("name") + " at " + s.get("start"));
            if (((Number) s.get("venueId")).longValue() == late) {
                assertTrue(m >= 990, "the late café can only be checked after school: " + s.get("start"));
            }
        }

        // each venue once per campaign: Saturday of the same campaign has nothing left to visit
        assertEquals("DONE", PlanApiTest.await(PlanApiTest.solve(id, "2026-06-13", 1)));
        as("planner").get("/api/campaigns/" + id + "/plan?date=2026-06-13").then().statusCode(200)
                .body("routes[0].stops", hasSize(0));
        // so the rest-day and holiday windows are seen on campaigns of their own, over the same venues
        body.put("name", "暑前错时周末 " + CampaignFixtures.RUN);
        long weekend = CampaignFixtures.createCampaign(body);
        body.put("name", "暑前错时校假 " + CampaignFixtures.RUN);
        long holiday = CampaignFixtures.createCampaign(body);

        // Saturday 2026-06-13, a rest day: the whole-day window 09:00–21:00
        assertEquals("DONE", PlanApiTest.await(PlanApiTest.solve(weekend, "2026-06-13", 2)));
        Map<String, Object> sat = as("planner").get("/api/campaigns/" + weekend + "/plan?date=2026-06-13").then()
                .statusCode(200).body("feasible", equalTo(true)).extract().path("$");
        assertTrue(PlanChecks.assertFeasible(sat) > 0, "Saturday plans stops");
        assertTrue(stops(sat).stream().filter(s -> ((Number) s.get("venueId")).longValue() != late)
                .allMatch(s -> minuteOfDay(s.get("windowStart")) == 540), "rest-day window opens 09:00: " + sat);

        // the admin marks Thursday 2026-06-11 a school holiday: it plans like a rest day
        as("admin").contentType(ContentType.JSON).body(Map.of("kind", "holiday", "name", "测试校假"))
                .put("/api/calendar/2026-06-11").then().statusCode(200);
        assertEquals("DONE", PlanApiTest.await(PlanApiTest.solve(holiday, "2026-06-11", 2)));
        Map<String, Object> hol = as("planner").get("/api/campaigns/" + holiday + "/plan?date=2026-06-11").then()
                .statusCode(200).body("feasible", equalTo(true)).extract().path("$");
        assertTrue(PlanChecks.assertFeasible(hol) > 0, "the holiday plans stops");
        assertTrue(stops(hol).stream().filter(s -> ((Number) s.get("venueId")).longValue() != late)
                .allMatch(s -> minuteOfDay(s.get("windowStart")) == 540), "a school holiday plans like a rest day");
    }

    @Test
    void stakeoutWatchesOneVenueForItsWindow() {
        long team = twoOfficerTeam("蹲点组", 119.15, 36.70);
        long venue = CampaignFixtures.venue("校门口网吧", "internet_cafe", 119.152, 36.702, "08:00-24:00", 3);
        Map<String, Object> body = CampaignFixtures.campaign("放学蹲点 " + CampaignFixtures.RUN, "STAKEOUT", "2026-06-10",
                List.of(team), Map.of());
        body.put("stakeoutVenueId", venue);
        long id = CampaignFixtures.createCampaign(body);
        assertEquals("DONE", PlanApiTest.await(PlanApiTest.solve(id, "2026-06-10", 2)));
        Map<String, Object> plan = as("planner").get("/api/campaigns/" + id + "/plan").then().statusCode(200)
                .body("feasible", equalTo(true)).body("routes[0].stops", hasSize(1))
                .body("routes[0].stops[0].venueId", equalTo((int) venue)).extract().path("$");
        PlanChecks.assertFeasible(plan);
        Map<String, Object> s = stops(plan).get(0);
        int start = minuteOfDay(s.get("start"));
        assertTrue(start >= 990 && start <= 1000, "stake-out starts at 16:30 (+10 min): " + s.get("start"));
        assertEquals(minuteOfDay(s.get("start")) + 120, minuteOfDay(s.get("departure")), "watches the 2-hour window");
    }
}
