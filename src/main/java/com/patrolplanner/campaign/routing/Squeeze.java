package com.patrolplanner.campaign.routing;

import java.util.SplittableRandom;

/**
 * The "squeeze" step of Nagata and Bräysy's route minimisation: a visit that fits nowhere is inserted where it breaks
 * the plan least, measured by a penalty (load over the limit plus α × time warp, the minutes a route would have to go
 * back in time to meet its windows and shift end), and the broken routes are then repaired by moves between nearby
 * visits (2-opt*, relocate, swap between routes; relocate within the broken route) that lower the penalty, best move
 * first, until the plan is feasible again or no move helps. On failure the plan is restored. α adapts to which part
 * of the penalty a failed repair left. Like {@link RouteMinimizer}, it knows the core model only (no fixed visits).
 *
 * <p>Moves between routes are evaluated in O(1) by concatenating time-warp segments of route prefixes and suffixes
 * (duration, time warp, earliest and latest start: Vidal et al., "A hybrid genetic algorithm with adaptive diversity
 * management for a large class of vehicle routing problems with time-windows", Comput. Oper. Res. 40, 2013).
 */
final class Squeeze {

    private static final int NEAR = 30;
    private static final int MAX_STEPS = 50;
    private static final double MIN_ALPHA = 0.01;
    private static final double MAX_ALPHA = 100.0;
    private static final double NO_EARLIEST = -1e18;

    private final RoutingArrays a;
    private final SplittableRandom random;
    final double[] warp;
    final int[] excess;
    private final int[] bufA;
    private final int[] bufB;
    private final int[] infeasible;
    // prefix segments: depot start + seq[0..i] stored at i+1 (index 0 = the depot alone)
    private final double[][] fD;
    private final double[][] fW;
    private final double[][] fE;
    private final double[][] fL;
    private final int[][] fLoad;
    // suffix segments: seq[i..n-1] without the end depot, stored at i (index n = empty)
    private final double[][] bD;
    private final double[][] bW;
    private final double[][] bE;
    private final double[][] bL;
    private final int[][] bLoad;
    private RouteState saved;
    double alpha = 1.0;
    private long attempts;
    private long successes;

    // the segment built by the last cat()/start()
    private double cD;
    double cW;
    private double cE;
    private double cL;
    private int cLoc;
    int cLoad;

    Squeeze(RoutingArrays a, SplittableRandom random) {
        this.a = a;
        this.random = random;
        int m = a.vehicleCount;
        int cap = a.visitCount + 2;
        warp = new double[m];
        excess = new int[m];
        bufA = new int[cap];
        bufB = new int[cap];
        infeasible = new int[m];
        fD = new double[m][cap];
        fW = new double[m][cap];
        fE = new double[m][cap];
        fL = new double[m][cap];
        fLoad = new int[m][cap];
        bD = new double[m][cap];
        bW = new double[m][cap];
        bE = new double[m][cap];
        bL = new double[m][cap];
        bLoad = new int[m][cap];
    }

    long attempts() {
        return attempts;
    }

    long successes() {
        return successes;
    }

    /**
     * Inserts unplanned visit v into one of the open routes of s and repairs; returns whether the plan is feasible
     * with v in it. On false, s is as before.
     */
    boolean run(RouteState s, boolean[] closed, int v) {
        attempts++;
        if (saved == null) {
            saved = s.copy();
        } else {
            saved.copyFrom(s);
        }
        for (int r = 0; r < a.vehicleCount; r++) {
            warp[r] = 0.0;
            excess[r] = 0;
            if (s.len[r] > 0) {
                build(s, r);
            }
        }
        if (!insertLeastPenalty(s, closed, v)) {
            return false;
        }
        for (int step = 0; step < MAX_STEPS; step++) {
            int count = 0;
            for (int r = 0; r < a.vehicleCount; r++) {
                if (warp[r] > RoutingTolerance.SEARCH_EPSILON || excess[r] > 0) {
                    infeasible[count++] = r;
                }
            }
            if (count == 0) {
                if (allFeasible(s)) {
                    successes++;
                    return true;
                }
                break;
            }
            int r = infeasible[random.nextInt(count)];
            if (!improve(s, r)) {
                break;
            }
        }
        adaptAlpha();
        s.copyFrom(saved);
        return false;
    }

