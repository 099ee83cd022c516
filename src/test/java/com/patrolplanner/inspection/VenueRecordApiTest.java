package com.patrolplanner.inspection;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Issue 19.3 and 19.7: the venue's record at the door (every team's checks, officer names and notes only for the own
 * team), and a repeated POST with the same Idempotency-Key records once.
 */
@QuarkusTest
class VenueRecordApiTest {
    @Inject
    EntityManager em;

    @Test
    void leaderSeesAnotherTeamsInspectionsWithoutTheirOfficersAndNotes() {
        int team2 = InspectionApiTest.teamOf("leader2");
        int v = InspectionApiTest.venue("internet_cafe", 119.111, 36.702);
        List<Integer> officers2 = List.of(InspectionApiTest.officer(team2, true), InspectionApiTest.officer(team2, true));
        Map<String, Object> older = InspectionApiTest.record(v, officers2, "violation", List.of("cafe_minors_admitted"));
        older.put("inspectedAt", "2026-11-05T10:00:00+08:00");
        older.put("notes", "二组的现场笔记");
        as("leader2").contentType(ContentType.JSON).body(older).post("/api/inspections").then().statusCode(201);
        Map<String, Object> newer = InspectionApiTest.record(v, officers2, "compliant", List.of());
        newer.put("inspectedAt", "2026-11-22T10:00:00+08:00");
        as("leader2").contentType(ContentType.JSON).body(newer).post("/api/inspections").then().statusCode(201);

        // leader1 (another team): both checks, dates, team, outcome, violations; no officer names, no notes
        as("leader1").get("/api/venues/" + v + "/inspections").then().statusCode(200)
                .body("inspections", equalTo(2)).body("withViolations", equalTo(1))
                .body("lastInspectedAt", notNullValue()).body("lastViolationAt", notNullValue())
                .body("entries", hasSize(2))
                .body("entries[0].outcome", equalTo("compliant")).body("entries[1].outcome", equalTo("violation"))
                .body("entries[1].teamId", equalTo(team2)).body("entries[1].ownTeam", equalTo(false))
                .body("entries[1].violations[0].code", equalTo("cafe_minors_admitted"))
                .body("entries[1].officers", nullValue()).body("entries[1].notes", nullValue())
                .body("cases", notNullValue());
        // the inspecting team sees its own officers and notes; the planner sees everything
        as("leader2").get("/api/venues/" + v + "/inspections").then().statusCode(200)
                .body("entries[1].ownTeam", equalTo(true)).body("entries[1].officers", hasSize(2))
                .body("entries[1].notes", equalTo("二组的现场笔记"));
        as("manager").get("/api/venues/" + v + "/inspections").then().statusCode(200)
                .body("entries[1].notes", equalTo("二组的现场笔记"));
        // before: the leader's own list of the venue came back empty ("从未检查")
        as("leader1").get("/api/inspections?venue=" + v).then().statusCode(200).body("items", hasSize(0));
        as("leader1").get("/api/venues/99999999/inspections").then().statusCode(404);
    }

    @Test
    void aRepeatedIdempotencyKeyRecordsOnce() throws Exception {
        int team = InspectionApiTest.teamOf("leader1");
        int v = InspectionApiTest.venue("internet_cafe", 119.112, 36.703);
        List<Integer> officers = List.of(InspectionApiTest.officer(team, true), InspectionApiTest.officer(team, true));
        Map<String, Object> body = InspectionApiTest.record(v, officers, "compliant", List.of());
        String key = UUID.randomUUID().toString();
        // a double click: two requests at once with the same key
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(() -> as("leader1").header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                        .post("/api/inspections").then().statusCode(201).extract().path("id"));
            }
            List<Integer> ids = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                ids.add(f.get());
            }
            assertEquals(ids.get(0), ids.get(1), "the same record both times");
        } finally {
            pool.shutdown();
        }
        // and once more later: still the first record
        as("leader1").header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/api/inspections")
                .then().statusCode(201);
        assertEquals(1L, count(v), "one row for one key");
        // another key is another inspection
        as("leader1").header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON).body(body)
                .post("/api/inspections").then().statusCode(201);
        assertEquals(2L, count(v));
        // the same key from another user is that user's own
        as("planner").header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/api/inspections")
                .then().statusCode(201);
        assertEquals(3L, count(v));
    }

    @Test
    void theKeyLivesInTheDatabaseSoAnotherProcessOrARestartGetsTheFirstAnswer() {
        int team = InspectionApiTest.teamOf("leader1");
        int v = InspectionApiTest.venue("internet_cafe", 119.113, 36.704);
        List<Integer> officers = List.of(InspectionApiTest.officer(team, true), InspectionApiTest.officer(team, true));
        Map<String, Object> body = InspectionApiTest.record(v, officers, "compliant", List.of());
        String key = UUID.randomUUID().toString();
        int first = as("leader1").header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/inspections").then().statusCode(201).extract().path("id");
        // the key and the first answer are a row of the database, scoped to the user
        assertEquals(1L, sql("SELECT count(*) FROM idempotent_write WHERE user_name = 'leader1' AND key = ?1 "
                + "AND body::jsonb ->> 'id' = ?2", key, String.valueOf(first)));
        // a key another process answered (written there, never seen by this process): its answer, no new record
        String elsewhere = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO idempotent_write "
                + "(user_name, scope, key, status, body) SELECT 'leader1', 'POST /api/inspections', ?1, 200, body "
                + "FROM idempotent_write WHERE user_name = 'leader1' AND key = ?2").setParameter(1, elsewhere)
                .setParameter(2, key).executeUpdate());
        int again = as("leader1").header("Idempotency-Key", elsewhere).contentType(ContentType.JSON).body(body)
                .post("/api/inspections").then().statusCode(201).extract().path("id");
        assertEquals(first, again, "the answer kept in the database");
        assertEquals(1L, count(v), "nothing written for a key answered elsewhere");
        // a key older than 24 h is forgotten: the same key records anew
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE idempotent_write SET created_at = "
                + "now() - interval '25 hours' WHERE user_name = 'leader1' AND key = ?1").setParameter(1, key).executeUpdate());
        int later = as("leader1").header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/inspections").then().statusCode(201).extract().path("id");
        assertNotEquals(first, later, "an expired key is a new write");
        assertEquals(2L, count(v));
        // a refused write keeps no key: the corrected retry with the same key records
        String retry = UUID.randomUUID().toString();
        Map<String, Object> bad = InspectionApiTest.record(v, List.of(officers.get(0)), "compliant", List.of());
        as("leader1").header("Idempotency-Key", retry).contentType(ContentType.JSON).body(bad).post("/api/inspections")
                .then().statusCode(422);
        assertEquals(0L, sql("SELECT count(*) FROM idempotent_write WHERE key = ?1", retry, null));
        as("leader1").header("Idempotency-Key", retry).contentType(ContentType.JSON).body(body).post("/api/inspections")
                .then().statusCode(201);
        assertEquals(3L, count(v));
    }

    private long sql(String q, String a, String b) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(q).setParameter(1, a);
            if (b != null) {
                query.setParameter(2, b);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    private long count(int venue) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM inspection WHERE venue_id = ?1").setParameter(1, venue)
                .getSingleResult()).longValue());
    }
}
