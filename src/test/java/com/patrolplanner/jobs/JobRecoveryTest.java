package com.patrolplanner.jobs;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A job left open by a node that restarted or stopped answering is shown FAILED ("interrupted"), not RUNNING for ever. */
@QuarkusTest
class JobRecoveryTest {
    @Inject
    JobService jobs;
    @Inject
    EntityManager em;

    private UUID openJob(String node, int heartbeatSecondsAgo) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "INSERT INTO job (id, kind, state, owner, node, started_at, heartbeat_at) VALUES (?1, 'test', 'RUNNING', "
                        + "'planner', ?2, now(), now() - make_interval(secs => ?3))")
                .setParameter(1, id).setParameter(2, node).setParameter(3, heartbeatSecondsAgo).executeUpdate());
        return id;
    }

    private String state(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT state FROM job WHERE id = ?1").setParameter(1, id).getSingleResult());
    }

    @Test
    void jobsThisNodeLeftOpenAreFailedWhenItStarts() {
        UUID mine = openJob(jobs.node(), 0);
        UUID other = openJob("another-node-" + UUID.randomUUID(), 0);
        assertTrue(jobs.recoverInterrupted() >= 1);
        assertEquals("FAILED", state(mine));
        assertEquals("RUNNING", state(other), "a live job of another node is left alone");
        as("planner").get("/api/jobs/" + mine).then().statusCode(200).body("state", equalTo("FAILED"))
                .body("error.detail", containsString("已重启")).body("error.title", equalTo("任务中断"));
        as("planner").get("/api/jobs/" + other).then().statusCode(200).body("state", equalTo("RUNNING"));
    }

    @Test
    void aJobWhoseNodeStoppedAnsweringIsFailedWhenRead() {
        UUID stale = openJob("gone-node-" + UUID.randomUUID(), JobService.STALE_SECONDS + 5);
        UUID fresh = openJob("busy-node-" + UUID.randomUUID(), 5);
        as("planner").get("/api/jobs/" + stale).then().statusCode(200).body("state", equalTo("FAILED"))
                .body("error.detail", containsString("已停止响应"));
        as("planner").get("/api/jobs/" + fresh).then().statusCode(200).body("state", equalTo("RUNNING"));
    }

    @Test
    void aRunningJobKeepsItsHeartbeatAndFinishes() throws Exception {
        UUID id = jobs.submit("test", "planner", p -> {
            Thread.sleep(300);
            return java.util.Map.of("ok", true);
        });
        assertEquals(jobs.node(), QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT node FROM job WHERE id = ?1").setParameter(1, id).getSingleResult()));
        assertEquals("DONE", jobs.await(id, Duration.ofSeconds(10)).state());
    }
}
