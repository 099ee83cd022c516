package com.patrolplanner.reliability;

import static com.patrolplanner.TestSupport.anonymous;
import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue #9 (access): every operation of the running service's OpenAPI document is called as each demo user and
 * anonymously. Anonymous gets 401 unless the operation is public; a role outside the operation's expected set gets 403;
 * an allowed role gets anything but 401/403 (dummy ids and bodies: 404 or 422 are fine). A new endpoint without a row
 * in {@link #EXPECTED} fails the test, so its roles are decided on purpose.
 */
@QuarkusTest
public class AccessMatrixTest {
    /** Roles by letter: P planner, L team_leader, M manager, A admin; {@code *} = anyone, anonymous included. */
    public static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    private static void allow(String roles, String... operations) {
        for (String op : operations) {
            if (EXPECTED.put(op, roles) != null) {
                throw new IllegalStateException("twice in the table: " + op);
            }
        }
    }

    static {
        // public: the page must learn whether it holds a session, and a stale cookie must always be clearable
        allow("*", "GET /api/ui/session", "POST /api/logout");
        // @PermitAll, but answers 401 to anonymous on purpose: it is how the page learns it must log in
        allow("PLMA", "GET /api/me");
        // every user changes the own password (the current one proves it)
        allow("PLMA", "POST /api/me/password");
        allow("PLMA", "GET /api/ui/config");
        // registers: everyone reads, planner and admin write
        for (String r : List.of("venues", "schools")) {
            allow("PLMA", "GET /api/" + r, "GET /api/" + r + "/{id}", "GET /api/" + r + "/{id}/history");
            allow("PA", "POST /api/" + r, "PUT /api/" + r + "/{id}", "DELETE /api/" + r + "/{id}",
                    "PUT /api/" + r + "/{id}/location");
        }
        allow("PLMA", "GET /api/districts", "GET /api/districts/{adcode}", "GET /api/inspectors", "GET /api/teams",
                "GET /api/teams/{id}");
        allow("PMA", "GET /api/inspectors/{id}");
        allow("PA", "POST /api/inspectors", "PUT /api/inspectors/{id}", "DELETE /api/inspectors/{id}",
                "POST /api/teams", "PUT /api/teams/{id}", "DELETE /api/teams/{id}");
        allow("PA", "POST /api/imports", "GET /api/imports/kinds");
        // geocoding
        allow("PLMA", "GET /api/geocode", "GET /api/geocode/reverse");
        allow("PA", "POST /api/geocode/batch");
        allow("PMA", "GET /api/geocode/batch/{jobId}/results", "GET /api/geocode/review");
        // compliance
        allow("PMA", "GET /api/compliance/violations", "GET /api/compliance/site-check");
        allow("PLMA", "GET /api/compliance/buffers", "GET /api/compliance/rules", "GET /api/compliance/rules/{code}");
        allow("A", "POST /api/compliance/rules", "PUT /api/compliance/rules/{code}", "DELETE /api/compliance/rules/{code}");
        // zoning
        allow("PLMA", "GET /api/zone-sets", "GET /api/zone-sets/{id}", "GET /api/zone-sets/{id}/versions",
                "GET /api/zone-sets/{id}/stats", "GET /api/zones/{id}", "GET /api/zones/{id}/stats");
        allow("PA", "POST /api/zone-sets", "PUT /api/zone-sets/{id}/activate",
                "POST /api/zone-sets/{id}/versions/{version}/restore", "POST /api/zones/generate", "POST /api/zones",
                "PUT /api/zones/{id}", "DELETE /api/zones/{id}", "POST /api/zones/{id}/split", "POST /api/zones/merge",
                "PUT /api/zones/{id}/team");
        // campaigns: only the planner writes (admin administers users, rules and the calendar, not campaigns)
        allow("PLMA", "GET /api/campaigns", "GET /api/campaigns/types", "GET /api/campaigns/{id}", "GET /api/campaigns/{id}/plan",
                "GET /api/campaigns/{id}/plan/teams/{teamId}/sheet",
                "GET /api/campaigns/{id}/plan/teams/{teamId}/calendar.ics", "GET /api/calendar", "GET /api/calendar/{day}");
        allow("P", "POST /api/campaigns", "PUT /api/campaigns/{id}", "DELETE /api/campaigns/{id}",
                "POST /api/campaigns/{id}/solve", "DELETE /api/campaigns/{id}/solve", "POST /api/campaigns/{id}/draw",
                "PUT /api/campaigns/{id}/draw/venues/{venueId}/result", "POST /api/recusals", "DELETE /api/recusals/{id}");
        allow("PMA", "GET /api/campaigns/{id}/targets", "GET /api/campaigns/{id}/solve", "GET /api/campaigns/{id}/plans",
                "GET /api/campaigns/{id}/plan/explanation", "GET /api/campaigns/{id}/draw",
                "POST /api/campaigns/{id}/draw/verify", "GET /api/campaigns/{id}/draw/publication", "GET /api/recusals");
        allow("PL", "PATCH /api/campaigns/{id}/plan/stops/{stopId}");
        allow("L", "GET /api/my/shift");
        allow("A", "PUT /api/calendar/{day}", "DELETE /api/calendar/{day}");
        // inspections
        allow("PL", "POST /api/inspections", "PUT /api/inspections/{id}");
        allow("PLMA", "GET /api/venues/{id}/inspections");
        allow("PLMA", "GET /api/inspections", "GET /api/inspections/{id}", "GET /api/inspections/{id}/history",
                "GET /api/inspections/checklist");
        // coverage and reports: the managers' views (and the planner's)
        for (String c : List.of("hex", "heat", "venues", "districts", "zones", "gaps", "hotspots", "units")) {
            allow("PMA", "GET /api/coverage/" + c);
        }
        allow("PMA", "GET /api/reports/period", "GET /api/reports/daily");
        // units (issue 14): everyone reads its own part of the tree, the administrator edits
        allow("PLMA", "GET /api/units", "GET /api/units/mine", "GET /api/units/{id}");
        allow("A", "POST /api/units", "PUT /api/units/{id}");
        // administration
        allow("A", "GET /api/users", "POST /api/users", "PUT /api/users/{id}", "DELETE /api/users/{id}", "GET /api/audit",
                "GET /api/audit/verify", "DELETE /api/sessions");
        allow("PLMA", "GET /api/jobs/{id}");
        allow("PA", "DELETE /api/jobs/{id}");
        // complaints (issue 16): planners take them in and move them on; the team leader it went to verifies it
        allow("PA", "POST /api/complaints");
        allow("PLA", "POST /api/complaints/{id}/actions");
        allow("PLMA", "GET /api/complaints", "GET /api/complaints/{id}", "GET /api/complaints/{id}/history",
                "GET /api/complaints/venues/{venueId}/count", "GET /api/complaints/rules");
        allow("A", "PUT /api/complaints/rules/{code}");
        // the working-day calendar of the complaint deadlines (enforce): everyone reads it, the administrator keeps it
        allow("PLMA", "GET /api/complaints/calendar");
        allow("A", "PUT /api/complaints/calendar/{day}", "DELETE /api/complaints/calendar/{day}");
        // the planners' review of provisional stalls (enforce)
        allow("PA", "POST /api/field/stalls/{id}/confirm", "POST /api/field/stalls/{id}/merge", "POST /api/field/stalls/{id}/reject");
        // casework (issue 16): team leaders and planners act on cases, goods and documents (both need two certified
        // officers on every act); decisions, closing and extensions are the planner's; everyone in the unit reads
        allow("PLMA", "GET /api/cases", "GET /api/cases/{id}", "GET /api/cases/{id}/history", "GET /api/cases/files/{file}",
                "GET /api/goods", "GET /api/goods/{id}", "GET /api/documents", "GET /api/documents/{id}",
                "GET /api/field/inspections/{id}/photos");
        allow("PL", "POST /api/cases", "POST /api/cases/{id}/evidence", "POST /api/cases/{id}/notice",
                "POST /api/cases/{id}/execution", "POST /api/cases/{id}/evidence/{evidence}/files", "POST /api/goods",
                "POST /api/goods/{id}/return", "POST /api/documents", "POST /api/documents/{id}/reinspection",
                "POST /api/field/stalls", "POST /api/field/inspections/{id}/photos");
        allow("P", "POST /api/cases/{id}/extension", "POST /api/cases/{id}/decision", "POST /api/cases/{id}/closing",
                "POST /api/goods/{id}/extension");
        allow("PMA", "GET /api/work-log", "GET /api/field/stalls");
        allow("PA", "POST /api/work-log", "PUT /api/work-log/{id}");
    }

    static final Map<Character, String> USERS = Map.of('P', "planner", 'L', "leader1", 'M', "manager", 'A', "admin");

    /** Operations of the live OpenAPI document: "METHOD /path" → the request body media types it declares. */
    @SuppressWarnings("unchecked")
    public static Map<String, Set<String>> liveOperations() {
        Map<String, Object> doc = anonymous().get("/q/openapi?format=json").then().statusCode(200).extract().path("$");
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
        Map<String, Set<String>> ops = new LinkedHashMap<>();
        paths.forEach((path, item) -> item.forEach((method, op) -> {
            if (!Set.of("get", "post", "put", "delete", "patch").contains(method) || !path.startsWith("/api/")) {
                return;
            }
            Set<String> media = new TreeSet<>();
            Object body = ((Map<String, Object>) op).get("requestBody");
            if (body instanceof Map<?, ?> b && b.get("content") instanceof Map<?, ?> content) {
                content.keySet().forEach(k -> media.add((String) k));
            }
            ops.put(method.toUpperCase() + " " + path, media);
        }));
        return ops;
    }

    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    /** Dummy path values that name nothing: unknown ids, a date outside any campaign, a fresh UUID for jobs. */
    static String concrete(String path) {
        Matcher m = PARAM.matcher(path);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = switch (name) {
                case "day" -> "1999-01-01";
                case "jobId" -> "00000000-0000-0000-0000-000000000009";
                case "code" -> "no_such_rule";
                case "adcode" -> "999999";
                default -> path.startsWith("/api/jobs/") ? "00000000-0000-0000-0000-000000000009" : "987654321";
            };
            m.appendReplacement(sb, value);
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static Response call(RequestSpecification spec, String operation, Set<String> media) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = concrete(operation.substring(operation.indexOf(' ') + 1));
        if (Set.of("POST", "PUT", "PATCH").contains(method)) {
            if (media.contains("multipart/form-data")) {
                spec = spec.multiPart("file", "empty.csv", new byte[0], "text/csv").multiPart("kind", "venues");
            } else {
                spec = spec.contentType("application/json").body("{}");
            }
        }
        return spec.redirects().follow(false).request(method, path);
    }

    @Test
    void everyEndpointAnswersEachRoleAsDeclared() {
        Map<String, Set<String>> live = liveOperations();
        Set<String> unlisted = new TreeSet<>(live.keySet());
        unlisted.removeAll(EXPECTED.keySet());
        assertTrue(unlisted.isEmpty(), "endpoints without an expected-roles row (add them to EXPECTED): " + unlisted);
        assertTrue(live.size() > 80, "the OpenAPI document lists only " + live.size() + " operations");

        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : live.entrySet()) {
            String op = e.getKey();
            String roles = EXPECTED.get(op);
            boolean open = roles.equals("*");
            int anon = call(anonymous(), op, e.getValue()).statusCode();
            if (open ? (anon == 401 || anon == 403) : anon != 401) {
                wrong.add(op + " anonymous → " + anon);
            }
            for (Map.Entry<Character, String> u : USERS.entrySet()) {
                boolean allowed = open || roles.indexOf(u.getKey()) >= 0;
                Response r = call(as(u.getValue()), op, e.getValue());
                int s = r.statusCode();
                if (allowed ? (s == 401 || s == 403) : s != 403) {
                    wrong.add(op + " " + u.getValue() + " → " + s + " (expected " + (allowed ? "allowed" : "403") + ")");
                }
                if (s >= 500) {
                    wrong.add(op + " " + u.getValue() + " → " + s + " on a dummy request: " + r.asString());
                }
                if (!allowed && !r.contentType().startsWith("application/problem+json")) {
                    wrong.add(op + " " + u.getValue() + " → 403 without problem+json: " + r.contentType());
                }
            }
        }
        Set<String> stale = new TreeSet<>(EXPECTED.keySet());
        stale.removeAll(live.keySet());
        assertTrue(stale.isEmpty(), "rows for endpoints that no longer exist: " + stale);
        assertTrue(wrong.isEmpty(), wrong.size() + " wrong answers:\n" + String.join("\n", wrong));
    }
}
