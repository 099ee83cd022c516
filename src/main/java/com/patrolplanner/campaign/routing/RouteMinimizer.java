package com.patrolplanner.campaign.routing;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Removes whole routes, after Nagata and Bräysy's ejection-pool heuristic ("A powerful route minimization heuristic
 * for the vehicle routing problem with time windows", Oper. Res. Lett. 37, 2009).
 *
 * <p>One attempt closes a route and puts its visits into an ejection pool. Visits are taken from the pool one by one
 * (last in, first out) and inserted at a random feasible position; a visit that fits nowhere is first "squeezed" in
 * ({@link Squeeze}: inserted where it breaks least, then repaired by penalty-lowering moves); failing that, its
 * penalty counter is raised and it is inserted by ejecting up to {@link #MAX_EJECTED} other visits from one route,
 * choosing the ejection with the smallest sum of penalty counters (so visits that are hard to place stay put). The
 * ejected visits join the pool, and random feasible moves (relocate, swap, 2-opt*) perturb the routes. The attempt
 * succeeds when the pool is empty; when it is given up the last plan without the pool is restored. Every route is
 * feasible whenever the squeeze is not running.
 */
final class RouteMinimizer {

    static final int MAX_EJECTED = 5;
    /**
     * An attempt whose pool never got below this many visits within {@link #STALL_SHARE} of the time and
     * {@link #STALL_EJECTIONS} ejections (work, so that a busy machine does not cut it short), or never below
     * {@link #FAR_POOL} within that time, is given up.
     */
    static final int STALL_POOL = 3;
    static final int FAR_POOL = 10;
    static final double STALL_SHARE = 0.25;
    static final long STALL_EJECTIONS = 10_000;
    /** An attempt whose pool got down to one visit may run on to this multiple of the time. */
    static final double EXTENSION = 1.5;
    private static final int PERTURB_MOVES = 1000;
    private static final int NEAR = 20;
    private static final long DFS_NODE_BUDGET = 400_000;

    private final RoutingArrays a;
    private final SplittableRandom random;
    private final boolean[] closed;
    private final int[] penalty;
    private final int[] scratch1;
    private final int[] scratch2;
    private final Squeeze squeeze;

    RouteState s;
    private BooleanSupplier stop = () -> false;
    private Consumer<RouteState> onFewerRoutes = plan -> { };
    private long startNanos;
    private long nanos;

    // ejection search state
    private int searchRoute;
    private int incoming;
    private int bestPenalty;
    private int bestInsertBefore;
    private int bestRoute;
    private int bestEjectedCount;
    private final int[] bestEjected = new int[MAX_EJECTED];
    private final int[] ejected = new int[MAX_EJECTED];
    private long dfsNodes;
    private long ejections;

    RouteMinimizer(RoutingArrays a, SplittableRandom random) {
        this.a = a;
        this.random = random;
        closed = new boolean[a.vehicleCount];
        penalty = new int[a.visitCount];
        scratch1 = new int[a.visitCount + 1];
        scratch2 = new int[a.visitCount + 1];
        squeeze = new Squeeze(a, random);
    }

    /** Called with the plan each time a route has been removed (the plan is the minimiser's: copy it). */
    RouteMinimizer onFewerRoutes(Consumer<RouteState> listener) {
        onFewerRoutes = listener;
        return this;
    }

    /**
     * Removes routes from {@code state} until {@code lowerBound} routes remain or the time is up; leaves the best plan
     * reached in {@code state}. The time is {@code nanos} from {@code startNanos}, but an attempt at removing a route
     * that has not got its pool below {@link #STALL_POOL} visits for a while is given up early (the rest of the time
     * goes to shortening routes), and one that has got its pool down to a single visit may run
     * on up to {@link #EXTENSION} times the time: one route fewer outweighs any distance.
     */
    void run(RouteState state, int lowerBound, long startNanos, long nanos, BooleanSupplier hardStop) {
        this.startNanos = startNanos;
        this.nanos = nanos;
        s = state;
        this.stop = hardStop;
        for (int r = 0; r < a.vehicleCount; r++) {
            closed[r] = s.len[r] == 0;
        }
        RouteState saved = state.copy();
        while (!stop.getAsBoolean() && System.nanoTime() < startNanos + nanos && state.usedRoutes() > lowerBound) {
            saved.copyFrom(state);
            if (!removeOneRoute()) {
                state.copyFrom(saved);
                for (int r = 0; r < a.vehicleCount; r++) {
                    closed[r] = state.len[r] == 0;
                }
                return;
            }
            onFewerRoutes.accept(state);
        }
    }

    /** Whether the attempt begun at attemptStart, whose pool got down to minPool visits, should be given up. */
    private boolean giveUp(long attemptStart, int minPool) {
        if (stop.getAsBoolean()) {
            return true;
        }
        long now = System.nanoTime();
        if (now >= startNanos + (long) (EXTENSION * nanos)) {
            return true;
        }
        if (now >= startNanos + nanos && minPool > 1) {
            return true;
        }
        return now - attemptStart >= (long) (STALL_SHARE * nanos)
                && (minPool >= STALL_POOL && ejections >= STALL_EJECTIONS || minPool >= FAR_POOL);
    }

    private boolean removeOneRoute() {
        int victim = pickRouteToRemove();
        Deque<Integer> pool = new ArrayDeque<>();
        int[] visits = Arrays.copyOf(s.seq[victim], s.len[victim]);
        for (int v : visits) {
            s.remove(v);
        }
        closed[victim] = true;
        shuffle(visits);
        for (int v : visits) {
            pool.push(v);
        }
        Arrays.fill(penalty, 1);
        long tA = System.nanoTime();
        long steps = 0;
        ejections = 0;
        int minPool = Integer.MAX_VALUE;
        while (!pool.isEmpty()) {
            minPool = Math.min(minPool, pool.size());
            if ((++steps & 15) == 0 && giveUp(tA, minPool)) {
                traceAttempt("given up", tA, minPool);
                return false;
            }
            int v = pool.pop();
            if (insertAnywhere(v)) {
                continue;
            }
            if (squeeze.run(s, closed, v)) {
                continue;
            }
            penalty[v]++;
            ejections++;
            if (!insertByEjection(v, pool)) {
                pool.addLast(v); // fits nowhere even by ejecting: try again after the routes have moved
            }
            perturb(PERTURB_MOVES);
        }
        traceAttempt("succeeded", tA, 0);
        return true;
    }

    private void traceAttempt(String outcome, long attemptStart, int minPool) {
        if (Boolean.getBoolean("routing.trace")) {
            System.err.printf(java.util.Locale.ROOT,
                    "[routing] route removal %s after %.1f s: %d ejections, smallest pool %d, squeezes %d/%d%n",
                    outcome, (System.nanoTime() - attemptStart) / 1e9, ejections, minPool, squeeze.successes(),
                    squeeze.attempts());
        }
    }

    /** Removes a short route first: fewer visits to re-place; ties broken at random. */
    private int pickRouteToRemove() {
        int best = -1;
        double bestKey = Double.POSITIVE_INFINITY;
        for (int r = 0; r < a.vehicleCount; r++) {
            if (!closed[r] && s.len[r] > 0) {
                double key = s.len[r] + random.nextDouble() * 3.0;
                if (key < bestKey) {
                    bestKey = key;
                    best = r;
                }
            }
        }
        return best;
    }

    /** Inserts v at a random feasible position (random, not cheapest: diversity matters more here). */
    private boolean insertAnywhere(int v) {
        int bestR = -1;
        int bestPos = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < a.vehicleCount; r++) {
            if (closed[r]) {
                continue;
            }
            for (int pos = 0; pos <= s.len[r]; pos++) {
                if (s.canInsert(v, r, pos)) {
                    double c = random.nextDouble();
                    if (c < best) {
                        best = c;
                        bestR = r;
                        bestPos = pos;
                    }
                }
            }
        }
        if (bestR < 0) {
            return false;
        }
        s.insert(v, bestR, bestPos);
        return true;
    }

    // ---------------------------------------------------------------- insertion by ejection

    private boolean insertByEjection(int v, Deque<Integer> pool) {
        incoming = v;
        bestPenalty = Integer.MAX_VALUE;
        bestRoute = -1;
        for (int r = 0; r < a.vehicleCount; r++) {
            if (closed[r]) {
                continue;
            }
            if (stop.getAsBoolean()) {
                return false;
            }
            searchRoute = r;
            dfsNodes = 0;
            search(0, -1, a.base[r], a.shiftStart[r], 0, 0, 0);
        }
        if (bestRoute < 0) {
            return false;
        }
        int r = bestRoute;
        int n = 0;
        for (int i = 0; i <= s.len[r]; i++) {
            if (i == bestInsertBefore) {
                scratch1[n++] = v;
            }
            if (i == s.len[r]) {
                break;
            }
            int u = s.seq[r][i];
            if (!isBestEjected(u)) {
                scratch1[n++] = u;
            }
        }
        int[] out = Arrays.copyOf(bestEjected, bestEjectedCount);
        s.setRoute(r, scratch1, n);
        for (int u : out) {
            s.routeOf[u] = -1;
            pool.push(u);
        }
        return true;
    }

    private boolean isBestEjected(int u) {
        for (int k = 0; k < bestEjectedCount; k++) {
            if (bestEjected[k] == u) {
                return true;
            }
        }
        return false;
    }

    /**
     * Depth-first over the positions of the route: each visit is kept or ejected, and the incoming visit is inserted
     * before exactly one position. {@code insertedBefore} is -1 while the incoming visit is not placed yet.
     */
    private void search(int i, int insertedBefore, int prevLoc, double depart, int ejectedCount, int penaltySum,
            int ejectedDemand) {
        if (++dfsNodes > DFS_NODE_BUDGET) {
            return;
        }
        int r = searchRoute;
        int n = s.len[r];
        boolean loadOk = s.load[r] + a.demand[incoming] - ejectedDemand <= a.capacity[r];
        if (insertedBefore < 0) {
            // place the incoming visit before position i
            double st = Math.max(depart + a.time(prevLoc, a.location[incoming]), a.ready[incoming]);
            if (st <= a.due[incoming] + RoutingTolerance.SEARCH_EPSILON) {
                search(i, i, a.location[incoming], st + a.service[incoming], ejectedCount, penaltySum,
                        ejectedDemand);
            }
        }
        if (i == n) {
            if (insertedBefore >= 0 && loadOk
                    && depart + a.time(prevLoc, a.base[r]) <= a.shiftEnd[r] + RoutingTolerance.SEARCH_EPSILON) {
                record(insertedBefore, ejectedCount, penaltySum);
            }
            return;
        }
        int u = s.seq[r][i];
        // keep u
        double st = Math.max(depart + a.time(prevLoc, a.location[u]), a.ready[u]);
        if (st <= a.due[u] + RoutingTolerance.SEARCH_EPSILON) {
            if (insertedBefore >= 0 && st <= s.start[r][i] + RoutingTolerance.SEARCH_EPSILON && loadOk) {
                record(insertedBefore, ejectedCount, penaltySum); // the rest of the route is as feasible as before
            } else if (insertedBefore < 0 || st <= s.latest[r][i] + RoutingTolerance.SEARCH_EPSILON || ejectedCount
                    < MAX_EJECTED) {
                search(i + 1, insertedBefore, a.location[u], st + a.service[u], ejectedCount, penaltySum,
                        ejectedDemand);
            }
        }
        // eject u
        if (ejectedCount < MAX_EJECTED && penaltySum + penalty[u] < bestPenalty) {
            ejected[ejectedCount] = u;
            search(i + 1, insertedBefore, prevLoc, depart, ejectedCount + 1, penaltySum + penalty[u],
                    ejectedDemand + a.demand[u]);
        }
    }

    private void record(int insertedBefore, int ejectedCount, int penaltySum) {
        if (penaltySum < bestPenalty || penaltySum == bestPenalty && random.nextInt(4) == 0) {
            bestPenalty = penaltySum;
            bestRoute = searchRoute;
            bestInsertBefore = insertedBefore;
            bestEjectedCount = ejectedCount;
            System.arraycopy(ejected, 0, bestEjected, 0, ejectedCount);
        }
    }

    // ---------------------------------------------------------------- perturbation

    /** Random feasible moves between nearby visits: relocate, swap and 2-opt* (exchange of route tails). */
    void perturb(int moves) {
        for (int m = 0; m < moves; m++) {
            int v = random.nextInt(a.visitCount);
            int r1 = s.routeOf[v];
            if (r1 < 0) {
                continue;
            }
            int w = a.neighbours[v][random.nextInt(Math.min(NEAR, a.neighbours[v].length))];
            int r2 = s.routeOf[w];
            if (r2 < 0 || r2 == r1) {
                continue;
            }
            switch (random.nextInt(3)) {
                case 0 -> relocate(v, w);
                case 1 -> swap(v, w);
                default -> twoOptStar(v, w);
            }
        }
    }

    /** Moves v right after w. */
    void relocate(int v, int w) {
        int r2 = s.routeOf[w];
        int pos = s.posOf[w] + 1;
        if (!s.canInsert(v, r2, pos)) {
            return;
        }
        int r1 = s.routeOf[v];
        int n1 = copyWithout(r1, s.posOf[v], scratch1);
        if (!s.isFeasible(r1, scratch1, n1)) {
            return; // only without the triangle inequality
        }
        s.setRoute(r1, scratch1, n1);
        s.insert(v, r2, pos);
    }

    void swap(int v, int w) {
        int r1 = s.routeOf[v];
        int r2 = s.routeOf[w];
        int i = s.posOf[v];
        int j = s.posOf[w];
        if (s.load[r1] - a.demand[v] + a.demand[w] > a.capacity[r1]
                || s.load[r2] - a.demand[w] + a.demand[v] > a.capacity[r2]
                || !fitsBetween(r1, i - 1, w, i + 1) || !fitsBetween(r2, j - 1, v, j + 1)) {
            return; // exact test in O(1); the replay below only confirms
        }
        int n1 = s.len[r1];
        int n2 = s.len[r2];
        System.arraycopy(s.seq[r1], 0, scratch1, 0, n1);
        System.arraycopy(s.seq[r2], 0, scratch2, 0, n2);
        scratch1[s.posOf[v]] = w;
        scratch2[s.posOf[w]] = v;
        if (s.isFeasible(r1, scratch1, n1) && s.isFeasible(r2, scratch2, n2)) {
            s.setRoute(r1, scratch1, n1);
            s.setRoute(r2, scratch2, n2);
        }
    }

    /** Route 1 keeps its head up to v and takes route 2's tail after w, and the other way round. */
    void twoOptStar(int v, int w) {
        int r1 = s.routeOf[v];
        int r2 = s.routeOf[w];
        int i = s.posOf[v];
        int j = s.posOf[w];
        if (alike(r1, r2) && (!joinFits(r1, i, r2, j + 1) || !joinFits(r2, j, r1, i + 1))) {
            return; // time test in O(1) when both vehicles share base and shift; the replay below decides
        }
        int n1 = 0;
        int n2 = 0;
        for (int k = 0; k <= i; k++) {
            scratch1[n1++] = s.seq[r1][k];
        }
        for (int k = j + 1; k < s.len[r2]; k++) {
            scratch1[n1++] = s.seq[r2][k];
        }
        for (int k = 0; k <= j; k++) {
            scratch2[n2++] = s.seq[r2][k];
        }
        for (int k = i + 1; k < s.len[r1]; k++) {
            scratch2[n2++] = s.seq[r1][k];
        }
        if (s.isFeasible(r1, scratch1, n1) && s.isFeasible(r2, scratch2, n2)) {
            s.setRoute(r1, scratch1, n1);
            s.setRoute(r2, scratch2, n2);
        }
    }

    /** Whether visit u fits between positions prev and next of route r (-1 / len: the base), in time. */
    boolean fitsBetween(int r, int prev, int u, int next) {
        int prevLoc;
        double depart;
        if (prev < 0) {
            prevLoc = a.base[r];
            depart = a.shiftStart[r];
        } else {
            int p = s.seq[r][prev];
            prevLoc = a.location[p];
            depart = s.start[r][prev] + a.service[p];
        }
        double st = Math.max(depart + a.time(prevLoc, a.location[u]), a.ready[u]);
        if (st > a.due[u] + RoutingTolerance.SEARCH_EPSILON) {
            return false;
        }
        double leave = st + a.service[u];
        if (next >= s.len[r]) {
            return leave + a.time(a.location[u], a.base[r]) <= a.shiftEnd[r] + RoutingTolerance.SEARCH_EPSILON;
        }
        return leave + a.time(a.location[u], a.location[s.seq[r][next]])
                <= s.latest[r][next] + RoutingTolerance.SEARCH_EPSILON;
    }

    /** Whether route r1 up to position i, followed by route r2 from position j on, keeps its windows. */
    boolean joinFits(int r1, int i, int r2, int j) {
        int prevLoc;
        double depart;
        if (i < 0) {
            prevLoc = a.base[r1];
            depart = a.shiftStart[r1];
        } else {
            int p = s.seq[r1][i];
            prevLoc = a.location[p];
            depart = s.start[r1][i] + a.service[p];
        }
        if (j >= s.len[r2]) {
            return depart + a.time(prevLoc, a.base[r1]) <= a.shiftEnd[r1] + RoutingTolerance.SEARCH_EPSILON;
        }
        int x = s.seq[r2][j];
        return Math.max(depart + a.time(prevLoc, a.location[x]), a.ready[x])
                <= s.latest[r2][j] + RoutingTolerance.SEARCH_EPSILON;
    }

    private boolean alike(int r1, int r2) {
        return a.base[r1] == a.base[r2] && a.shiftStart[r1] == a.shiftStart[r2] && a.shiftEnd[r1] == a.shiftEnd[r2];
    }

    private int copyWithout(int r, int pos, int[] out) {
        int n = 0;
        for (int k = 0; k < s.len[r]; k++) {
            if (k != pos) {
                out[n++] = s.seq[r][k];
            }
        }
        return n;
    }

    private void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
