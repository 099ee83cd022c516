package com.patrolplanner.reliability;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, point 6: officers on an inspection come from the recording leader's team; a geocoding batch's results are
 * its owner's and the planners'; campaigns, zone sets and rules leave records in the audit chain, which still verifies.
 */
@QuarkusTest
class OwnershipAuditTest {

    @Test
    void aLeaderRecordsInspectionsWithOfficersOfTheOwnTeamOnly() {
        long t1 = Fixtures.teamOf("leader1");
        long t2 = Fixtures.teamOf("leader2");
        long own1 = Fixtures.officer(t1);
        long own2 = Fixtures.officer(t1);
        long other = Fixtures.officer(t2);
        long venue = Fixtures.venue("internet_cafe", 119.161, 36.707);
        Map<String, Object> rec = new HashMap<>();
        rec.put("venueId", venue);
        rec.put("inspectedAt", "2026-09-10T21:30:00+08:00");
        rec.put("outcome", "compliant");
        rec.put("violations", List.of());
        rec.put("officers", List.of(own1, other));
        as("leader1").header("Accept-Language", "en").contentType(ContentType.JSON).body(rec).post("/api/inspections").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("officers"))
                .body("errors.reason", hasItem(containsString("not of your team " + t1)));
        rec.put("officers", List.of(own1, own2));
        as("leader1").contentType(ContentType.JSON).body(rec).post("/api/inspections").then().statusCode(201);
        // a planner records for any team (lent officers included)
        rec.put("officers", List.of(own1, other));
        rec.put("teamId", t1);
        as("planner").contentType(ContentType.JSON).body(rec).post("/api/inspections").then().statusCode(201);
    }

    @Test
    void aGeocodingBatchIsItsOwnersAndThePlannersNotAnyManagers() {
        String job = as("planner").contentType(ContentType.JSON)
                .body(Map.of("addresses", List.of(Map.of("id", "a1", "address", "山东省潍坊市奎文区胜利东街1号"))))
                .post("/api/geocode/batch").then().statusCode(202).extract().path("jobId");
        as("manager").get("/api/geocode/batch/" + job + "/results").then().statusCode(404)
                .contentType("application/problem+json");
        as("manager").get("/api/jobs/" + job).then().statusCode(404);
        as("planner").get("/api/geocode/batch/" + job + "/results").then().statusCode(200);
        as("admin").get("/api/geocode/batch/" + job + "/results").then().statusCode(200);
    }

    private static JsonPath audit(String type, Object id) {
        return as("admin").queryParam("entityType", type).queryParam("entityId", String.valueOf(id)).get("/api/audit")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void recusalAndSchoolCalendarChangesAreInTheAuditChain() {
        // a recusal (回避) created and removed by the planner
        long venue = Fixtures.venue("internet_cafe", 119.731, 36.611);
        long officer = Fixtures.officer(Fixtures.teamOf("leader1"));
        Number rid = as("planner").contentType(ContentType.JSON)
                .body(Map.of("inspectorId", officer, "venueId", venue, "reason", "亲属经营 " + Fixtures.RUN))
                .post("/api/recusals").then().statusCode(201).extract().path("id");
        as("planner").delete("/api/recusals/" + rid).then().statusCode(204);
        JsonPath r = audit("recusal", rid);
        assertEquals(List.of("delete", "create"), r.getList("action"));
        assertEquals(List.of("planner", "planner"), r.getList("actor"));
        assertEquals("亲属经营 " + Fixtures.RUN, r.getString("find { it.action == 'create' }.details.reason"));

        // a school-calendar day set and removed by the administrator
        as("admin").contentType(ContentType.JSON).body(Map.of("kind", "holiday", "name", "审计假日"))
                .put("/api/calendar/2031-05-02").then().statusCode(200);
        as("admin").delete("/api/calendar/2031-05-02").then().statusCode(204);
        JsonPath d = audit("school_calendar", "2031-05-02");
        assertEquals(List.of("delete", "put"), d.getList("action"));
        assertEquals("holiday", d.getString("find { it.action == 'put' }.details.kind"));

        as("admin").get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void campaignZoneAndRuleChangesAreInTheAuditChain() {
        // campaign: create, update, delete
        Map<String, Object> c = Fixtures.campaign("审计活动", "2026-10-01", List.of(), List.of());
        long id = Fixtures.createCampaign(c);
        int version = as("planner").get("/api/campaigns/" + id).then().statusCode(200).extract().path("version");
        c.put("name", "审计活动改 " + Fixtures.RUN);
        c.put("version", version);
        as("planner").contentType(ContentType.JSON).body(c).put("/api/campaigns/" + id).then().statusCode(200);
        as("planner").delete("/api/campaigns/" + id).then().statusCode(204);
        JsonPath a = audit("campaign", id);
        assertEquals(List.of("delete", "update", "create"), a.getList("action"));
        assertEquals(List.of("planner", "planner", "planner"), a.getList("actor"));
        assertEquals("审计活动改 " + Fixtures.RUN, a.getString("find { it.action == 'update' }.details.name"));

        // zone set: created, a zone added, activated
        Map<String, Object> square = Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(119.70, 36.60),
                List.of(119.72, 36.60), List.of(119.72, 36.62), List.of(119.70, 36.62), List.of(119.70, 36.60))));
        Number set = as("planner").contentType(ContentType.JSON).body(Map.of("name", "审计片区 " + Fixtures.RUN, "polygon", square))
                .post("/api/zone-sets").then().statusCode(201).extract().path("id");
        as("planner").contentType(ContentType.JSON).body(Map.of("zoneSetId", set, "name", "一片", "geometry", square))
                .post("/api/zones").then().statusCode(201);
        JsonPath z = audit("zone_set", set);
        assertEquals(List.of("add", "create"), z.getList("action"));
        assertEquals(2, z.getInt("find { it.action == 'add' }.details.version"));

        // rule: created and deleted by an administrator (through the registry's change history)
        Map<String, Object> r = new HashMap<>();
        r.put("code", "AUDIT_TEST_" + Fixtures.RUN.toUpperCase());
        r.put("venueCategory", "hotel");
        r.put("schoolLevels", List.of("primary"));
        r.put("distanceM", 50.0);
        r.put("jurisdiction", "national");
        r.put("legalBasis", "审计测试规则 " + Fixtures.RUN); // the history (and so the audit record) holds fields, not the code
        as("admin").contentType(ContentType.JSON).body(r).post("/api/compliance/rules").then().statusCode(201);
        as("admin").delete("/api/compliance/rules/" + r.get("code")).then().statusCode(204);
        List<Map<String, Object>> ruleRecords = as("admin").queryParam("entityType", "compliance_rule").queryParam("limit", 50)
                .get("/api/audit").then().statusCode(200).extract().jsonPath().getList("$");
        List<String> actions = ruleRecords.stream().filter(e -> String.valueOf(e.get("details")).contains("审计测试规则 " + Fixtures.RUN))
                .map(e -> e.get("actor") + " " + e.get("action")).toList();
        assertEquals(List.of("admin delete", "admin create"), actions);

        as("admin").get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }
}
