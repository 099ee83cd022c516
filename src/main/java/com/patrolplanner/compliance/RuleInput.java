package com.patrolplanner.compliance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A rule as the admin writes it. {@code venueCategory} and {@code schoolLevels} accept codes or Chinese names (网吧, 小学);
 * {@code jurisdiction} is "national" (or 全国) or a six-digit adcode; {@code distanceM} null makes a documented note.
 * {@code effectiveTo} is the first day the rule no longer applies. {@code version} is required on PUT.
 */
public record RuleInput(
        @Size(max = 64) String code,
        @NotBlank String venueCategory,
        List<String> schoolLevels,
        Double distanceM,
        String jurisdiction,
        @NotBlank @Size(max = 4000) String legalBasis,
        @Size(max = 4000) String interpretation,
        @Size(max = 4000) String note,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        Integer version) {
}
