package com.patrolplanner.inspection;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** An inspection as the API returns it: the record, the officers with their certificates, the articles breached. */
public record InspectionView(Long id, Long venueId, String venueName, String category, Long teamId,
        OffsetDateTime inspectedAt, String outcome, List<Violation> violations, List<String> actions,
        Map<String, Integer> seized, List<Officer> officers, int officerCount, String notes, Long campaignVisitId,
        Double lon, Double lat, String district, boolean synthetic, String createdBy, OffsetDateTime createdAt,
        OffsetDateTime updatedAt, OffsetDateTime authorEditableUntil, int version) {

    public record Violation(String code, String name, String legalBasis) {
        static Violation of(ViolationItem v) {
            return new Violation(v.code(), v.zh, v.legalBasis);
        }
    }

    public record Officer(Long id, String name, String certificateNo) {
    }
}
