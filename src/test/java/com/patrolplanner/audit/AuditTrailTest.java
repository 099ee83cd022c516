package com.patrolplanner.audit;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditTrailTest {
    @Inject
    EntityManager em;

    @Test
    void editsAreAuditedAndTheChainVerifies() {
        int id = as("planner").contentType(ContentType.JSON).body(Map.of("name", "审计书店", "category", "出版物"))
                .post("/api/venues").then().statusCode(201).extract().path("id");
        as("admin").queryParam("entityType", "venue").queryParam("entityId", String.valueOf(id)).get("/api/audit")
                .then().statusCode(200).body("action", hasItem("create")).body("[0].actor", equalTo("planner"));
        as("admin").get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
        as("planner").get("/api/audit").then().statusCode(403);
    }

    @Test
    void theTrailRefusesUpdatesAndDetectsTampering() {
        as("planner").contentType(ContentType.JSON).body(Map.of("name", "篡改测试", "category", "网吧"))
                .post("/api/venues").then().statusCode(201);
        long seq = QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT max(seq) FROM audit_log").getSingleResult()).longValue());
        // an ordinary UPDATE is refused by the append-only trigger
        org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("UPDATE audit_log SET actor = 'mallory' WHERE seq = " + seq).executeUpdate()));
        // a superuser who bypasses the trigger is caught by the hash chain
        String original = QuarkusTransaction.requiringNew().call(() ->
                (String) em.createNativeQuery("SELECT actor FROM audit_log WHERE seq = " + seq).getSingleResult());
        tamper(seq, "mallory");
        try {
            as("admin").get("/api/audit/verify").then().statusCode(200)
                    .body("intact", equalTo(false)).body("firstBroken", equalTo((int) seq));
        } finally {
            tamper(seq, original);
        }
        as("admin").get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    private void tamper(long seq, String actor) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update").executeUpdate();
            em.createNativeQuery("UPDATE audit_log SET actor = ?1 WHERE seq = ?2").setParameter(1, actor).setParameter(2, seq).executeUpdate();
            em.createNativeQuery("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update").executeUpdate();
        });
    }
}
