package com.patrolplanner.campaign.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * {@link StringRemovalSearch}: each ruin + recreate, and a whole search, leave every visit planned exactly once in
 * feasible routes, with the cost the search reports equal to the distance recomputed from scratch; a rejected
 * recreate is undone exactly.
 */
class StringRemovalSearchTest {

    private static final int TRIALS = 60;

    /** A random instance with a complete, feasible plan (windows wide enough that the random fill places everything). */
    private static RandomRouting complete(SplittableRandom rnd, RouteState[] out) {
        while (true) {
            RandomRouting w = RandomRouting.random(rnd, 10 + rnd.nextInt(15), 6, rnd.nextBoolean(),
                    80 + rnd.nextDouble(200));
            RouteState s = w.feasibleState(rnd, 1.0);
            if (s.unplannedCount() == 0) {
                out[0] = s;
                return w;
            }
        }
    }

    @Test
    void eachRuinAndRecreateLeavesEveryVisitOnceInFeasibleRoutesOrIsUndoneExactly() {
        SplittableRandom rnd = new SplittableRandom(21);
        int completed = 0;
        int undone = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            RouteState[] holder = new RouteState[1];
            RandomRouting w = complete(rnd, holder);
            RouteState s = holder[0];
            StringRemovalSearch search = new StringRemovalSearch(w.arrays, new SplittableRandom(trial));
            search.s = s;
            for (int r = 0; r < w.arrays.vehicleCount; r++) {
                search.open[r] = s.len[r] > 0;
            }
            for (int iteration = 0; iteration < 100; iteration++) {
                List<List<Integer>> before = RandomRouting.routes(s);
                double[][] starts = deep(s.start);
                double[][] latest = deep(s.latest);
                search.touchedCount = 0;
                search.ruin();
                boolean complete = search.recreate();
                if (complete) {
                    completed++;
                    w.assertCompleteAndFeasible(s);
                    w.assertBookkeeping(s);
                    assertEquals(w.totalDistance(s), search.objective(true), 1e-9, "reported cost");
                    for (int r = 0; r < w.arrays.vehicleCount; r++) {
                        assertTrue(search.open[r] || s.len[r] == 0, "a closed route took visits");
                    }
                }
                if (!complete || rnd.nextBoolean()) {
                    search.undo();
                    undone++;
                    assertEquals(before, RandomRouting.routes(s), "undo restores the routes");
                    for (int r = 0; r < w.arrays.vehicleCount; r++) {
                        for (int i = 0; i < s.len[r]; i++) {
                            assertEquals(starts[r][i], s.start[r][i]);
                            assertEquals(latest[r][i], s.latest[r][i]);
                        }
                    }
                    w.assertBookkeeping(s);
                    w.assertCompleteAndFeasible(s);
                }
                for (int k = 0; k < search.touchedCount; k++) {
                    search.touched[search.touchedList[k]] = false;
                }
            }
        }
        assertTrue(completed > 1000 && undone > 1000, completed + " completed, " + undone + " undone");
    }

    @Test
    void aSearchLeavesAFeasiblePlanNoLongerAndWithNoMoreRoutes() {
        SplittableRandom rnd = new SplittableRandom(22);
        int shorter = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            RouteState[] holder = new RouteState[1];
            RandomRouting w = complete(rnd, holder);
            RouteState s = holder[0];
            double start = w.totalDistance(s);
            int routes = s.usedRoutes();
            AtomicInteger looks = new AtomicInteger();
            StringRemovalSearch search = new StringRemovalSearch(w.arrays, new SplittableRandom(trial));
            // the stop is asked every 64 iterations: 20 looks, about 1 200 iterations
            search.run(s, System.nanoTime() + 60_000_000_000L, () -> looks.incrementAndGet() > 20);
            assertTrue(search.iterations() >= 1_000, "iterations " + search.iterations());
            w.assertCompleteAndFeasible(s);
            w.assertBookkeeping(s);
            assertEquals(w.totalDistance(s), s.totalDistance(), 1e-9);
            assertTrue(s.usedRoutes() <= routes, "routes " + s.usedRoutes() + " > " + routes);
            assertTrue(w.totalDistance(s) <= start + 1e-9, "distance " + w.totalDistance(s) + " > " + start);
            shorter += w.totalDistance(s) < start - 1e-6 ? 1 : 0;
        }
        assertTrue(shorter > TRIALS / 2, "the search shortened " + shorter + " of " + TRIALS + " random plans");
    }

    /**
     * With optional visits and alternatives (campaigns): visits 2k and 2k+1 are two windows of one venue. Each ruin +
     * recreate keeps the routes feasible, plans at most one visit of a venue and reports the unplanned priority (×10⁷)
     * plus the distance, as recomputed.
     */
    @Test
    void withOptionalVisitsAndAlternativesTheReportedObjectiveIsRecomputedAndAVenueIsPlannedOnce() {
        SplittableRandom rnd = new SplittableRandom(23);
        for (int trial = 0; trial < TRIALS; trial++) {
            RandomRouting core = RandomRouting.random(rnd, 16, 2, rnd.nextBoolean(), 60 + rnd.nextDouble(100));
            List<Visit> visits = core.plan.getVisits();
            RoutingRules rules = new RoutingRules(true, false, v -> visits.indexOf(v) / 2, v -> null, k -> true);
            RandomRouting w = new RandomRouting(core.plan, rules);
            RouteState s = new RouteState(w.arrays);
            new RegretInsertion(s).run();
            StringRemovalSearch search = new StringRemovalSearch(w.arrays, new SplittableRandom(trial));
            search.s = s;
            for (int r = 0; r < w.arrays.vehicleCount; r++) {
                search.open[r] = true;
            }
            for (int iteration = 0; iteration < 100; iteration++) {
                search.touchedCount = 0;
                search.ruin();
                assertTrue(search.recreate(), "with optional visits a recreate always completes");
                long unplannedPriority = 0;
                for (int venue = 0; venue < 8; venue++) {
                    int planned = (s.routeOf[2 * venue] >= 0 ? 1 : 0) + (s.routeOf[2 * venue + 1] >= 0 ? 1 : 0);
                    assertTrue(planned <= 1, "venue " + venue + " planned twice");
                    if (planned == 0) {
                        unplannedPriority += visits.get(2 * venue).getPriority() + visits.get(2 * venue + 1).getPriority();
                    }
                }
                for (int r = 0; r < w.arrays.vehicleCount; r++) {
                    assertTrue(w.feasible(r, RandomRouting.route(s, r)));
                }
                w.assertBookkeeping(s);
                assertEquals(unplannedPriority * 1e7 + w.totalDistance(s), search.objective(true), 1e-6);
                if (rnd.nextBoolean()) {
                    search.undo();
                }
                for (int k = 0; k < search.touchedCount; k++) {
                    search.touched[search.touchedList[k]] = false;
                }
            }
        }
    }

    private static double[][] deep(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
