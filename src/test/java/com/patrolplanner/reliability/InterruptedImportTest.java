package com.patrolplanner.reliability;

import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Issue #9 (faults): an import stopped in the middle of its file leaves nothing behind. */
@QuarkusTest
class InterruptedImportTest {

    @Test
    void anImportCancelledMidFileWritesNothing() {
        StringBuilder csv = new StringBuilder("licence_no,name,category,address,lon,lat\n");
        // large enough that the set-based import (issue 18) is still at work when the cancel arrives
        for (int i = 0; i < 30000; i++) {
            csv.append("INTR-").append(i).append(",中断测试网吧").append(i).append(",网吧,测试路").append(i).append("号,")
                    .append(119.10 + (i % 100) * 0.0005).append(',').append(36.70 + (i / 100) * 0.0001).append('\n');
        }
        String job = as("planner").multiPart("file", "big.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("kind", "venues").post("/api/imports?async=true").then().statusCode(202).extract().path("jobId");
        // stop it at once: the job is queued or reading (the service registers it before answering 202), and the import
        // checks for a cancel every 1,000 rows and between its set-based phases. Waiting for progress first raced the
        // set-based import (issue 18), which can finish its 30,000 rows before a poll sees any progress
        as("planner").delete("/api/jobs/" + job).then().statusCode(202);
        String[] state = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            state[0] = as("planner").get("/api/jobs/" + job).then().extract().path("state");
            return !state[0].equals("QUEUED") && !state[0].equals("RUNNING");
        });
        assertNotEquals("DONE", state[0], "the import was stopped before its end");
        int matched = as("planner").queryParam("q", "中断测试网吧").get("/api/venues").then().statusCode(200)
                .extract().path("numberMatched");
        assertEquals(0, matched, "no row of the stopped import was kept");
    }
}
