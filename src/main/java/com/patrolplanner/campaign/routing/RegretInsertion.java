package com.patrolplanner.campaign.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parallel regret-2 insertion: opens as many routes as the load limits demand at least, seeds each with the unplanned
 * visit farthest from the bases and seeds so far, then repeatedly inserts the visit whose best feasible insertion
 * would cost most to postpone (second-best route minus best route), at its cheapest position. When no unplanned visit
 * fits any open route, it opens the next vehicle; when the fleet is exhausted the rest stays unplanned.
 *
 * <p>With optional visits ({@link RoutingRules#optionalVisits()}) every usable vehicle is opened at once (the fleet is
 * given), the visit of highest priority goes first (regret breaks ties), and once a visit is planned the other visits
 * of its group are dropped.
 */
final class RegretInsertion {

    private static final double NO_SECOND_ROUTE = 1e7;

    private final RouteState s;
    private final RoutingArrays a;
    private final boolean[] open;
    /** Cheapest feasible insertion cost of visit v into route r, or +∞; and where. */
    private final double[][] cost;
    private final int[][] position;

    RegretInsertion(RouteState state) {
        this.s = state;
        this.a = state.a;
        open = new boolean[a.vehicleCount];
        cost = new double[a.visitCount][a.vehicleCount];
        position = new int[a.visitCount][a.vehicleCount];
    }

    /** Inserts every unplanned visit it can into the routes of {@code state}. */
    void run() {
        List<Integer> unplanned = new ArrayList<>();
        long totalDemand = 0;
        for (int v = 0; v < a.visitCount; v++) {
            if (s.routeOf[v] < 0) {
                unplanned.add(v);
                totalDemand += a.demand[v];
            }
        }
        if (unplanned.isEmpty()) {
            return;
        }
        dropServed(unplanned);
        int maxCapacity = Arrays.stream(a.capacity).max().orElse(1);
        int toOpen = a.optional ? a.vehicleCount
                : (int) Math.max(1, Math.min(a.vehicleCount, (totalDemand + maxCapacity - 1) / maxCapacity));
        int opened = 0;
        for (int r = 0; r < a.vehicleCount; r++) {
            if (s.len[r] > 0) {
                open[r] = true;
            }
        }
        for (int r = 0; r < a.vehicleCount && opened < toOpen; r++) {
            if (!open[r] && seed(r, unplanned)) {
                opened++;
            }
        }
        for (int v : unplanned) {
            for (int r = 0; r < a.vehicleCount; r++) {
                evaluate(v, r);
            }
        }
        while (!unplanned.isEmpty()) {
            int pick = -1;
            double bestRegret = Double.NEGATIVE_INFINITY;
            double bestCost = Double.POSITIVE_INFINITY;
            for (int idx = 0; idx < unplanned.size(); idx++) {
                int v = unplanned.get(idx);
                double c1 = Double.POSITIVE_INFINITY;
                double c2 = Double.POSITIVE_INFINITY;
                for (int r = 0; r < a.vehicleCount; r++) {
                    double c = cost[v][r];
                    if (c < c1) {
                        c2 = c1;
                        c1 = c;
                    } else if (c < c2) {
                        c2 = c;
                    }
                }
                if (c1 == Double.POSITIVE_INFINITY) {
                    continue;
                }
                double regret = (c2 == Double.POSITIVE_INFINITY ? NO_SECOND_ROUTE : c2) - c1;
                if (a.optional) {
                    regret += a.priority[v] * 1e9; // the most important visit first
                }
                if (regret > bestRegret || regret == bestRegret && c1 < bestCost) {
                    bestRegret = regret;
                    bestCost = c1;
                    pick = idx;
                }
            }
            if (pick < 0) {
                int r = nextClosedVehicle();
                if (r < 0 || !seed(r, unplanned)) {
                    return; // fleet exhausted: the rest stays unplanned
                }
                for (int v : unplanned) {
                    evaluate(v, r);
                }
                continue;
            }
            int v = unplanned.remove(pick);
            int route = bestRoute(v);
            s.insert(v, route, position[v][route]);
            dropServed(unplanned);
            for (int u : unplanned) {
                evaluate(u, route);
            }
        }
    }

    private int bestRoute(int v) {
        int best = -1;
        for (int r = 0; r < a.vehicleCount; r++) {
            if (best < 0 || cost[v][r] < cost[v][best]) {
                best = r;
            }
        }
        return best;
    }

    private int nextClosedVehicle() {
        for (int r = 0; r < a.vehicleCount; r++) {
            if (!open[r]) {
                return r;
            }
        }
        return -1;
    }

    /** Opens route r with the feasible unplanned visit farthest from the bases and visits already planned. */
    private boolean seed(int r, List<Integer> unplanned) {
        int pick = -1;
        double far = -1.0;
        for (int idx = 0; idx < unplanned.size(); idx++) {
            int v = unplanned.get(idx);
            if (!s.canInsert(v, r, 0)) {
                continue;
            }
            double d = a.dist(a.base[r], a.location[v]);
            for (int q = 0; q < a.vehicleCount; q++) {
                if (open[q] && s.len[q] > 0) {
                    d = Math.min(d, a.dist(a.location[s.seq[q][0]], a.location[v]));
                }
            }
            if (a.optional) {
                d += a.priority[v] * 1e9;
            }
            if (d > far) {
                far = d;
                pick = idx;
            }
        }
        open[r] = true;
        if (pick < 0) {
            return false;
        }
        int v = unplanned.remove(pick);
        s.insert(v, r, 0);
        dropServed(unplanned);
        return true;
    }

    /** Drops the visits another visit of whose group is planned: the venue is served. */
    private void dropServed(List<Integer> unplanned) {
        unplanned.removeIf(s::groupServed);
    }

    private void evaluate(int v, int r) {
        double best = Double.POSITIVE_INFINITY;
        int bestPos = -1;
        if (open[r]) {
            for (int pos = 0; pos <= s.len[r]; pos++) {
                if (s.canInsert(v, r, pos)) {
                    double c = s.insertionCost(v, r, pos);
                    if (c < best) {
                        best = c;
                        bestPos = pos;
                    }
                }
            }
        }
        cost[v][r] = best;
        position[v][r] = bestPos;
    }
}
