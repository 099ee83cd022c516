package com.patrolplanner.complaint;

import java.time.OffsetDateTime;
import java.util.List;

/** Filters of the complaint list and the exports: states, overdue, venue, team, received from/to. */
public record ComplaintFilter(List<String> states, Boolean overdue, Long venueId, Long teamId, OffsetDateTime from,
        OffsetDateTime to) {
}
