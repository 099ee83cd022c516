package com.patrolplanner.registry;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
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
 * The unit × endpoint matrix: every operation of the OpenAPI document that names a record, called by a user of the other
 * district, is a 404; every list holds only the user's district; writes that reach into the other district are refused.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JurisdictionMatrixTest extends JurisdictionFixture {
    // ------------------------------------------------------------------ the unit × endpoint matrix (every record kind)

    /** Path parameters that name no record of a unit, and operations that are the city's own (with the reason). */
    static final Map<String, String> NOT_UNIT_RECORDS = Map.of(
            "/api/calendar/{day}", "the school calendar is the city's, one for every unit",
            "/api/compliance/rules/{code}", "compliance rules are the province's and the city's, read by every unit",
            "/api/complaints/rules/{code}", "the complaint deadlines are the bureau's named rules, read by every unit",
            "/api/complaints/calendar/{day}", "the working-day calendar (public holidays) is the State Council's, one for every unit");

    private static final java.util.regex.Pattern PARAM = java.util.regex.Pattern.compile("\\{([^}]+)}");

    /** The path with district {@code d}'s record for each parameter (by the path's collection and the parameter's name). */
    String fill(String path, String d) {
        Map<String, Object> r = rec.get(d);
        java.util.regex.Matcher m = PARAM.matcher(path);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Object v = switch (name) {
                case "teamId" -> r.get("team");
                case "venueId" -> r.get("venue");
                case "jobId" -> r.get("job");
                case "adcode" -> r.get("adcode");
                case "evidence" -> r.get("evidence");
                case "file" -> r.get("file");
                case "version" -> 1;
                case "stopId" -> 987654321;
                case "id" -> {
                    String coll = path.substring("/api/".length()).split("/")[0];
                    yield switch (coll) {
                        case "venues" -> r.get("venue");
                        case "schools" -> d.equals("a") ? schoolA : schoolB;
                        case "inspectors" -> r.get("inspector");
                        case "teams" -> r.get("team");
                        case "campaigns" -> r.get("campaign");
                        case "zone-sets" -> r.get("zoneSet");
                        case "zones" -> r.get("zone");
                        case "inspections" -> r.get("inspection");
                        case "recusals" -> r.get("recusal");
                        case "jobs" -> r.get("job");
                        case "units" -> r.get("unit");
                        case "complaints" -> r.get("complaint");
                        case "users" -> r.get("user");
                        case "cases" -> r.get("case");
                        case "goods" -> r.get("goods");
                        case "documents" -> r.get("document");
                        case "work-log" -> r.get("workLog");
                        case "field" -> r.get("violating");
                        default -> throw new AssertionError("no record kind for " + path + ": add it to fill() or "
                                + "NOT_UNIT_RECORDS");
                    };
                }
                default -> throw new AssertionError("unknown path parameter {" + name + "} in " + path);
            };
            m.appendReplacement(sb, String.valueOf(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * Bodies that pass validation, so that a 404 is the record's and not the body's; {@code caller} is the district of
     * the user who sends it (its own officers act).
     */
    String body(String op, String d, String caller) {
        Map<String, Object> r = rec.get(d);
        String officers = String.valueOf(rec.get(caller).get("officers")).replace(" ", "");
        String method = op.substring(0, op.indexOf(' '));
        String path = op.substring(op.indexOf(' ') + 1);
        if (!Set.of("POST", "PUT", "PATCH").contains(method)) {
            return null;
        }
        return switch (path) {
            case "/api/venues/{id}" -> "{\"name\":\"x\",\"category\":\"other\",\"version\":0}";
            case "/api/schools/{id}" -> "{\"name\":\"x\",\"level\":\"primary\",\"version\":0}";
            case "/api/venues/{id}/location", "/api/schools/{id}/location" -> "{\"lon\":101.05,\"lat\":30.05}";
            case "/api/inspectors/{id}", "/api/teams/{id}" -> "{\"name\":\"x\",\"version\":0}";
            case "/api/inspections/{id}" -> "{\"venueId\":" + r.get("venue") + ",\"inspectedAt\":\"2026-03-02T10:00:00+08:00\","
                    + "\"officers\":[],\"outcome\":\"compliant\",\"violations\":[],\"version\":0}";
            case "/api/zones/{id}", "/api/zones/{id}/team" -> "{\"version\":0}";
            case "/api/zones/{id}/split" -> "{\"version\":0,\"line\":{\"type\":\"LineString\",\"coordinates\":[[101.0,30.0],[101.2,30.1]]}}";
            case "/api/units/{id}" -> "{\"name\":\"x\",\"kind\":\"district\",\"version\":0}";
            case "/api/users/{id}" -> "{\"username\":\"ju-x\",\"roles\":[\"planner\"]}";
            case "/api/cases/{id}/evidence" -> "{\"officers\":" + officers + ",\"version\":1,\"description\":\"x\"}";
            case "/api/cases/{id}/notice" -> "{\"officers\":" + officers + ",\"version\":1,\"hearing\":\"waived\"}";
            case "/api/cases/{id}/extension" -> "{\"officers\":" + officers + ",\"version\":1,\"days\":30,"
                    + "\"approvedBy\":\"局长\",\"note\":\"x\"}";
            case "/api/cases/{id}/decision" -> "{\"officers\":" + officers + ",\"version\":1,\"penalties\":[{\"kind\":"
                    + "\"warning\",\"legalArticle\":\"第三十二条\"}]}";
            case "/api/cases/{id}/execution" -> "{\"officers\":" + officers + ",\"version\":1,\"result\":\"paid\"}";
            case "/api/cases/{id}/closing" -> "{\"officers\":" + officers + ",\"version\":1,\"note\":\"x\"}";
            case "/api/goods/{id}/return", "/api/goods/{id}/extension" -> "{\"officers\":" + officers + ",\"version\":0,"
                    + "\"approvedBy\":\"局长\",\"note\":\"x\"}";
            case "/api/documents/{id}/reinspection" -> "{\"version\":0,\"rectified\":true,\"note\":\"x\"}";
            case "/api/work-log/{id}" -> "{\"date\":\"2026-03-02\",\"kind\":\"briefing\",\"quantity\":2,\"version\":0}";
            default -> "{}";
        };
    }

    io.restassured.response.Response call(String user, String op, String d) {
        String method = op.substring(0, op.indexOf(' '));
        String path = fill(op.substring(op.indexOf(' ') + 1), d);
        io.restassured.specification.RequestSpecification spec = as(user).redirects().follow(false);
        String caller = user.startsWith("ju-a-") ? "a" : user.startsWith("ju-b-") ? "b" : d;
        String b = body(op, d, caller);
        if (method.equals("POST") && (path.endsWith("/files") || path.endsWith("/photos"))) {
            spec = spec.multiPart("file", "x.png", PNG, "image/png");
        } else if (b != null) {
            spec = spec.contentType("application/json").body(b);
        }
        return spec.request(method, path);
    }

    /**
     * Every {@code /api} operation of the OpenAPI document that names a record in its path, called by a user of
     * district B on district A's record (and the other way round), is a 404; the same GET by A's own user finds it.
     * Built from {@code /q/openapi}, so an operation added later is in the matrix (or must be listed as not naming a
     * unit's record, with the reason).
     */
    @Test
    @Order(7)
    void everyOperationNamingARecordOfTheOtherDistrictIs404() {
        records();
        Map<String, Set<String>> live = com.patrolplanner.reliability.AccessMatrixTest.liveOperations();
        List<String> wrong = new ArrayList<>();
        int probed = 0;
        for (String op : live.keySet()) {
            String path = op.substring(op.indexOf(' ') + 1);
            if (!path.contains("{") || NOT_UNIT_RECORDS.containsKey(path)) {
                continue;
            }
            String roles = com.patrolplanner.reliability.AccessMatrixTest.EXPECTED.get(op);
            assertTrue(roles != null, "no roles row for " + op + " in AccessMatrixTest");
            // administrator-only operations (a unit's users, units): B's unit administrator on A's record
            String role = roles.contains("P") ? "planner" : roles.contains("M") ? "manager" : roles.contains("L") ? "leader"
                    : "admin";
            // B's user on A's records (the districts are symmetric; A's on B's is checked for the main records below)
            for (String[] pair : new String[][] {{"b", "a"}}) {
                io.restassured.response.Response r = call("ju-" + pair[0] + "-" + role, op, pair[1]);
                probed++;
                if (r.statusCode() != 404) {
                    wrong.add(op + " as ju-" + pair[0] + "-" + role + " on " + pair[1] + "'s record → " + r.statusCode()
                            + " " + r.asString());
                }
            }
        }
        assertTrue(probed > 50, "only " + probed + " probes");
        // the same records are there for their own district (so the 404s above are the unit's, not a wrong id)
        for (String op : List.of("GET /api/venues/{id}", "GET /api/schools/{id}", "GET /api/inspectors/{id}",
                "GET /api/teams/{id}", "GET /api/campaigns/{id}", "GET /api/campaigns/{id}/targets",
                "GET /api/campaigns/{id}/plans", "GET /api/zone-sets/{id}", "GET /api/zone-sets/{id}/versions",
                "GET /api/zone-sets/{id}/stats", "GET /api/zones/{id}", "GET /api/zones/{id}/stats",
                "GET /api/inspections/{id}", "GET /api/inspections/{id}/history", "GET /api/venues/{id}/inspections",
                "GET /api/jobs/{id}", "GET /api/units/{id}", "GET /api/districts/{adcode}",
                "GET /api/geocode/batch/{jobId}/results")) {
            int own = call("ju-a-planner", op, "a").statusCode();
            int other = call("ju-a-planner", op, "b").statusCode();
            int city = call("ju-city-planner", op, "b").statusCode();
            if (own != 200 || other != 404 || city != 200) {
                wrong.add(op + ": ju-a-planner on A's record → " + own + " (200), on B's → " + other
                        + " (404); ju-city-planner on B's → " + city + " (200)");
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " wrong answers:\n" + String.join("\n", wrong));
    }

    /**
     * Every list of a unit's records as a district user holds exactly its district's fixtures (SQL ground truth: by
     * position for venues' inspections and the review queue, by the creating user otherwise), never the other's; the
     * city's users see both.
     */
    @Test
    @Order(8)
    void everyListHoldsOnlyTheUsersDistrict() throws Exception {
        records();
        String inA = "ST_X(v.geom) < 101.10";
        Map<String, Map<String, Set<Long>>> truths = new java.util.LinkedHashMap<>();
        truths.put("/api/campaigns|id", truth("SELECT id, substr(created_by, 4, 1) FROM campaign WHERE name LIKE '辖区测试%'"));
        truths.put("/api/zone-sets|id", truth("SELECT id, substr(author, 4, 1) FROM zone_set WHERE name LIKE '辖区测试%'"));
        truths.put("/api/teams|id", truth("SELECT id, substr(name, 5, 1) FROM team WHERE name LIKE '辖区测试%'"));
        truths.put("/api/inspectors|id", truth("SELECT id, substr(name, 5, 1) FROM inspector WHERE name LIKE '辖区测试%'"));
        truths.put("/api/inspections?limit=1000|items.id", truth("SELECT i.id, CASE WHEN " + inA + " THEN 'a' ELSE 'b' END FROM "
                + "inspection i JOIN venue v ON v.id = i.venue_id WHERE v.licence_no LIKE 'JU-%'"));
        truths.put("/api/recusals|id", truth("SELECT r.id, CASE WHEN " + inA + " THEN 'a' ELSE 'b' END FROM recusal r "
                + "JOIN venue v ON v.id = r.venue_id WHERE v.licence_no LIKE 'JU-%'"));
        // by the fixtures' box: the system administrator sees every inspection of the suite's database (more than one page)
        truths.put("/ogc/collections/inspections/items?limit=10000&bbox=" + BBOX + "|features.id",
                truths.get("/api/inspections?limit=1000|items.id"));
        truths.put("/ogc/collections/venues/items?limit=10000&bbox=" + BBOX + "|features.id",
                truth("SELECT v.id, CASE WHEN " + inA + " THEN 'a' ELSE 'b' END FROM venue v WHERE v.licence_no LIKE 'JU-%'"));
        // casework (issue 16): by the district planner who made each record
        truths.put("/api/cases?limit=1000|items.id", truth("SELECT id, substr(created_by, 4, 1) FROM case_file WHERE created_by LIKE 'ju-_-planner'"));
        truths.put("/api/goods?limit=1000|items.id", truth("SELECT id, substr(created_by, 4, 1) FROM goods_act WHERE created_by LIKE 'ju-_-planner'"));
        truths.put("/api/documents?limit=1000|items.id", truth("SELECT id, substr(created_by, 4, 1) FROM issued_document "
                + "WHERE created_by LIKE 'ju-_-planner'"));
        truths.put("/api/work-log?limit=1000|items.id", truth("SELECT id, substr(created_by, 4, 1) FROM work_log WHERE created_by LIKE 'ju-_-planner'"));
        // provisional stalls: unlicensed venues without a licence number, by position
        truths.put("/api/field/stalls?limit=1000|items.id", truth("SELECT v.id, CASE WHEN " + inA + " THEN 'a' ELSE 'b' END FROM venue v "
                + "WHERE v.licence_no IS NULL AND ST_X(v.geom) BETWEEN 101.0 AND 101.2 AND ST_Y(v.geom) BETWEEN 30.0 AND 30.1"));
        // users (the unit administrators' list): the fixture users by their name
        truths.put("/api/users|id", truth("SELECT id, substr(username, 4, 1) FROM app_user WHERE username LIKE 'ju-_-%'"));
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Map<String, Set<Long>>> t : truths.entrySet()) {
            String[] q = t.getKey().split("\\|");
            Set<Long> all = new TreeSet<>(t.getValue().get("a"));
            all.addAll(t.getValue().get("b"));
            assertFalse(t.getValue().get("a").isEmpty() || t.getValue().get("b").isEmpty(), "fixtures of " + q[0]);
            for (String[] u : new String[][] {{"ju-a-planner", "a"}, {"ju-b-planner", "b"}, {"ju-a-manager", "a"},
                    {"ju-b-manager", "b"}, {"ju-city-planner", "*"}, {"ju-city-manager", "*"}, {"ju-a-admin", "a"},
                    {"ju-b-admin", "b"}, {"admin", "*"}}) {
                io.restassured.response.Response r = as(u[0]).get(q[0]);
                if (r.statusCode() == 403) {
                    continue; // the role does not read this list at all (AccessMatrixTest)
                }

                Set<Long> got = longs(r.then().statusCode(200).extract().jsonPath().getList(q[1]));
                got.retainAll(all);
                Set<Long> want = u[1].equals("*") ? all : t.getValue().get(u[1]);
                if (!want.equals(got)) {
                    wrong.add(q[0] + " as " + u[0] + ": " + got + ", expected " + want);
                }
            }
        }
        // the field photos of A's violating inspection: A's users and the city's read them, B's get a 404
        String photos = "/api/field/inspections/" + rec.get("a").get("violating") + "/photos";
        Set<Long> photoTruth = truth("SELECT id, 'a' FROM evidence_file WHERE inspection_id = " + rec.get("a").get("violating")).get("a");
        assertFalse(photoTruth.isEmpty(), "fixtures of " + photos);
        for (String u : List.of("ju-a-planner", "ju-a-manager", "ju-a-leader", "ju-city-planner", "ju-city-manager")) {
            assertEquals(photoTruth, longs(as(u).get(photos).then().statusCode(200).extract().jsonPath().getList("id")), u + " " + photos);
        }
        for (String u : List.of("ju-b-planner", "ju-b-manager", "ju-b-leader")) {
            as(u).get(photos).then().statusCode(404);
        }
        // a district leader's my-shift and campaigns: the own team's only
        assertEquals(Set.of((Long) rec.get("a").get("campaign")), longs(as("ju-a-leader").get("/api/campaigns").then()
                .statusCode(200).extract().jsonPath().getList("id")));
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** Writes that would place a record in, or tie it to, the other district are refused naming the unit; nothing is written. */
    @Test
    @Order(9)
    void writesReachingIntoTheOtherDistrictAreRefused() throws Exception {
        records();
        // an inspection of B's venue by A's planner: 422 on venueId naming both units
        as("ju-a-planner").contentType("application/json").body(Map.of("venueId", venuesB.get(0), "inspectedAt",
                "2026-03-03T10:00:00+08:00", "officers", List.of(rec.get("a").get("inspector")), "outcome", "compliant",
                "violations", List.of())).post("/api/inspections").then().statusCode(422)
                .body("errors.find { it.field == 'venueId' }.reason", containsString("辖区测试乙区"));
        // a campaign with B's team, a zone in B's set, a zone set on B's district, a team placed in B: refused
        as("ju-a-planner").contentType("application/json").body(Map.of("name", "辖区测试越界行动", "type", "ROUTINE",
                "startDate", "2026-03-02", "teamIds", List.of(rec.get("b").get("team")))).post("/api/campaigns").then()
                .statusCode(422).body("errors.field", org.hamcrest.Matchers.hasItem("teamIds[0]"));
        as("ju-a-planner").contentType("application/json").body("{\"zoneSetId\":" + rec.get("b").get("zoneSet")
                + ",\"geometry\":" + box(new double[] {101.15, 30.05, 101.16, 30.06}) + "}").post("/api/zones").then()
                .statusCode(404);
        as("ju-a-planner").contentType("application/json").body(Map.of("name", "辖区测试越界片区", "district", "990102"))
                .post("/api/zone-sets").then().statusCode(422).body("errors[0].reason", containsString("辖区测试乙区"));
        as("ju-a-planner").contentType("application/json").body(Map.of("name", "辖区测试越界组", "unitId", unitB))
                .post("/api/teams").then().statusCode(422).body("errors[0].field", org.hamcrest.Matchers.equalTo("unitId"))
                .body("errors[0].reason", containsString("辖区测试乙区"));
        as("ju-a-planner").contentType("application/json").body(Map.of("name", "辖区测试越界员", "teamId",
                rec.get("b").get("team"))).post("/api/inspectors").then().statusCode(422);
        as("ju-a-planner").contentType("application/json").body(Map.of("inspectorId", rec.get("b").get("inspector"),
                "venueId", venuesA.get(0))).post("/api/recusals").then().statusCode(422);
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT (SELECT count(*) FROM campaign WHERE name LIKE '辖区测试越界%') + (SELECT count(*) FROM zone_set "
                        + "WHERE name LIKE '辖区测试越界%') + (SELECT count(*) FROM team WHERE name LIKE '辖区测试越界%') "
                        + "+ (SELECT count(*) FROM inspection WHERE venue_id = " + venuesB.get(0) + " AND inspected_at::date = '2026-03-03')")) {
            rs.next();
            assertEquals(0, rs.getLong(1), "nothing written");
        }
        // the city planner places a campaign in district B (a unit below its own) and B's planner owns it
        long placed = as("ju-city-planner").contentType("application/json").body(Map.of("name", "辖区测试市派行动", "type",
                "ROUTINE", "startDate", "2026-03-02", "unitId", unitB, "teamIds", List.of(rec.get("b").get("team"))))
                .post("/api/campaigns").then().statusCode(201).body("unitName", org.hamcrest.Matchers.equalTo("辖区测试乙区"))
                .extract().jsonPath().getLong("id");
        as("ju-b-planner").get("/api/campaigns/" + placed).then().statusCode(200).body("readOnly", org.hamcrest.Matchers.equalTo(false));
        as("ju-a-planner").get("/api/campaigns/" + placed).then().statusCode(404);
        as("ju-a-planner").contentType("application/json").body(Map.of("name", "辖区测试越界行动", "type", "ROUTINE",
                "startDate", "2026-03-02", "unitId", unitB)).post("/api/campaigns").then().statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("unitId"));
    }
}
