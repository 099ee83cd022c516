package com.patrolplanner.campaign;

import static com.patrolplanner.TestSupport.anonymous;
import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import com.patrolplanner.demo.DemoUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CampaignApiTest {

    @Test
    void crudWithVersionAndDefaultWindows() {
        long t1 = CampaignFixtures.demoTeam(DemoUsers.TEAM_1);
        Map<String, Object> body = CampaignFixtures.campaign("午间错时检查 " + CampaignFixtures.RUN, "错时检查", "2026-06-03",
                List.of(t1), Map.of("categories", List.of("网吧"), "nearSchool", true));
        // create: Chinese type name accepted, staggered defaults filled in with their reasons
        long id = CampaignFixtures.createCampaign(body);
        as("planner").get("/api/campaigns/" + id).then().statusCode(200)
                .body("type", equalTo("STAGGERED")).body("typeZh", equalTo("错时检查"))
                .body("targets.categories", equalTo(List.of("internet_cafe")))
                .body("windows.name", equalTo(List.of("NOON_BREAK", "AFTER_SCHOOL", "REST_DAY")))
                .body("windows[0].from", equalTo("12:00")).body("windows[0].to", equalTo("14:00"))
                .body("windows[1].from", equalTo("16:30")).body("windows[1].to", equalTo("19:00"))
                .body("windows[0].days", equalTo("SCHOOL_DAY")).body("windows[2].days", equalTo("REST_DAY"))
                .body("version", equalTo(0));

        // update with the version read
        Map<String, Object> changed = new HashMap<>(body);
        changed.put("name", "午间错时检查（改） " + CampaignFixtures.RUN);
        changed.put("version", 0);
        as("planner").contentType(ContentType.JSON).body(changed).put("/api/campaigns/" + id).then().statusCode(200)
                .body("version", equalTo(1));
        // a stale version → 409 naming the version field
        as("planner").contentType(ContentType.JSON).body(changed).put("/api/campaigns/" + id).then().statusCode(409)
                .contentType("application/problem+json").body("errors.field", hasItem("version"));
        // managers read, cannot write; anonymous gets 401
        as("manager").get("/api/campaigns/" + id).then().statusCode(200);
        as("manager").contentType(ContentType.JSON).body(changed).put("/api/campaigns/" + id).then().statusCode(403);
        anonymous().get("/api/campaigns").then().statusCode(401);
        // delete
        as("planner").delete("/api/campaigns/" + id).then().statusCode(204);
        as("planner").get("/api/campaigns/" + id).then().statusCode(404);
    }

    @Test
    void teamLeaderSeesOnlyCampaignsOfTheirTeam() {
        long t1 = CampaignFixtures.demoTeam(DemoUsers.TEAM_1);
        long t2 = CampaignFixtures.demoTeam(DemoUsers.TEAM_2);
        long mine = CampaignFixtures.createCampaign(CampaignFixtures.campaign("一组日常 " + CampaignFixtures.RUN,
                "ROUTINE", "2026-06-04", List.of(t1), Map.of()));
        long theirs = CampaignFixtures.createCampaign(CampaignFixtures.campaign("二组日常 " + CampaignFixtures.RUN,
                "ROUTINE", "2026-06-04", List.of(t2), Map.of()));
        as("leader1").get("/api/campaigns").then().statusCode(200)
                .body("id", hasItem((int) mine)).body("id", not(hasItem((int) theirs)));
        as("leader1").get("/api/campaigns/" + mine).then().statusCode(200);
        as("leader1").get("/api/campaigns/" + theirs).then().statusCode(404);
        as("leader1").contentType(ContentType.JSON).body(Map.of()).post("/api/campaigns").then().statusCode(403);
    }

    @Test
    void invalidInputNamesEveryFieldAndWritesNothing() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("name", "");
        bad.put("type", "PICNIC");
        bad.put("startDate", "2026-13-01");
        bad.put("teamIds", List.of(987654321));
        bad.put("windows", List.of(Map.of("from", "25:00", "to", "02:00")));
        bad.put("targets", Map.of("categories", List.of("spaceport")));
        as("planner").contentType(ContentType.JSON).body(bad).post("/api/campaigns").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("name", "type", "startDate", "teamIds[0]", "windows[0].from",
                        "targets.categories[0]"));
        // a stake-out without its venue
        as("planner").contentType(ContentType.JSON)
                .body(CampaignFixtures.campaign("蹲点", "STAKEOUT", "2026-06-05", List.of(), Map.of()))
                .post("/api/campaigns").then().statusCode(422).body("errors.field", hasItem("stakeoutVenueId"));
    }

    @Test
    void nightSweepDefaultsFollowTheClosingHourRules() {
        long id = CampaignFixtures.createCampaign(CampaignFixtures.campaign("零点行动 " + CampaignFixtures.RUN,
                "NIGHT_SWEEP", "2026-06-06", List.of(), Map.of()));
        as("planner").get("/api/campaigns/" + id).then().statusCode(200)
                .body("windows.name", equalTo(List.of("CAFE_AFTER_MIDNIGHT", "ENTERTAINMENT_AFTER_TWO")))
                .body("windows[0].from", equalTo("00:00")).body("windows[0].to", equalTo("02:00"))
                .body("windows[0].categories", equalTo(List.of("internet_cafe")))
                .body("windows[1].from", equalTo("02:00")).body("windows[1].to", equalTo("04:00"))
                .body("windows[1].categories", equalTo(List.of("game_arcade", "song_dance")))
                .body("shiftStart", equalTo("23:30"));
        // explicit windows replace the defaults; an end before the start runs into the next day
        Map<String, Object> body = CampaignFixtures.campaign("夜查自定 " + CampaignFixtures.RUN, "NIGHT_SWEEP",
                "2026-06-06", List.of(), Map.of());
        body.put("windows", List.of(Map.of("name", "LATE", "from", "23:00", "to", "01:00")));
        long custom = CampaignFixtures.createCampaign(body);
        as("planner").get("/api/campaigns/" + custom).then().statusCode(200)
                .body("defaultWindows", equalTo(false)).body("windows[0].nextDay", equalTo(true));
    }

    @Test
    void adminEditsTheSchoolCalendar() {
        // 2026-10-05 is a Monday in the National Day holiday; 2026-10-10 a Saturday make-up school day
        as("admin").contentType(ContentType.JSON).body(Map.of("kind", "holiday", "name", "国庆节"))
                .put("/api/calendar/2026-10-05").then().statusCode(200);
        as("admin").contentType(ContentType.JSON).body(Map.of("kind", "school_day", "name", "国庆调休"))
                .put("/api/calendar/2026-10-10").then().statusCode(200);
        as("planner").get("/api/calendar/2026-10-05").then().statusCode(200).body("schoolDay", equalTo(false));
        as("planner").get("/api/calendar/2026-10-10").then().statusCode(200).body("schoolDay", equalTo(true));
        as("planner").get("/api/calendar/2026-10-06").then().statusCode(200).body("schoolDay", equalTo(true));
        as("planner").get("/api/calendar/2026-10-11").then().statusCode(200).body("schoolDay", equalTo(false));
        as("planner").contentType(ContentType.JSON).body(Map.of("kind", "holiday"))
                .put("/api/calendar/2026-10-07").then().statusCode(403);
        as("admin").contentType(ContentType.JSON).body(Map.of("kind", "party"))
                .put("/api/calendar/2026-10-07").then().statusCode(422);
        as("admin").get("/api/calendar?from=2026-10-01&to=2026-10-31").then().statusCode(200)
                .body("day", hasItems("2026-10-05", "2026-10-10"));
    }
}
