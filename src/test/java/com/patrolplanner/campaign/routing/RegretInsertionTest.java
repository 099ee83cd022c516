package com.patrolplanner.campaign.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link RegretInsertion}: the insertion it makes is the cheapest feasible one found by trying every route and position,
 * what it leaves unplanned fits nowhere, and it is deterministic.
 */
class RegretInsertionTest {

    private static final int TRIALS = 300;

    @Test
    void aVisitGoesToItsCheapestFeasiblePositionInTheOpenRoutes() {
        SplittableRandom rnd = new SplittableRandom(31);
        int inserted = 0;
        int nowhere = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            RandomRouting w = RandomRouting.random(rnd, 8 + rnd.nextInt(12), 1 + rnd.nextInt(4), rnd.nextBoolean(),
                    30 + rnd.nextDouble(200));
            RouteState s = w.feasibleState(rnd, 1.0);
            // every vehicle keeps a route (so that no new one is opened) and exactly one visit is unplanned
            int v = -1;
            for (int r = 0; r < w.arrays.vehicleCount && v < 0; r++) {
                if (s.len[r] >= 2) {
                    v = s.seq[r][rnd.nextInt(s.len[r])];
                }
            }
            if (v < 0 || s.unplannedCount() > 0 || s.usedRoutes() < w.arrays.vehicleCount) {
                continue;
            }
            s.remove(v);
            double cheapest = Double.POSITIVE_INFINITY;
            for (int r = 0; r < w.arrays.vehicleCount; r++) {
                int[] seq = RandomRouting.route(s, r);
                for (int pos = 0; pos <= seq.length; pos++) {
                    int[] with = RandomRouting.insert(seq, pos, v);
                    if (w.feasible(r, with)) {
                        cheapest = Math.min(cheapest, w.distance(r, with) - w.distance(r, seq));
                    }
                }
            }
            double before = w.totalDistance(s);
            List<List<Integer>> routes = RandomRouting.routes(s);
            new RegretInsertion(s).run();
            if (cheapest == Double.POSITIVE_INFINITY) {
                nowhere++;
                assertEquals(-1, s.routeOf[v], "a visit that fits nowhere stays unplanned");
                assertEquals(routes, RandomRouting.routes(s));
            } else {
                inserted++;
                assertTrue(s.routeOf[v] >= 0);
                assertEquals(cheapest, w.totalDistance(s) - before, 1e-9, "extra distance of the insertion chosen");
            }
            for (int r = 0; r < w.arrays.vehicleCount; r++) {
                assertTrue(w.feasible(r, RandomRouting.route(s, r)));
            }
            w.assertBookkeeping(s);
        }
        // a visit taken out of a feasible route nearly always fits back: "nowhere" is the construction test's case
        assertTrue(inserted > 50, inserted + " inserted, " + nowhere + " fitting nowhere");
    }

    @Test
    void aConstructionLeavesFeasibleRoutesAndUnplannedOnlyWhatFitsNowhere() {
        SplittableRandom rnd = new SplittableRandom(32);
        int leftOut = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            // alike vehicles: a visit that fits no empty vehicle fits none
            RandomRouting w = RandomRouting.random(rnd, 5 + rnd.nextInt(20), 1 + rnd.nextInt(5), true,
                    20 + rnd.nextDouble(200));
            RouteState s = new RouteState(w.arrays);
            new RegretInsertion(s).run();
            for (int r = 0; r < w.arrays.vehicleCount; r++) {
                assertTrue(w.feasible(r, RandomRouting.route(s, r)));
            }
            w.assertBookkeeping(s);
            for (int v = 0; v < w.arrays.visitCount; v++) {
                if (s.routeOf[v] >= 0) {
                    continue;
                }
                leftOut++;
                for (int r = 0; r < w.arrays.vehicleCount; r++) {
                    int[] seq = RandomRouting.route(s, r);
                    for (int pos = 0; pos <= seq.length; pos++) {
                        assertTrue(!w.feasible(r, RandomRouting.insert(seq, pos, v)),
                                "unplanned visit " + v + " fits route " + r + " at " + pos);
                    }
                }
            }
        }
        assertTrue(leftOut > 10, "visits left out: " + leftOut);
    }

    @Test
    void theSameProblemGivesTheSamePlan() {
        SplittableRandom rnd = new SplittableRandom(33);
        for (int trial = 0; trial < 50; trial++) {
            RandomRouting w = RandomRouting.random(rnd, 20, 4, rnd.nextBoolean(), 100);
            RouteState first = new RouteState(w.arrays);
            new RegretInsertion(first).run();
            RouteState second = new RouteState(new RoutingArrays(w.plan));
            new RegretInsertion(second).run();
            assertEquals(RandomRouting.routes(first), RandomRouting.routes(second));
        }
    }

    /**
     * Hand-made: base (0, 0); A (10, 0), B (10, 10), C (5, 12); one vehicle, route [A, B], no service, C to insert.
     * Before A costs |0C| + |CA| − |0A| = 13 + 13 − 10 = 16; between A and B |AC| + |CB| − |AB| = 13 + √29 − 10 ≈ 8.385;
     * after B |BC| + |C0| − |B0| = √29 + 13 − √200 ≈ 4.243: cheapest. With C due at 20 only "before A" is on time
     * (C reached at 13; after A at 10 + 13 = 23; after B at 20 + √29 ≈ 25.4).
     */
    @Test
    void handMadeCheapestAndOnlyFeasiblePosition() {
        for (double due : new double[] {1000.0, 20.0}) {
            TravelMatrix m = new EuclideanTravelMatrix(new double[] {0, 10, 10, 5}, new double[] {0, 0, 10, 12});
            Vehicle van = new Vehicle("van", 0, m, 0, 1000, 10, 1L);
            Visit a = new Visit("A", 1, m, 0, 1000, 0, 1, 1L);
            Visit b = new Visit("B", 2, m, 0, 1000, 0, 1, 1L);
            Visit c = new Visit("C", 3, m, 0, due, 0, 1, 1L);
            van.getVisits().addAll(List.of(a, b));
            RoutingPlan plan = new RoutingPlan("abc", m, new ArrayList<>(List.of(van)), List.of(a, b, c));
            RoutingArrays arrays = new RoutingArrays(plan);
            RouteState s = HeuristicStartPhase.read(plan, arrays);
            new RegretInsertion(s).run();
            if (due > 100) {
                assertEquals(List.of(List.of(0, 1, 2)), RandomRouting.routes(s));
                assertEquals(10 + 10 + Math.sqrt(200) + 13 + Math.sqrt(29) - Math.sqrt(200), s.totalDistance(), 1e-9);
            } else {
                assertEquals(List.of(List.of(2, 0, 1)), RandomRouting.routes(s));
                assertEquals(13 + 13 + 10 + Math.sqrt(200), s.totalDistance(), 1e-9);
            }
        }
    }
}
