package com.patrolplanner.campaign.domain;

/** A stop of an earlier plan that re-planning keeps on its team at its time: done, or pinned by the planner. */
public record KeptStop(long teamId, int seq, long venueId, String name, String category, String address, double lon,
        double lat, int priority, String zoneKey, double startMinute, boolean done) {
}
