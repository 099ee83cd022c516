package com.patrolplanner.campaign.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link RouteLocalSearch}: the plan it leaves is complete, feasible and no longer, per the brute-force replay of
 * {@link RandomRouting}; and it is a local optimum: the replay finds no relocate and no tail exchange (between vehicles
 * of the same kind) that would shorten it. A hand-computed case on a line checks the tail exchange itself.
 */
class RouteLocalSearchTest {

    private static final int TRIALS = 60;
    private static final double GAIN = 1e-6;

    @Test
    void leavesAFeasiblePlanNoLongerAtALocalOptimumOfRelocateAndTailExchange() {
        SplittableRandom rnd = new SplittableRandom(31);
        int shorter = 0;
        int trials = 0;
        while (trials < TRIALS) {
            RandomRouting w = RandomRouting.random(rnd, 10 + rnd.nextInt(20), 5, rnd.nextBoolean(),
                    80 + rnd.nextDouble(200));
            RouteState s = w.feasibleState(rnd, 1.0);
            if (s.unplannedCount() != 0) {
                continue;
            }
            trials++;
            double before = w.totalDistance(s);
            int routes = s.usedRoutes();
            new RouteLocalSearch(w.arrays).improve(s);
            w.assertCompleteAndFeasible(s);
            w.assertBookkeeping(s);
            double after = w.totalDistance(s);
            assertEquals(after, s.totalDistance(), 1e-9, "reported distance");
            assertTrue(after <= before + 1e-9, after + " > " + before);
            assertTrue(s.usedRoutes() <= routes, "a route was opened");
            shorter += after < before - GAIN ? 1 : 0;
            assertNoImprovingRelocate(w, s, after);
            assertNoImprovingTailExchange(w, s, after);
            assertNoImprovingStringMove(w, s, after);
        }
        assertTrue(shorter > TRIALS / 2, "shortened " + shorter + " of " + TRIALS + " random plans");
    }

    /** Two routes on a line, each holding two visits (capacity 2): only a tail exchange shortens them, 140 → 120. */
    @Test
    void exchangesTheTailsOfTwoRoutesOnALine() {
        LineWorld line = new LineWorld(5);
        Visit x10 = line.visit("x10", 1, 0, 1000, 0, 1);
        Visit x20 = line.visit("x20", 2, 0, 1000, 0, 1);
        Visit x30 = line.visit("x30", 3, 0, 1000, 0, 1);
        Visit x40 = line.visit("x40", 4, 0, 1000, 0, 1);
        // route A: 0 → 10 → 40 → 0 = 80; route B: 0 → 30 → 20 → 0 = 60
        RoutingPlan plan = line.plan(List.of(LineWorld.route(line.vehicle("A", 1000, 2), x10, x40),
                LineWorld.route(line.vehicle("B", 1000, 2), x30, x20)), x10, x20, x30, x40);
        RoutingArrays arrays = new RoutingArrays(plan);
        RouteState s = HeuristicStartPhase.read(plan, arrays);
        assertEquals(140.0, s.totalDistance(), 1e-9);

        assertTrue(new RouteLocalSearch(arrays).improve(s));

        // A keeps 10 and takes B's tail 20: 0 → 10 → 20 → 0 = 40; B keeps 30 and takes 40: 0 → 30 → 40 → 0 = 80
        assertEquals(List.of(List.of(0, 1), List.of(2, 3)), RandomRouting.routes(s));
        assertEquals(120.0, s.totalDistance(), 1e-9);
        assertFalse(new RouteLocalSearch(arrays).improve(s), "a local optimum stays as it is");
    }