    /** The segment arithmetic and the replay may differ in the last bits: the replay decides. */
    private boolean allFeasible(RouteState s) {
        for (int r = 0; r < a.vehicleCount; r++) {
            if (s.len[r] > 0 && !s.isFeasible(r, s.seq[r], s.len[r])) {
                return false;
            }
        }
        return true;
    }

    private void adaptAlpha() {
        double w = 0.0;
        int e = 0;
        for (int r = 0; r < a.vehicleCount; r++) {
            w += warp[r];
            e += excess[r];
        }
        if (w > RoutingTolerance.SEARCH_EPSILON && e == 0) {
            alpha = Math.min(MAX_ALPHA, alpha * 1.05);
        } else if (e > 0 && w <= RoutingTolerance.SEARCH_EPSILON) {
            alpha = Math.max(MIN_ALPHA, alpha / 1.05);
        }
    }

    double penalty(double w, int e) {
        return e + alpha * w;
    }

    // ---------------------------------------------------------------- segments

    /** Prefix and suffix segments of route r as it is in s. */
    void build(RouteState s, int r) {
        int n = s.len[r];
        int[] q = s.seq[r];
        start(r);
        fD[r][0] = cD;
        fW[r][0] = cW;
        fE[r][0] = cE;
        fL[r][0] = cL;
        fLoad[r][0] = 0;
        for (int i = 0; i < n; i++) {
            catVisit(q[i]);
            fD[r][i + 1] = cD;
            fW[r][i + 1] = cW;
            fE[r][i + 1] = cE;
            fL[r][i + 1] = cL;
            fLoad[r][i + 1] = cLoad;
        }
        bD[r][n] = 0.0;
        bW[r][n] = 0.0;
        bE[r][n] = NO_EARLIEST;
        bL[r][n] = Double.POSITIVE_INFINITY;
        bLoad[r][n] = 0;
        for (int i = n - 1; i >= 0; i--) {
            int v = q[i];
            // {v} followed by suffix i+1
            setVisit(v);
            if (i + 1 < n) {
                catRaw(bD[r][i + 1], bW[r][i + 1], bE[r][i + 1], bL[r][i + 1], a.location[q[i + 1]],
                        bLoad[r][i + 1]);
            }
            bD[r][i] = cD;
            bW[r][i] = cW;
            bE[r][i] = cE;
            bL[r][i] = cL;
            bLoad[r][i] = cLoad;
        }
    }

    void start(int r) {
        cD = 0.0;
        cW = 0.0;
        cE = a.shiftStart[r];
        cL = a.shiftEnd[r];
        cLoc = a.base[r];
        cLoad = 0;
    }

    /** Current := prefix of route r up to and including position i (i = -1: the depot alone). */
    void prefix(int r, int i, int[] q) {
        cD = fD[r][i + 1];
        cW = fW[r][i + 1];
        cE = fE[r][i + 1];
        cL = fL[r][i + 1];
        cLoad = fLoad[r][i + 1];
        cLoc = i < 0 ? a.base[r] : a.location[q[i]];
    }

    private void setVisit(int v) {
        cD = a.service[v];
        cW = 0.0;
        cE = a.ready[v];
        cL = a.due[v];
        cLoc = a.location[v];
        cLoad = a.demand[v];
    }

    void catVisit(int v) {
        catRaw(a.service[v], 0.0, a.ready[v], a.due[v], a.location[v], a.demand[v]);
        cLoc = a.location[v];
    }

    /** Current := current ⊕ suffix of route r from position i (nothing if i = n). */
    void catSuffix(int r, int i, int[] q, int n) {
        if (i >= n) {
            return;
        }
        catRaw(bD[r][i], bW[r][i], bE[r][i], bL[r][i], a.location[q[i]], bLoad[r][i]);
        cLoc = a.location[q[n - 1]];
    }

    /** Current := current ⊕ the end depot of vehicle r; returns the time warp of the whole route. */
    double close(int r) {
        catRaw(0.0, 0.0, NO_EARLIEST, a.shiftEnd[r], a.base[r], 0);
        return cW;
    }

