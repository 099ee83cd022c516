package com.patrolplanner.complaint;

import java.time.OffsetDateTime;

/**
 * A complaint as shown. {@code reporterName} and {@code reporterContact} are masked ({@code contactMasked}) for every
 * role but planners and administrators. {@code overdue}: the current stage's deadline {@code dueAt} (set by rule
 * {@code dueRule}) has passed and the complaint is not closed or declined.
 */
public record ComplaintView(long id, Long unitId, String source, String sourceName, String referredBy,
        OffsetDateTime receivedAt, Long venueId, String venueName, String address, Double lon, Double lat,
        String geocodeLevel, String category, String content, String reporterName, String reporterContact,
        boolean contactMasked, String state, String stateName, String declineReason, Long teamId, String teamName,
        OffsetDateTime deadline, OffsetDateTime dueAt, String dueRule, boolean overdue, Long inspectionId,
        Long campaignId, Long planStopId, String result, String reply, OffsetDateTime acceptedAt,
        OffsetDateTime dispatchedAt, OffsetDateTime verifiedAt, OffsetDateTime closedAt, Boolean closedOnTime,
        boolean synthetic, String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt, int version) {
}
