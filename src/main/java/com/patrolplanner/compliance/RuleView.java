package com.patrolplanner.compliance;

import com.patrolplanner.time.BureauClock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A rule as the API shows it; {@code inForce} is whether it applies today (China time). */
public record RuleView(String code, String venueCategory, List<String> schoolLevels, Double distanceM,
        String jurisdiction, String legalBasis, String interpretation, String note, LocalDate effectiveFrom,
        LocalDate effectiveTo, boolean inForce, boolean measurable, int version, String updatedBy,
        OffsetDateTime updatedAt) {

    static RuleView of(ComplianceRule r) {
        return new RuleView(r.code, r.venueCategory, List.of(r.schoolLevels), r.distanceM, r.jurisdiction, r.legalBasis,
                r.interpretation, r.note, r.effectiveFrom, r.effectiveTo, r.effectiveOn(BureauClock.today()),
                r.measurable(), r.version, r.updatedBy, r.updatedAt);
    }
}
