package com.patrolplanner.campaign.routing;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Ruin-and-recreate with simulated annealing at a fixed fleet, after Christiaens and Vanden Berghe's "Slack Induction
 * by String Removals" (SISR, Transportation Science 54(2), 2020): ruin removes a few strings of consecutive visits from
 * routes near a random seed visit (some keeping a piece in the middle), recreate puts each removed visit back at its
 * cheapest feasible position, skipping each position with a small blink probability, in random, demand, far-first or
 * near-first order. The temperature cools geometrically over the time given.
 *
 * <p>Core model (every visit required, nothing pinned): each new best plan is taken to a local optimum by
 * {@link RouteLocalSearch} (relocate, or-opt, 2-opt*), and the time is split into {@link #RESTARTS} runs from the
 * starting plan, each with the whole temperature schedule, keeping the best plan of all: on 200-visit instances the
 * plan one run ends at varies far more than what twice the time gains (a run may settle in a much worse basin).
 *
 * <p>Only routes in use when the search starts take visits; a plan that leaves a visit unplaced is rejected, so the
 * fleet never grows. A route emptied on the way stays closed: the fleet may shrink.
 *
 * <p>With optional visits ({@link RoutingRules#optionalVisits()}, campaigns) the fleet is fixed instead: every usable
 * vehicle takes visits, recreate also tries every unplanned visit whose venue is not served, a visit that fits nowhere
 * stays unplanned, and a plan is judged by the priority it leaves unplanned first, then by {@link RouteState#softCost()}.
 * Fixed (done or pinned) visits are never removed, and at most one visit of a group is planned.
 */
final class StringRemovalSearch {

    private static final double AVERAGE_REMOVED = Double.parseDouble(System.getProperty("routing.avgRemoved", "10"));
    private static final int MAX_STRING = Integer.getInteger("routing.maxString", 10);
    private static final double BLINK = 0.01;
    private static final double SPLIT_KEEP_PROBABILITY = 0.5;
    private static final double START_TEMPERATURE = 100.0;
    private static final double END_TEMPERATURE = 1.0;
    /** The core model's temperatures (campaigns keep theirs: their soft cost is on another scale). */
    private static final double CORE_START_TEMPERATURE = Double.parseDouble(System.getProperty("routing.t0", "100"));
    private static final double CORE_END_TEMPERATURE = Double.parseDouble(System.getProperty("routing.t1", "1"));
    /**
     * Core model: a removed visit is tried only next to (before or after) its this many nearest planned visits, and at
     * both ends of each route; only when none of those fits are all positions tried. 0: all positions always.
     */
    private static final int GRANULAR = Integer.getInteger("routing.granular", 0);
    /**
     * Core model: the time is split into this many runs, each from the starting plan with the whole temperature
     * schedule; the best plan of all is kept (the result of one run varies more than a longer run gains).
     */
    private static final int RESTARTS = Integer.getInteger("routing.restarts", 2);
    private static final boolean LOCAL_SEARCH = !"false".equals(System.getProperty("routing.ls", "true"));
    /** One unplanned priority point outweighs any soft difference the annealing could accept. */
    private static final double PRIORITY_SCALE = 1e7;
    /** With optional visits: how many of the ruin seed's nearest visits recreate also tries when unplanned. */
    private static final int RELATED_UNPLANNED = 40;

    private final RoutingArrays a;
    private final SplittableRandom random;
    final boolean[] open;
    final boolean[] touched;
    private final int[][] savedSeq;
    private final double[][] savedStart;
    private final double[][] savedLatest;
    private final int[] savedLen;
    private final int[] savedLoad;
    private final double[] savedDistance;
    final int[] touchedList;
    int touchedCount;
    private final int[] removed;
    private int removedCount;
    private final boolean[] ruinedRoute;
    private final int[] scratch;
    private final double[] sortKey;
    private final boolean[] candidate;
    private int lastSeed;
    private long iterations;
    private final RouteLocalSearch localSearch;
    private final boolean granular;
    private final double startTemperature;
    private final double endTemperature;
    private long localSearchNanos;
    /** The open routes, listed at the start of each recreate (most vehicles of a large fleet are closed). */
    private final int[] openList;
    private int openCount;

    RouteState s;

    StringRemovalSearch(RoutingArrays a, SplittableRandom random) {
        this.a = a;
        this.random = random;
        open = new boolean[a.vehicleCount];
        touched = new boolean[a.vehicleCount];
        savedSeq = new int[a.vehicleCount][a.visitCount + 1];
        savedStart = new double[a.vehicleCount][a.visitCount + 1];
        savedLatest = new double[a.vehicleCount][a.visitCount + 1];
        savedLen = new int[a.vehicleCount];
        savedLoad = new int[a.vehicleCount];
        savedDistance = new double[a.vehicleCount];
        touchedList = new int[a.vehicleCount];
        removed = new int[a.visitCount];
        ruinedRoute = new boolean[a.vehicleCount];
        scratch = new int[a.visitCount + 1];
        sortKey = new double[a.visitCount];
        candidate = new boolean[a.visitCount];
        openList = new int[a.vehicleCount];
        boolean core = RouteLocalSearch.applies(a);
        localSearch = core && LOCAL_SEARCH ? new RouteLocalSearch(a) : null;
        granular = core && GRANULAR > 0 && GRANULAR < a.visitCount - 1;
        startTemperature = core ? CORE_START_TEMPERATURE : START_TEMPERATURE;
        endTemperature = core ? CORE_END_TEMPERATURE : END_TEMPERATURE;
    }

    private final int[] single = new int[1];

    long iterations() {
        return iterations;
    }

    /** Improves {@code state} in place until {@code deadlineNanos} or {@code stop}; leaves the best plan found. */
    void run(RouteState state, long deadlineNanos, BooleanSupplier stop) {
        run(state, deadlineNanos, stop, () -> null);
    }

    /**
     * As {@link #run(RouteState, long, BooleanSupplier)}, but now and then asks {@code handedOver} for a plan with
     * fewer routes found meanwhile (by a route minimisation on another thread; null when there is none) and, given
     * one, carries on from it with the temperature schedule restarted for the time left.
     */
    void run(RouteState state, long deadlineNanos, BooleanSupplier stop, Supplier<RouteState> handedOver) {
        s = state;
        RouteState best = state.copy();
        int bestRoutes = a.optional ? 0 : state.usedRoutes();
        double bestCost = objective(true);
        double current = bestCost;
        long begin = System.nanoTime();
        int runs = RouteLocalSearch.applies(a) ? Math.max(1, RESTARTS) : 1;
        int run = 0;
        RouteState start = runs > 1 ? state.copy() : null;
        double span = Math.max(1.0, (deadlineNanos - begin) / (double) runs);
        if (a.optional) {
            System.arraycopy(a.usable, 0, open, 0, open.length);
        } else {
            reopen();
        }
        double temperature = startTemperature;
        boolean trace = Boolean.getBoolean("routing.trace");
        long nextTrace = begin + 5_000_000_000L;
        long traceT0 = begin;
        while (true) {
            if ((iterations & 63) == 0) {
                long now = System.nanoTime();
                if (now >= deadlineNanos || stop.getAsBoolean()) {
                    break;
                }
                RouteState fewer = handedOver.get();
                if (fewer != null && fewer.usedRoutes() < bestRoutes) {
                    s.copyFrom(fewer);
                    best.copyFrom(fewer);
                    bestRoutes = fewer.usedRoutes();
                    bestCost = fewer.totalDistance();
                    current = bestCost;
                    reopen();
                    begin = now;
                    run = 0;
                    if (start != null) {
                        start.copyFrom(fewer);
                    }
                    span = Math.max(1.0, (deadlineNanos - begin) / (double) runs);
                }
                if (run + 1 < runs && now - begin >= span) {
                    // a new run from the starting plan (or from the best, when that has fewer routes)
                    run++;
                    begin = now;
                    span = Math.max(1.0, (deadlineNanos - begin) / (double) (runs - run));
                    if (bestRoutes < start.usedRoutes()) {
                        start.copyFrom(best);
                    }
                    s.copyFrom(start);
                    current = objective(true);
                    reopen();
                    if (trace) {
                        System.err.printf(java.util.Locale.ROOT, "[routing] %s restarts (best %.2f)%n",
                                Thread.currentThread().getName(), bestCost);
                    }
                }
                double progress = (now - begin) / span;
                temperature = startTemperature * Math.pow(endTemperature / startTemperature, progress);
                if (trace && now >= nextTrace) {
                    nextTrace += 5_000_000_000L;
                    System.err.printf(java.util.Locale.ROOT,
                            "[routing] %s sisr %.0f s: T %.2f current %.2f best %.2f (%d routes), %d it, ls %.1f s%n",
                            Thread.currentThread().getName(), (now - traceT0) / 1e9, temperature, current, bestCost,
                            bestRoutes, iterations, localSearchNanos / 1e9);
                }
            }
            iterations++;
            touchedCount = 0;
            ruin();
            boolean complete = recreate();
            double cost = objective(complete);
            int routes = a.optional ? 0 : complete ? s.usedRoutes() : Integer.MAX_VALUE;
            boolean fewerRoutes = routes < bestRoutes;
            if (complete && (fewerRoutes || cost < current - temperature * Math.log(random.nextDouble()))) {
                current = cost;
                if (!a.optional) {
                    reopen();
                }
                if (fewerRoutes || routes == bestRoutes && cost < bestCost - 1e-9) {
                    if (localSearch != null) {
                        long l0 = System.nanoTime();
                        if (localSearch.improve(s)) {
                            cost = s.totalDistance();
                            current = cost;
                            routes = s.usedRoutes();
                        }
                        localSearchNanos += System.nanoTime() - l0;
                    }
                    bestRoutes = routes;
                    reopen();
                    bestCost = cost;
                    best.copyFrom(s);
                }
            } else {
                undo();
            }
            for (int k = 0; k < touchedCount; k++) {
                touched[touchedList[k]] = false;
            }
        }
        state.copyFrom(best);
    }

    /** Distance with every visit planned (core), or unplanned priority then soft cost (optional visits). */
    double objective(boolean complete) {
        if (a.optional) {
            return s.unplannedPriority() * PRIORITY_SCALE + s.softCost();
        }
        return complete ? s.totalDistance() : Double.POSITIVE_INFINITY;
    }

    /** Core model: the routes in use take visits (a route emptied on the way stays closed). */
    private void reopen() {
        for (int r = 0; r < a.vehicleCount; r++) {
            open[r] = s.len[r] > 0;
        }
    }

    private void touch(int r) {
        if (!touched[r]) {
            touched[r] = true;
            touchedList[touchedCount++] = r;
            int n = s.len[r];
            savedLen[r] = n;
            savedLoad[r] = s.load[r];
            savedDistance[r] = s.routeDistance[r];
            System.arraycopy(s.seq[r], 0, savedSeq[r], 0, n);
            System.arraycopy(s.start[r], 0, savedStart[r], 0, n);
            System.arraycopy(s.latest[r], 0, savedLatest[r], 0, n);
        }
    }

    /** Puts the touched routes back as they were, by copying: no replay needed. */
    void undo() {
        for (int k = 0; k < touchedCount; k++) {
            int r = touchedList[k];
            for (int i = 0; i < s.len[r]; i++) {
                s.routeOf[s.seq[r][i]] = -1; // a visit unplanned before this iteration becomes unplanned again
            }
        }
        for (int k = 0; k < touchedCount; k++) {
            int r = touchedList[k];
            int n = savedLen[r];
            s.len[r] = n;
            s.load[r] = savedLoad[r];
            s.routeDistance[r] = savedDistance[r];
            System.arraycopy(savedSeq[r], 0, s.seq[r], 0, n);
            System.arraycopy(savedStart[r], 0, s.start[r], 0, n);
            System.arraycopy(savedLatest[r], 0, s.latest[r], 0, n);
            for (int i = 0; i < n; i++) {
                s.routeOf[s.seq[r][i]] = r;
                s.posOf[s.seq[r][i]] = i;
            }
        }
    }

    // ---------------------------------------------------------------- ruin

    void ruin() {
        removedCount = 0;
        Arrays.fill(ruinedRoute, false);
        int used = 0;
        int planned = 0;
        for (int r = 0; r < a.vehicleCount; r++) {
            if (s.len[r] > 0) {
                used++;
                planned += s.len[r];
            }
        }
        if (used == 0) {
            if (a.optional) {
                lastSeed = random.nextInt(a.visitCount);
            }
            return;
        }
        double maxString = Math.min(MAX_STRING, (double) planned / used);
        double maxStrings = 4.0 * AVERAGE_REMOVED / (1.0 + maxString) - 1.0;
        int strings = (int) (random.nextDouble() * maxStrings) + 1;
        int seed = random.nextInt(a.visitCount);
        lastSeed = seed;
        int ruined = 0;
        for (int k = -1; k < a.neighbours[seed].length && ruined < strings; k++) {
            int c = k < 0 ? seed : a.neighbours[seed][k];
            int r = s.routeOf[c];
            if (r < 0 || ruinedRoute[r]) {
                continue;
            }
            int maxLength = (int) Math.min(s.len[r], maxString);
            int length = random.nextInt(Math.max(1, maxLength)) + 1;
            touch(r);
            if (random.nextBoolean() || length >= s.len[r]) {
                removeString(r, c, length);
            } else {
                removeSplitString(r, c, length);
            }
            ruinedRoute[r] = true;
            ruined++;
        }
    }

    /** Removes {@code length} consecutive visits of route r containing visit c, at a random offset. */
    private void removeString(int r, int c, int length) {
        int n = s.len[r];
        int pos = s.posOf[c];
        int lo = Math.max(0, pos - length + 1);
        int hi = Math.min(pos, n - length);
        int first = lo + random.nextInt(hi - lo + 1);
        removeWindow(r, first, length, 0, 0);
    }

    /** Removes {@code length} visits from a window of {@code length + kept} around c, keeping a piece inside. */
    private void removeSplitString(int r, int c, int length) {
        int n = s.len[r];
        int kept = 1;
        while (length + kept < n && random.nextDouble() < SPLIT_KEEP_PROBABILITY) {
            kept++;
        }
        int window = length + kept;
        int pos = s.posOf[c];
        int lo = Math.max(0, pos - window + 1);
        int hi = Math.min(pos, n - window);
        int first = lo + random.nextInt(hi - lo + 1);
        int keptOffset = random.nextInt(length + 1);
        removeWindow(r, first, window, keptOffset, kept);
    }

    /** Removes positions first … first+window-1 of route r except {@code kept} of them starting at offset. */
    private void removeWindow(int r, int first, int window, int keptOffset, int kept) {
        int n = 0;
        for (int i = 0; i < s.len[r]; i++) {
            int offset = i - first;
            boolean inWindow = offset >= 0 && offset < window;
            boolean isKept = offset >= keptOffset && offset < keptOffset + kept;
            int v = s.seq[r][i];
            if (inWindow && !isKept && a.fixed[v] < 0) {
                removed[removedCount++] = v;
            } else {
                scratch[n++] = v;
            }
        }
        s.setRoute(r, scratch, n);
    }

    // ---------------------------------------------------------------- recreate

    boolean recreate() {
        openCount = 0;
        for (int r = 0; r < a.vehicleCount; r++) {
            if (open[r]) {
                openList[openCount++] = r;
            }
        }
        if (a.optional) {
            addRelatedUnplanned();
        }
        sortRemoved();
        for (int k = 0; k < removedCount; k++) {
            int v = removed[k];
            if (a.optional && (s.routeOf[v] >= 0 || s.groupServed(v))) {
                continue; // planned already as the cheapest window of its venue, or another window is
            }
            // a venue offered in several windows goes into the cheapest of them
            single[0] = v;
            boolean inserted = granular && insertNearNeighbours(v)
                    || insertCheapest(a.optional ? a.groupMembers[a.group[v]] : single);
            if (!inserted && !a.optional) {
                return false; // with required visits a plan that leaves one out is rejected
            }
        }
        return true;
    }

    /**
     * Adds to the visits to recreate the unplanned ones near the ruin's seed, where the ruin made room: trying every
     * unplanned visit each iteration would cost more than it finds.
     */
    private void addRelatedUnplanned() {
        for (int k = 0; k < removedCount; k++) {
            candidate[removed[k]] = true;
        }
        int[] near = a.neighbours[lastSeed];
        for (int k = -1; k < Math.min(near.length, RELATED_UNPLANNED); k++) {
            int v = k < 0 ? lastSeed : near[k];
            if (s.routeOf[v] < 0 && !candidate[v]) {
                candidate[v] = true;
                removed[removedCount++] = v;
            }
        }
        for (int k = 0; k < removedCount; k++) {
            candidate[removed[k]] = false;
        }
    }

    /**
     * Inserts the cheapest of the candidate visits at its cheapest feasible position in an open route, skipping each
     * position with the blink probability; false when none fits.
     */
    private boolean insertCheapest(int[] candidates) {
        int bestV = -1;
        int bestR = -1;
        int bestPos = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int v : candidates) {
            for (int o = 0; o < openCount; o++) {
                int r = openList[o];
                if (s.len[r] == 0 && !a.optional || s.load[r] + a.demand[v] > a.capacity[r]
                        || a.fixed[v] >= 0 && a.fixed[v] != r) {
                    continue;
                }
                for (int pos = 0; pos <= s.len[r]; pos++) {
                    if (random.nextDouble() < BLINK) {
                        continue;
                    }
                    double c = s.insertionCost(v, r, pos);
                    if (c < best && s.timeFeasibleInsert(v, r, pos)) {
                        best = c;
                        bestV = v;
                        bestR = r;
                        bestPos = pos;
                    }
                }
            }
        }
        if (bestV < 0) {
            return false;
        }
        touch(bestR);
        s.insert(bestV, bestR, bestPos);
        return true;
    }

    /**
     * Inserts v at the cheapest feasible position next to one of its {@link #GRANULAR} nearest planned visits or at an
     * end of an open route, skipping each with the blink probability; false when none fits (then all are tried).
     */
    private boolean insertNearNeighbours(int v) {
        int bestR = -1;
        int bestPos = -1;
        double best = Double.POSITIVE_INFINITY;
        int[] near = a.neighbours[v];
        for (int k = 0; k < GRANULAR; k++) {
            int u = near[k];
            int r = s.routeOf[u];
            if (r < 0 || !open[r] || s.load[r] + a.demand[v] > a.capacity[r]) {
                continue;
            }
            int p = s.posOf[u];
            for (int pos = p; pos <= p + 1; pos++) {
                if (random.nextDouble() < BLINK) {
                    continue;
                }
                double c = s.insertionCost(v, r, pos);
                if (c < best && s.timeFeasibleInsert(v, r, pos)) {
                    best = c;
                    bestR = r;
                    bestPos = pos;
                }
            }
        }
        for (int o = 0; o < openCount; o++) {
            int r = openList[o];
            if (s.len[r] == 0 || s.load[r] + a.demand[v] > a.capacity[r]) {
                continue;
            }
            for (int pos = 0; pos <= s.len[r]; pos += s.len[r]) {
                if (random.nextDouble() < BLINK) {
                    continue;
                }
                double c = s.insertionCost(v, r, pos);
                if (c < best && s.timeFeasibleInsert(v, r, pos)) {
                    best = c;
                    bestR = r;
                    bestPos = pos;
                }
            }
        }
        if (bestR < 0) {
            return false;
        }
        touch(bestR);
        s.insert(v, bestR, bestPos);
        return true;
    }

    private void sortRemoved() {
        boolean priorityFirst = a.optional && random.nextBoolean();
        int order = random.nextInt(11);
        for (int k = 0; k < removedCount; k++) {
            int v = removed[k];
            int base = a.base[0];
            if (order < 4) {
                sortKey[k] = random.nextDouble();
            } else if (order < 8) {
                sortKey[k] = -a.demand[v];
            } else if (order < 10) {
                sortKey[k] = -a.dist(base, a.location[v]);
            } else {
                sortKey[k] = a.dist(base, a.location[v]);
            }
            if (priorityFirst) {
                sortKey[k] -= a.priority[v] * 1e9; // the most important first
            }
        }
        // insertion sort: a handful of visits
        for (int i = 1; i < removedCount; i++) {
            int v = removed[i];
            double key = sortKey[i];
            int j = i - 1;
            while (j >= 0 && sortKey[j] > key) {
                removed[j + 1] = removed[j];
                sortKey[j + 1] = sortKey[j];
                j--;
            }
            removed[j + 1] = v;
            sortKey[j + 1] = key;
        }
    }
}
