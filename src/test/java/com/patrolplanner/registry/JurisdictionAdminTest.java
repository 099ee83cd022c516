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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Unit administrators (单位管理员): each administers its unit's subtree only, and reads its units' audit trail.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JurisdictionAdminTest extends JurisdictionFixture {
    /** The same body without the password (an edit that does not reset it). */
    static String edit(String body) {
        return body.replace("\"password\":\"Unit-admin-made-2026\",", "");
    }

    static String userBody(String name, Object unitId, Object teamId, String... roles) {
        StringBuilder b = new StringBuilder("{\"username\":\"" + name + "\",\"password\":\"Unit-admin-made-2026\",\"roles\":[");
        for (int k = 0; k < roles.length; k++) {
            b.append(k == 0 ? "" : ",").append('"').append(roles[k]).append('"');
        }
        b.append(']');
        if (unitId != null) {
            b.append(",\"unitId\":").append(unitId);
        }
        if (teamId != null) {
            b.append(",\"teamId\":").append(teamId);
        }
        return b.append('}').toString();
    }

    /**
     * A unit's administrator manages the users of its unit's subtree only: another unit's user is a 404, placing a user
     * (or the user's team) outside the subtree is a 422 naming the unit, no administrator without a unit (a system
     * administrator) can come from it; it edits units below its own only, inside its own area; the system's own settings
     * are the system administrator's.
     */
    @Test
    @Order(12)
    void aUnitAdministratorAdministersItsSubtreeOnly() throws Exception {
        records();
        // the list: A's users only (by name: the fixtures are ju-a-*, ju-b-*, ju-city-*)
        Set<Long> truthA = truth("SELECT id, substr(username, 4, 1) FROM app_user WHERE username LIKE 'ju-_-%'").get("a");
        Set<Long> listed = longs(as("ju-a-admin").get("/api/users").then().statusCode(200).extract().jsonPath().getList("id"));
        assertEquals(truthA, listed, "ju-a-admin lists A's users only");
        // a new user goes to the administrator's unit, and must change the password (as every administrator-made one)
        long made = as("ju-a-admin").contentType("application/json").body(userBody("ju-a-made", null, null, "planner"))
                .post("/api/users").then().statusCode(201).body("mustChangePassword", org.hamcrest.Matchers.equalTo(true))
                .extract().jsonPath().getLong("id");
        assertEquals(unitA, sql("SELECT unit_id FROM app_user WHERE id = " + made));
        // an administrator made by a unit administrator is of its unit, never of none (the system's)
        long peer = as("ju-a-admin").contentType("application/json").body(userBody("ju-a-admin2", null, null, "admin"))
                .post("/api/users").then().statusCode(201).extract().jsonPath().getLong("id");
        assertEquals(unitA, sql("SELECT unit_id FROM app_user WHERE id = " + peer));
        // into B, or into the city above: 422 naming the unit; with B's team: 422 on teamId; nothing written
        as("ju-a-admin").contentType("application/json").body(userBody("ju-a-out", unitB, null, "planner")).post("/api/users")
                .then().statusCode(422).body("errors[0].field", org.hamcrest.Matchers.equalTo("unitId"))
                .body("errors[0].reason", containsString("辖区测试乙区"));
        as("ju-a-admin").contentType("application/json").body(userBody("ju-a-out", city, null, "admin")).post("/api/users")
                .then().statusCode(422).body("errors[0].reason", containsString("辖区测试市"));
        as("ju-a-admin").contentType("application/json").body(userBody("ju-a-out", null, rec.get("b").get("team"), "team_leader"))
                .post("/api/users").then().statusCode(422).body("errors[0].field", org.hamcrest.Matchers.equalTo("teamId"));
        assertEquals(0, sql("SELECT count(*) FROM app_user WHERE username = 'ju-a-out'"));
        // B's users and the system administrator are not A's: 404 to edit, lock or delete
        long bUser = userId("ju-b-planner");
        as("ju-a-admin").contentType("application/json").body(edit(userBody("ju-b-planner", null, null, "admin")))
                .put("/api/users/" + bUser).then().statusCode(404);
        as("ju-a-admin").delete("/api/users/" + bUser).then().statusCode(404);
        as("ju-a-admin").contentType("application/json").body(edit(userBody("admin", null, null, "admin")))
                .put("/api/users/" + userId("admin")).then().statusCode(404);
        // moving an own user out of the subtree: 422, the user stays
        as("ju-a-admin").contentType("application/json").body(edit(userBody("ju-a-made", unitB, null, "planner")))
                .put("/api/users/" + made).then().statusCode(422).body("errors[0].reason", containsString("辖区测试乙区"));
        assertEquals(unitA, sql("SELECT unit_id FROM app_user WHERE id = " + made));
        // the own administrator cannot lift itself to the system (no unit keeps the unit it has)
        long self = userId("ju-a-admin");
        as("ju-a-admin").contentType("application/json").body(edit(userBody("ju-a-admin", null, null, "admin")))
                .put("/api/users/" + self).then().statusCode(200);
        assertEquals(unitA, sql("SELECT unit_id FROM app_user WHERE id = " + self));
        // roles, team and lock inside the subtree: fine
        as("ju-a-admin").contentType("application/json").body(edit(userBody("ju-a-made", null, rec.get("a").get("team"), "team_leader")
                .replace("}", ",\"active\":false}"))).put("/api/users/" + made).then().statusCode(200)
                .body("active", org.hamcrest.Matchers.equalTo(false)).body("roles", org.hamcrest.Matchers.equalTo(List.of("team_leader")));
        assertEquals(0, sql("SELECT count(*) FROM app_user WHERE id = " + made + " AND active"));
        // units: its own is not its to edit (403), B's is a 404, a unit below it only inside its area
        JsonPath own = as("ju-a-admin").get("/api/units/" + unitA).then().statusCode(200).extract().jsonPath();
        as("ju-a-admin").contentType("application/json").body("{\"name\":\"辖区测试甲区\",\"kind\":\"district\",\"adcode\":\"990101\","
                + "\"parentId\":" + city + ",\"area\":" + box(A) + ",\"version\":" + own.getInt("version") + "}").put("/api/units/" + unitA)
                .then().statusCode(403);
        as("ju-a-admin").contentType("application/json").body("{\"name\":\"x\",\"kind\":\"district\",\"version\":0}")
                .put("/api/units/" + unitB).then().statusCode(404);
        as("ju-a-admin").contentType("application/json").body("{\"name\":\"辖区测试越界区\",\"kind\":\"zone\",\"parentId\":" + unitB
                + ",\"area\":" + box(new double[] {101.15, 30.09, 101.16, 30.095}) + "}").post("/api/units").then().statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("parentId"));
        as("ju-a-admin").contentType("application/json").body("{\"name\":\"辖区测试越界区\",\"kind\":\"zone\",\"parentId\":" + unitA
                + ",\"area\":" + box(new double[] {101.09, 30.091, 101.12, 30.094}) + "}").post("/api/units").then().statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("area"));
        assertEquals(0, sql("SELECT count(*) FROM unit WHERE name = '辖区测试越界区'"));
        as("ju-a-admin").contentType("application/json").body("{\"name\":\"辖区测试小园区\",\"kind\":\"zone\",\"parentId\":" + unitA
                + ",\"area\":" + box(new double[] {101.001, 30.091, 101.004, 30.094}) + "}").post("/api/units").then().statusCode(201);
        // the system's settings are the system administrator's
        as("ju-a-admin").contentType("application/json").body(Map.of("kind", "holiday", "name", "越权")).put("/api/calendar/2026-03-09")
                .then().statusCode(403);
        as("ju-a-admin").delete("/api/sessions").then().statusCode(403);
        as("ju-a-admin").get("/api/audit/verify").then().statusCode(403);
        // B's administrator makes a user of B: its records are B's, absent from A's trail
        long bMade = as("ju-b-admin").contentType("application/json").body(userBody("ju-b-made", null, null, "manager"))
                .post("/api/users").then().statusCode(201).extract().jsonPath().getLong("id");
        assertEquals(List.of(), as("ju-a-admin").get("/api/audit?entityType=user&entityId=" + bMade).then().statusCode(200)
                .extract().jsonPath().getList("seq"));
        assertEquals(List.of("create"), as("ju-b-admin").get("/api/audit?entityType=user&entityId=" + bMade).then().statusCode(200)
                .extract().jsonPath().getList("action"));
    }

    /**
     * The audit trail by unit: every record since this class began, attributed by SQL without the trail's unit column
     * (the district user who acted; else the register row, unit or user it concerns, by position or name), against
     * what each unit administrator reads; the system administrator reads both; the chain still verifies.
     */
    @Test
    @Order(13)
    void eachUnitAdministratorReadsItsUnitsAuditTrail() throws Exception {
        records();
        String inBoxA = "ST_X(%s) > 101.0 AND ST_X(%s) < 101.1 AND ST_Y(%s) > 30.0 AND ST_Y(%s) < 30.1";
        String inBoxB = "ST_X(%s) > 101.1 AND ST_X(%s) < 101.2 AND ST_Y(%s) > 30.0 AND ST_Y(%s) < 30.1";
        // a register row concerns a unit from the moment the unit exists (the first venues were written before it)
        String sinceA = " AND a.seq > (SELECT min(seq) FROM audit_log WHERE entity_type = 'unit' AND entity_id = '" + unitA + "')";
        String sinceB = " AND a.seq > (SELECT min(seq) FROM audit_log WHERE entity_type = 'unit' AND entity_id = '" + unitB + "')";
        String letter = "CASE WHEN a.actor LIKE 'ju-a-%' THEN 'a' WHEN a.actor LIKE 'ju-b-%' THEN 'b' "
                + "WHEN a.entity_type = 'user' AND a.details->>'username' LIKE 'ju-a-%' THEN 'a' "
                + "WHEN a.entity_type = 'user' AND a.details->>'username' LIKE 'ju-b-%' THEN 'b' "
                + "WHEN a.entity_type = 'venue' AND EXISTS (SELECT 1 FROM venue v WHERE v.id::text = a.entity_id AND "
                + inBoxA.replace("%s", "v.geom") + ")" + sinceA + " THEN 'a' "
                + "WHEN a.entity_type = 'venue' AND EXISTS (SELECT 1 FROM venue v WHERE v.id::text = a.entity_id AND "
                + inBoxB.replace("%s", "v.geom") + ")" + sinceB + " THEN 'b' "
                + "WHEN a.entity_type = 'school' AND EXISTS (SELECT 1 FROM school s WHERE s.id::text = a.entity_id AND "
                + inBoxA.replace("%s", "s.geom") + ")" + sinceA + " THEN 'a' "
                + "WHEN a.entity_type = 'school' AND EXISTS (SELECT 1 FROM school s WHERE s.id::text = a.entity_id AND "
                + inBoxB.replace("%s", "s.geom") + ")" + sinceB + " THEN 'b' "
                + "WHEN a.entity_type = 'unit' AND EXISTS (SELECT 1 FROM unit u WHERE u.id::text = a.entity_id AND "
                + "ST_CoveredBy(u.area, ST_MakeEnvelope(101.0, 30.0, 101.1, 30.1, 4326))) THEN 'a' "
                + "WHEN a.entity_type = 'unit' AND EXISTS (SELECT 1 FROM unit u WHERE u.id::text = a.entity_id AND "
                + "ST_CoveredBy(u.area, ST_MakeEnvelope(101.1, 30.0, 101.2, 30.1, 4326))) THEN 'b' END";
        Map<String, Set<Long>> truth = truth("SELECT seq, d FROM (SELECT a.seq, " + letter + " AS d FROM audit_log a WHERE a.seq > "
                + auditStart + ") x WHERE d IS NOT NULL");
        for (String d : List.of("a", "b")) {
            assertFalse(truth.get(d).isEmpty(), "audit records of " + d);
            Set<Long> got = longs(as("ju-" + d + "-admin").get("/api/audit?limit=1000").then().statusCode(200).extract().jsonPath()
                    .getList("seq"));
            got.removeIf(seq -> seq <= auditStart);
            assertEquals(truth.get(d), got, "ju-" + d + "-admin's audit trail");
        }
        Set<Long> all = longs(as("admin").get("/api/audit?limit=1000").then().statusCode(200).extract().jsonPath().getList("seq"));
        assertTrue(all.containsAll(truth.get("a")) && all.containsAll(truth.get("b")), "the system administrator reads both");
        as("admin").get("/api/audit/verify").then().statusCode(200).body("intact", org.hamcrest.Matchers.equalTo(true));
    }
}
