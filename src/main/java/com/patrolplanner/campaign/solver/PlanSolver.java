package com.patrolplanner.campaign.solver;

import com.patrolplanner.campaign.routing.RoutingPlan;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** "Solve this problem, report best plans": what the campaign capability needs from a routing solver. */
public interface PlanSolver {

    /**
     * Solves until {@code limit} passes or {@code stop} turns true, calling {@code onBest} with every new best plan
     * (a copy the caller may keep), and returns the best plan found with its score set.
     */
    RoutingPlan solve(CampaignProblem problem, Duration limit, Consumer<RoutingPlan> onBest, BooleanSupplier stop);

    /**
     * As {@link #solve}, but from the routes already in the problem's plan (a best plan so far seeded back after a
     * node died): the search improves it rather than building a new one.
     */
    default RoutingPlan solveFrom(CampaignProblem problem, Duration limit, Consumer<RoutingPlan> onBest, BooleanSupplier stop) {
        return solve(problem, limit, onBest, stop);
    }

    /** Scores a plan and explains every constraint match. */
    Explanation explain(RoutingPlan plan);

    /** The plan scored by the routing core's constraints only. */
    String coreScore(RoutingPlan plan);

    record Match(String constraint, String level, long score, String team, String visit, String why) {
    }

    record Explanation(String score, boolean feasible, java.util.List<Match> matches) {
    }
}
