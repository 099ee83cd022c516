package com.patrolplanner.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A resumable job (an import, a batch geocoding, a solve) whose run fails because the database went away under it (the
 * primary restarted: SQLState 57P01, as {@code ./planner bench failover} does to a running import) is left RUNNING for a
 * take-over, not FAILED, and the take-over finishes it; a job that cannot be started again, or a resumable one failing
 * for another reason, still ends FAILED at once.
 */
@QuarkusTest
class JobDatabaseLossTest {
    @Inject
    JobService jobs;
    @Inject
    EntityManager em;

    private Object[] row(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "SELECT state, node, attempts, taken_over_from, CAST(result AS text), finished_at FROM job WHERE id = ?1")
                .setParameter(1, id).getSingleResult());
    }

    /** What the JDBC driver throws when the primary is shut down under a statement, wrapped as Hibernate would. */
    private static RuntimeException primaryRestarted() {
        return new jakarta.persistence.PersistenceException("could not execute statement",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
    }

    /** The job's end as its runner sees it: until its thread has ended (the finished job leaves the running map). */
    private void waitUntilEnded(UUID id) throws InterruptedException {
        for (int i = 0; i < 200 && jobs.runningHere(id); i++) {
            Thread.sleep(25);
        }
        assertTrue(!jobs.runningHere(id), "the run ended");
    }

    @Test
    void aResumableJobCutByTheDatabaseIsTakenOverNotFailed() throws Exception {
        UUID id = jobs.submit("test", "planner", new JobService.Resume("test-echo", new EchoResumer.Args(21), new byte[] {9}),
                p -> {
                    throw primaryRestarted();
                });
        waitUntilEnded(id);
        Object[] r = row(id);
        assertEquals("RUNNING", r[0], "left open for a take-over, not FAILED");
        assertNull(r[5], "not finished");
        // its node no longer renews the lease: once it ran out, a node's sweep starts the job again and it ends DONE
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE job SET heartbeat_at = now() - make_interval(secs => ?2) WHERE id = ?1")
                .setParameter(1, id).setParameter(2, JobService.STALE_SECONDS + 30).executeUpdate());
        String other = "node-after-restart-" + UUID.randomUUID();
        assertTrue(jobs.takeOver(other) >= 1);
        assertEquals("DONE", jobs.await(id, Duration.ofSeconds(20)).state());
        r = row(id);
        assertEquals(other, r[1]);
        assertEquals(2, ((Number) r[2]).intValue(), "the first run and the take-over");
        assertTrue(((String) r[4]).replace(" ", "").contains("\"doubled\":42"), (String) r[4]);
    }

    @Test
    void otherFailuresStillFailAtOnce() throws Exception {
        UUID plain = jobs.submit("test", "planner", null, p -> {
            throw primaryRestarted();
        });
        UUID broken = jobs.submit("test", "planner", new JobService.Resume("test-echo", new EchoResumer.Args(1), null), p -> {
            throw new IllegalStateException("a bug, not the database");
        });
        assertEquals("FAILED", jobs.await(plain, Duration.ofSeconds(20)).state(), "nothing could start it again");
        assertEquals("FAILED", jobs.await(broken, Duration.ofSeconds(20)).state(), "running it again would fail the same way");
    }
}
