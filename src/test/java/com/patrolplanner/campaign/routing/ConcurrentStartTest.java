package com.patrolplanner.campaign.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link ConcurrentStart}: when it applies, that its plan is feasible and never worse than the one it was given (fewest
 * routes first, then distance), and that without time it leaves the plan exactly as given.
 */
class ConcurrentStartTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void appliesToTheCoreModelOnlyWithTimeForRouteRemovalAndTwoProcessors() {
        RandomRouting core = RandomRouting.random(new SplittableRandom(51), 10, 3, true, 100);
        RoutingPlan plan = core.plan;
        boolean twoProcessors = Runtime.getRuntime().availableProcessors() >= 2
                && !Boolean.getBoolean("routing.sequential");
        assertEquals(twoProcessors, ConcurrentStart.applies(core.arrays, SECOND));
        assertFalse(ConcurrentStart.applies(core.arrays, 0L), "no time for route removal");
        assertFalse(ConcurrentStart.applies(
                new RoutingArrays(plan, new RoutingRules(true, false, v -> v, v -> null, k -> true)), SECOND),
                "optional visits");
        assertFalse(ConcurrentStart.applies(
                new RoutingArrays(plan, new RoutingRules(false, true, v -> v, v -> null, k -> true)), SECOND),
                "fair workload");
        String pinnedVisit = plan.getVisits().get(0).getId();
        assertFalse(ConcurrentStart.applies(new RoutingArrays(plan, new RoutingRules(false, false, v -> v,
                v -> v.getId().equals(pinnedVisit) ? "v0" : null, k -> true)), SECOND), "a fixed visit");
        assertFalse(ConcurrentStart.applies(
                new RoutingArrays(plan, new RoutingRules(false, false, v -> v, v -> null, k -> !k.getId().equals("v1"))),
                SECOND), "an unusable vehicle");
    }

    @Test
    void withTheDeadlinePassedThePlanIsLeftExactlyAsGiven() {
        SplittableRandom rnd = new SplittableRandom(52);
        for (int trial = 0; trial < 20; trial++) {
            RandomRouting w = RandomRouting.random(rnd, 20, 6, true, 150);
            RouteState s = new RouteState(w.arrays);
            new RegretInsertion(s).run();
            List<List<Integer>> given = RandomRouting.routes(s);
            long now = System.nanoTime();
            long iterations = ConcurrentStart.run(w.arrays, s, new SplittableRandom(trial), 1, now - SECOND, SECOND,
                    now - 1, () -> false);
            assertEquals(0, iterations);
            assertEquals(given, RandomRouting.routes(s));
        }
    }

    @Test
    void itsPlanIsFeasibleCompleteAndNoWorseThanTheOneGiven() {
        SplittableRandom rnd = new SplittableRandom(53);
        int better = 0;
        for (int trial = 0; trial < 4; trial++) {
            RandomRouting w = RandomRouting.random(rnd, 40, 20, true, 100 + 50 * trial);
            RouteState s = new RouteState(w.arrays);
            new RegretInsertion(s).run();
            if (s.unplannedCount() > 0) {
                continue;
            }
            int routes = s.usedRoutes();
            double distance = s.totalDistance();
            long t0 = System.nanoTime();
            ConcurrentStart.run(w.arrays, s, new SplittableRandom(trial), HeuristicStartPhase.loadLowerBound(w.arrays),
                    t0, SECOND / 2, t0 + SECOND, () -> false);
            RouteMinimizerTest.assertFeasibleAndComplete(w, s);
            w.assertBookkeeping(s);
            assertTrue(s.usedRoutes() < routes || s.usedRoutes() == routes && s.totalDistance() <= distance + 1e-9,
                    s.usedRoutes() + " routes, " + s.totalDistance() + " against " + routes + ", " + distance);
            better += s.usedRoutes() < routes || s.totalDistance() < distance - 1e-6 ? 1 : 0;
        }
        assertTrue(better >= 3, "improved " + better + " of 4 plans");
    }
}
