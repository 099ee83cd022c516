package com.patrolplanner.campaign.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link RouteMinimizer}: fewer routes, still feasible per the {@link FeasibilityChecker}, down to the known minimum
 * and no further; and its perturbation moves, whose O(1) time tests must be exact, against the replay.
 */
class RouteMinimizerTest {

    private static final long HALF_SECOND = 500_000_000L;

    /**
     * Hand-made, on a line (location i at x = 10·i, base at 0, shift [0, 200], no load limit to speak of): X at x=10
     * and Y at x=20, windows [0, 200], no service; U at x=40, window [40, 40], 10 minutes; W at x=30, window [45, 45],
     * 10 minutes. U and W cannot share a route (U first: leave 50, reach W at 60 > 45; W first: leave 55, reach U at 65
     * > 40), so one route is impossible; two suffice: [X, U] (U reached at 40, back at 90) and [W, Y] (Y at 65, back at
     * 85). From four one-visit routes the minimiser must reach exactly two.
     */
    @Test
    void handMadeFourRoutesBecomeTheTwoThatAreNeeded() {
        LineWorld line = new LineWorld(5);
        List<Vehicle> fleet = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            fleet.add(line.vehicle("t" + k, 200, 100));
        }
        Visit x = line.visit("X", 1, 0, 200, 0, 1);
        Visit y = line.visit("Y", 2, 0, 200, 0, 1);
        Visit u = line.visit("U", 4, 40, 40, 10, 1);
        Visit wv = line.visit("W", 3, 45, 45, 10, 1);
        LineWorld.route(fleet.get(0), x);
        LineWorld.route(fleet.get(1), y);
        LineWorld.route(fleet.get(2), u);
        LineWorld.route(fleet.get(3), wv);
        RoutingPlan plan = line.plan(fleet, x, y, u, wv);
        RandomRouting w = new RandomRouting(plan);
        RouteState s = HeuristicStartPhase.read(plan, w.arrays);
        assertEquals(4, s.usedRoutes());

        new RouteMinimizer(w.arrays, new SplittableRandom(1)).run(s, 1, System.nanoTime(), HALF_SECOND, () -> false);

