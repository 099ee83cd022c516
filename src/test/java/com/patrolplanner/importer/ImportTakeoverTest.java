package com.patrolplanner.importer;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.patrolplanner.jobs.JobService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An import whose node died before it committed is run again, from the start, by the node that takes its job over
 * (README, Cluster): the stored upload is imported once, whole, with its audit records, and the job ends DONE.
 */
@QuarkusTest
class ImportTakeoverTest {
    @Inject
    EntityManager em;
    @Inject
    JobService jobs;

    private long count(String sql, String arg) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter(1, arg)
                .getSingleResult()).longValue());
    }

    @Test
    void aDeadNodesImportIsRunAgainWholeByTheNodeTakingItOver() throws Exception {
        String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String csv = "许可证号,名称,类别,地址,经度,纬度\n"
                + "TK-" + run + "-1,接管网咖,网吧,潍坊市奎文区胜利东街3号,119.1201,36.7011\n"
                + "TK-" + run + "-2,接管书店,出版物,潍坊市奎文区东风东街4号,119.1302,36.7022\n";
        byte[] gbk = csv.getBytes(Charset.forName("GBK"));
        UUID dead = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO job (id, kind, state, owner, node, started_at, heartbeat_at, resumer, resume_args, resume_input)
                VALUES (?1, 'import:venues', 'RUNNING', 'planner', ?2, now(), now() - interval '5 minutes', 'import',
                        CAST(?3 AS jsonb), ?4)""")
                .setParameter(1, dead).setParameter(2, "dead-node-" + dead)
                .setParameter(3, "{\"kind\":\"venues\",\"filename\":\"场所.csv\",\"datum\":\"WGS84\",\"mapping\":null,"
                        + "\"user\":\"planner\",\"options\":{}}")
                .setParameter(4, gbk).executeUpdate());
        jobs.takeOver("node-b-" + dead);
        assertEquals("DONE", jobs.await(dead, Duration.ofSeconds(60)).state());
        as("planner").get("/api/jobs/" + dead).then().statusCode(200).body("result.imported", equalTo(2));
        assertEquals(2, count("SELECT count(*) FROM venue WHERE licence_no LIKE ?1", "TK-" + run + "-%"));
        assertEquals(2, count("SELECT count(*) FROM change_history h JOIN venue v ON v.id = h.entity_id "
                + "AND h.entity_type = 'venue' WHERE v.licence_no LIKE ?1", "TK-" + run + "-%"), "one history row per imported venue");
        as("admin").get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }
}
