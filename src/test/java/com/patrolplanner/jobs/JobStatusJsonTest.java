package com.patrolplanner.jobs;

import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/jobs/{id}} answers a typed {@link JobStatus} now; its JSON must stay the text the job row gave before:
 * PostgreSQL's {@code json_build_object} of the row with the detail's entries added at the end (the rendering of the
 * service until session 6, written out here).
 */
@QuarkusTest
class JobStatusJsonTest {
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper mapper;

    /** The job as the service rendered it before it was typed. */
    private String before(UUID id) throws Exception {
        String text = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery("""
                SELECT json_build_object('id', id, 'kind', kind, 'state', state, 'processed', processed, 'total', total,
                  'percent', CASE WHEN total IS NULL OR total = 0 THEN (CASE WHEN state='DONE' THEN 100 ELSE 0 END)
                                  ELSE round(100.0 * processed / total, 1) END,
                  'etaSeconds', CASE WHEN state = 'RUNNING' AND total > 0 AND processed > 0
                                     THEN round(extract(epoch FROM now() - started_at) * (total - processed) / processed)
                                     WHEN state IN ('DONE','FAILED','CANCELLED') THEN 0 END,
                  'owner', owner, 'createdAt', created_at, 'startedAt', started_at, 'finishedAt', finished_at,
                  'detail', detail, 'result', result, 'error', error, 'unitId', unit_id, 'node', node, 'attempts', attempts,
                  'takenOverFrom', taken_over_from)::text FROM job WHERE id = ?1""").setParameter(1, id).getSingleResult());
        ObjectNode n = (ObjectNode) mapper.readTree(text);
        if (n.get("detail").isObject()) {
            n.setAll((ObjectNode) n.get("detail"));
        }
        return mapper.writeValueAsString(n);
    }

    private UUID job(String state, Long processed, Long total, String detail, String result, String error) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO job (id, kind, state, owner, node, created_at, started_at, heartbeat_at, finished_at, processed,
                                 total, detail, result, error, attempts, taken_over_from)
                VALUES (?1, 'test', ?2, 'planner', 'json-node', now() - interval '90.123456 seconds',
                        now() - interval '80 seconds', now(), CASE WHEN ?2 = 'RUNNING' THEN NULL ELSE now() END, ?3, ?4,
                        CAST(?5 AS jsonb), CAST(?6 AS jsonb), CAST(?7 AS jsonb), 2, 'gone-node')""")
                .setParameter(1, id).setParameter(2, state).setParameter(3, processed).setParameter(4, total)
                .setParameter(5, detail).setParameter(6, result).setParameter(7, error).executeUpdate());
        return id;
    }

    /**
     * The same keys in the same order at the top level, and the same values (number types included) below it. Inside
     * {@code error} the key order may differ: the row's jsonb orders a problem's keys by length, the record by field.
     */
    private void same(UUID id) throws Exception {
        String now = as("planner").get("/api/jobs/" + id).then().statusCode(200).extract().asString();
        com.fasterxml.jackson.databind.JsonNode was = mapper.readTree(before(id));
        com.fasterxml.jackson.databind.JsonNode is = mapper.readTree(now);
        java.util.List<String> wasKeys = new java.util.ArrayList<>();
        java.util.List<String> isKeys = new java.util.ArrayList<>();
        was.fieldNames().forEachRemaining(wasKeys::add);
        is.fieldNames().forEachRemaining(isKeys::add);
        assertEquals(wasKeys, isKeys, now);
        assertEquals(was, is, now);
    }

    @Test
    void aDoneJobWithDetailAndResult() throws Exception {
        same(job("DONE", 1L, 3L, "{\"countsByLevel\": {\"DOOR\": 2, \"none\": 0}, \"phase\": \"writing\"}",
                "{\"applied\": 12, \"ratio\": 0.25, \"dates\": [{\"date\": \"2026-07-01\", \"planId\": null}]}", null));
    }

    @Test
    void aFailedJobWithItsProblem() throws Exception {
        same(job("FAILED", 0L, null, null, null, "{\"type\": \"about:blank\", \"title\": \"导入失败\", \"status\": 422, "
                + "\"detail\": \"第 3 行\", \"instance\": \"/api/jobs/x\", \"errors\": [{\"row\": 3, \"field\": \"lon\", "
                + "\"reason\": \"超出范围\"}, {\"field\": \"kind\", \"reason\": \"必填\"}]}"));
    }

    @Test
    void aRunningJobWithAnEstimateAndAnEmptyDoneOne() throws Exception {
        // 99 of 100 after 80 s: an estimate of 1 s, the same for both renderings however slow the machine
        same(job("RUNNING", 99L, 100L, "{\"date\": \"2026-07-02\", \"dateIndex\": 1, \"dateCount\": 3}", null, null));
        same(job("DONE", 0L, 0L, null, "[]", null));
    }
}
