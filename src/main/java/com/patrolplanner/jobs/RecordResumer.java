package com.patrolplanner.jobs;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.UUID;

/**
 * A {@link JobService.Resumer} whose stored arguments are a record: the job row's JSON is read back into
 * {@code argsType()} here, once, and the kind's {@link #resume(UUID, Object, byte[])} sees only the record (the JSON stays
 * at the jobs table, its edge). The record is what the kind passed as {@link JobService.Resume#args()}.
 */
public abstract class RecordResumer<A> implements JobService.Resumer {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false).build();

    /** The record the arguments were stored from. */
    protected abstract Class<A> argsType();

    /** The body that runs the job {@code jobId} again from its arguments and stored input. */
    protected abstract JobService.Body resume(UUID jobId, A args, byte[] input) throws Exception;

    @Override
    public JobService.Body resume(UUID jobId, JsonNode args, byte[] input) throws Exception {
        return resume(jobId, JSON.treeToValue(args, argsType()), input);
    }
}
