package com.patrolplanner.reliability;

import static com.patrolplanner.TestSupport.anonymous;
import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.ogc.OgcFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 point 5, one REST contract, checked over the live OpenAPI document so that a new endpoint is held to it too:
 * every operation refuses a query parameter it does not declare (400 naming it); every list (a GET with a {@code limit}
 * parameter) declares {@code offset} and {@code sort}, answers {@code numberMatched}/{@code numberReturned}, links the
 * next page in a {@code Link} header, refuses an unknown sort field and sorts by the first field it documents; every
 * GeoJSON operation answers {@code Accept: application/json}; a PUT takes the Feature its GET returned.
 */
@QuarkusTest
class RestContractTest {
    /** Lists that page another way on purpose, with the reason; everything else is held to the contract. */
    static final Map<String, String> OTHER_PAGING = Map.ofEntries(
            Map.entry("GET /api/audit", "keyset paging with before=seq over the hash chain (append-only, newest first)"),
            Map.entry("GET /api/geocode/review", "a work queue: items leave it as they are resolved (not converted yet)"),
            Map.entry("GET /api/geocode", "candidates for one address ranked by score: limit caps them, there is no second page"),
            Map.entry("GET /api/coverage/gaps", "the N worst-covered cells ranked by need: limit is N (not converted yet)"));

    @Inject
    DataSource ds;

    @BeforeEach
    void data() throws Exception {
        OgcFixtures.ensure(ds);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> getOperations() {
        Map<String, Object> doc = anonymous().get("/q/openapi?format=json").then().statusCode(200).extract().path("$");
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
        Map<String, Map<String, Object>> ops = new LinkedHashMap<>();
        paths.forEach((path, item) -> {
            if (path.startsWith("/api/") && item.get("get") instanceof Map<?, ?> op) {
                ops.put(path, (Map<String, Object>) op);
            }
        });
        return ops;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> queryParams(Map<String, Object> op) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Object p : (List<Object>) op.getOrDefault("parameters", List.of())) {
            Map<String, Object> m = (Map<String, Object>) p;
            if ("query".equals(m.get("in"))) {
                out.put((String) m.get("name"), m);
            }
        }
        return out;
    }

    /** A user allowed to call the operation (the access matrix decides), the planner when possible. */
    static String userFor(String operation) {
        String roles = AccessMatrixTest.EXPECTED.get(operation);
        char r = roles == null || roles.equals("*") || roles.indexOf('P') >= 0 ? 'P' : roles.charAt(0);
        return AccessMatrixTest.USERS.get(r);
    }

