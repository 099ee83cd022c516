package com.patrolplanner.campaign.routing;

import java.util.Arrays;

import static com.patrolplanner.campaign.routing.RoutingTolerance.SEARCH_EPSILON;

/**
 * A mutable set of routes over {@link RoutingArrays}, route r driven by vehicle r, with the bookkeeping that makes an
 * insertion test O(1): for each position the earliest service start given the prefix and the latest service start
 * that keeps the suffix feasible. Every route kept here is feasible (windows, shift end, load limit); callers test
 * before they change.
 */
final class RouteState {

    final RoutingArrays a;
    final int[][] seq;
    final int[] len;
    final int[] load;
    final double[][] start;
    final double[][] latest;
    final double[] routeDistance;
    /** Route of each visit, or -1 when unplanned. */
    final int[] routeOf;
    final int[] posOf;

    RouteState(RoutingArrays a) {
        this.a = a;
        int m = a.vehicleCount;
        int cap = a.visitCount + 1;
        seq = new int[m][cap];
        start = new double[m][cap];
        latest = new double[m][cap];
        len = new int[m];
        load = new int[m];
        routeDistance = new double[m];
        routeOf = new int[a.visitCount];
        posOf = new int[a.visitCount];
        Arrays.fill(routeOf, -1);
    }

    void copyFrom(RouteState o) {
        for (int r = 0; r < len.length; r++) {
            System.arraycopy(o.seq[r], 0, seq[r], 0, o.len[r]);
            System.arraycopy(o.start[r], 0, start[r], 0, o.len[r]);
            System.arraycopy(o.latest[r], 0, latest[r], 0, o.len[r]);
        }
        System.arraycopy(o.len, 0, len, 0, len.length);
        System.arraycopy(o.load, 0, load, 0, load.length);
        System.arraycopy(o.routeDistance, 0, routeDistance, 0, routeDistance.length);
        System.arraycopy(o.routeOf, 0, routeOf, 0, routeOf.length);
        System.arraycopy(o.posOf, 0, posOf, 0, posOf.length);
    }

    RouteState copy() {
        RouteState c = new RouteState(a);
        c.copyFrom(this);
        return c;
    }

    int usedRoutes() {
        int used = 0;
        for (int l : len) {
            if (l > 0) {
                used++;
            }
        }
        return used;
    }

    double totalDistance() {
        double d = 0.0;
        for (double rd : routeDistance) {
            d += rd;
        }
        return d;
    }

    int unplannedCount() {
        int count = 0;
        for (int r : routeOf) {
            if (r < 0) {
                count++;
            }
        }
        return count;
    }

    /** Recomputes loads, times, distance and positions of route r after its sequence changed. */
    void refresh(int r) {
        int[] s = seq[r];
        int n = len[r];
        int prevLoc = a.base[r];
        double t = a.shiftStart[r];
        double d = 0.0;
        int l = 0;
        for (int i = 0; i < n; i++) {
            int v = s[i];
            t += a.time(prevLoc, a.location[v]);
            d += a.dist(prevLoc, a.location[v]);
            if (t < a.ready[v]) {
                t = a.ready[v];
            }
            start[r][i] = t;
            t += a.service[v];
            l += a.demand[v];
            prevLoc = a.location[v];
            routeOf[v] = r;
            posOf[v] = i;
        }
        d += n > 0 ? a.dist(prevLoc, a.base[r]) : 0.0;
        routeDistance[r] = d;
        load[r] = l;
        double late = a.shiftEnd[r];
        int nextLoc = a.base[r];
        for (int i = n - 1; i >= 0; i--) {
            int v = s[i];
            late = Math.min(a.due[v], late - a.time(a.location[v], nextLoc) - a.service[v]);
            latest[r][i] = late;
            nextLoc = a.location[v];
        }
    }

    /** Whether visit v fits into route r before position pos (0 … len) without breaking a window, shift or load. */
    boolean canInsert(int v, int r, int pos) {
        if (!a.usable[r] || a.fixed[v] >= 0 && a.fixed[v] != r || load[r] + a.demand[v] > a.capacity[r]) {
            return false;
        }
        return timeFeasibleInsert(v, r, pos);
    }

    boolean timeFeasibleInsert(int v, int r, int pos) {
        int n = len[r];
        int prevLoc;
        double depart;
        if (pos == 0) {
            prevLoc = a.base[r];
            depart = a.shiftStart[r];
        } else {
            int p = seq[r][pos - 1];
            prevLoc = a.location[p];
            depart = start[r][pos - 1] + a.service[p];
        }
        double st = depart + a.time(prevLoc, a.location[v]);
        if (st < a.ready[v]) {
            st = a.ready[v];
        }
        if (st > a.due[v] + SEARCH_EPSILON) {
            return false;
        }
        double leave = st + a.service[v];
        if (pos == n) {
            return leave + a.time(a.location[v], a.base[r]) <= a.shiftEnd[r] + SEARCH_EPSILON;
        }
        return leave + a.time(a.location[v], a.location[seq[r][pos]]) <= latest[r][pos] + SEARCH_EPSILON;
    }

