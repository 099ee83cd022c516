package com.patrolplanner.campaign.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** {@link RouteState}'s bookkeeping and O(1) insertion tests against a replay of the routes from scratch. */
class RouteStateTest {

    private static final int TRIALS = 300;

    @Test
    void refreshAgreesWithTheReplayOnFeasibleAndBrokenRoutes() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int trial = 0; trial < TRIALS; trial++) {
            RandomRouting w = RandomRouting.random(rnd, 4 + rnd.nextInt(12), 1 + rnd.nextInt(4), rnd.nextBoolean(),
                    40 + rnd.nextDouble(200));
            RouteState s = trial % 2 == 0 ? w.feasibleState(rnd, 0.8) : w.anyState(rnd, 0.8);
            w.assertBookkeeping(s);
            int used = 0;
            int planned = 0;
            for (int r = 0; r < s.len.length; r++) {
                used += s.len[r] > 0 ? 1 : 0;
                planned += s.len[r];
            }
            assertEquals(used, s.usedRoutes());
            assertEquals(w.arrays.visitCount - planned, s.unplannedCount());
            assertEquals(w.totalDistance(s), s.totalDistance(), 1e-9);
        }
    }

    @Test
    void isFeasibleAndSequenceDistanceAgreeWithTheReplay() {
        SplittableRandom rnd = new SplittableRandom(2);
        int feasible = 0;
        for (int trial = 0; trial < TRIALS * 10; trial++) {
            RandomRouting w = RandomRouting.random(rnd, 6, 2, rnd.nextBoolean(), 100 + rnd.nextDouble(300));
            RouteState s = new RouteState(w.arrays);
            int r = rnd.nextInt(2);
            int[] seq = Arrays.copyOf(RandomRouting.shuffled(rnd, 6), 1 + rnd.nextInt(6));
            boolean expected = w.feasible(r, seq);
            feasible += expected ? 1 : 0;
            assertEquals(expected, s.isFeasible(r, seq, seq.length), () -> Arrays.toString(seq));
            assertEquals(w.distance(r, seq), s.sequenceDistance(r, seq, seq.length), 1e-9);
        }
        assertTrue(feasible > TRIALS && feasible < TRIALS * 9, "both verdicts exercised: " + feasible + " feasible");
    }

    @Test
    void canInsertIsExactlyWhetherTheRouteWithTheVisitIsFeasible() {
        SplittableRandom rnd = new SplittableRandom(3);
        int yes = 0;
        int no = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            RandomRouting w = RandomRouting.random(rnd, 6 + rnd.nextInt(10), 1 + rnd.nextInt(3), rnd.nextBoolean(),
                    60 + rnd.nextDouble(200));
            RouteState s = w.feasibleState(rnd, 0.7);
            for (int v = 0; v < w.arrays.visitCount; v++) {
                if (s.routeOf[v] >= 0) {
                    continue;
                }
                for (int r = 0; r < w.arrays.vehicleCount; r++) {
                    int[] seq = RandomRouting.route(s, r);
                    for (int pos = 0; pos <= seq.length; pos++) {
                        int[] with = RandomRouting.insert(seq, pos, v);
                        boolean expected = w.feasible(r, with);
                        assertEquals(expected, s.canInsert(v, r, pos), "visit " + v + " into route " + r + " at " + pos);
                        assertEquals(w.timeFeasible(r, with), s.timeFeasibleInsert(v, r, pos));
                        assertEquals(w.distance(r, with) - w.distance(r, seq), s.insertionCost(v, r, pos), 1e-9);
                        if (expected) {
                            yes++;
                        } else {
                            no++;
                        }
                    }
                }
            }
        }
        assertTrue(yes > 100 && no > 100, "both verdicts exercised: " + yes + " yes, " + no + " no");
    }

    @Test
    void insertAndRemoveUpdateOnlyWhatChangesAndMatchTheReplay() {
        SplittableRandom rnd = new SplittableRandom(4);
        int inserts = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            RandomRouting w = RandomRouting.random(rnd, 6 + rnd.nextInt(12), 1 + rnd.nextInt(3), rnd.nextBoolean(),
                    60 + rnd.nextDouble(250));
            RouteState s = w.feasibleState(rnd, 0.6);
            for (int step = 0; step < 20; step++) {
                int v = rnd.nextInt(w.arrays.visitCount);
                if (s.routeOf[v] >= 0) {
                    int r = s.routeOf[v];
                    int[] expected = RandomRouting.without(RandomRouting.route(s, r), s.posOf[v]);
                    s.remove(v);
                    assertEquals(Arrays.stream(expected).boxed().toList(), RandomRouting.routes(s).get(r));
                } else {
                    int r = rnd.nextInt(w.arrays.vehicleCount);
                    int pos = rnd.nextInt(s.len[r] + 1);
                    if (!s.canInsert(v, r, pos)) {
                        continue;
                    }
                    double before = s.routeDistance[r];
                    double cost = s.insertionCost(v, r, pos);
                    s.insert(v, r, pos);
                    inserts++;
                    assertEquals(before + cost, s.routeDistance[r], 1e-9);
                    assertEquals(v, s.seq[r][pos]);
                }
                w.assertBookkeeping(s);
            }
        }
        assertTrue(inserts > TRIALS, "inserts exercised: " + inserts);
    }

    @Test
    void copyIsDeepAndCopyFromRestores() {
        SplittableRandom rnd = new SplittableRandom(5);
        RandomRouting w = RandomRouting.random(rnd, 15, 3, true, 200);
        RouteState s = w.feasibleState(rnd, 1.0);
        List<List<Integer>> routes = RandomRouting.routes(s);
        RouteState copy = s.copy();
        int v = s.seq[0][0];
        s.remove(v);
        assertEquals(routes, RandomRouting.routes(copy));
        s.copyFrom(copy);
        assertEquals(routes, RandomRouting.routes(s));
        w.assertBookkeeping(s);
    }

    @Test
    void softCostAddsTheSquaredWorkMinutesInThousandthsWithFairWorkload() {
        SplittableRandom rnd = new SplittableRandom(6);
        for (int trial = 0; trial < TRIALS; trial++) {
            RandomRouting core = RandomRouting.random(rnd, 8, 3, false, 150);
            RoutingRules fair = new RoutingRules(false, true, v -> v, v -> null, k -> true);
            RandomRouting w = new RandomRouting(core.plan, fair);
            RouteState s = w.anyState(rnd, 0.9);
            double expected = 0.0;
            for (int r = 0; r < 3; r++) {
                int[] seq = RandomRouting.route(s, r);
                assertEquals(w.workTime(r, seq), s.routeTime(r), 1e-9);
                long minutes = Math.round(w.workTime(r, seq));
                expected += w.distance(r, seq) + (seq.length == 0 ? 0.0 : minutes * minutes / 1000.0);
            }
            assertEquals(expected, s.softCost(), 1e-9);
        }
    }

    /**
     * Hand-made, on a line (location i at x = 10·i, base at 0, shift [0, 100], capacity 10): route [1, 3] where visit
     * 1 (x=10) has window [0, 50] and 5 minutes of service, visit 3 (x=30) window [40, 45] and no service. Starts: 10
     * (arrive 10) and 40 (arrive 10+5+20 = 35, wait). Latest starts: visit 3 min(45, 100−30) = 45, visit 1
     * min(50, 45−20−5) = 20. Inserting visit 2 (x=20, window [0, 100], service 0) between them costs 10+10−20 = 0 and
     * fits (arrive 25, on to visit 3 at 35 ≤ 45; before visit 1 it would cost 20 + 10 − 10 = 20); with a 21-minute service it would leave at 46 and reach visit 3 at 56:
     * too late. Inserting it after visit 3 costs 10+20−30 = 0 and fits (back at 40+10+20 = 70 ≤ 100).
     */
    @Test
    void handMadeLine() {
        LineWorld line = new LineWorld(4);
        Vehicle van = line.vehicle("van", 100, 10);
        Visit one = line.visit("1", 1, 0, 50, 5, 1);
        Visit two = line.visit("2", 2, 0, 100, 0, 1);
        Visit three = line.visit("3", 3, 40, 45, 0, 1);
        Visit slowTwo = line.visit("2slow", 2, 0, 100, 21, 1);
        RoutingPlan plan = line.plan(List.of(van), one, two, three, slowTwo);
        RouteState s = new RouteState(new RoutingArrays(plan));
        s.setRoute(0, new int[] {0, 2}, 2);

        assertEquals(10.0, s.start[0][0]);
        assertEquals(40.0, s.start[0][1]);
        assertEquals(20.0, s.latest[0][0]);
        assertEquals(45.0, s.latest[0][1]);
        assertEquals(60.0, s.routeDistance[0]);
        assertEquals(2, s.load[0]);
        assertEquals(0.0, s.insertionCost(1, 0, 1));
        assertTrue(s.canInsert(1, 0, 1));
        assertFalse(s.canInsert(3, 0, 1));
        assertEquals(0.0, s.insertionCost(1, 0, 2));
        assertTrue(s.canInsert(1, 0, 2));
        assertEquals(20.0, s.insertionCost(1, 0, 0)); // base→x=20→x=10: 20 + 10 − 10

        s.insert(1, 0, 1);
        assertEquals(25.0, s.start[0][1]); // 10 + 5 + 10
        assertEquals(40.0, s.start[0][2]);
        assertEquals(35.0, s.latest[0][1]); // min(100, 45 − 10 − 0)
        assertEquals(20.0, s.latest[0][0]); // min(50, 35 − 10 − 5)
        assertEquals(60.0, s.routeDistance[0]);
    }
}