    @Test
    void everyOperationRefusesAQueryParameterItDoesNotDeclare() {
        List<String> wrong = new ArrayList<>();
        Map<String, Map<String, Object>> ops = getOperations();
        assertTrue(ops.size() > 40, "the OpenAPI document lists only " + ops.size() + " GET operations");
        for (String path : ops.keySet()) {
            Response r = as(userFor("GET " + path)).queryParam("colour", "blue")
                    .get(AccessMatrixTest.concrete(path));
            List<String> fields = r.contentType().startsWith("application/problem+json") ? r.path("errors.field") : null;
            if (r.statusCode() != 400 || fields == null || !fields.contains("colour")) {
                wrong.add("GET " + path + " → " + r.statusCode() + " " + fields);
            }
        }
        assertTrue(wrong.isEmpty(), "operations that do not refuse ?colour=blue with a 400 naming it:\n" + String.join("\n", wrong));
        // a write too, and the declared parameters still pass
        as("planner").queryParam("colour", "blue").contentType(ContentType.JSON).body("{}").post("/api/venues").then()
                .statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("colour"));
        as("planner").queryParam("limit", 1).get("/api/venues").then().statusCode(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyListPagesAndSortsTheSameWay() {
        Map<String, Map<String, Object>> ops = getOperations();
        Set<String> lists = new TreeSet<>();
        Set<String> filled = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> e : ops.entrySet()) {
            String op = "GET " + e.getKey();
            Map<String, Map<String, Object>> params = queryParams(e.getValue());
            if (!params.containsKey("limit") || OTHER_PAGING.containsKey(op) || e.getKey().contains("{")) {
                continue;
            }
            lists.add(op);
            for (String p : List.of("offset", "sort")) {
                if (!params.containsKey(p)) {
                    wrong.add(op + " does not declare " + p);
                }
            }
            if (!params.containsKey("sort")) {
                continue;
            }
            Map<String, Object> ok = (Map<String, Object>) ((Map<String, Object>) e.getValue().get("responses")).get("200");
            if (ok == null || !(ok.get("headers") instanceof Map<?, ?> h) || !h.containsKey("Link")) {
                wrong.add(op + ": the OpenAPI document does not describe its Link header");
            }
            String user = userFor(op);
            Response first = as(user).queryParam("limit", 2).get(e.getKey());
            if (first.statusCode() != 200) {
                wrong.add(op + "?limit=2 → " + first.statusCode());
                continue;
            }
            Number matched = first.path("numberMatched");
            Number returned = first.path("numberReturned");
            List<Object> rows = rows(first);
            if (matched == null || returned == null || rows == null) {
                wrong.add(op + " lacks numberMatched/numberReturned/rows: " + first.asString());
                continue;
            }
            if (returned.intValue() != rows.size() || rows.size() > 2 || matched.longValue() < rows.size()) {
                wrong.add(op + ": numberMatched " + matched + ", numberReturned " + returned + ", rows " + rows.size());
            }
            String link = first.header("Link");
            if (matched.longValue() > 2) {
                filled.add(op);
                String next = link(link, "next");
                if (next == null || !next.contains("offset=2")) {
                    wrong.add(op + ": no rel=\"next\" link with offset=2 in " + link);
                } else {
                    Response second = as(user).urlEncodingEnabled(false).get(next);
                    Set<Object> ids = new HashSet<>(keys(rows));
                    for (Object k : keys(rows(second))) {
                        if (!ids.add(k)) {
                            wrong.add(op + ": page 2 repeats " + k);
                        }
                    }
                    if (link(second.header("Link"), "prev") == null) {
                        wrong.add(op + ": page 2 has no rel=\"prev\" link");
                    }
                }
                // the last page links no next
                Response last = as(user).queryParam("limit", 2).queryParam("offset", matched.longValue() - 1).get(e.getKey());
                if (link(last.header("Link"), "next") != null) {
                    wrong.add(op + ": the last page still links a next page");
                }
            }
            // an unknown sort field is a 400 naming sort; the first documented field sorts both ways
            Response bad = as(user).queryParam("sort", "colour").get(e.getKey());
            if (bad.statusCode() != 400 || !String.valueOf((Object) bad.path("errors.field")).contains("sort")) {
                wrong.add(op + "?sort=colour → " + bad.statusCode());
            }
            String field = firstSortField((String) params.get("sort").get("description"));
            if (field == null) {
                wrong.add(op + ": the sort parameter does not document its fields");
                continue;
            }
            for (String dir : List.of("", "-")) {
                List<Object> values = new ArrayList<>();
                for (Object row : rows(as(user).queryParam("limit", 50).queryParam("sort", dir + field).get(e.getKey()))) {
                    Map<String, Object> m = (Map<String, Object>) row;
                    Object v = m.containsKey("properties") && !m.containsKey(field) ? ((Map<String, Object>) m.get("properties")).get(field) : m.get(field);
                    values.add(v);
                }
                for (int i = 1; i < values.size(); i++) {
                    int c = compare(values.get(i - 1), values.get(i));
                    if (dir.isEmpty() ? c > 0 : c < 0) {
                        wrong.add(op + "?sort=" + dir + field + ": " + values.get(i - 1) + " before " + values.get(i));
                        break;
                    }
                }
            }
        }
        assertTrue(lists.containsAll(Set.of("GET /api/venues", "GET /api/schools", "GET /api/districts", "GET /api/inspections")),
                "lists found: " + lists);
        assertTrue(filled.containsAll(Set.of("GET /api/venues", "GET /api/schools", "GET /api/inspections")),
                "lists with more than one page of fixture rows: " + filled);
        assertTrue(wrong.isEmpty(), wrong.size() + " breaches of the list contract:\n" + String.join("\n", wrong));
    }

    @Test
    void inspectionsHonourOffsetAndCountWhatSqlCounts() throws Exception {
        long all = OgcFixtures.count(ds, "SELECT count(*) FROM pp.inspection");
        assertTrue(all >= 7, "fixture inspections: " + all);
        as("planner").queryParam("limit", 3).get("/api/inspections").then().statusCode(200)
                .body("numberMatched", org.hamcrest.Matchers.equalTo((int) all)).body("numberReturned", org.hamcrest.Matchers.equalTo(3));
        // offset skips: the 3rd row of a page of 3 is the 1st of offset=2, newest first as SQL orders them
        long thirdNewest = OgcFixtures.count(ds,
                "SELECT id FROM pp.inspection ORDER BY inspected_at DESC, id DESC OFFSET 2 LIMIT 1");
        as("planner").queryParam("limit", 1).queryParam("offset", 2).get("/api/inspections").then().statusCode(200)
                .body("items[0].id", org.hamcrest.Matchers.equalTo((int) thirdNewest));
    }

    @Test
    void geoJsonIsServedForApplicationJson() {
        Map<String, Map<String, Object>> ops = getOperations();
        List<String> wrong = new ArrayList<>();
        int geo = 0;
        for (Map.Entry<String, Map<String, Object>> e : ops.entrySet()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> ok = (Map<String, Object>) ((Map<String, Object>) e.getValue().get("responses")).get("200");
            if (ok == null || !(ok.get("content") instanceof Map<?, ?> content) || !content.containsKey("application/geo+json")) {
                continue;
            }
            geo++;
            if (!content.containsKey("application/json")) {
                wrong.add("GET " + e.getKey() + " does not list application/json");
                continue;
            }
            if (e.getKey().contains("{")) {
                continue;
            }
            Response r = as(userFor("GET " + e.getKey())).accept("application/json").get(e.getKey());
            if (r.statusCode() == 406 || r.statusCode() >= 500) {
                wrong.add("GET " + e.getKey() + " Accept: application/json → " + r.statusCode());
            }
        }
        assertTrue(geo >= 5, "GeoJSON operations found: " + geo);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        as("planner").accept("application/json").get("/api/venues?limit=1").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/json")).body("type", org.hamcrest.Matchers.equalTo("FeatureCollection"));
    }

