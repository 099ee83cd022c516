package com.patrolplanner.campaign.routing;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Route removal and distance search side by side on two threads: {@link RouteMinimizer} works on its own copy of the
 * plan and hands over each plan with a route fewer; {@link StringRemovalSearch} shortens the best plan so far on the
 * calling thread and carries on from a handed-over plan as soon as it sees one. So the distance search is not starved
 * while route removal keeps trying, and route removal may use more of the time than it could if the two took turns
 * (one route fewer outweighs any distance). Once route removal is over, its thread runs a second, independent
 * string-removal search from its own plan, and the better of the two plans is kept. When route removal was quick, that
 * second search starts from a route removal of its own, redone from the constructed plan ({@link #OWN_START}).
 */
final class ConcurrentStart {

    /** Route removal gets this many times the sequential share of the time (it no longer takes it from distance). */
    static final double ROUTE_MINIMISATION_FACTOR = 1.5;
    /**
     * Whether the second search starts from a route removal of its own, redone from the constructed plan, when the
     * first one was quick: with tight loads the plan route removal leaves decides much of where the distance search
     * ends, so the two searches should not start from the same plan.
     */
    static final boolean OWN_START = !"false".equals(System.getProperty("routing.ownStart", "true"));

    private ConcurrentStart() {
    }

    /**
     * Whether to run side by side: more than one processor, route removal given time, and the core model alone (route
     * removal and the choice of the better plan know nothing of optional visits, fixed visits, unusable vehicles or
     * fair workload).
     */
    static boolean applies(RoutingArrays a, long routeMinimisationNanos) {
        if (Runtime.getRuntime().availableProcessors() < 2 || Boolean.getBoolean("routing.sequential")
                || routeMinimisationNanos <= 0 || a.optional || a.fairWorkload) {
            return false;
        }
        for (int f : a.fixed) {
            if (f >= 0) {
                return false;
            }
        }
        for (boolean u : a.usable) {
            if (!u) {
                return false;
            }
        }
        return true;
    }

    /**
     * Leaves in {@code state} the best plan found by {@code deadlineNanos}: fewest routes first, then shortest.
     *
     * @return the string-removal iterations done
     */
    static long run(RoutingArrays arrays, RouteState state, SplittableRandom random, int lowerBound, long t0,
            long routeMinimisationNanos, long deadlineNanos, BooleanSupplier isPhaseTerminated) {
        AtomicReference<RouteState> handedOver = new AtomicReference<>();
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<RouteState> secondResult = new AtomicReference<>();
        RouteState own = state.copy();
        RouteState constructed = state.copy();
        SplittableRandom minimiserRandom = random.split();
        long minimiserNanos = (long) (routeMinimisationNanos * ROUTE_MINIMISATION_FACTOR);
        Thread minimiser = new Thread(() -> {
            new RouteMinimizer(arrays, minimiserRandom)
                    .onFewerRoutes(plan -> {
                        handedOver.set(plan.copy());
                        HeuristicStartPhase.trace("route removed", plan, t0);
                    })
                    .run(own, lowerBound, t0, minimiserNanos, () -> done.get() || System.nanoTime() >= deadlineNanos);
            HeuristicStartPhase.trace("route minimisation", own, t0);
            long removalNanos = System.nanoTime() - t0;
            if (OWN_START && !done.get() && removalNanos < 0.05 * (deadlineNanos - t0)) {
                RouteState other = constructed;
                long begin = System.nanoTime();
                new RouteMinimizer(arrays, minimiserRandom).run(other, own.usedRoutes(), begin,
                        Math.max(2 * removalNanos, 500_000_000L),
                        () -> done.get() || System.nanoTime() >= deadlineNanos);
                if (other.unplannedCount() == 0 && other.usedRoutes() <= own.usedRoutes()) {
                    own.copyFrom(other);
                    HeuristicStartPhase.trace("second route removal", own, t0);
                }
            }
            if (!done.get()) {
                // the second processor would idle: a second, independent distance search from the minimiser's plan
                StringRemovalSearch second = new StringRemovalSearch(arrays, minimiserRandom);
                second.run(own, deadlineNanos, done::get);
                HeuristicStartPhase.trace("second string removal (" + second.iterations() + " iterations)", own,
                        t0);
                secondResult.set(own);
            }
        }, "route-minimiser");
        minimiser.setDaemon(true);
        minimiser.start();
        StringRemovalSearch sisr = new StringRemovalSearch(arrays, random);
        sisr.run(state, deadlineNanos, isPhaseTerminated, () -> handedOver.getAndSet(null));
        done.set(true);
        try {
            minimiser.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RouteState late = handedOver.get();
        if (late != null && late.usedRoutes() < state.usedRoutes()) {
            state.copyFrom(late); // found after the distance search's last look: still worth a route
        }
        RouteState second = secondResult.get();
        if (second != null && (second.usedRoutes() < state.usedRoutes()
                || second.usedRoutes() == state.usedRoutes() && second.totalDistance() < state.totalDistance())) {
            state.copyFrom(second);
        }
        return sisr.iterations();
    }
}
