package com.patrolplanner.campaign.travel;

import com.patrolplanner.geo.Geodesy;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * An in-memory directed road graph: nodes (OSM id, lon/lat) and arcs weighted in seconds, in compressed adjacency
 * (arcs of node {@code u} are {@code first[u] … first[u+1]-1}). A two-way road is two arcs, a one-way road one.
 * Shortest paths by Dijkstra with a binary heap; {@link Double#POSITIVE_INFINITY} marks an unreachable node.
 * Immutable once built; safe to share between threads.
 */
public final class RoadGraph {
    private final long[] osmId;
    private final double[] lon;
    private final double[] lat;
    private final int[] first;
    private final int[] head;
    private final double[] seconds;
    private final Map<Long, Integer> index;
    private final boolean[] snappable;

    private RoadGraph(long[] osmId, double[] lon, double[] lat, int[] first, int[] head, double[] seconds,
            Map<Long, Integer> index, boolean[] snappable) {
        this.snappable = snappable;
        this.osmId = osmId;
        this.lon = lon;
        this.lat = lat;
        this.first = first;
        this.head = head;
        this.seconds = seconds;
        this.index = index;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int nodes() {
        return osmId.length;
    }

    public int arcs() {
        return head.length;
    }

    /** Index of an OSM node, or -1 when it is not in this graph. */
    public int index(long osmNodeId) {
        Integer i = index.get(osmNodeId);
        return i == null ? -1 : i;
    }

    public long osmId(int node) {
        return osmId[node];
    }

    public double lon(int node) {
        return lon[node];
    }

    public double lat(int node) {
        return lat[node];
    }

    /** Seconds from {@code source} to every node (one Dijkstra run over the whole graph). */
    public double[] secondsFrom(int source) {
        return run(source, -1);
    }

    /** Seconds from {@code source} to {@code target}, stopping as soon as the target is settled. */
    public double seconds(int source, int target) {
        return run(source, target)[target];
    }

    /**
     * The snappable node nearest to a point (geodesic metres), by a scan of every node: an equirectangular pre-filter,
     * then the exact distance for the few nodes that could still win; ties go to the lower OSM id. -1 when the graph has
     * no snappable node. Nodes outside the largest strongly connected part of the network are not snappable (see
     * {@link #largestComponent()}), so that a point is not tied to an island of service roads.
     */
    public int nearest(double lonDeg, double latDeg) {
        int n = osmId.length;
        if (n == 0) {
            return -1;
        }
        double k = Math.cos(Math.toRadians(latDeg));
        double[] approx = new double[n];
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (!snappable[i]) {
                approx[i] = Double.POSITIVE_INFINITY;
                continue;
            }
            double dx = (lon[i] - lonDeg) * k;
            double dy = lat[i] - latDeg;
            approx[i] = dx * dx + dy * dy;
            best = Math.min(best, approx[i]);
        }
        if (Double.isInfinite(best)) {
            return -1;
        }
        // the equirectangular error is far below 1 % within the few kilometres a snap spans; 1e-12 deg² ≈ 0.1 m
        double limit = best * 1.0201 + 1e-12;
        int winner = -1;
        double winnerM = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (approx[i] <= limit) {
                double m = Geodesy.distance(lonDeg, latDeg, lon[i], lat[i]);
                if (m < winnerM || (m == winnerM && osmId[i] < osmId[winner])) {
                    winnerM = m;
                    winner = i;
                }
            }
        }
        return winner;
    }

    public boolean snappable(int node) {
        return snappable[node];
    }

    /**
     * Marks the nodes of the largest strongly connected component (every node reaches every other): the part of the
     * network a car can both enter and leave. Kosaraju's two passes, iterative (no recursion on large graphs).
     */
    public boolean[] largestComponent() {
        int n = osmId.length;
        // reverse adjacency
        int[] rFirst = new int[n + 1];
        for (int u = 0; u < n; u++) {
            for (int a = first[u]; a < first[u + 1]; a++) {
                rFirst[head[a] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            rFirst[i + 1] += rFirst[i];
        }
        int[] rHead = new int[head.length];
        int[] fill = Arrays.copyOf(rFirst, n);
        for (int u = 0; u < n; u++) {
            for (int a = first[u]; a < first[u + 1]; a++) {
                rHead[fill[head[a]]++] = u;
            }
        }
        // pass 1: finishing order on the forward graph
        int[] order = new int[n];
        int done = 0;
        boolean[] seen = new boolean[n];
        int[] stack = new int[n];
        int[] next = new int[n];
        for (int s = 0; s < n; s++) {
            if (seen[s]) {
                continue;
            }
            int top = 0;
            stack[0] = s;
            next[s] = first[s];
            seen[s] = true;
            while (top >= 0) {
                int u = stack[top];
                if (next[u] < first[u + 1]) {
                    int v = head[next[u]++];
                    if (!seen[v]) {
                        seen[v] = true;
                        next[v] = first[v];
                        stack[++top] = v;
                    }
                } else {
                    order[done++] = u;
                    top--;
                }
            }
        }
        // pass 2: components on the reverse graph in reverse finishing order
        int[] comp = new int[n];
        Arrays.fill(comp, -1);
        int comps = 0;
        int bestComp = -1;
        int bestSize = 0;
        for (int i = n - 1; i >= 0; i--) {
            int s = order[i];
            if (comp[s] >= 0) {
                continue;
            }
            int size = 0;
            int top = 0;
            stack[0] = s;
            comp[s] = comps;
            while (top >= 0) {
                int u = stack[top--];
                size++;
                for (int a = rFirst[u]; a < rFirst[u + 1]; a++) {
                    int v = rHead[a];
                    if (comp[v] < 0) {
                        comp[v] = comps;
                        stack[++top] = v;
                    }
                }
            }
            if (size > bestSize) {
                bestSize = size;
                bestComp = comps;
            }
            comps++;
        }
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = comp[i] == bestComp;
        }
        return out;
    }

    private double[] run(int source, int target) {
        int n = osmId.length;
        double[] dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        boolean[] done = new boolean[n];
        Heap heap = new Heap(Math.max(16, n / 4));
        dist[source] = 0;
        heap.push(0, source);
        while (heap.size > 0) {
            double d = heap.topKey();
            int u = heap.pop();
            if (done[u]) {
                continue; // a stale entry: u was pushed again with a shorter distance (lazy deletion)
            }
            done[u] = true;
            if (u == target) {
                break;
            }
            for (int a = first[u]; a < first[u + 1]; a++) {
                int v = head[a];
                double nd = d + seconds[a];
                if (nd < dist[v]) {
                    dist[v] = nd;
                    heap.push(nd, v);
                }
            }
        }
        return dist;
    }

    /** A binary min-heap of (key, node) with lazy deletion: decrease-key is a second push. */
    private static final class Heap {
        double[] keys;
        int[] vals;
        int size;

        Heap(int capacity) {
            keys = new double[capacity];
            vals = new int[capacity];
        }

        void push(double key, int val) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                vals = Arrays.copyOf(vals, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int p = (i - 1) >>> 1;
                if (keys[p] <= key) {
                    break;
                }
                keys[i] = keys[p];
                vals[i] = vals[p];
                i = p;
            }
            keys[i] = key;
            vals[i] = val;
        }

        double topKey() {
            return keys[0];
        }

        int pop() {
            int top = vals[0];
            size--;
            if (size > 0) {
                double key = keys[size];
                int val = vals[size];
                int i = 0;
                while (true) {
                    int c = 2 * i + 1;
                    if (c >= size) {
                        break;
                    }
                    if (c + 1 < size && keys[c + 1] < keys[c]) {
                        c++;
                    }
                    if (keys[c] >= key) {
                        break;
                    }
                    keys[i] = keys[c];
                    vals[i] = vals[c];
                    i = c;
                }
                keys[i] = key;
                vals[i] = val;
            }
            return top;
        }
    }

    /** Collects nodes and roads; a road between unknown nodes is an error. Duplicate nodes (same OSM id) merge. */
    public static final class Builder {
        private final Map<Long, Integer> index = new HashMap<>();
        private long[] ids = new long[1024];
        private double[] xs = new double[1024];
        private double[] ys = new double[1024];
        private boolean[] snap = new boolean[1024];
        private int n;
        private int[] tail = new int[1024];
        private int[] tip = new int[1024];
        private double[] secs = new double[1024];
        private int m;

        public Builder node(long osmId, double lonDeg, double latDeg) {
            return node(osmId, lonDeg, latDeg, true);
        }

        /** A node; {@code snappable} false keeps points from snapping to it (it still carries paths). */
        public Builder node(long osmId, double lonDeg, double latDeg, boolean snappable) {
            Integer known = index.get(osmId);
            if (known != null) {
                snap[known] |= snappable; // the same OSM node from two sources: snappable if either says so
                return this;
            }
            if (n == ids.length) {
                ids = Arrays.copyOf(ids, n * 2);
                xs = Arrays.copyOf(xs, n * 2);
                ys = Arrays.copyOf(ys, n * 2);
                snap = Arrays.copyOf(snap, n * 2);
            }
            ids[n] = osmId;
            xs[n] = lonDeg;
            ys[n] = latDeg;
            snap[n] = snappable;
            index.put(osmId, n++);
            return this;
        }

        /** A road from one node to another taking {@code seconds}; drivable both ways unless {@code oneway}. */
        public Builder road(long fromOsm, long toOsm, double seconds, boolean oneway) {
            Integer a = index.get(fromOsm);
            Integer b = index.get(toOsm);
            if (a == null || b == null) {
                throw new IllegalArgumentException("road " + fromOsm + " → " + toOsm + " between unknown nodes");
            }
            if (!(seconds >= 0) || Double.isInfinite(seconds)) {
                throw new IllegalArgumentException("road " + fromOsm + " → " + toOsm + ": seconds " + seconds);
            }
            arc(a, b, seconds);
            if (!oneway) {
                arc(b, a, seconds);
            }
            return this;
        }

        private void arc(int a, int b, double s) {
            if (m == tail.length) {
                tail = Arrays.copyOf(tail, m * 2);
                tip = Arrays.copyOf(tip, m * 2);
                secs = Arrays.copyOf(secs, m * 2);
            }
            tail[m] = a;
            tip[m] = b;
            secs[m] = s;
            m++;
        }

        public RoadGraph build() {
            int[] first = new int[n + 1];
            for (int i = 0; i < m; i++) {
                first[tail[i] + 1]++;
            }
            for (int i = 0; i < n; i++) {
                first[i + 1] += first[i];
            }
            int[] fill = Arrays.copyOf(first, n);
            int[] head = new int[m];
            double[] seconds = new double[m];
            for (int i = 0; i < m; i++) {
                int at = fill[tail[i]]++;
                head[at] = tip[i];
                seconds[at] = secs[i];
            }
            return new RoadGraph(Arrays.copyOf(ids, n), Arrays.copyOf(xs, n), Arrays.copyOf(ys, n), first, head, seconds,
                    Map.copyOf(index), Arrays.copyOf(snap, n));
        }
    }
}
