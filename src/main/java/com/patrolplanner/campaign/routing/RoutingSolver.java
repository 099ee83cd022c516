package com.patrolplanner.campaign.routing;

import java.time.Duration;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListRuinRecreateMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListSwapMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.SubListChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.SubListSwapMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.kopt.KOptListMoveSelectorConfig;
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
    public static final double DEFAULT_ROUTE_MINIMISATION_SHARE = 0.5;
    /** Share of the time limit of the whole start phase (route removal, then ruin-and-recreate on distance). */
    static final double START_PHASE_SHARE = 0.9;

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

    SolverConfig config() {
        long startMillis = Math.max(1L, (long) (timeLimit.toMillis() * START_PHASE_SHARE));
        long routeMinimisationNanos = (long) (timeLimit.toNanos() * startShare);
        CustomPhaseConfig start = new CustomPhaseConfig()
                .withCustomPhaseCommands(new HeuristicStartPhase(seed, routeMinimisationNanos,
                        startMillis * 1_000_000L))
                .withTerminationConfig(new TerminationConfig().withMillisecondsSpentLimit(startMillis));
        LocalSearchPhaseConfig polish = new LocalSearchPhaseConfig();
        if ("rr".equals(System.getProperty("routing.polish"))) {
            polish.withMoveSelectorConfig(new UnionMoveSelectorConfig().withMoveSelectors(
                    new ListChangeMoveSelectorConfig(),
                    new ListSwapMoveSelectorConfig(),
                    new SubListChangeMoveSelectorConfig().withSelectReversingMoveToo(true),
                    new SubListSwapMoveSelectorConfig(),
                    new KOptListMoveSelectorConfig(),
                    new ListRuinRecreateMoveSelectorConfig()));
        }
        return new SolverConfig()
                .withSolutionClass(RoutingPlan.class)
                .withEntityClasses(Vehicle.class, Visit.class)
                .withConstraintProviderClass(RoutingConstraintProvider.class)
                .withRandomSeed(seed)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(timeLimit))
                .withPhases(start, polish);
    }
}
