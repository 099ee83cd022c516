package com.patrolplanner.inspection;

import com.patrolplanner.i18n.Messages;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * An inspection as a team leader sends it from the field. {@code officers} are inspector ids (at least two certified,
 * 《行政处罚法》第四十二条); {@code violations} are checklist codes of the venue's category
 * (GET /api/inspections/checklist?category=); {@code seized} counts items by kind; {@code version} is required on PUT.
 */
public record InspectionInput(
        Long venueId,
        OffsetDateTime inspectedAt,
        List<Long> officers,
        String outcome,
        List<String> violations,
        List<String> actions,
        Map<String, Integer> seized,
        String notes,
        Long campaignVisitId,
        Long teamId,
        Integer version) {

    /**
     * Reads a body as the client sends it, or as {@code GET /api/inspections/{id}} returned it (issue 17: a PUT takes what
     * its GET gives): officers as ids or as {@code {"id": …}} objects, violations as codes or as {@code {"code": …}}.
     */
    @JsonCreator
    static InspectionInput read(@JsonProperty("venueId") Long venueId, @JsonProperty("inspectedAt") OffsetDateTime inspectedAt,
            @JsonProperty("officers") List<JsonNode> officers, @JsonProperty("outcome") String outcome,
            @JsonProperty("violations") List<JsonNode> violations, @JsonProperty("actions") List<String> actions,
            @JsonProperty("seized") Map<String, Integer> seized, @JsonProperty("notes") String notes,
            @JsonProperty("campaignVisitId") Long campaignVisitId, @JsonProperty("teamId") Long teamId,
            @JsonProperty("version") Integer version) {
        return new InspectionInput(venueId, inspectedAt, officers == null ? null : officers.stream()
                .map(o -> o == null || o.isNull() ? null : o.isObject() ? longOrNull(o.get("id")) : longOrNull(o)).toList(),
                outcome, violations == null ? null : violations.stream()
                        .map(v -> v == null || v.isNull() ? null : v.isObject() ? textOrNull(v.get("code")) : v.asText()).toList(),
                actions, seized, notes, campaignVisitId, teamId, version);
    }

    private static Long longOrNull(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.canConvertToLong()) {
            // the same message Jackson gives for a non-number, naming the field
            throw new IllegalArgumentException(Messages.of("inspection.officerIds"));
        }
        return n.asLong();
    }

    private static String textOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
