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
 * <p>Two phases share the time limit. First {@link HeuristicStartPhase}, a Timefold custom phase, for 95 % of it:
 * regret insertion, then removal of whole routes (while vehicles cost something) for about {@code startShare} of the
 * time, then string-removal ruin-and-recreate on distance at the fleet reached. With two processors or more the route
 * removal runs on a second thread beside the distance search, for longer ({@link ConcurrentStart}). Then Timefold's
 * default local search on the list variable, scored by {@link RoutingConstraintProvider}, for the rest: it verifies the plan's score and
 * polishes it (fewer vehicles is on the medium level, so it never trades a vehicle for distance). Timefold's nearby
 * selection would help that last phase but needs the Enterprise Edition in 1.32.
 */
public final class RoutingSolver {

    /** Share of the time limit the start phase may spend removing routes. */
    public static final double DEFAULT_ROUTE_MINIMISATION_SHARE = 0.4;
    /** Share of the time limit of the whole start phase (route removal, then ruin-and-recreate on distance). */
    static final double START_PHASE_SHARE = Double.parseDouble(System.getProperty("routing.startShare", "0.95"));

    private final Duration timeLimit;
    private final long seed;
    private final double startShare;

    public RoutingSolver(Duration timeLimit, long seed, double startShare) {
        this.timeLimit = timeLimit;
        this.seed = seed;
        this.startShare = startShare;
    }

    public RoutingSolver(Duration timeLimit) {
        this(timeLimit, 0L, DEFAULT_ROUTE_MINIMISATION_SHARE);
    }

    public RoutingPlan solve(RoutingPlan problem) {
        Solver<RoutingPlan> solver = SolverFactory.<RoutingPlan>create(config()).buildSolver();
        if (Boolean.getBoolean("routing.trace")) {
            long t0 = System.nanoTime();
            solver.addEventListener(event -> System.err.printf(java.util.Locale.ROOT, "[routing] best %s at %.1f s%n",
                    event.getNewBestScore(), (System.nanoTime() - t0) / 1e9));
        }
        return solver.solve(problem);
    }

    /**
     * The core's search as a Timefold custom phase for a model built on the core (campaigns): regret insertion as a
     * first step, so a first plan is published at once, then string-removal ruin-and-recreate under the model's
     * {@link RoutingRules} until {@code limit}. No route removal: such models are given their fleet.
     */
    public static CustomPhaseConfig heuristicPhase(RoutingRules rules, long seed, Duration limit) {
        return new CustomPhaseConfig()
                .withCustomPhaseCommands(new HeuristicStartPhase(seed, 0L, 0L, rules, true),
                        new HeuristicStartPhase(seed, 0L, limit.toNanos(), rules, false))
                .withTerminationConfig(new TerminationConfig().withSpentLimit(limit));
    }

    SolverConfig config() {
        long startMillis = Math.max(1L, (long) (timeLimit.toMillis() * START_PHASE_SHARE));
        long routeMinimisationNanos = (long) (timeLimit.toNanos() * startShare);
        CustomPhaseConfig start = new CustomPhaseConfig()
                .withCustomPhaseCommands(new HeuristicStartPhase(seed, routeMinimisationNanos,
                        startMillis * 1_000_000L))
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
