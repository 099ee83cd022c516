package com.patrolplanner.complaint;

import java.util.Set;

/**
 * The SQL face of this capability (schema {@code pp}): {@link #OWNED} lists every relation (table or view) it creates and
 * alone may name in SQL; {@link #PUBLISHED} the subset other capabilities may join against. Everything else it stores
 * is private: other capabilities reach it through this capability's service. {@code venue_complaint_count}: per venue,
 * the complaints on file that were not declined (all, last 365 days, open) and the last receipt; the capabilities
 * above (coverage, report) join it. Below this layer the same figure is {@code venue.complaint_count}, which this
 * capability keeps equal to the view's count through {@code RegistryService.setComplaintCount}.
 * {@code work_calendar}: the public holidays and make-up working days the complaint deadlines count working days by
 * (private). Kept true by {@code SqlOwnershipTest}.
 */
public final class ComplaintRelations {
    public static final Set<String> OWNED = Set.of("complaint", "complaint_deadline_rule", "venue_complaint_count",
            "complaint_figure", "work_calendar");
    public static final Set<String> PUBLISHED = Set.of("venue_complaint_count", "complaint_figure");

    private ComplaintRelations() {
    }
}
