package com.patrolplanner.casework;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.patrolplanner.inspection.InspectionApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The planners' review of provisional stalls (无证摊点, issue 16): confirm into the register, merge into a registered
 * venue (its inspections and casework records move), reject with a reason; each through the registry (history, audit),
 * each refusing a stale version or a venue that is not a pending stall. Also: a venue's complaint count is not written
 * by venue writes (422 on POST, ignored on PUT of the GET body), and the case list narrows to a unit.
 */
@QuarkusTest
class StallReviewApiTest {
    @Inject
    DataSource db;

    Object one(String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1);
        }
    }

    static JsonPath stall(String name, double lon, double lat) {
        return as("leader1").contentType(ContentType.JSON).body(Map.of("name", name, "category", "publication", "lon", lon, "lat", lat))
                .post("/api/field/stalls").then().statusCode(201).extract().jsonPath();
    }

    @Test
    void aStallIsConfirmedIntoTheRegister() throws Exception {
        JsonPath s = stall("校门口书摊甲", 119.1061, 36.7061);
        long id = s.getLong("id");
        Map<String, Object> body = new HashMap<>(Map.of("name", "明德书店", "category", "publication", "address", "潍坊市奎文区测试路1号",
                "licenceNo", "新出发鲁测" + System.nanoTime(), "status", "open", "notes", "经核实有证经营", "version", s.getInt("version")));
        // not a manager's, not with a stale version
        as("manager").contentType(ContentType.JSON).body(body).post("/api/field/stalls/" + id + "/confirm").then().statusCode(403);
        Map<String, Object> stale = new HashMap<>(body);
        stale.put("version", s.getInt("version") - 1);
        as("planner").contentType(ContentType.JSON).body(stale).post("/api/field/stalls/" + id + "/confirm").then().statusCode(409);
        as("planner").contentType(ContentType.JSON).body(body).post("/api/field/stalls/" + id + "/confirm").then().log().ifValidationFails()
                .statusCode(200).body("action", equalTo("confirm")).body("venueId", equalTo((int) id));
        assertEquals("明德书店", one("SELECT name FROM pp.venue WHERE id = " + id));
        assertEquals("open", one("SELECT status FROM pp.venue WHERE id = " + id));
        assertEquals("manual", one("SELECT geocode_status FROM pp.venue WHERE id = " + id));
        assertEquals("经核实有证经营", one("SELECT notes FROM pp.venue WHERE id = " + id));
        // out of the review list; the history and the audit trail say who did it
        as("planner").get("/api/field/stalls?limit=1000").then().body("items.id", not(hasItem((int) id)));
        as("planner").get("/api/venues/" + id + "/history").then().body("action", hasItems("create", "update", "locate"))
                .body("changedBy", hasItem("planner"));
        as("admin").queryParam("entityType", "venue").queryParam("entityId", String.valueOf(id)).get("/api/audit").then()
                .body("actor", hasItem("planner"));
        // a confirmed venue is no stall any more: 409
        as("planner").contentType(ContentType.JSON).body(Map.of("reason", "重复", "version", 99)).post("/api/field/stalls/" + id + "/reject")
                .then().statusCode(409);
    }

    @Test
    void aStallIsMergedIntoTheVenueItWas_itsInspectionMoves() throws Exception {
        int team = InspectionApiTest.teamOf("leader1");
        List<Integer> two = List.of(InspectionApiTest.officer(team, true), InspectionApiTest.officer(team, true));
        JsonPath s = stall("路边音像摊", 119.1071, 36.7071);
        long id = s.getLong("id");
        Map<String, Object> insp = new HashMap<>(Map.of("venueId", id, "inspectedAt", OffsetDateTime.now().minusHours(1).toString(),
                "officers", two, "outcome", "compliant", "violations", List.of()));
        long inspection = ((Number) as("leader1").contentType(ContentType.JSON).body(insp).post("/api/inspections").then().statusCode(201)
                .extract().path("id")).longValue();
        long complaint = ((Number) as("planner").contentType(ContentType.JSON).body(Map.of("source", "phone", "venueId", id,
                "content", "反映路边摊销售盗版光盘")).post("/api/complaints").then().statusCode(201).extract().path("id")).longValue();
        int target = InspectionApiTest.venue("publication", 119.1072, 36.7072);
        int version = as("planner").get("/api/venues/" + id).then().extract().path("properties.version");
        as("planner").contentType(ContentType.JSON).body(Map.of("version", version)).post("/api/field/stalls/" + id + "/merge").then()
                .statusCode(422).body("errors.field", hasItem("venueId"));
        as("planner").contentType(ContentType.JSON).body(Map.of("venueId", id, "version", version)).post("/api/field/stalls/" + id + "/merge")
                .then().statusCode(422).body("errors.field", hasItem("venueId"));
        as("planner").contentType(ContentType.JSON).body(Map.of("venueId", target, "version", version, "reason", "同一书店"))
                .post("/api/field/stalls/" + id + "/merge").then().log().ifValidationFails().statusCode(200)
                .body("venueId", equalTo(target)).body("inspectionsMoved", equalTo(1));
        assertEquals((long) target, ((Number) one("SELECT venue_id FROM pp.inspection WHERE id = " + inspection)).longValue());
        assertEquals("closed", one("SELECT status FROM pp.venue WHERE id = " + id));
        assertEquals(0L, ((Number) one("SELECT count(*) FROM pp.inspection WHERE venue_id = " + id)).longValue());
        // the complaint naming the stall follows it (the complaint capability, on the StallMerged event); counts too
        assertEquals((long) target, ((Number) one("SELECT venue_id FROM pp.complaint WHERE id = " + complaint)).longValue());
        assertEquals(1, ((Number) one("SELECT complaint_count FROM pp.venue WHERE id = " + target)).intValue());
        assertEquals(0, ((Number) one("SELECT complaint_count FROM pp.venue WHERE id = " + id)).intValue());
        as("planner").get("/api/venues/" + id).then().body("properties.notes", startsWith("已并入场所 " + target));
        as("planner").get("/api/venues/" + target + "/history").then().body("action", hasItem("merge"));
        as("planner").get("/api/inspections/" + inspection + "/history").then().body("action", hasItem("move"));
    }

    @Test
    void aStallIsRejectedWithAReason() throws Exception {
        JsonPath s = stall("误登记摊点", 119.1081, 36.7081);
        long id = s.getLong("id");
        as("planner").contentType(ContentType.JSON).body(Map.of("version", s.getInt("version"))).post("/api/field/stalls/" + id + "/reject")
                .then().statusCode(422).body("errors.field", hasItem("reason"));
        as("planner").contentType(ContentType.JSON).body(Map.of("version", s.getInt("version"), "reason", "非文化经营场所"))
                .post("/api/field/stalls/" + id + "/reject").then().statusCode(200).body("action", equalTo("reject"));
        assertEquals("closed", one("SELECT status FROM pp.venue WHERE id = " + id));
        assertEquals("审核未通过：非文化经营场所", one("SELECT notes FROM pp.venue WHERE id = " + id));
        as("planner").get("/api/field/stalls?limit=1000").then().body("items.id", not(hasItem((int) id)));
    }

    @Test
    void theComplaintCountComesOnlyFromComplaintRecords() throws Exception {
        Map<String, Object> v = new HashMap<>(Map.of("name", "投诉计数测试", "category", "internet_cafe", "lon", 119.109, "lat", 36.709,
                "complaintCount", 3));
        // POST: a count is refused, naming the field; 0 (what a new venue has) passes
        as("planner").contentType(ContentType.JSON).body(v).post("/api/venues").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("complaintCount"));
        v.put("complaintCount", 0);
        int id = as("planner").contentType(ContentType.JSON).body(v).post("/api/venues").then().statusCode(201).extract().path("id");
        // two complaint records: the count is 2, from the records
        for (int k = 0; k < 2; k++) {
            as("planner").contentType(ContentType.JSON).body(Map.of("source", "phone", "venueId", id, "content", "计数" + k))
                    .post("/api/complaints").then().statusCode(201);
        }
        assertEquals(2, ((Number) one("SELECT complaint_count FROM pp.venue WHERE id = " + id)).intValue());
        // PUT of the Feature GET returned, with the count changed: 200, the count stays the records' 2
        String feature = as("planner").get("/api/venues/" + id).then().statusCode(200).extract().asString();
        String edited = feature.replaceFirst("\"complaintCount\"\\s*:\\s*2", "\"complaintCount\":99")
                .replaceFirst("\"name\"\\s*:\\s*\"投诉计数测试\"", "\"name\":\"投诉计数测试二\"");
        as("planner").contentType("application/geo+json; charset=UTF-8").body(edited).put("/api/venues/" + id).then().log().ifValidationFails()
                .statusCode(200).body("properties.complaintCount", equalTo(2)).body("properties.name", equalTo("投诉计数测试二"));
        assertEquals(2, ((Number) one("SELECT complaint_count FROM pp.venue WHERE id = " + id)).intValue());
    }

    @Test
    void aComplaintKnownOnlyByItsPointGoesIntoACampaignAsAProvisionalVenue() throws Exception {
        int team = InspectionApiTest.teamOf("leader1");
        java.time.LocalDate today = com.patrolplanner.time.BureauClock.today();
        Map<String, Object> campaign = new HashMap<>(Map.of("name", "举报核查专项 " + System.nanoTime(), "type", "ROUTINE",
                "startDate", today.toString(), "endDate", today.plusDays(7).toString(), "teamIds", List.of(team), "targets", Map.of()));
        long campaignId = ((Number) as("planner").contentType(ContentType.JSON).body(campaign).post("/api/campaigns").then().statusCode(201)
                .extract().path("id")).longValue();
        long id = ((Number) as("planner").contentType(ContentType.JSON).body(Map.of("source", "phone", "lon", 119.1091, "lat", 36.7091,
                "category", "internet_cafe", "content", "反映此处有无证网吧")).post("/api/complaints").then().statusCode(201)
                .extract().path("id")).longValue();
        int v = as("planner").contentType(ContentType.JSON).body(Map.of("action", "accept", "version", 0))
                .post("/api/complaints/" + id + "/actions").then().statusCode(200).extract().path("version");
        long venue = ((Number) as("planner").contentType(ContentType.JSON).body(Map.of("action", "dispatch", "version", v, "teamId", team,
                "campaignId", campaignId)).post("/api/complaints/" + id + "/actions").then().log().ifValidationFails().statusCode(200)
                .body("campaignId", equalTo((int) campaignId)).extract().path("venueId")).longValue();
        // the provisional venue sits at the complaint's point, unlicensed, awaiting the planners' review
        assertEquals(0.0, ((Number) one("SELECT ST_Distance(v.geom::geography, c.geom::geography) FROM pp.venue v, pp.complaint c "
                + "WHERE v.id = " + venue + " AND c.id = " + id)).doubleValue(), 0.01);
        as("planner").get("/api/field/stalls?limit=1000").then().body("items.id", hasItem((int) venue));
        assertEquals(1, ((Number) one("SELECT complaint_count FROM pp.venue WHERE id = " + venue)).intValue());
    }

    @Test
    void theCaseListNarrowsToAUnit() throws Exception {
        // the administrator sees every case; a unit that does not exist has none of them
        long all = ((Number) one("SELECT count(*) FROM pp.case_file")).longValue();
        as("admin").get("/api/cases?limit=1").then().statusCode(200).body("numberMatched", equalTo((int) all));
        as("admin").get("/api/cases?limit=1&unit=-1").then().statusCode(200).body("numberMatched", equalTo(0));
        // a unit and the units below it: every unit that has cases, against SQL over the unit tree
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                WITH RECURSIVE t(root, id) AS (SELECT id, id FROM pp.unit UNION SELECT t.root, u.id FROM pp.unit u JOIN t ON u.parent_id = t.id)
                SELECT t.root, count(c.id) FROM t JOIN pp.case_file c ON c.unit_id = t.id GROUP BY t.root""")) {
            while (rs.next()) {
                as("admin").get("/api/cases?limit=1&unit=" + rs.getLong(1)).then().statusCode(200)
                        .body("numberMatched", equalTo(rs.getInt(2)));
            }
        }
    }

}
