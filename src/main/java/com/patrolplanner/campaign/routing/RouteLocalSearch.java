package com.patrolplanner.campaign.routing;

import static com.patrolplanner.campaign.routing.RoutingTolerance.SEARCH_EPSILON;

/**
 * A descent to a local optimum under three moves, for the core model (every visit required, nothing pinned, no
 * workload term): relocate (a visit taken out and put back at its cheapest feasible position in any route in use,
 * its own included), or-opt (a string of 2 or 3 consecutive visits moved, in order, to its cheapest feasible place
 * in another route in use) and 2-opt* (the tails of two routes exchanged: route r keeps its first i visits and takes
 * route q's visits from position j on, and the other way round). 2-opt* exchanges whole tails, which ruin-and-recreate of
 * short strings can hardly do on long routes; its feasibility is tested in O(1) from the earliest and latest service
 * starts {@link RouteState} keeps (a tail keeps its latest starts when it moves to a vehicle with the same base,
 * shift and capacity, so the move is only tried between such vehicles). Only improving moves are applied (first
 * improvement), so the result is never longer; a route may be emptied, none is opened.
 */
final class RouteLocalSearch {

    /** Whether strings of 2 or 3 visits are also moved to other routes (or-opt). */
    static final boolean SEGMENTS = !"false".equals(System.getProperty("routing.lsSegments", "true"));
    /** Longest string moved whole to another route. */
    private static final int MAX_SEGMENT = 3;
    /** A move must shorten the plan by more than this. */
    private static final double MIN_GAIN = 1e-7;

    private final RoutingArrays a;
    private final int[][] prefixLoad;
    private final int[] scratch1;
    private final int[] scratch2;
    private long moves;

    RouteLocalSearch(RoutingArrays a) {
        this.a = a;
        prefixLoad = new int[a.vehicleCount][a.visitCount + 2];
        scratch1 = new int[a.visitCount + 1];
        scratch2 = new int[a.visitCount + 1];
    }

    /** Whether the model is the core one this search knows (required visits only, nothing pinned, no workload). */
    static boolean applies(RoutingArrays a) {
        if (a.optional || a.fairWorkload) {
            return false;
        }
        for (int f : a.fixed) {
            if (f >= 0) {
                return false;
            }
        }
        for (boolean u : a.usable) {
            if (!u) {
                return false;
            }
        }
        return true;
    }

    /** Moves applied so far. */
    long moves() {
        return moves;
    }

    /** Improves {@code s} in place until no move shortens it; true when something changed. */
    boolean improve(RouteState s) {
        boolean any = false;
        boolean improved = true;
        int rounds = 0;
        while (improved && rounds++ < 50) {
            improved = twoOptStar(s);
            improved |= relocate(s);
            if (SEGMENTS) {
                improved |= moveSegments(s);
            }
            any |= improved;
        }
        return any;
    }

    // ---------------------------------------------------------------- relocate

    private boolean relocate(RouteState s) {
        boolean improved = false;
        for (int v = 0; v < a.visitCount; v++) {
            int r = s.routeOf[v];
            if (r < 0) {
                continue;
            }
            int p = s.posOf[v];
            double before = s.routeDistance[r];
            s.remove(v);
            double gain = before - s.routeDistance[r];
            int bestR = r;
            int bestPos = p;
            double best = gain - MIN_GAIN;
            for (int q = 0; q < a.vehicleCount; q++) {
                if (s.len[q] == 0 && q != r || s.load[q] + a.demand[v] > a.capacity[q]) {
                    continue;
                }
                for (int pos = 0; pos <= s.len[q]; pos++) {
                    double c = s.insertionCost(v, q, pos);
                    if (c < best && s.timeFeasibleInsert(v, q, pos)) {
                        best = c;
                        bestR = q;
                        bestPos = pos;
                    }
                }
            }
            s.insert(v, bestR, bestPos);
            if (bestR != r || bestPos != p) {
                improved = true;
                moves++;
            }
        }
        return improved;
    }

    // ---------------------------------------------------------------- or-opt between routes

