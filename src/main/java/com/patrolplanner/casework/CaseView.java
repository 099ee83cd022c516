package com.patrolplanner.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A case as the API shows it. {@code decisionDue} is the last day of the 90-day limit ({@link DecisionDeadlineRule},
 * extension included), {@code daysLeft} the days until then while undecided (negative: overdue), {@code overdue} true
 * when undecided past it or decided after it. {@code acts}, {@code penalties} and {@code evidence} are filled on a
 * single case, not in lists.
 */
public record CaseView(long id, String caseNo, Long unitId, Long teamId, Long inspectionId, Long venueId, String venueName,
        String cause, List<String> violations, String state, String stateName, OffsetDateTime filedAt, LocalDate decisionDue,
        Long daysLeft, boolean overdue, int extensionDays, String extensionBy, String extensionReason,
        OffsetDateTime noticedAt, String hearing, OffsetDateTime decidedAt, BigDecimal fineYuan, String execution,
        OffsetDateTime executedAt, OffsetDateTime closedAt, String closingNote, String createdBy, int version,
        Rule deadlineRule, List<Act> acts, List<Penalty> penalties, List<Evidence> evidence) {

    public record Rule(String code, int days, String legalBasis) {
    }

    public record Act(long id, String act, OffsetDateTime at, String recordedBy, String note, List<Officers.Officer> officers) {
    }

    public record Penalty(String kind, String name, BigDecimal amountYuan, String legalArticle) {
    }

    public record Evidence(long id, String description, List<EvidenceFiles.FileView> files) {
    }

    CaseView withDetails(List<Act> a, List<Penalty> p, List<Evidence> e) {
        return new CaseView(id, caseNo, unitId, teamId, inspectionId, venueId, venueName, cause, violations, state, stateName,
                filedAt, decisionDue, daysLeft, overdue, extensionDays, extensionBy, extensionReason, noticedAt, hearing,
                decidedAt, fineYuan, execution, executedAt, closedAt, closingNote, createdBy, version, deadlineRule, a, p, e);
    }
}