    private void catRaw(double d2, double w2, double e2, double l2, int firstLoc2, int load2) {
        double t = a.time(cLoc, firstLoc2);
        double delta = cD - cW + t;
        double waitTime = Math.max(e2 - delta - cL, 0.0);
        double extraWarp = Math.max(cE + delta - l2, 0.0);
        double e = Math.max(e2 - delta, cE) - waitTime;
        double l = Math.min(l2 - delta, cL) + extraWarp;
        cD = cD + d2 + t + waitTime;
        cW = cW + w2 + extraWarp;
        cE = e;
        cL = l;
        cLoad += load2;
    }

    /** bufA := the route with the visit at position i moved right after position j. */
    private int moveWithin(int[] q, int n, int i, int j) {
        int na = 0;
        for (int k = 0; k < n; k++) {
            if (k != i) {
                bufA[na++] = q[k];
            }
            if (k == j) {
                bufA[na++] = q[i];
            }
        }
        return na;
    }

    /** Penalty of a whole sequence as route r. */
    private double sequencePenalty(int r, int[] q, int n) {
        start(r);
        for (int k = 0; k < n; k++) {
            catVisit(q[k]);
        }
        return routePenalty(r);
    }

    double routePenalty(int r) {
        double w = close(r);
        return penalty(w, Math.max(0, cLoad - a.capacity[r]));
    }

    // ---------------------------------------------------------------- insertion and repair

