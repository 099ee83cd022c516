package com.patrolplanner.campaign.routing;

/**
 * Floating-point slack for time comparisons. Arrival times are sums of unrounded travel times, so two correct
 * computations in a different order may differ in the last bits; a window is violated only beyond this slack.
 */
public final class RoutingTolerance {

    /** Slack used by the score and by the {@link FeasibilityChecker}. */
    public static final double TIME_EPSILON = 1e-6;

    /** Stricter slack used by the construction and search heuristics, so what they accept always passes the checker. */
    static final double SEARCH_EPSILON = 1e-7;

    private RoutingTolerance() {
    }
}