    /** Whether another visit of v's group (an alternative window of the same venue) is planned. */
    boolean groupServed(int v) {
        for (int u : a.groupMembers[a.group[v]]) {
            if (u != v && routeOf[u] >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * What leaving visits unplanned costs, with optional visits ({@link RoutingRules#optionalVisits()}): the priority
     * of each unplanned visit whose group has no planned member, as the score's medium level counts it.
     */
    long unplannedPriority() {
        long sum = 0;
        for (int v = 0; v < a.visitCount; v++) {
            if (routeOf[v] < 0 && !groupServed(v)) {
                sum += a.priority[v];
            }
        }
        return sum;
    }

    /**
     * The soft objective in distance units: distance, plus with {@link RoutingRules#fairWorkload()} the square of each
     * route's working minutes (travel + service) in thousandths, the campaign score's "fair workload" on the same
     * scale as its distance (which it counts in thousandths).
     */
    double softCost() {
        double d = 0.0;
        for (int r = 0; r < len.length; r++) {
            d += routeDistance[r];
            if (a.fairWorkload && len[r] > 0) {
                double work = routeTime(r);
                long m = Math.round(work);
                d += m * m / 1000.0;
            }
        }
        return d;
    }

    /** Travel plus service minutes of route r, waiting excluded. */
    double routeTime(int r) {
        double t = 0.0;
        int prevLoc = a.base[r];
        for (int i = 0; i < len[r]; i++) {
            int v = seq[r][i];
            t += a.time(prevLoc, a.location[v]) + a.service[v];
            prevLoc = a.location[v];
        }
        return len[r] == 0 ? 0.0 : t + a.time(prevLoc, a.base[r]);
    }

    /** Extra distance of inserting visit v into route r before position pos. */
    double insertionCost(int v, int r, int pos) {
        int prevLoc = pos == 0 ? a.base[r] : a.location[seq[r][pos - 1]];
        int nextLoc = pos == len[r] ? a.base[r] : a.location[seq[r][pos]];
        int loc = a.location[v];
        return a.dist(prevLoc, loc) + a.dist(loc, nextLoc) - a.dist(prevLoc, nextLoc);
    }

    /**
     * Inserts visit v into route r before position pos. Only what changes is recomputed: start times from pos on until
     * one is unchanged, latest starts from pos back until one is unchanged.
     */
    void insert(int v, int r, int pos) {
        int n = len[r];
        routeDistance[r] += insertionCost(v, r, pos);
        int[] s = seq[r];
        double[] st = start[r];
        double[] lt = latest[r];
        System.arraycopy(s, pos, s, pos + 1, n - pos);
        System.arraycopy(st, pos, st, pos + 1, n - pos);
        System.arraycopy(lt, pos, lt, pos + 1, n - pos);
        s[pos] = v;
        n++;
        len[r] = n;
        load[r] += a.demand[v];
        for (int i = pos; i < n; i++) {
            routeOf[s[i]] = r;
            posOf[s[i]] = i;
        }
        for (int i = pos; i < n; i++) {
            int u = s[i];
            double t = i == 0 ? a.shiftStart[r] + a.time(a.base[r], a.location[u])
                    : st[i - 1] + a.service[s[i - 1]] + a.time(a.location[s[i - 1]], a.location[u]);
            if (t < a.ready[u]) {
                t = a.ready[u];
            }
            if (i > pos && t == st[i]) {
                break;
            }
            st[i] = t;
        }
        for (int i = pos; i >= 0; i--) {
            int u = s[i];
            double late = i == n - 1 ? a.shiftEnd[r] - a.time(a.location[u], a.base[r]) - a.service[u]
                    : lt[i + 1] - a.time(a.location[u], a.location[s[i + 1]]) - a.service[u];
            if (a.due[u] < late) {
                late = a.due[u];
            }
            if (i < pos && late == lt[i]) {
                break;
            }
            lt[i] = late;
        }
    }

    /** Removes visit v from its route; it becomes unplanned. */
    void remove(int v) {
        int r = routeOf[v];
        int pos = posOf[v];
        int[] s = seq[r];
        System.arraycopy(s, pos + 1, s, pos, len[r] - pos - 1);
        len[r]--;
        routeOf[v] = -1;
        refresh(r);
    }

    /** Replaces route r by the given sequence (no feasibility test: see {@link #isFeasible}). */
    void setRoute(int r, int[] sequence, int n) {
        for (int i = 0; i < len[r]; i++) {
            if (routeOf[seq[r][i]] == r) {
                routeOf[seq[r][i]] = -1;
            }
        }
        System.arraycopy(sequence, 0, seq[r], 0, n);
        len[r] = n;
        refresh(r);
    }

    /** Whether the sequence would be a feasible route for vehicle r; replays it. */
    boolean isFeasible(int r, int[] s, int n) {
        int prevLoc = a.base[r];
        double t = a.shiftStart[r];
        int l = 0;
        for (int i = 0; i < n; i++) {
            int v = s[i];
            l += a.demand[v];
            if (l > a.capacity[r]) {
                return false;
            }
            t += a.time(prevLoc, a.location[v]);
            if (t < a.ready[v]) {
                t = a.ready[v];
            }
            if (t > a.due[v] + SEARCH_EPSILON) {
                return false;
            }
            t += a.service[v];
            prevLoc = a.location[v];
        }
        return t + a.time(prevLoc, a.base[r]) <= a.shiftEnd[r] + SEARCH_EPSILON;
    }

    double sequenceDistance(int r, int[] s, int n) {
        if (n == 0) {
            return 0.0;
        }
        double d = 0.0;
        int prevLoc = a.base[r];
        for (int i = 0; i < n; i++) {
            d += a.dist(prevLoc, a.location[s[i]]);
            prevLoc = a.location[s[i]];
        }
        return d + a.dist(prevLoc, a.base[r]);
    }
}
