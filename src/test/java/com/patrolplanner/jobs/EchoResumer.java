package com.patrolplanner.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/** A resumable job kind for {@link JobTakeoverTest}: doubles its argument {@code n} and says how many input bytes it got. */
@ApplicationScoped
public class EchoResumer implements JobService.Resumer {
    @Override
    public String name() {
        return "test-echo";
    }

    @Override
    public JobService.Body resume(UUID jobId, JsonNode args, byte[] input) {
        long n = args.get("n").asLong();
        return p -> Map.of("doubled", 2 * n, "inputBytes", input == null ? 0 : input.length);
    }
}
