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
        // large enough that the set-based import (issue 18) is still reading when the cancel arrives on an idle machine
        for (int i = 0; i < 30000; i++) {
            csv.append("INTR-").append(i).append(",中断测试网吧").append(i).append(",网吧,测试路").append(i).append("号,")
                    .append(119.10 + (i % 100) * 0.0005).append(',').append(36.70 + (i / 100) * 0.0001).append('\n');
        }
        String job = as("planner").multiPart("file", "big.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("kind", "venues").post("/api/imports?async=true").then().statusCode(202).extract().path("jobId");
        // once rows are being written, stop it
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Number processed = as("planner").get("/api/jobs/" + job).then().statusCode(200).extract().path("processed");
            return processed != null && processed.longValue() > 0;
        });
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
