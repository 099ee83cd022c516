package com.patrolplanner.inspection;

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
}
