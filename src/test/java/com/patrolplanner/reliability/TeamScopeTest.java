package com.patrolplanner.reliability;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue #9 (access): a team leader sees only the own team's campaigns, routes, stops and inspections. Another team's
 * are answered 404 — as if they did not exist — never 403, which would confirm that they do.
 */
@QuarkusTest
class TeamScopeTest {
    static final String DATE = "2026-09-09";

    @Test
    @SuppressWarnings("unchecked")
    void leadersSeeOnlyTheirOwnTeamsPlansStopsAndInspections() {
        long t1 = Fixtures.teamOf("leader1");
        long t2 = Fixtures.teamOf("leader2");
        List<Long> officers1 = List.of(Fixtures.officer(t1), Fixtures.officer(t1));
        Fixtures.officer(t2);
        Fixtures.officer(t2);
        List<Long> venues = List.of(Fixtures.venue("internet_cafe", 119.160, 36.705),
                Fixtures.venue("internet_cafe", 119.170, 36.706), Fixtures.venue("publication", 119.165, 36.712),
                Fixtures.venue("song_dance", 119.175, 36.700));
        long shared = Fixtures.createCampaign(Fixtures.campaign("两组共用", DATE, List.of(t1, t2), venues));
        long onlyOne = Fixtures.createCampaign(Fixtures.campaign("一组专用", DATE, List.of(t1), venues.subList(0, 2)));
        assertEquals("DONE", Fixtures.solve(shared, DATE, 1));
        assertEquals("DONE", Fixtures.solve(onlyOne, DATE, 1));

        // a campaign without the leader's team: every view of it is 404 with a problem document
        as("leader1").get("/api/campaigns/" + onlyOne + "/plan").then().statusCode(200);
        for (String path : List.of("", "/plan", "/plan?format=geojson", "/plan/teams/" + t1 + "/sheet",
                "/plan/teams/" + t1 + "/calendar.ics", "/plan/teams/" + t2 + "/sheet")) {
            as("leader2").get("/api/campaigns/" + onlyOne + path).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        as("leader2").get("/api/campaigns").then().statusCode(200)
                .body("id", not(hasItem((int) onlyOne))).body("id", hasItem((int) shared));
        as("leader1").get("/api/campaigns").then().statusCode(200).body("id", hasItem((int) onlyOne));

        // the shared campaign: each leader reads the own route only; the other team's sheet and calendar are 404
        as("leader2").get("/api/campaigns/" + shared + "/plan").then().statusCode(200)
                .body("routes.teamId", everyItem(equalTo((int) t2)));
        as("leader2").get("/api/campaigns/" + shared + "/plan?format=geojson").then().statusCode(200)
                .body("features.properties.teamId", everyItem(equalTo((int) t2)));
        as("leader2").get("/api/campaigns/" + shared + "/plan/teams/" + t2 + "/sheet").then().statusCode(200);
        as("leader2").get("/api/campaigns/" + shared + "/plan/teams/" + t1 + "/sheet").then().statusCode(404);
        as("leader1").get("/api/campaigns/" + shared + "/plan/teams/" + t2 + "/calendar.ics").then().statusCode(404);

        // stops: marking another team's stop done is 404; the own team's is accepted
        Map<String, Object> plan = as("planner").get("/api/campaigns/" + shared + "/plan").then().statusCode(200)
                .extract().path("$");
        int stops = 0;
        for (Map<String, Object> r : (List<Map<String, Object>>) plan.get("routes")) {
            long team = ((Number) r.get("teamId")).longValue();
            String own = team == t1 ? "leader1" : "leader2";
            String other = team == t1 ? "leader2" : "leader1";
            for (Map<String, Object> s : (List<Map<String, Object>>) r.get("stops")) {
                String url = "/api/campaigns/" + shared + "/plan/stops/" + s.get("id");
                as(other).contentType(ContentType.JSON).body(Map.of("done", true)).patch(url).then().statusCode(404)
                        .contentType("application/problem+json");
                as(own).contentType(ContentType.JSON).body(Map.of("done", true)).patch(url).then().statusCode(204);
                stops++;
            }
        }
        assertTrue(stops > 0, "the shared plan has no stops: " + plan);

        // the shift of a day: the own team's routes only, never the campaign without the team
        List<Map<String, Object>> shift = as("leader2").get("/api/my/shift?date=" + DATE).then().statusCode(200)
                .body("teamId", equalTo((int) t2)).extract().path("plans");
        assertFalse(shift.stream().anyMatch(p -> ((Number) p.get("campaignId")).longValue() == onlyOne), "shift " + shift);
        assertTrue(shift.stream().anyMatch(p -> ((Number) p.get("campaignId")).longValue() == shared), "shift " + shift);
        for (Map<String, Object> p : shift) {
            for (Map<String, Object> r : (List<Map<String, Object>>) p.get("routes")) {
                assertEquals(t2, ((Number) r.get("teamId")).longValue(), "leader2's shift shows " + r);
            }
        }

        // teams: the other team's record is 404
        as("leader2").get("/api/teams/" + t1).then().statusCode(404);
        as("leader2").get("/api/teams/" + t2).then().statusCode(200);

        // inspections: another team's record, its history and an edit of it are 404; lists leave it out
        Map<String, Object> rec = new HashMap<>();
        rec.put("venueId", venues.get(0));
        rec.put("inspectedAt", DATE + "T21:30:00+08:00");
        rec.put("officers", officers1);
        rec.put("outcome", "compliant");
        rec.put("violations", List.of());
        int insp = as("leader1").contentType(ContentType.JSON).body(rec).post("/api/inspections").then().statusCode(201)
                .extract().path("id");
        as("leader2").get("/api/inspections/" + insp).then().statusCode(404).contentType("application/problem+json");
        as("leader2").get("/api/inspections/" + insp + "/history").then().statusCode(404);
        rec.put("version", 0);
        rec.put("notes", "越权修改");
        as("leader2").contentType(ContentType.JSON).body(rec).put("/api/inspections/" + insp).then().statusCode(404);
        as("leader2").get("/api/inspections?venue=" + venues.get(0)).then().statusCode(200).body("items.id", not(hasItem(insp)));
        as("leader1").get("/api/inspections/" + insp).then().statusCode(200).body("notes", org.hamcrest.Matchers.nullValue());
    }
}
