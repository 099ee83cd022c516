package com.patrolplanner.jobs;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.databind.JsonNode;
import com.patrolplanner.web.Problem;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A job as {@code GET /api/jobs/{id}} shows it. The envelope is typed; {@code detail} (the kind's live counters) and
 * {@code result} (the kind's summary) are each job kind's own document, so they stay JSON. The times are the text
 * PostgreSQL writes for them (ISO 8601 with the session's offset) and {@code percent} the numeric it rounds, so the JSON
 * on the wire is the one the job row gives. The entries of {@code detail} are repeated at the top level, after the
 * envelope (clients read {@code countsByLevel}, {@code dateIndex}, … there).
 */
public record JobStatus(UUID id, String kind, String state, long processed, Long total, BigDecimal percent,
        Long etaSeconds, String owner, String createdAt, String startedAt, String finishedAt, JsonNode detail,
        JsonNode result, Problem error, Long unitId, String node, int attempts, String takenOverFrom) {

    /** The states a job ends in. */
    public boolean finished() {
        return !"QUEUED".equals(state) && !"RUNNING".equals(state);
    }

    /** The detail's entries, written at the top level after the envelope. */
    @JsonAnyGetter
    public Map<String, JsonNode> detailEntries() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (detail != null && detail.isObject()) {
            detail.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** A detail counter of the kind (e.g. {@code dateIndex}), or null. */
    public JsonNode detail(String name) {
        JsonNode n = detail == null ? null : detail.get(name);
        return n == null || n.isNull() ? null : n;
    }
}
