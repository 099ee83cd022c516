package com.patrolplanner.registry;

/**
 * Whether a team has a stop at a venue in a joint campaign (联合行动) it is sent on: the one way a team leader reaches a
 * venue outside the own unit (属地管理), to read its record at the door and record the inspection there. The campaign
 * capability answers (it owns the plans); the registry and inspection capabilities below it ask, without knowing
 * campaigns.
 */
public interface JointStops {
    /** True when team {@code teamId} has a planned stop at venue {@code venueId} in a campaign the team is sent on. */
    boolean teamHasStop(long teamId, long venueId);
}
