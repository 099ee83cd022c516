package com.patrolplanner.campaign.routing;

import java.time.Duration;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

/**
 * Solves a {@link RoutingPlan} with Timefold Solver, built programmatically so it runs inside Quarkus or without it.
 *
 * <p>Two phases share the time limit: first {@link HeuristicStartPhase} (regret insertion, then removal of whole
 * routes while vehicles cost something) for at most {@code startShare} of the time, then Timefold's local search with
 * nearby selection on the list moves, which polishes distance at the fleet size reached (fewer vehicles is on the
 * medium level, so it never trades a vehicle for distance).
 */
public final class RoutingSolver {

    /** Share of the time limit the start phase may spend removing routes. */
    public static final double DEFAULT_START_SHARE = 0.6;

    private final Duration timeLimit;
    private final long seed;
    private final double startShare;

    public RoutingSolver(Duration timeLimit, long seed, double startShare) {
        this.timeLimit = timeLimit;
        this.seed = seed;
        this.startShare = startShare;
    }

    public RoutingSolver(Duration timeLimit) {
        this(timeLimit, 0L, DEFAULT_START_SHARE);
    }

    public RoutingPlan solve(RoutingPlan problem) {
        Solver<RoutingPlan> solver = SolverFactory.<RoutingPlan>create(config()).buildSolver();
        return solver.solve(problem);
    }

    SolverConfig config() {
        long startMillis = Math.max(1L, (long) (timeLimit.toMillis() * startShare));
        CustomPhaseConfig start = new CustomPhaseConfig()
                .withCustomPhaseCommands(new HeuristicStartPhase(seed))
                .withTerminationConfig(new TerminationConfig().withMillisecondsSpentLimit(startMillis));
        LocalSearchPhaseConfig polish = new LocalSearchPhaseConfig();
        return new SolverConfig()
                .withSolutionClass(RoutingPlan.class)
                .withEntityClasses(Vehicle.class, Visit.class)
                .withConstraintProviderClass(RoutingConstraintProvider.class)
                .withRandomSeed(seed)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(timeLimit))
                .withPhases(start, polish);
    }
}
