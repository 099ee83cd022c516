package com.patrolplanner.campaign.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link Squeeze}: its segment arithmetic (time warp and load of concatenated route pieces, in O(1)) against the
 * replay's time warp of the whole concatenated route, and its penalty bookkeeping after each move against the
 * penalty of the resulting routes recomputed from scratch.
 */
class SqueezeTest {

    private static final int TRIALS = 200;

    @Test
    void concatenatedSegmentsHaveTheTimeWarpAndLoadOfTheWholeRoute() {
        SplittableRandom rnd = new SplittableRandom(11);
        int warped = 0;
        int checks = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            RandomRouting w = RandomRouting.random(rnd, 5 + rnd.nextInt(10), 2 + rnd.nextInt(2), rnd.nextBoolean(),
                    20 + rnd.nextDouble(150));
            RouteState s = w.anyState(rnd, 0.9);
            Squeeze q = new Squeeze(w.arrays, new SplittableRandom(trial));
            for (int r = 0; r < w.arrays.vehicleCount; r++) {
                q.build(s, r);
            }
            for (int r = 0; r < w.arrays.vehicleCount; r++) {
                for (int r2 = 0; r2 < w.arrays.vehicleCount; r2++) {
                    int[] s1 = RandomRouting.route(s, r);
                    int[] s2 = RandomRouting.route(s, r2);
                    for (int i = -1; i < s1.length; i++) {
                        int[] head = Arrays.copyOf(s1, i + 1);
                        for (int j = 0; j <= s2.length; j++) {
                            int[] tail = Arrays.copyOfRange(s2, j, s2.length);
                            // 2-opt* shape: head of r, tail of r2, driven by vehicle r
                            q.prefix(r, i, s.seq[r]);
                            q.catSuffix(r2, j, s.seq[r2], s.len[r2]);
                            double warp = q.close(r);
                            int[] whole = RandomRouting.concat(head, tail);
                            assertEquals(w.warp(r, whole), warp, 1e-6, () -> "warp of " + Arrays.toString(whole));
                            assertEquals(w.load(whole), q.cLoad);
                            warped += warp > 1e-6 ? 1 : 0;
                            checks++;
                        }
                        // relocate / swap shape: head of r, one visit, tail of r (i+2 on: position i+1 replaced)
                        int v = rnd.nextInt(w.arrays.visitCount);
                        int from = Math.min(i + 2, s1.length);
                        q.prefix(r, i, s.seq[r]);
                        q.catVisit(v);
                        q.catSuffix(r, from, s.seq[r], s.len[r]);
                        double p = q.routePenalty(r);
                        int[] whole = RandomRouting.concat(RandomRouting.concat(head, new int[] {v}),
                                Arrays.copyOfRange(s1, from, s1.length));
                        double expected = Math.max(0, w.load(whole) - w.vehicle(r).getCapacity())
                                + q.alpha * w.warp(r, whole);
                        assertEquals(expected, p, 1e-6, () -> "penalty of " + Arrays.toString(whole));
                    }
                }
            }
        }
        assertTrue(warped > checks / 10 && warped < checks * 9 / 10, warped + " of " + checks + " warped");
    }

    @Test
    void leastPenaltyInsertionAndEachRepairMoveKeepThePenaltiesOfTheRoutesAsRecomputed() {
        SplittableRandom rnd = new SplittableRandom(12);
        int moves = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            RandomRouting w = RandomRouting.random(rnd, 12 + rnd.nextInt(10), 3, rnd.nextBoolean(),
                    40 + rnd.nextDouble(100));
            RouteState s = w.feasibleState(rnd, 1.0);
            int v = unplannedFittingNowhere(s);
            if (v < 0) {
                continue;
            }
            Squeeze q = new Squeeze(w.arrays, new SplittableRandom(trial));
            boolean[] closed = new boolean[w.arrays.vehicleCount];
            for (int r = 0; r < w.arrays.vehicleCount; r++) {
                closed[r] = s.len[r] == 0;
                if (!closed[r]) {
                    q.build(s, r);
                }
            }
            if (!q.insertLeastPenalty(s, closed, v)) {
                continue;
            }
            double least = Double.POSITIVE_INFINITY;
            RouteState before = s.copy();
            before.remove(v);
            for (int r = 0; r < w.arrays.vehicleCount; r++) {
                int[] seq = RandomRouting.route(before, r);
                for (int pos = 0; pos <= seq.length && !closed[r]; pos++) {
                    least = Math.min(least, penalty(w, q, r, RandomRouting.insert(seq, pos, v)));
                }
            }
            assertEquals(least, totalPenalty(w, q, s), 1e-6, "the insertion that breaks the plan least");
            assertPenaltiesAsRecomputed(w, q, s);
            for (int step = 0; step < 50; step++) {
                int broken = -1;
                for (int r = 0; r < w.arrays.vehicleCount; r++) {
                    if (q.warp[r] > 1e-7 || q.excess[r] > 0) {
                        broken = r;
                    }
                }
                if (broken < 0) {
                    break;
                }
                double total = totalPenalty(w, q, s);
                List<List<Integer>> routes = RandomRouting.routes(s);
                if (!q.improve(s, broken)) {
                    assertEquals(routes, RandomRouting.routes(s), "no move, no change");
                    break;
                }
                moves++;
                assertPenaltiesAsRecomputed(w, q, s);
                assertTrue(totalPenalty(w, q, s) < total - 1e-10, "a repair move lowers the penalty");
                w.assertBookkeeping(s);
            }
        }
        assertTrue(moves > 100, "repair moves exercised: " + moves);
    }

    @Test
    void aSqueezeEitherLeavesAFeasiblePlanWithTheVisitOrTheSamePlan() {
        SplittableRandom rnd = new SplittableRandom(13);
        int succeeded = 0;
        int failed = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            RandomRouting w = RandomRouting.random(rnd, 12 + rnd.nextInt(10), 3, rnd.nextBoolean(),
                    40 + rnd.nextDouble(100));
            RouteState s = w.feasibleState(rnd, 1.0);
            Squeeze q = new Squeeze(w.arrays, new SplittableRandom(trial));
            for (int attempt = 0; attempt < 5; attempt++) {
                int v = unplannedFittingNowhere(s);
                if (v < 0) {
                    break;
                }
                boolean[] closed = new boolean[w.arrays.vehicleCount];
                for (int r = 0; r < closed.length; r++) {
                    closed[r] = s.len[r] == 0;
                }
                List<List<Integer>> routes = RandomRouting.routes(s);
                int unplanned = s.unplannedCount();
                if (q.run(s, closed, v)) {
                    succeeded++;
                    assertTrue(s.routeOf[v] >= 0);
                    assertEquals(unplanned - 1, s.unplannedCount(), "only the squeezed visit is added");
                    for (int r = 0; r < w.arrays.vehicleCount; r++) {
                        assertTrue(w.feasible(r, RandomRouting.route(s, r)), "route " + r + " repaired");
                        assertTrue(!closed[r] || s.len[r] == 0, "a closed route stays empty");
                    }
                    w.assertBookkeeping(s);
                } else {
                    failed++;
                    assertEquals(routes, RandomRouting.routes(s), "a failed squeeze restores the plan");
                    w.assertBookkeeping(s);
                    break;
                }
            }
        }
        assertTrue(succeeded > 10 && failed > 10, succeeded + " squeezes succeeded, " + failed + " failed");
    }

    /** An unplanned visit that no route can take as it is, or -1. */
    private static int unplannedFittingNowhere(RouteState s) {
        for (int v = 0; v < s.a.visitCount; v++) {
            if (s.routeOf[v] >= 0) {
                continue;
            }
            boolean fits = false;
            for (int r = 0; r < s.a.vehicleCount && !fits; r++) {
                for (int pos = 0; pos <= s.len[r] && !fits; pos++) {
                    fits = s.len[r] > 0 && s.canInsert(v, r, pos);
                }
            }
            if (!fits) {
                return v;
            }
        }
        return -1;
    }

    private static double penalty(RandomRouting w, Squeeze q, int r, int[] seq) {
        return Math.max(0, w.load(seq) - w.vehicle(r).getCapacity()) + q.alpha * w.warp(r, seq);
    }

    private static double totalPenalty(RandomRouting w, Squeeze q, RouteState s) {
        double p = 0.0;
        for (int r = 0; r < w.arrays.vehicleCount; r++) {
            p += penalty(w, q, r, RandomRouting.route(s, r));
        }
        return p;
    }

    private static void assertPenaltiesAsRecomputed(RandomRouting w, Squeeze q, RouteState s) {
        for (int r = 0; r < w.arrays.vehicleCount; r++) {
            int[] seq = RandomRouting.route(s, r);
            assertEquals(w.warp(r, seq), q.warp[r], 1e-6, "time warp of route " + r);
            assertEquals(Math.max(0, w.load(seq) - w.vehicle(r).getCapacity()), q.excess[r], "load excess of " + r);
        }
    }
}