    @Test
    void putTakesTheFeatureItsGetReturned() throws Exception {
        for (String register : List.of("venues", "schools")) {
            long id = OgcFixtures.count(ds, "SELECT min(id) FROM pp." + register.substring(0, register.length() - 1)
                    + " WHERE district_code = ?", OgcFixtures.DISTRICT);
            String feature = as("planner").get("/api/" + register + "/" + id).then().statusCode(200).extract().asString();
            int version = as("planner").get("/api/" + register + "/" + id).then().extract().path("properties.version");
            // the Feature as GET gave it, with a new name: 200, the name changed, the version moved on
            String renamed = feature.replaceFirst("\"name\"\\s*:\\s*\"[^\"]*\"", "\"name\":\"契约测试" + register + "\"");
            as("planner").contentType("application/geo+json; charset=UTF-8").body(renamed).put("/api/" + register + "/" + id).then()
                    .log().ifValidationFails().statusCode(200).body("properties.name", org.hamcrest.Matchers.equalTo("契约测试" + register))
                    .body("properties.version", org.hamcrest.Matchers.equalTo(version + 1));
            long named = OgcFixtures.count(ds, "SELECT count(*) FROM pp." + register.substring(0, register.length() - 1)
                    + " WHERE id = ? AND name = ?", id, "契约测试" + register);
            assertEquals(1, named, register + " " + id + " renamed in the table");
            // the same Feature again is now stale: 409 on version
            as("planner").contentType(ContentType.JSON).body(renamed).put("/api/" + register + "/" + id).then().statusCode(409);
            // and the bare properties still work
            Map<String, Object> props = as("planner").get("/api/" + register + "/" + id).then().extract().path("properties");
            props.put("address", "契约路1号");
            as("planner").contentType(ContentType.JSON).body(props).put("/api/" + register + "/" + id).then()
                    .log().ifValidationFails().statusCode(200).body("properties.address", org.hamcrest.Matchers.equalTo("契约路1号"));
        }
        // an inspection: the view GET returns (officers and violations as objects) goes back as it came
        long insp = OgcFixtures.count(ds, "SELECT min(i.id) FROM pp.inspection i JOIN pp.team t ON t.id = i.team_id "
                + "JOIN pp.app_user u ON u.team_id = t.id WHERE u.username = 'leader1'");
        Map<String, Object> view = as("planner").get("/api/inspections/" + insp).then().statusCode(200).extract().path("$");
        view.put("notes", "契约测试备注");
        as("planner").contentType(ContentType.JSON).body(view).put("/api/inspections/" + insp).then().log().ifValidationFails()
                .statusCode(200).body("notes", org.hamcrest.Matchers.equalTo("契约测试备注"));
        // an inspector: the view goes back as it came
        long officer = OgcFixtures.count(ds, "SELECT max(id) FROM pp.inspector");
        Map<String, Object> inspector = as("planner").get("/api/inspectors/" + officer).then().statusCode(200).extract().path("$");
        inspector.put("unit", "契约测试中队");
        as("planner").contentType(ContentType.JSON).body(inspector).put("/api/inspectors/" + officer).then()
                .log().ifValidationFails().statusCode(200).body("unit", org.hamcrest.Matchers.equalTo("契约测试中队"));
    }

    @SuppressWarnings("unchecked")
    static List<Object> rows(Response r) {
        Object f = r.path("features");
        return f instanceof List<?> l ? (List<Object>) l : r.path("items");
    }

    @SuppressWarnings("unchecked")
    static List<Object> keys(List<Object> rows) {
        List<Object> out = new ArrayList<>();
        for (Object row : rows) {
            Map<String, Object> m = (Map<String, Object>) row;
            out.add(m.containsKey("id") ? m.get("id") : m.get("adcode"));
        }
        return out;
    }

    private static final Pattern LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"([a-z]+)\"");

    static String link(String header, String rel) {
        if (header == null) {
            return null;
        }
        Matcher m = LINK.matcher(header);
        while (m.find()) {
            if (m.group(2).equals(rel)) {
                return m.group(1);
            }
        }
        return null;
    }

    static String firstSortField(String description) {
        if (description == null || !description.contains(":")) {
            return null;
        }
        String first = description.substring(description.lastIndexOf(':') + 1).split(",")[0].trim();
        return first.isEmpty() ? null : first;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1; // NULLS LAST
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return ((Comparable) a.toString()).compareTo(b.toString());
    }
}
