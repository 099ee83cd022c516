package com.patrolplanner.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Leases (README, Cluster): a resumable job whose node stopped renewing its lease is started again by another node, by
 * one node only, and ends DONE there; a live lease is left alone; a job that cannot be started again is FAILED. The
 * "other node" is this JVM taking over under another node name: no second process needed.
 */
@QuarkusTest
class JobTakeoverTest {
    @Inject
    JobService jobs;
    @Inject
    EntityManager em;

    private UUID job(String node, int heartbeatSecondsAgo, String resumer, String args, int attempts, byte[] input) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO job (id, kind, state, owner, node, started_at, heartbeat_at, resumer, resume_args, attempts,
                                 resume_input)
                VALUES (?1, 'test', 'RUNNING', 'planner', ?2, now(), now() - make_interval(secs => ?3), ?4, CAST(?5 AS jsonb),
                        ?6, CAST(?7 AS bytea))""")
                .setParameter(1, id).setParameter(2, node).setParameter(3, heartbeatSecondsAgo).setParameter(4, resumer)
                .setParameter(5, args).setParameter(6, attempts).setParameter(7, input).executeUpdate());
        return id;
    }

    private Object[] row(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "SELECT state, node, attempts, taken_over_from, CAST(result AS text) FROM job WHERE id = ?1")
                .setParameter(1, id).getSingleResult());
    }

    @Test
    void aDeadNodesJobIsTakenOverByOneNodeAndFinishesThere() throws Exception {
        String dead = "dead-node-" + UUID.randomUUID();
        UUID id = job(dead, JobService.STALE_SECONDS + 30, "test-echo", "{\"n\": 21}", 1, new byte[] {1, 2, 3});
        // two runners race for it: the row lock lets exactly one start it
        String b = "node-b-" + UUID.randomUUID();
        String c = "node-c-" + UUID.randomUUID();
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> f = two.invokeAll(List.<Callable<Integer>>of(() -> jobs.takeOver(b), () -> jobs.takeOver(c)));
            f.get(0).get();
            f.get(1).get();
        } finally {
            two.shutdown();
        }
        assertEquals("DONE", jobs.await(id, Duration.ofSeconds(20)).state());
        Object[] r = row(id);
        assertTrue(r[1].equals(b) || r[1].equals(c), "ran on a taking node: " + r[1]);
        assertEquals(2, ((Number) r[2]).intValue(), "started twice in all: the first run and one take-over");
        assertEquals(dead, r[3]);
        assertTrue(((String) r[4]).replace(" ", "").contains("\"doubled\":42"), (String) r[4]);
        assertTrue(((String) r[4]).replace(" ", "").contains("\"inputBytes\":3"), (String) r[4]);
    }

    @Test
    void aLiveLeaseIsLeftAloneAndJobsThatCannotStartAgainFail() {
        UUID live = job("busy-node-" + UUID.randomUUID(), 2, "test-echo", "{\"n\": 1}", 1, null);
        UUID plain = job("gone-node-" + UUID.randomUUID(), JobService.STALE_SECONDS + 30, null, null, 1, null);
        UUID tired = job("gone-node-" + UUID.randomUUID(), JobService.STALE_SECONDS + 30, "test-echo", "{\"n\": 1}",
                JobService.MAX_ATTEMPTS, null);
        UUID unknown = job("gone-node-" + UUID.randomUUID(), JobService.STALE_SECONDS + 30, "no-such-resumer", "{}", 1, null);
        jobs.takeOver("node-d-" + UUID.randomUUID());
        assertEquals("RUNNING", row(live)[0]);
        assertEquals(1, ((Number) row(live)[2]).intValue());
        assertEquals("FAILED", row(plain)[0], "no resumer: interrupted");
        assertEquals("FAILED", row(tired)[0], "started " + JobService.MAX_ATTEMPTS + " times already");
        assertEquals("FAILED", row(unknown)[0], "a resumer this node does not have");
    }
}