    /** Moves strings of 2 … {@link #MAX_SEGMENT} consecutive visits, in their order, to another route in use. */
    private boolean moveSegments(RouteState s) {
        boolean improved = false;
        for (int r = 0; r < a.vehicleCount; r++) {
            for (int k = 2; k <= MAX_SEGMENT; k++) {
                for (int i = 0; i + k <= s.len[r]; i++) {
                    if (moveSegment(s, r, i, k)) {
                        improved = true;
                        moves++;
                    }
                }
            }
        }
        return improved;
    }

    /** Moves visits i … i+k-1 of route r to their best place in another route if that shortens the plan. */
    private boolean moveSegment(RouteState s, int r, int i, int k) {
        int n = s.len[r];
        int[] sr = s.seq[r];
        int first = sr[i];
        int last = sr[i + k - 1];
        int prev = i == 0 ? a.base[r] : a.location[sr[i - 1]];
        int next = i + k == n ? a.base[r] : a.location[sr[i + k]];
        // route r without the string
        double depart = i == 0 ? a.shiftStart[r] : s.start[r][i - 1] + a.service[sr[i - 1]];
        if (i + k < n || i > 0) {
            double arrive = depart + a.time(prev, next);
            if (i + k == n ? arrive > a.shiftEnd[r] + SEARCH_EPSILON : arrive > s.latest[r][i + k] + SEARCH_EPSILON) {
                return false;
            }
        }
        int segmentLoad = 0;
        for (int m = i; m < i + k; m++) {
            segmentLoad += a.demand[sr[m]];
        }
        // the string's inner arcs move with it (an emptied route's base-to-base "arc" is 0)
        double gain = a.dist(prev, a.location[first]) + a.dist(a.location[last], next) - a.dist(prev, next);
        int bestQ = -1;
        int bestPos = -1;
        double best = gain - MIN_GAIN;
        for (int q = 0; q < a.vehicleCount; q++) {
            if (q == r || s.len[q] == 0 || s.load[q] + segmentLoad > a.capacity[q]) {
                continue;
            }
            int[] sq = s.seq[q];
            for (int pos = 0; pos <= s.len[q]; pos++) {
                int p = pos == 0 ? a.base[q] : a.location[sq[pos - 1]];
                int nx = pos == s.len[q] ? a.base[q] : a.location[sq[pos]];
                double c = a.dist(p, a.location[first]) + a.dist(a.location[last], nx) - a.dist(p, nx);
                if (c >= best || !segmentFits(s, r, i, k, q, pos)) {
                    continue;
                }
                best = c;
                bestQ = q;
                bestPos = pos;
            }
        }
        if (bestQ < 0) {
            return false;
        }
        int n1 = 0;
        for (int m = 0; m < n; m++) {
            if (m < i || m >= i + k) {
                scratch1[n1++] = sr[m];
            }
        }
        int[] sq = s.seq[bestQ];
        int n2 = 0;
        for (int m = 0; m < bestPos; m++) {
            scratch2[n2++] = sq[m];
        }
        for (int m = i; m < i + k; m++) {
            scratch2[n2++] = sr[m];
        }
        for (int m = bestPos; m < s.len[bestQ]; m++) {
            scratch2[n2++] = sq[m];
        }
        s.setRoute(bestQ, scratch2, n2);
        s.setRoute(r, scratch1, n1);
        return true;
    }

    /** Whether visits i … i+k-1 of route r fit, in order, into route q before position pos. */
    private boolean segmentFits(RouteState s, int r, int i, int k, int q, int pos) {
        int[] sq = s.seq[q];
        int at;
        double t;
        if (pos == 0) {
            at = a.base[q];
            t = a.shiftStart[q];
        } else {
            at = a.location[sq[pos - 1]];
            t = s.start[q][pos - 1] + a.service[sq[pos - 1]];
        }
        for (int m = i; m < i + k; m++) {
            int v = s.seq[r][m];
            t += a.time(at, a.location[v]);
            if (t < a.ready[v]) {
                t = a.ready[v];
            }
            if (t > a.due[v] + SEARCH_EPSILON) {
                return false;
            }
            t += a.service[v];
            at = a.location[v];
        }
        if (pos == s.len[q]) {
            return t + a.time(at, a.base[q]) <= a.shiftEnd[q] + SEARCH_EPSILON;
        }
        return t + a.time(at, a.location[sq[pos]]) <= s.latest[q][pos] + SEARCH_EPSILON;
    }

    // ---------------------------------------------------------------- 2-opt*

