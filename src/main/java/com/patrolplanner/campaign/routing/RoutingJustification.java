package com.patrolplanner.campaign.routing;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/**
 * Why a constraint matched, in words a planner can read: which visit or team, and what went wrong.
 *
 * @param vehicleId the team's vehicle, or null for an unplanned visit
 * @param visitId the visit, or null when the whole route is concerned
 * @param description one sentence, e.g. "service starts 12.5 after due 967.0"
 */
public record RoutingJustification(String vehicleId, String visitId, String description)
        implements ConstraintJustification {
}