    boolean insertLeastPenalty(RouteState s, boolean[] closed, int v) {
        int bestR = -1;
        int bestPos = -1;
        double best = Double.POSITIVE_INFINITY;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int r = 0; r < a.vehicleCount; r++) {
            if (closed[r] || s.len[r] == 0) {
                continue;
            }
            int n = s.len[r];
            int[] q = s.seq[r];
            for (int pos = 0; pos <= n; pos++) {
                prefix(r, pos - 1, q);
                catVisit(v);
                catSuffix(r, pos, q, n);
                double p = routePenalty(r);
                double c = s.insertionCost(v, r, pos);
                if (p < best - 1e-9 || p < best + 1e-9 && c < bestCost) {
                    best = p;
                    bestCost = c;
                    bestR = r;
                    bestPos = pos;
                }
            }
        }
        if (bestR < 0) {
            return false;
        }
        int n = s.len[bestR];
        int k = 0;
        for (int i = 0; i < bestPos; i++) {
            bufA[k++] = s.seq[bestR][i];
        }
        bufA[k++] = v;
        for (int i = bestPos; i < n; i++) {
            bufA[k++] = s.seq[bestR][i];
        }
        apply(s, bestR, bufA, k);
        return true;
    }

    private void apply(RouteState s, int r, int[] seq, int n) {
        s.setRoute(r, seq, n);
        build(s, r);
        prefix(r, n - 1, s.seq[r]);
        double w = close(r);
        warp[r] = w;
        excess[r] = Math.max(0, cLoad - a.capacity[r]);
    }

    /** The best penalty-lowering move of a visit of route r with a nearby visit of another route; false if none. */
    boolean improve(RouteState s, int r) {
        double current = penalty(warp[r], excess[r]);
        double bestDelta = -1e-9;
        int bestR2 = -1;
        int bestMove = -1;
        int bestI = -1;
        int bestJ = -1;
        int n1 = s.len[r];
        int[] s1 = s.seq[r];
        for (int i = 0; i < n1; i++) {
            int v = s1[i];
            int near = Math.min(NEAR, a.neighbours[v].length);
            for (int q = 0; q < near; q++) {
                int w = a.neighbours[v][q];
                int r2 = s.routeOf[w];
                if (r2 < 0) {
                    continue;
                }
                int j = s.posOf[w];
                if (r2 == r) {
                    // within the route: v moved right after w
                    if (j == i - 1 || j == i) {
                        continue;
                    }
                    int na = moveWithin(s1, n1, i, j);
                    double delta = sequencePenalty(r, bufA, na) - current;
                    if (delta < bestDelta) {
                        bestDelta = delta;
                        bestR2 = r;
                        bestMove = 5;
                        bestI = i;
                        bestJ = j;
                    }
                    continue;
                }
                int n2 = s.len[r2];
                int[] s2 = s.seq[r2];
                double before = current + penalty(warp[r2], excess[r2]);
                for (int move = 0; move < 5; move++) {
                    double pa;
                    double pb;
                    switch (move) {
                        case 0 -> { // 2-opt*: r = head to v, then w and r2's tail; r2 = head before w, then r after v
                            prefix(r, i, s1);
                            catSuffix(r2, j, s2, n2);
                            pa = routePenalty(r);
                            if (pa - before >= bestDelta) {
                                continue;
                            }
                            prefix(r2, j - 1, s2);
                            catSuffix(r, i + 1, s1, n1);
                            pb = routePenalty(r2);
                        }
                        case 1 -> { // 2-opt*: r2 = head to w, then v and r's tail; r = head before v, then r2 after w
                            prefix(r, i - 1, s1);
                            catSuffix(r2, j + 1, s2, n2);
                            pa = routePenalty(r);
                            if (pa - before >= bestDelta) {
                                continue;
                            }
                            prefix(r2, j, s2);
                            catSuffix(r, i, s1, n1);
                            pb = routePenalty(r2);
                        }
                        case 2, 3 -> { // relocate v after w (2) or before w (3)
                            prefix(r, i - 1, s1);
                            catSuffix(r, i + 1, s1, n1);
                            pa = routePenalty(r);
                            if (pa - before >= bestDelta) {
                                continue;
                            }
                            int at = move == 2 ? j + 1 : j;
                            prefix(r2, at - 1, s2);
                            catVisit(v);
                            catSuffix(r2, at, s2, n2);
                            pb = routePenalty(r2);
                        }
                        default -> { // swap v and w
                            prefix(r, i - 1, s1);
                            catVisit(w);
                            catSuffix(r, i + 1, s1, n1);
                            pa = routePenalty(r);
                            if (pa - before >= bestDelta) {
                                continue;
                            }
                            prefix(r2, j - 1, s2);
                            catVisit(v);
                            catSuffix(r2, j + 1, s2, n2);
                            pb = routePenalty(r2);
                        }
                    }
                    double delta = pa + pb - before;
                    if (delta < bestDelta) {
                        bestDelta = delta;
                        bestR2 = r2;
                        bestMove = move;
                        bestI = i;
                        bestJ = j;
                    }
                }
            }
        }
        if (bestR2 < 0) {
            return false;
        }
        if (bestMove == 5) {
            int na = moveWithin(s1, n1, bestI, bestJ);
            apply(s, r, bufA, na);
            return true;
        }
        int r2 = bestR2;
        int i = bestI;
        int j = bestJ;
        int[] s2 = s.seq[r2];
        int n2 = s.len[r2];
        int v = s1[i];
        int w = s2[j];
        int na = 0;
        int nb = 0;
        switch (bestMove) {
            case 0 -> {
                for (int k = 0; k <= i; k++) bufA[na++] = s1[k];
                for (int k = j; k < n2; k++) bufA[na++] = s2[k];
                for (int k = 0; k < j; k++) bufB[nb++] = s2[k];
                for (int k = i + 1; k < n1; k++) bufB[nb++] = s1[k];
            }
            case 1 -> {
                for (int k = 0; k < i; k++) bufA[na++] = s1[k];
                for (int k = j + 1; k < n2; k++) bufA[na++] = s2[k];
                for (int k = 0; k <= j; k++) bufB[nb++] = s2[k];
                for (int k = i; k < n1; k++) bufB[nb++] = s1[k];
            }
            case 2, 3 -> {
                for (int k = 0; k < n1; k++) {
                    if (k != i) bufA[na++] = s1[k];
                }
                int at = bestMove == 2 ? j + 1 : j;
                for (int k = 0; k < n2; k++) {
                    if (k == at) bufB[nb++] = v;
                    bufB[nb++] = s2[k];
                }
                if (at == n2) bufB[nb++] = v;
            }
            default -> {
                System.arraycopy(s1, 0, bufA, 0, n1);
                System.arraycopy(s2, 0, bufB, 0, n2);
                bufA[i] = w;
                bufB[j] = v;
                na = n1;
                nb = n2;
            }
        }
        apply(s, r, bufA, na);
        apply(s, r2, bufB, nb);
        return true;
    }
}