    private void loads(RouteState s, int r) {
        int[] pl = prefixLoad[r];
        pl[0] = 0;
        for (int i = 0; i < s.len[r]; i++) {
            pl[i + 1] = pl[i] + a.demand[s.seq[r][i]];
        }
    }

    private boolean sameVehicle(int r, int q) {
        return a.base[r] == a.base[q] && a.shiftStart[r] == a.shiftStart[q] && a.shiftEnd[r] == a.shiftEnd[q]
                && a.capacity[r] == a.capacity[q];
    }

    private boolean twoOptStar(RouteState s) {
        for (int r = 0; r < a.vehicleCount; r++) {
            loads(s, r);
        }
        boolean improved = false;
        for (int r = 0; r < a.vehicleCount; r++) {
            for (int q = r + 1; q < a.vehicleCount; q++) {
                if (s.len[r] == 0 || s.len[q] == 0 || !sameVehicle(r, q)) {
                    continue;
                }
                while (bestTailExchange(s, r, q)) {
                    improved = true;
                    moves++;
                    loads(s, r);
                    loads(s, q);
                    if (s.len[r] == 0 || s.len[q] == 0) {
                        break;
                    }
                }
            }
        }
        return improved;
    }

    /** Applies the best improving tail exchange between routes r and q (same kind of vehicle); false when none. */
    private boolean bestTailExchange(RouteState s, int r, int q) {
        int nr = s.len[r];
        int nq = s.len[q];
        int[] sr = s.seq[r];
        int[] sq = s.seq[q];
        int base = a.base[r];
        int cap = a.capacity[r];
        int loadR = s.load[r];
        int loadQ = s.load[q];
        double bestGain = MIN_GAIN;
        int bestI = -1;
        int bestJ = -1;
        for (int i = 0; i <= nr; i++) {
            // r keeps sr[0..i), q keeps sq[0..j)
            int prevR = i == 0 ? base : a.location[sr[i - 1]];
            double departR = i == 0 ? a.shiftStart[r] : s.start[r][i - 1] + a.service[sr[i - 1]];
            int nextR = i == nr ? base : a.location[sr[i]];
            double oldR = a.dist(prevR, nextR);
            int headR = prefixLoad[r][i];
            for (int j = 0; j <= nq; j++) {
                if (i == nr && j == nq || i == 0 && j == 0) {
                    continue; // nothing exchanged, or the two routes swapped whole
                }
                if (headR + loadQ - prefixLoad[q][j] > cap || prefixLoad[q][j] + loadR - headR > cap) {
                    continue;
                }
                int prevQ = j == 0 ? base : a.location[sq[j - 1]];
                int nextQ = j == nq ? base : a.location[sq[j]];
                double gain = oldR + a.dist(prevQ, nextQ) - a.dist(prevR, nextQ) - a.dist(prevQ, nextR);
                if (gain <= bestGain) {
                    continue;
                }
                // r's head then q's tail
                double arrive = departR + a.time(prevR, nextQ);
                if (j == nq ? arrive > a.shiftEnd[r] + SEARCH_EPSILON : arrive > s.latest[q][j] + SEARCH_EPSILON) {
                    continue;
                }
                // q's head then r's tail
                double departQ = j == 0 ? a.shiftStart[q] : s.start[q][j - 1] + a.service[sq[j - 1]];
                double arriveQ = departQ + a.time(prevQ, nextR);
                if (i == nr ? arriveQ > a.shiftEnd[q] + SEARCH_EPSILON
                        : arriveQ > s.latest[r][i] + SEARCH_EPSILON) {
                    continue;
                }
                bestGain = gain;
                bestI = i;
                bestJ = j;
            }
        }
        if (bestI < 0) {
            return false;
        }
        int n1 = 0;
        for (int k = 0; k < bestI; k++) {
            scratch1[n1++] = sr[k];
        }
        for (int k = bestJ; k < nq; k++) {
            scratch1[n1++] = sq[k];
        }
        int n2 = 0;
        for (int k = 0; k < bestJ; k++) {
            scratch2[n2++] = sq[k];
        }
        for (int k = bestI; k < nr; k++) {
            scratch2[n2++] = sr[k];
        }
        s.setRoute(r, scratch1, n1);
        s.setRoute(q, scratch2, n2);
        return true;
    }
}
