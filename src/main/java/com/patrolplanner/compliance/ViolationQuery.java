package com.patrolplanner.compliance;

import java.time.LocalDate;

/**
 * What a violations scan covers: venues whose district starts with {@code district}'s prefix (370000 → all of
 * Shandong), of {@code category}, under the rule {@code ruleCode}, on {@code date}; any filter may be null. {@code live}
 * computes the verdicts afresh with the ST_DWithin join instead of reading {@code venue_verdict}; both give the same rows.
 */
public record ViolationQuery(String district, String category, String ruleCode, LocalDate date, boolean live) {
}
