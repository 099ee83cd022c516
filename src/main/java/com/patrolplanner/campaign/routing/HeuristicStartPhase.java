package com.patrolplanner.campaign.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;

/**
 * The first Timefold phase: builds a plan with {@link RegretInsertion} (keeping the feasible part of routes already
 * in the working solution, e.g. when re-planning), then, if vehicles cost something, removes whole routes with
 * {@link RouteMinimizer} until its time share is up or the load limits allow no fewer routes, then shortens the routes
 * with {@link StringRemovalSearch} until the phase ends (with two processors the two run side by side:
 * {@link ConcurrentStart}). The result is written back to the working solution through
 * the score director, so Timefold's local search continues from it.
 *
 * <p>Models built on the core (campaigns) pass their {@link RoutingRules}; with {@code constructionOnly} the phase
 * stops after the insertion, so that Timefold publishes a first plan at once and a second command improves it.
 */
final class HeuristicStartPhase implements PhaseCommand<RoutingPlan> {

    static final String VISITS = "visits";

    private final long seed;
    private final long routeMinimisationNanos;
    private final long phaseNanos;
    private final RoutingRules rules;
    private final boolean constructionOnly;

    /**
     * @param routeMinimisationNanos the most time spent removing routes
     * @param phaseNanos the phase's whole time limit; what route removal leaves goes to {@link StringRemovalSearch}
     */
    HeuristicStartPhase(long seed, long routeMinimisationNanos, long phaseNanos) {
        this(seed, routeMinimisationNanos, phaseNanos, RoutingRules.CORE, false);
    }

    HeuristicStartPhase(long seed, long routeMinimisationNanos, long phaseNanos, RoutingRules rules,
            boolean constructionOnly) {
        this.seed = seed;
        this.routeMinimisationNanos = routeMinimisationNanos;
        this.phaseNanos = phaseNanos;
        this.rules = rules;
        this.constructionOnly = constructionOnly;
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<RoutingPlan> scoreDirector, BooleanSupplier isPhaseTerminated) {
        RoutingPlan plan = scoreDirector.getWorkingSolution();
        if (plan.getVisits().isEmpty() || plan.getVehicles().isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        RoutingArrays arrays = new RoutingArrays(plan, rules);
        RouteState state = read(plan, arrays);
        if (state == null) {
            return; // a done or pinned stop no longer fits its route: leave the plan to the score-driven search
        }
        SplittableRandom random = new SplittableRandom(seed);
        new RegretInsertion(state).run();
        trace("construction", state, t0);
        if (constructionOnly) {
            write(state, plan, scoreDirector);
            return;
        }
        boolean fleetCosts = plan.getVehicles().stream().anyMatch(v -> v.getUsageCost() > 0);
        if (fleetCosts && state.unplannedCount() == 0
                && ConcurrentStart.applies(arrays, routeMinimisationNanos)) {
            long iterations = ConcurrentStart.run(arrays, state, random, loadLowerBound(arrays), t0,
                    routeMinimisationNanos, t0 + phaseNanos, isPhaseTerminated);
            trace("string removal (" + iterations + " iterations)", state, t0);
            write(state, plan, scoreDirector);
            return;
        }
        if (fleetCosts && state.unplannedCount() == 0) {
            new RouteMinimizer(arrays, random).run(state, loadLowerBound(arrays), t0, routeMinimisationNanos,
                    isPhaseTerminated);
            trace("route minimisation", state, t0);
        }
        StringRemovalSearch sisr = new StringRemovalSearch(arrays, random);
        sisr.run(state, t0 + phaseNanos, isPhaseTerminated);
        trace("string removal (" + sisr.iterations() + " iterations)", state, t0);
        write(state, plan, scoreDirector);
    }

    /** With {@code -Drouting.trace=true}, prints the progress of the phase on standard error. */
    static void trace(String step, RouteState state, long t0) {
        if (Boolean.getBoolean("routing.trace")) {
            System.err.printf(java.util.Locale.ROOT, "[routing] %s: %d routes, distance %.2f, %d unplanned, %.1f s%n",
                    step, state.usedRoutes(), state.totalDistance(), state.unplannedCount(),
                    (System.nanoTime() - t0) / 1e9);
        }
    }

    /** The fewest routes the load limits allow, with the largest vehicles. */
    static int loadLowerBound(RoutingArrays a) {
        long demand = Arrays.stream(a.demand).asLongStream().sum();
        int[] capacities = a.capacity.clone();
        Arrays.sort(capacities);
        int routes = 0;
        for (int k = capacities.length - 1; k >= 0 && demand > 0; k--) {
            demand -= capacities[k];
            routes++;
        }
        return Math.max(1, routes);
    }

    /**
     * The routes of the working solution, keeping only what is feasible: a visit that breaks its route, or whose group
     * is already served, is dropped. Null when a fixed visit would have to be dropped.
     */
    static RouteState read(RoutingPlan plan, RoutingArrays arrays) {
        RouteState state = new RouteState(arrays);
        List<Visit> visits = plan.getVisits();
        java.util.Map<Visit, Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < visits.size(); i++) {
            index.put(visits.get(i), i);
        }
        for (int r = 0; r < arrays.vehicleCount; r++) {
            for (Visit visit : plan.getVehicles().get(r).getVisits()) {
                int v = index.get(visit);
                if (state.canInsert(v, r, state.len[r]) && !state.groupServed(v)) {
                    state.insert(v, r, state.len[r]);
                } else if (arrays.fixed[v] >= 0) {
                    return null;
                }
            }
        }
        return state;
    }

    static void write(RouteState state, RoutingPlan plan, ScoreDirector<RoutingPlan> director) {
        List<Visit> visits = plan.getVisits();
        for (Vehicle vehicle : plan.getVehicles()) {
            List<Visit> list = vehicle.getVisits();
            if (list.isEmpty()) {
                continue;
            }
            List<Visit> old = new ArrayList<>(list);
            for (Visit visit : old) {
                director.beforeListVariableElementUnassigned(vehicle, VISITS, visit);
            }
            director.beforeListVariableChanged(vehicle, VISITS, 0, old.size());
            list.clear();
            for (Visit visit : old) {
                director.afterListVariableElementUnassigned(vehicle, VISITS, visit);
            }
            director.afterListVariableChanged(vehicle, VISITS, 0, 0);
        }
        for (int r = 0; r < state.a.vehicleCount; r++) {
            if (state.len[r] == 0) {
                continue;
            }
            Vehicle vehicle = plan.getVehicles().get(r);
            List<Visit> route = new ArrayList<>(state.len[r]);
            for (int i = 0; i < state.len[r]; i++) {
                route.add(visits.get(state.seq[r][i]));
            }
            for (Visit visit : route) {
                director.beforeListVariableElementAssigned(vehicle, VISITS, visit);
            }
            director.beforeListVariableChanged(vehicle, VISITS, 0, 0);
            vehicle.getVisits().addAll(route);
            for (Visit visit : route) {
                director.afterListVariableElementAssigned(vehicle, VISITS, visit);
            }
            director.afterListVariableChanged(vehicle, VISITS, 0, route.size());
        }
        director.triggerVariableListeners();
    }
}
