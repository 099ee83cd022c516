package com.patrolplanner.reliability;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Issue #9 (faults): the database goes away while the service runs. Meanwhile every request is answered with a
 * 503 problem+json (never a hang or a stack trace); afterwards the service recovers by itself and every write committed
 * before the outage is still there.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnDatabase.class)
@QuarkusTestResource(value = PrivatePostgres.class, restrictToAnnotatedClass = true)
class DatabaseOutageTest {

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.acquisition-timeout", "2S");
        }
    }

    @Test
    void outageGives503ThenRecoversWithoutLosingCommittedWrites() throws Exception {
        int id = as("planner").contentType(ContentType.JSON).body(Map.of("name", "断电前书店", "category", "出版物"))
                .post("/api/venues").then().statusCode(201).extract().path("id");

        PrivatePostgres.stopServer();
        try {
            as("planner").get("/api/venues").then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", notNullValue());
            as("planner").contentType(ContentType.JSON).body(Map.of("name", "断电中书店", "category", "出版物"))
                    .post("/api/venues").then().statusCode(503).contentType("application/problem+json");
            as("planner").get("/q/health/ready").then().statusCode(503);
        } finally {
            PrivatePostgres.startServer();
        }

        // recovers without a restart
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                as("planner").get("/api/venues/" + id).then().statusCode(200));
        as("planner").get("/api/venues/" + id).then().body("properties.name", equalTo("断电前书店"));
        // the write refused during the outage did not half-happen
        as("planner").queryParam("q", "断电中书店").get("/api/venues").then().statusCode(200).body("numberMatched", equalTo(0));
        as("planner").get("/q/health/ready").then().statusCode(200);
    }
}
