package com.patrolplanner.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/** A resumable job kind for {@link JobTakeoverTest}: doubles its argument {@code n} and says how many input bytes it got. */
@ApplicationScoped
public class EchoResumer implements JobService.TypedResumer<EchoResumer.Args> {
    /** The job's stored arguments. */
    public record Args(long n) {
    }

    @Override
    public String name() {
        return "test-echo";
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public JobService.Body resume(UUID jobId, Args args, byte[] input) {
        return p -> Map.of("doubled", 2 * args.n(), "inputBytes", input == null ? 0 : input.length);
    }
}