    /** No visit can move to another position (its own route or another route in use) and shorten the plan. */
    private static void assertNoImprovingRelocate(RandomRouting w, RouteState s, double total) {
        for (int v = 0; v < w.arrays.visitCount; v++) {
            int r = s.routeOf[v];
            int[] from = RandomRouting.without(RandomRouting.route(s, r), s.posOf[v]);
            for (int q = 0; q < w.arrays.vehicleCount; q++) {
                if (s.len[q] == 0) {
                    continue;
                }
                int[] into = q == r ? from : RandomRouting.route(s, q);
                for (int pos = 0; pos <= into.length; pos++) {
                    int[] moved = RandomRouting.insert(into, pos, v);
                    double d = total - w.distance(r, RandomRouting.route(s, r)) + (q == r ? w.distance(r, moved)
                            : w.distance(r, from) - w.distance(q, RandomRouting.route(s, q)) + w.distance(q, moved));
                    if (d < total - GAIN && w.feasible(q, moved) && (q == r || w.feasible(r, from))) {
                        throw new AssertionError("visit " + v + " to route " + q + " at " + pos + " shortens "
                                + total + " to " + d);
                    }
                }
            }
        }
    }

    /** No string of 2 or 3 consecutive visits can move, in order, to another route in use and shorten the plan. */
    private static void assertNoImprovingStringMove(RandomRouting w, RouteState s, double total) {
        for (int r = 0; r < w.arrays.vehicleCount; r++) {
            int[] sr = RandomRouting.route(s, r);
            for (int k = 2; k <= 3; k++) {
                for (int i = 0; i + k <= sr.length; i++) {
                    int[] string = java.util.Arrays.copyOfRange(sr, i, i + k);
                    int[] rest = RandomRouting.concat(java.util.Arrays.copyOfRange(sr, 0, i),
                            java.util.Arrays.copyOfRange(sr, i + k, sr.length));
                    for (int q = 0; q < w.arrays.vehicleCount; q++) {
                        if (q == r || s.len[q] == 0) {
                            continue;
                        }
                        int[] sq = RandomRouting.route(s, q);
                        for (int pos = 0; pos <= sq.length; pos++) {
                            int[] into = RandomRouting.concat(RandomRouting.concat(
                                    java.util.Arrays.copyOfRange(sq, 0, pos), string),
                                    java.util.Arrays.copyOfRange(sq, pos, sq.length));
                            double d = total - w.distance(r, sr) - w.distance(q, sq) + w.distance(r, rest)
                                    + w.distance(q, into);
                            if (d < total - GAIN && w.feasible(r, rest) && w.feasible(q, into)) {
                                throw new AssertionError("visits " + i + "…" + (i + k - 1) + " of route " + r
                                        + " to route " + q + " at " + pos + " shorten " + total + " to " + d);
                            }
                        }
                    }
                }
            }
        }
    }

    /** No exchange of route tails between two vehicles of the same kind shortens the plan. */
    private static void assertNoImprovingTailExchange(RandomRouting w, RouteState s, double total) {
        for (int r = 0; r < w.arrays.vehicleCount; r++) {
            for (int q = r + 1; q < w.arrays.vehicleCount; q++) {
                Vehicle vr = w.vehicle(r);
                Vehicle vq = w.vehicle(q);
                if (s.len[r] == 0 || s.len[q] == 0 || vr.getLocation() != vq.getLocation()
                        || vr.getShiftStart() != vq.getShiftStart() || vr.getShiftEnd() != vq.getShiftEnd()
                        || vr.getCapacity() != vq.getCapacity()) {
                    continue;
                }
                int[] sr = RandomRouting.route(s, r);
                int[] sq = RandomRouting.route(s, q);
                double old = w.distance(r, sr) + w.distance(q, sq);
                for (int i = 0; i <= sr.length; i++) {
                    for (int j = 0; j <= sq.length; j++) {
                        int[] nr = RandomRouting.concat(java.util.Arrays.copyOfRange(sr, 0, i),
                                java.util.Arrays.copyOfRange(sq, j, sq.length));
                        int[] nq = RandomRouting.concat(java.util.Arrays.copyOfRange(sq, 0, j),
                                java.util.Arrays.copyOfRange(sr, i, sr.length));
                        double d = w.distance(r, nr) + w.distance(q, nq);
                        if (d < old - GAIN && w.feasible(r, nr) && w.feasible(q, nq)) {
                            throw new AssertionError("tails of routes " + r + " at " + i + " and " + q + " at " + j
                                    + " shorten " + old + " to " + d);
                        }
                    }
                }
            }
        }
    }
}
