package com.patrolplanner.jobs;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A cancel works on whichever node runs the job (README, Cluster): DELETE /api/jobs/{id} records it in the job row,
 * and the running node reads it from there. The other node is played by SQL: it writes the row as the other process's
 * JobService would (its in-memory flags are not this JVM's), or holds a RUNNING row under another node's name.
 */
@QuarkusTest
class JobCancelAcrossNodesTest {
    @Inject
    JobService jobs;
    @Inject
    EntityManager em;

    private Object[] row(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "SELECT state, cancel_requested_at FROM job WHERE id = ?1").setParameter(1, id).getSingleResult());
    }

    private UUID runningElsewhere(String state) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO job (id, kind, state, owner, node, started_at, heartbeat_at, finished_at)
                VALUES (?1, 'test', ?2, 'planner', ?3, now(), now(), CASE WHEN ?2 = 'RUNNING' THEN NULL ELSE now() END)""")
                .setParameter(1, id).setParameter(2, state).setParameter(3, "other-node-" + UUID.randomUUID())
                .executeUpdate());
        return id;
    }

    @Test
    void aCancelRecordedByAnotherNodeStopsTheJobRunningHere() throws Exception {
        // a job that runs until it is told to stop (at most 60 s, so that a broken cancel fails the test, not the suite)
        UUID id = jobs.submit("test-until-cancelled", "planner", p -> {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            long rounds = 0;
            while (!p.cancelled() && System.nanoTime() < end) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                rounds++;
            }
            return java.util.Map.of("rounds", rounds);
        });
        // the other node's DELETE: it writes the request into the row (this node's memory knows nothing of it)
        int asked = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "UPDATE job SET cancel_requested_at = now() WHERE id = ?1 AND state IN ('QUEUED','RUNNING')")
                .setParameter(1, id).executeUpdate());
        assertEquals(1, asked, "the job was still open");
        JobStatus s = jobs.await(id, Duration.ofSeconds(30));
        assertEquals("CANCELLED", s.state(), "stopped through the row, well before its 60 s");
        assertEquals("CANCELLED", row(id)[0]);
    }

    @Test
    void aJobOfAnotherNodeIsCancelledThroughTheApi() {
        UUID id = runningElsewhere("RUNNING");
        assertNull(row(id)[1]);
        as("planner").delete("/api/jobs/" + id).then().statusCode(202);
        Object[] r = row(id);
        assertNotNull(r[1], "the request is in the row, where the node running the job reads it");
        assertEquals("RUNNING", r[0], "the other node stops it; this one only records the request");
    }

    @Test
    void aFinishedJobCannotBeCancelledAndAnUnknownOneIsNotFound() {
        UUID done = runningElsewhere("DONE");
        as("planner").header("Accept-Language", "en").delete("/api/jobs/" + done).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("DONE"));
        assertNull(row(done)[1], "nothing recorded for a job that has ended");
        as("planner").delete("/api/jobs/" + UUID.randomUUID()).then().statusCode(404);
        assertEquals(JobService.Cancel.UNKNOWN, jobs.cancel(UUID.randomUUID()));
    }

    @Test
    void aCancelledJobWhoseNodeDiedIsNotStartedAgain() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO job (id, kind, state, owner, node, started_at, heartbeat_at, resumer, resume_args,
                                 cancel_requested_at)
                VALUES (?1, 'test', 'RUNNING', 'planner', ?2, now(), now() - make_interval(secs => ?3), 'test-echo',
                        CAST('{"n": 2}' AS jsonb), now())""")
                .setParameter(1, id).setParameter(2, "dead-node-" + UUID.randomUUID())
                .setParameter(3, JobService.STALE_SECONDS + 30).executeUpdate());
        jobs.takeOver("node-e-" + UUID.randomUUID());
        assertEquals("CANCELLED", row(id)[0], "asked to stop before its node died: not run again");
    }
}