        assertEquals(2, s.usedRoutes());
        assertFeasibleAndComplete(w, s);
        assertTrue(s.routeOf[2] != s.routeOf[3], "U and W on different routes");
    }

    /**
     * Solomon's C101 with its first 25 customers: demand 460 against capacity 200 needs 3 vehicles, and 3 is the known
     * optimum fleet of that instance (Solomon's 25-customer C101: 3 vehicles, distance 191.3). From one route per
     * customer the minimiser must reach 3.
     */
    @Test
    void solomonC101With25CustomersGoesFrom25RoutesToTheKnownThree() {
        SolomonInstance c101 = SolomonData.prefix("C101", 25);
        RoutingPlan plan = c101.toPlan();
        for (int i = 0; i < 25; i++) {
            plan.getVehicles().get(i).getVisits().add(plan.getVisits().get(i));
        }
        RandomRouting w = new RandomRouting(plan);
        RouteState s = HeuristicStartPhase.read(plan, w.arrays);
        assertEquals(25, s.usedRoutes());
        assertEquals(3, HeuristicStartPhase.loadLowerBound(w.arrays));
        List<Integer> counts = new ArrayList<>();

        new RouteMinimizer(w.arrays, new SplittableRandom(7))
                .onFewerRoutes(plan2 -> counts.add(plan2.usedRoutes()))
                .run(s, 3, System.nanoTime(), 4 * HALF_SECOND, () -> false);

        assertEquals(3, s.usedRoutes());
        assertFeasibleAndComplete(w, s);
        for (int k = 0; k < counts.size(); k++) {
            assertEquals(24 - k, counts.get(k), "one route fewer at each hand-over");
        }
    }

    @Test
    void randomPlansLoseRoutesAndStayFeasible() {
        SplittableRandom rnd = new SplittableRandom(41);
        int removed = 0;
        for (int trial = 0; trial < 12; trial++) {
            RandomRouting w = RandomRouting.random(rnd, 15, 15, true, 100 + rnd.nextDouble(200));
            RouteState s = new RouteState(w.arrays);
            for (int v = 0; v < 15; v++) {
                if (s.canInsert(v, v, 0)) {
                    s.insert(v, v, 0); // one route per visit
                }
            }
            if (s.unplannedCount() > 0) {
                continue;
            }
            int before = s.usedRoutes();
            new RouteMinimizer(w.arrays, new SplittableRandom(trial))
                    .run(s, HeuristicStartPhase.loadLowerBound(w.arrays), System.nanoTime(), HALF_SECOND / 5,
                            () -> false);
            assertTrue(s.usedRoutes() < before, "no route removed from " + before + " one-visit routes");
            removed += before - s.usedRoutes();
            assertFeasibleAndComplete(w, s);
            w.assertBookkeeping(s);
        }
        assertTrue(removed > 50, "routes removed: " + removed);
    }

    /**
     * The perturbation's relocate, swap and 2-opt* (exchange of route tails) decide with O(1) time tests and a replay:
     * each must be made exactly when the routes it would produce are feasible, and otherwise change nothing.
     */
    @Test
    void perturbationMovesAreMadeExactlyWhenTheirResultIsFeasible() {
        SplittableRandom rnd = new SplittableRandom(42);
        int[] made = new int[3];
        int[] refused = new int[3];
        for (int trial = 0; trial < 300; trial++) {
            RandomRouting w = RandomRouting.random(rnd, 10 + rnd.nextInt(12), 2 + rnd.nextInt(3), trial % 3 != 0,
                    40 + rnd.nextDouble(200));
            RouteState s = w.feasibleState(rnd, 1.0);
            RouteMinimizer minimizer = new RouteMinimizer(w.arrays, new SplittableRandom(trial));
            minimizer.s = s;
            for (int step = 0; step < 30; step++) {
                int v = rnd.nextInt(w.arrays.visitCount);
                int u = rnd.nextInt(w.arrays.visitCount);
                int r1 = s.routeOf[v];
                int r2 = s.routeOf[u];
                if (r1 < 0 || r2 < 0 || r1 == r2) {
                    continue;
                }
                int move = rnd.nextInt(3);
                int[] s1 = RandomRouting.route(s, r1);
                int[] s2 = RandomRouting.route(s, r2);
                int i = s.posOf[v];
                int j = s.posOf[u];
                int[] n1;
                int[] n2;
                switch (move) {
                    case 0 -> { // relocate v right after u
                        n1 = RandomRouting.without(s1, i);
                        n2 = RandomRouting.insert(s2, j + 1, v);
                    }
                    case 1 -> { // swap
                        n1 = s1.clone();
                        n2 = s2.clone();
                        n1[i] = u;
                        n2[j] = v;
                    }
                    default -> { // 2-opt*: r1 keeps its head to v and takes r2's tail after u, and the other way round
                        n1 = RandomRouting.concat(Arrays.copyOf(s1, i + 1),
                                Arrays.copyOfRange(s2, j + 1, s2.length));
                        n2 = RandomRouting.concat(Arrays.copyOf(s2, j + 1),
                                Arrays.copyOfRange(s1, i + 1, s1.length));
                    }
                }
                boolean expected = w.feasible(r1, n1) && w.feasible(r2, n2);
                List<List<Integer>> before = RandomRouting.routes(s);
                switch (move) {
                    case 0 -> minimizer.relocate(v, u);
                    case 1 -> minimizer.swap(v, u);
                    default -> minimizer.twoOptStar(v, u);
                }
                List<List<Integer>> after = RandomRouting.routes(s);
                if (expected) {
                    made[move]++;
                    assertEquals(Arrays.stream(n1).boxed().toList(), after.get(r1), "move " + move);
                    assertEquals(Arrays.stream(n2).boxed().toList(), after.get(r2), "move " + move);
                } else {
                    refused[move]++;
                    assertEquals(before, after, "move " + move + " to an infeasible plan was made");
                }
                w.assertBookkeeping(s);
            }
        }
        for (int move = 0; move < 3; move++) {
            assertTrue(made[move] > 50 && refused[move] > 50,
                    "move " + move + ": " + made[move] + " made, " + refused[move] + " refused");
        }
    }

    /** The O(1) time tests themselves (the moves replay after them, which would hide a test too lenient). */
    @Test
    void constantTimeTestsOfSwapAndTwoOptStarAreExact() {
        SplittableRandom rnd = new SplittableRandom(43);
        int[] yes = new int[2];
        int[] no = new int[2];
        for (int trial = 0; trial < 300; trial++) {
            RandomRouting w = RandomRouting.random(rnd, 10 + rnd.nextInt(12), 2 + rnd.nextInt(3), true,
                    40 + rnd.nextDouble(200));
            RouteState s = w.feasibleState(rnd, 1.0);
            RouteMinimizer minimizer = new RouteMinimizer(w.arrays, new SplittableRandom(trial));
            minimizer.s = s;
            for (int r = 0; r < w.arrays.vehicleCount; r++) {
                int[] seq = RandomRouting.route(s, r);
                for (int i = 0; i < seq.length; i++) {
                    int u = rnd.nextInt(w.arrays.visitCount);
                    int[] replaced = seq.clone();
                    replaced[i] = u;
                    boolean expected = w.timeFeasible(r, replaced);
                    assertEquals(expected, minimizer.fitsBetween(r, i - 1, u, i + 1), "visit " + u + " at " + i);
                    (expected ? yes : no)[0]++;
                }
                for (int r2 = 0; r2 < w.arrays.vehicleCount; r2++) {
                    int[] seq2 = RandomRouting.route(s, r2);
                    for (int i = -1; i < seq.length; i++) {
                        for (int j = 0; j <= seq2.length; j++) {
                            int[] joined = RandomRouting.concat(Arrays.copyOf(seq, i + 1),
                                    Arrays.copyOfRange(seq2, j, seq2.length));
                            boolean expected = w.timeFeasible(r, joined);
                            assertEquals(expected, minimizer.joinFits(r, i, r2, j), "join at " + i + ", " + j);
                            (expected ? yes : no)[1]++;
                        }
                    }
                }
            }
        }
        assertTrue(yes[0] > 100 && no[0] > 100 && yes[1] > 100 && no[1] > 100,
                Arrays.toString(yes) + " " + Arrays.toString(no));
    }

    static void assertFeasibleAndComplete(RandomRouting w, RouteState s) {
        FeasibilityChecker.Report report = new FeasibilityChecker(w.plan.getMatrix(), true).check(w.toPlan(s));
        assertTrue(report.feasible(), report.violations().toString());
        assertEquals(0, report.unplanned());
        assertEquals(s.usedRoutes(), report.vehiclesUsed());
        assertEquals(report.distance(), s.totalDistance(), 1e-9);
    }
}
