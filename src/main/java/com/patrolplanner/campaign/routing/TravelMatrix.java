package com.patrolplanner.campaign.routing;

/**
 * Travel between locations numbered {@code 0 … size()-1}: a team's base and every visit refer to a location by its
 * index. Times are in the plan's time unit (minutes for campaigns; Solomon's abstract unit where time equals distance).
 * Implementations must be immutable and cheap to query: the solver asks millions of times a second.
 */
public interface TravelMatrix {

    int size();

    /** Travel time from one location to another, in the plan's time unit. */
    double travelTime(int from, int to);

    /** Travel distance from one location to another (the soft objective minimises its sum). */
    double distance(int from, int to);
}
