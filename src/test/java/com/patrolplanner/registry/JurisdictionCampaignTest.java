package com.patrolplanner.registry;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Joint campaigns (联合行动) of the city: read-only for the districts, which see only their own teams' routes; a
 * leader records the own team's stops in another unit and nothing else.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JurisdictionCampaignTest extends JurisdictionFixture {
    /**
     * A joint campaign (联合行动) of the city with teams of both districts: each team needs two certified officers
     * ({@link TwoOfficerRule}); a district's users see it read-only, and of its plan only their own teams' routes.
     */
    @Test
    @Order(10)
    void aJointCampaignOfTheCityIsReadOnlyForTheDistrictsAndShowsThemTheirPart() throws Exception {
        records();
        long teamA = (Long) rec.get("a").get("team");
        long teamB = (Long) rec.get("b").get("team");
        // a team of A with one certified officer cannot go on a joint campaign (行政处罚法 第四十二条)
        long thin = as("ju-a-planner").contentType("application/json").body(Map.of("name", "辖区测试a单员组"))
                .post("/api/teams").then().statusCode(201).extract().jsonPath().getLong("id");
        as("ju-a-planner").contentType("application/json").body(Map.of("name", "辖区测试a单员", "certificateNo", "JU-a-T1",
                "teamId", thin)).post("/api/inspectors").then().statusCode(201);
        as("ju-city-planner").contentType("application/json").body(Map.of("name", "辖区测试联合行动X", "type", "ROUTINE",
                "startDate", "2026-03-02", "teamIds", List.of(teamA, thin, teamB))).post("/api/campaigns").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.equalTo(List.of("teamIds[1]")))
                .body("errors[0].reason", containsString("第四十二条"));
        JsonPath joint = as("ju-city-planner").contentType("application/json").body(Map.of("name", "辖区测试联合行动", "type",
                "ROUTINE", "startDate", "2026-03-02", "teamIds", List.of(teamA, teamB))).post("/api/campaigns").then()
                .statusCode(201).extract().jsonPath();
        long id = joint.getLong("id");
        assertEquals("辖区测试市", joint.getString("unitName"));
        // the districts see it (list and by id), read-only; the city's planner owns it
        for (String d : List.of("a", "b")) {
            assertTrue(longs(as("ju-" + d + "-planner").get("/api/campaigns").then().statusCode(200).extract().jsonPath()
                    .getList("id")).contains(id), d + " lists the joint campaign");
            as("ju-" + d + "-planner").get("/api/campaigns/" + id).then().statusCode(200).body("readOnly", org.hamcrest.Matchers.equalTo(true));
            as("ju-" + d + "-leader").get("/api/campaigns/" + id).then().statusCode(200);
            as("ju-" + d + "-planner").contentType("application/json").body(Map.of("name", "改名", "type", "ROUTINE", "startDate",
                    "2026-03-02", "version", 0)).put("/api/campaigns/" + id).then().statusCode(403);
            as("ju-" + d + "-planner").delete("/api/campaigns/" + id).then().statusCode(403);
            as("ju-" + d + "-planner").contentType("application/json").body("{}").post("/api/campaigns/" + id + "/draw").then().statusCode(403);
            as("ju-" + d + "-planner").contentType("application/json").body("{}").post("/api/campaigns/" + id + "/solve").then().statusCode(403);
            // the whole campaign's figures are the city's: not the district's part
            as("ju-" + d + "-planner").get("/api/campaigns/" + id + "/targets").then().statusCode(404);
            as("ju-" + d + "-planner").get("/api/campaigns/" + id + "/plans").then().statusCode(404);
        }
        as("ju-city-planner").get("/api/campaigns/" + id).then().statusCode(200).body("readOnly", org.hamcrest.Matchers.equalTo(false));
        // the city plans it; each district reads its own teams' routes only
        String job = as("ju-city-planner").contentType("application/json").body(Map.of("date", "2026-03-02", "seconds", 1))
                .post("/api/campaigns/" + id + "/solve").then().statusCode(202).extract().jsonPath().getString("jobId");
        jobs.await(java.util.UUID.fromString(job), java.time.Duration.ofSeconds(120));
        Set<Long> all = longs(as("ju-city-planner").get("/api/campaigns/" + id + "/plan?date=2026-03-02").then().statusCode(200)
                .extract().jsonPath().getList("routes.teamId"));
        assertEquals(new TreeSet<>(List.of(teamA, teamB)), all);
        assertEquals(Set.of(teamA), longs(as("ju-a-planner").get("/api/campaigns/" + id + "/plan?date=2026-03-02").then()
                .statusCode(200).extract().jsonPath().getList("routes.teamId")));
        assertEquals(Set.of(teamB), longs(as("ju-b-manager").get("/api/campaigns/" + id + "/plan?date=2026-03-02").then()
                .statusCode(200).extract().jsonPath().getList("routes.teamId")));
        as("ju-a-planner").get("/api/campaigns/" + id + "/plan/teams/" + teamA + "/sheet?date=2026-03-02").then().statusCode(200);
        as("ju-a-planner").get("/api/campaigns/" + id + "/plan/teams/" + teamB + "/sheet?date=2026-03-02").then().statusCode(404);
        as("ju-b-leader").get("/api/campaigns/" + id + "/plan/teams/" + teamB + "/calendar.ics?date=2026-03-02").then().statusCode(200);
        // another district's campaign of its own stays invisible to the other (the matrix above): and not in its list
        assertFalse(longs(as("ju-b-planner").get("/api/campaigns").then().extract().jsonPath().getList("id"))
                .contains(rec.get("a").get("campaign")));
    }

    /**
     * A city's joint campaign (联合行动) sends A's team into B: A's leader reads the venue of each own stop in B (read-only)
     * and records the inspection there; A's planner, a stop of no own team and B's leader at A's stop stay refused.
     */
    @Test
    @Order(14)
    void aLeaderRecordsTheOwnTeamsJointStopsInAnotherUnitAndNothingElse() throws Exception {
        records();
        long teamA = (Long) rec.get("a").get("team");
        @SuppressWarnings("unchecked")
        List<Long> officersA = (List<Long>) rec.get("a").get("officers");
        long id = as("ju-city-planner").contentType("application/json").body(Map.of("name", "辖区测试联合检查", "type", "ROUTINE",
                "startDate", "2026-03-04", "teamIds", List.of(teamA))).post("/api/campaigns").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        String job = as("ju-city-planner").contentType("application/json").body(Map.of("date", "2026-03-04", "seconds", 1))
                .post("/api/campaigns/" + id + "/solve").then().statusCode(202).extract().jsonPath().getString("jobId");
        jobs.await(java.util.UUID.fromString(job), java.time.Duration.ofSeconds(120));
        // the stops of A's team that lie in B (by position)
        Set<Long> stops = longs(as("ju-a-leader").get("/api/campaigns/" + id + "/plan?date=2026-03-04").then().statusCode(200)
                .extract().jsonPath().getList("routes.find { it.teamId == " + teamA + " }.stops.venueId"));
        Set<Long> inB = inBox("venue", B);
        Set<Long> stopsInB = new TreeSet<>(stops);
        stopsInB.retainAll(inB);
        assertFalse(stopsInB.isEmpty(), "A's team has stops in B: " + stops);
        long venue = stopsInB.iterator().next();
        Map<String, Object> body = Map.of("venueId", venue, "inspectedAt", "2026-03-04T10:30:00+08:00", "officers", officersA,
                "outcome", "compliant", "violations", List.of());
        // A's planner: still outside its unit
        as("ju-a-planner").contentType("application/json").body(body).post("/api/inspections").then().statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("venueId"));
        // A's leader: reads the venue and its record at the door, records the inspection, never edits the venue
        as("ju-a-leader").get("/api/venues/" + venue).then().statusCode(200);
        as("ju-a-leader").get("/api/venues/" + venue + "/inspections").then().statusCode(200);
        long inspection = as("ju-a-leader").contentType("application/json").body(body).post("/api/inspections").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        assertEquals(teamA, sql("SELECT team_id FROM inspection WHERE id = " + inspection));
        assertEquals(venue, sql("SELECT venue_id FROM inspection WHERE id = " + inspection));
        as("ju-a-leader").contentType("application/json").body(Map.of("name", "x", "category", "other", "version", 0))
                .put("/api/venues/" + venue).then().statusCode(403);
        // the inspection is of B's venue: B's planner lists it
        assertTrue(longs(as("ju-b-planner").get("/api/inspections?limit=1000").then().statusCode(200).extract().jsonPath()
                .getList("items.id")).contains(inspection));
        // a venue of B that is no stop of A's team: 404 to read, 422 to record
        long other = as("ju-b-planner").contentType("application/json").body(Map.of("licenceNo", "JU-B-9", "name", "辖区测试乙九",
                "category", "internet_cafe", "lon", 101.19, "lat", 30.01)).post("/api/venues").then().statusCode(201).extract()
                .jsonPath().getLong("id");
        as("ju-a-leader").get("/api/venues/" + other).then().statusCode(404);
        as("ju-a-leader").contentType("application/json").body(Map.of("venueId", other, "inspectedAt", "2026-03-04T11:00:00+08:00",
                "officers", officersA, "outcome", "compliant", "violations", List.of())).post("/api/inspections").then().statusCode(422);
        // B's leader at a stop of A's team in A (B's team is not on the campaign): refused
        Set<Long> stopsInA = new TreeSet<>(stops);
        stopsInA.retainAll(inBox("venue", A));
        if (!stopsInA.isEmpty()) {
            as("ju-b-leader").get("/api/venues/" + stopsInA.iterator().next()).then().statusCode(404);
        }
    }
}
