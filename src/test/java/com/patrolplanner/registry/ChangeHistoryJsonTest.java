package com.patrolplanner.registry;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The change-history diff is typed now ({@link Changes}); what it leaves behind must stay the text it was before
 * (session 6, when the diff was a {@code Map<String, Map<String, Object>>}): the {@code changes} column of
 * {@code change_history} (jsonb: keys by length, then by byte), the audit record's {@code details}, and the history the
 * API serves. The expected texts below were written out by hand from the snapshot rules and checked against the untyped
 * code before it changed. Covers the row-by-row write (REST) and the deferred one (one COPY per import, schools).
 */
@QuarkusTest
class ChangeHistoryJsonTest {
    @Inject
    DataSource db;

    @Test
    void aVenueCreatedThenUpdatedLeavesTheSameTextAsBefore() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("licenceNo", "L-JSON-PIN-1");
        body.put("name", "史料网吧");
        body.put("category", "internet_cafe");
        body.put("lon", 119.161);
        body.put("lat", 36.711);
        body.put("openingHours", "08:00-24:00");
        body.put("capacity", 120);
        long id = ((Number) as("planner").contentType(ContentType.JSON).body(body).post("/api/venues").then().statusCode(201)
                .extract().path("id")).longValue();
        body.put("capacity", 150);
        body.put("openingHours", Map.of("mon", "09:00-23:30", "sat", "closed"));
        body.put("notes", "夜间\"复查\"");
        body.put("version", 0);
        as("planner").contentType(ContentType.JSON).body(body).put("/api/venues/" + id).then().statusCode(200);

        String daily = "{\"fri\": \"08:00-24:00\", \"mon\": \"08:00-24:00\", \"sat\": \"08:00-24:00\", \"sun\": \"08:00-24:00\", "
                + "\"thu\": \"08:00-24:00\", \"tue\": \"08:00-24:00\", \"wed\": \"08:00-24:00\"}";
        String twoDays = "{\"fri\": \"closed\", \"mon\": \"09:00-23:30\", \"sat\": \"closed\", \"sun\": \"closed\", "
                + "\"thu\": \"closed\", \"tue\": \"closed\", \"wed\": \"closed\"}";
        String created = "{\"lat\": {\"new\": 36.711, \"old\": null}, \"lon\": {\"new\": 119.161, \"old\": null}, "
                + "\"name\": {\"new\": \"史料网吧\", \"old\": null}, \"status\": {\"new\": \"open\", \"old\": null}, "
                + "\"capacity\": {\"new\": 120, \"old\": null}, \"category\": {\"new\": \"internet_cafe\", \"old\": null}, "
                + "\"licenceNo\": {\"new\": \"L-JSON-PIN-1\", \"old\": null}, \"synthetic\": {\"new\": false, \"old\": null}, "
                + "\"sourceDatum\": {\"new\": \"WGS84\", \"old\": null}, \"openingHours\": {\"new\": " + daily + ", \"old\": null}, "
                + "\"geocodeStatus\": {\"new\": \"source\", \"old\": null}, \"complaintCount\": {\"new\": 0, \"old\": null}}";
        String updated = "{\"notes\": {\"new\": \"夜间\\\"复查\\\"\", \"old\": null}, \"capacity\": {\"new\": 150, \"old\": 120}, "
                + "\"openingHours\": {\"new\": " + twoDays + ", \"old\": " + daily + "}}";
        assertEquals(List.of(created, updated), HistorySql.strings(db,
                "SELECT changes::text FROM change_history WHERE entity_type = 'venue' AND entity_id = ? ORDER BY id", id));
        assertEquals(List.of("{\"changes\": " + created + "}", "{\"changes\": " + updated + "}"), HistorySql.strings(db,
                "SELECT details::text FROM audit_log WHERE entity_type = 'venue' AND entity_id = ? ORDER BY seq",
                Long.toString(id)));

        // the API: the entity as it always was, changes in the column's order, numbers as stored
        String api = as("planner").get("/api/venues/" + id + "/history").then().statusCode(200).extract().asString()
                .replaceAll("\"id\":\\d+", "\"id\":0").replaceAll("\"changedAt\":\"[^\"]+\"", "\"changedAt\":\"T\"");
        assertEquals("[{\"id\":0,\"entityType\":\"venue\",\"entityId\":" + id + ",\"action\":\"update\",\"changedBy\":\"planner\","
                + "\"changedAt\":\"T\",\"reason\":null,\"changes\":" + compact(updated) + "},"
                + "{\"id\":0,\"entityType\":\"venue\",\"entityId\":" + id + ",\"action\":\"create\",\"changedBy\":\"planner\","
                + "\"changedAt\":\"T\",\"reason\":null,\"changes\":" + compact(created) + "}]", api);
        as("admin").get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void aDeferredSchoolImportWritesTheSameTextAsRowByRow() throws Exception {
        String csv = "name,level,address,lon,lat\n史料小学,primary,史料路1号,119.1625,36.7125\n";
        as("planner").multiPart("file", "schools.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("kind", "schools").post("/api/imports").then().statusCode(200);
        long id = HistorySql.id(db, "SELECT id FROM school WHERE name = ?", "史料小学");
        assertEquals(List.of("{\"lat\": {\"new\": 36.7125, \"old\": null}, \"lon\": {\"new\": 119.1625, \"old\": null}, "
                + "\"name\": {\"new\": \"史料小学\", \"old\": null}, \"level\": {\"new\": \"primary\", \"old\": null}, "
                + "\"address\": {\"new\": \"史料路1号\", \"old\": null}, \"synthetic\": {\"new\": false, \"old\": null}, "
                + "\"sourceDatum\": {\"new\": \"WGS84\", \"old\": null}}"), HistorySql.strings(db,
                "SELECT changes::text FROM change_history WHERE entity_type = 'school' AND entity_id = ? ORDER BY id", id));
        as("admin").get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    /** jsonb's text without the blanks after ':' and ',' outside strings (Jackson writes none). */
    private static String compact(String jsonb) {
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < jsonb.length(); i++) {
            char c = jsonb.charAt(i);
            if (c == '"' && (i == 0 || jsonb.charAt(i - 1) != '\\')) {
                inString = !inString;
            }
            if (!inString && c == ' ' && i > 0 && (jsonb.charAt(i - 1) == ':' || jsonb.charAt(i - 1) == ',')) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }
}
