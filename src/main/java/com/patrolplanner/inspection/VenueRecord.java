package com.patrolplanner.inspection;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A venue's inspection record as seen at its door (检查记录摘要): every team's checks of it, newest first, so that a
 * repeat offender is visible to whoever stands there. Officer names and free-text notes are the inspecting team's:
 * a team leader sees them on the own team's records only ({@code officers} and {@code notes} are null on others').
 *
 * <p>Open cases and rectification deadlines are not kept by the service yet (no case register exists): an entry
 * carries its enforcement actions ({@code rectification_order}, {@code case_filed}) and {@code cases} says so.
 *
 * @param inspections how many inspections the venue has had
 * @param withViolations how many of them found a violation
 * @param lastInspectedAt the newest inspection, null when never inspected
 * @param lastViolationAt the newest inspection that found a violation
 * @param entries the newest inspections (at most the limit asked for)
 * @param cases what is known of cases: always the note that the case register does not exist yet
 */
public record VenueRecord(long venueId, int inspections, int withViolations, OffsetDateTime lastInspectedAt,
        OffsetDateTime lastViolationAt, List<Entry> entries, String cases) {

    public static final String NO_CASE_REGISTER = "no case register yet: open cases and rectification deadlines are not "
            + "recorded; see each entry's actions";

    /** One inspection: when, by which team, what was found and done; officers and notes only for the own team. */
    public record Entry(long id, OffsetDateTime inspectedAt, Long teamId, String teamName, boolean ownTeam,
            String outcome, List<InspectionView.Violation> violations, List<String> actions,
            List<InspectionView.Officer> officers, String notes) {
    }
}
