package com.patrolplanner.zoning;

import com.patrolplanner.i18n.Messages;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Splits a graph of grid cells into {@code k} regions that are connected, balanced in workload and compact. Pure and
 * deterministic: the same graph and seed give the same regions.
 *
 * <p>Method: zones are allotted to the connected parts of the graph by D'Hondt on workload (a part whose workload is
 * below one zone's share gets none and joins the zone nearest to it: the only case where a zone is not one piece);
 * inside a part, k-means++ seeds (weighted by workload and area, drawn from the seed) are refined by a few Lloyd
 * steps, regions grow from them one cell at a time (always the lightest region, taking its frontier cell nearest its
 * seed), then boundary cells move between neighbouring regions — a move is made only when the giving region stays
 * connected (BFS) — first to lower Σ(load − target)², then to shorten the shared boundary without loosening the balance.
 */
final class Partitioner {
    /** Cells: workload (minutes), area (m²), position (metres), neighbours with the shared edge length (m). */
    record Graph(double[] weight, double[] area, double[] x, double[] y, int[][] nbr, double[][] shared) {
        int n() {
            return weight.length;
        }
    }

    /** zoneOf per cell, and the zones that received a detached part (exclave) of the district. */
    record Result(int[] zoneOf, int[] partOf, int parts, List<Integer> zonesWithExclaves) {
    }

    private static final double COMPACTNESS_RATIO_FLOOR = 1.05;
    private static final double AREA_SHARE = 0.03;
    /** Price of one cell edge more of boundary, in units of Σ((load − target)/target)²: balance first, then shape. */
    private static final double COMPACTNESS_WEIGHT = 2e-4;

    private final Graph g;
    private double[] bw;
    private final int[] zone;
    private final long deadline;
    private int[] stamp;
    private final double edge;
    private int stampNo;

    private Partitioner(Graph g, long deadlineNanos) {
        this.g = g;
        this.deadline = deadlineNanos;
        double total = Arrays.stream(g.weight).sum();
        // With no venues at all, balance area instead so that the zones still split the ground evenly.
        this.bw = total > 0 ? g.weight.clone() : g.area.clone();
        if (total > 0) {
            // A little area in the balance weight lets a light region grow across empty cells towards venues (moves of
            // zero-weight cells would never lower Σ(load − target)²); the last pass balances workload alone.
            double areaTotal = Arrays.stream(g.area).sum();
            for (int i = 0; i < bw.length; i++) {
                bw[i] += AREA_SHARE * total * g.area[i] / areaTotal;
            }
        }
        this.zone = new int[g.n()];
        Arrays.fill(zone, -1);
        this.stamp = new int[g.n()];
        double e = 0;
        int ne = 0;
        for (double[] sh : g.shared) {
            for (double v : sh) {
                e = Math.max(e, v);
                ne++;
            }
        }
        this.edge = ne == 0 || e <= 0 ? 1 : e;
    }

    static Result partition(Graph g, int k, long seed, long budgetNanos) {
        Partitioner p = new Partitioner(g, System.nanoTime() + budgetNanos);
        return p.run(k, seed);
    }

    private Result run(int k, long seed) {
        int n = g.n();
        int[] part = new int[n];
        Arrays.fill(part, -1);
        List<int[]> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (part[i] < 0) {
                parts.add(bfs(i, part, parts.size()));
            }
        }
        // Biggest part first so that allotment and zone numbering do not depend on cell order accidents.
        Integer[] order = new Integer[parts.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double[] pw = new double[parts.size()];
        for (int c = 0; c < parts.size(); c++) {
            for (int i : parts.get(c)) {
                pw[c] += bw[i];
            }
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(c -> -pw[c]).thenComparingInt(c -> parts.get(c)[0]));
        int[] alloc = new int[parts.size()];
        for (int z = 0; z < k; z++) {
            int best = -1;
            double bestQ = -1;
            for (int c : order) {
                if (alloc[c] >= parts.get(c).length) {
                    continue;
                }
                double q = pw[c] / (alloc[c] + 1);
                if (q > bestQ) {
                    bestQ = q;
                    best = c;
                }
            }
            if (best < 0) {
                throw new IllegalArgumentException("zoneCount: " + Messages.of("zoning.moreZonesThanCells"));
            }
            alloc[best]++;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int base = 0;
        for (int c : order) {
            if (alloc[c] > 0) {
                partitionPart(parts.get(c), alloc[c], base, rng.split());
                base += alloc[c];
            }
        }
        List<Integer> exclaves = new ArrayList<>();
        for (int c : order) {
            if (alloc[c] == 0) {
                int z = nearestZone(parts.get(c));
                for (int i : parts.get(c)) {
                    zone[i] = z;
                }
                if (!exclaves.contains(z)) {
                    exclaves.add(z);
                }
            }
        }
        return new Result(zone.clone(), part, parts.size(), exclaves);
    }

    private int[] bfs(int start, int[] part, int id) {
        List<Integer> out = new ArrayList<>();
        ArrayDeque<Integer> q = new ArrayDeque<>();
        q.add(start);
        part[start] = id;
        while (!q.isEmpty()) {
            int i = q.poll();
            out.add(i);
            for (int j : g.nbr[i]) {
                if (part[j] < 0) {
                    part[j] = id;
                    q.add(j);
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private int nearestZone(int[] cells) {
        double best = Double.MAX_VALUE;
        int bz = 0;
        for (int i : cells) {
            for (int j = 0; j < g.n(); j++) {
                if (zone[j] >= 0) {
                    double d = sq(g.x[i] - g.x[j]) + sq(g.y[i] - g.y[j]);
                    if (d < best) {
                        best = d;
                        bz = zone[j];
                    }
                }
            }
        }
        return bz;
    }

    // ---- one connected part into m zones ----

    private void partitionPart(int[] cells, int m, int base, SplittableRandom rng) {
        if (m == 1) {
            for (int i : cells) {
                zone[i] = base;
            }
            return;
        }
        double wSum = 0;
        double aSum = 0;
        for (int i : cells) {
            wSum += bw[i];
            aSum += g.area[i];
        }
        double[] omega = new double[cells.length];
        for (int t = 0; t < cells.length; t++) {
            omega[t] = (wSum > 0 ? bw[cells[t]] / wSum : 0) + 0.5 * g.area[cells[t]] / aSum;
        }
        long t0 = System.nanoTime();
        double[][] centres = seeds(cells, omega, m, rng);
        long t1 = System.nanoTime();
        grow(cells, centres, m, base, wSum, aSum);
        long t2 = System.nanoTime();
        improve(cells, m, base, wSum);
        long t3 = System.nanoTime();
        if (Boolean.getBoolean("pp.zoning.trace")) {
            System.err.printf("seeds %d ms, grow %d ms, improve %d ms%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
        }
    }

    /** k-means++ over the cells (weight ω), then Lloyd steps; returns m centres. */
    private double[][] seeds(int[] cells, double[] omega, int m, SplittableRandom rng) {
        double[][] c = new double[m][];
        int first = sample(omega, rng);
        c[0] = new double[] {g.x[cells[first]], g.y[cells[first]]};
        double[] d2 = new double[cells.length];
        for (int z = 1; z < m; z++) {
            double[] p = new double[cells.length];
            for (int t = 0; t < cells.length; t++) {
                double best = Double.MAX_VALUE;
                for (int y = 0; y < z; y++) {
                    best = Math.min(best, sq(g.x[cells[t]] - c[y][0]) + sq(g.y[cells[t]] - c[y][1]));
                }
                d2[t] = best;
                p[t] = omega[t] * best;
            }
            int s = sample(p, rng);
            c[z] = new double[] {g.x[cells[s]], g.y[cells[s]]};
        }
        for (int it = 0; it < 6; it++) {
            double[][] acc = new double[m][3];
            for (int t = 0; t < cells.length; t++) {
                int z = nearest(c, g.x[cells[t]], g.y[cells[t]]);
                acc[z][0] += omega[t] * g.x[cells[t]];
                acc[z][1] += omega[t] * g.y[cells[t]];
                acc[z][2] += omega[t];
            }
            for (int z = 0; z < m; z++) {
                if (acc[z][2] > 0) {
                    c[z] = new double[] {acc[z][0] / acc[z][2], acc[z][1] / acc[z][2]};
                }
            }
        }
        return c;
    }

    private static int sample(double[] p, SplittableRandom rng) {
        double sum = 0;
        for (double v : p) {
            sum += v;
        }
        if (!(sum > 0)) {
            return rng.nextInt(p.length);
        }
        double r = rng.nextDouble() * sum;
        for (int i = 0; i < p.length; i++) {
            r -= p[i];
            if (r < 0) {
                return i;
            }
        }
        return p.length - 1;
    }

    private static int nearest(double[][] c, double x, double y) {
        int best = 0;
        double bd = Double.MAX_VALUE;
        for (int z = 0; z < c.length; z++) {
            double d = sq(x - c[z][0]) + sq(y - c[z][1]);
            if (d < bd) {
                bd = d;
                best = z;
            }
        }
        return best;
    }

    /** Region growing: the lightest region (workload and area mixed) takes its frontier cell nearest its centre. */
    private void grow(int[] cells, double[][] centres, int m, int base, double wSum, double aSum) {
        double[] load = new double[m];
        @SuppressWarnings("unchecked")
        PriorityQueue<double[]>[] frontier = new PriorityQueue[m];
        for (int z = 0; z < m; z++) {
            frontier[z] = new PriorityQueue<>(Comparator.<double[]>comparingDouble(a -> a[0]).thenComparingDouble(a -> a[1]));
            // seed: the free cell nearest the centre
            int best = -1;
            double bd = Double.MAX_VALUE;
            for (int i : cells) {
                double d = sq(g.x[i] - centres[z][0]) + sq(g.y[i] - centres[z][1]);
                if (zone[i] < 0 && d < bd) {
                    bd = d;
                    best = i;
                }
            }
            take(best, base + z, centres[z], frontier[z]);
            load[z] += growthWeight(best, wSum, aSum);
        }
        int left = cells.length - m;
        while (left > 0) {
            int zb = -1;
            for (int z = 0; z < m; z++) {
                while (!frontier[z].isEmpty() && zone[(int) frontier[z].peek()[1]] >= 0) {
                    frontier[z].poll();
                }
                if (!frontier[z].isEmpty() && (zb < 0 || load[z] < load[zb])) {
                    zb = z;
                }
            }
            if (zb < 0) {
                break;
            }
            int i = (int) frontier[zb].poll()[1];
            take(i, base + zb, centres[zb], frontier[zb]);
            load[zb] += growthWeight(i, wSum, aSum);
            left--;
        }
    }

    private double growthWeight(int i, double wSum, double aSum) {
        return (wSum > 0 ? bw[i] / wSum : 0) + 0.3 * g.area[i] / aSum;
    }

    private void take(int i, int z, double[] centre, PriorityQueue<double[]> frontier) {
        zone[i] = z;
        for (int j : g.nbr[i]) {
            if (zone[j] < 0) {
                frontier.add(new double[] {sq(g.x[j] - centre[0]) + sq(g.y[j] - centre[1]), j});
            }
        }
    }

    // ---- boundary moves ----

    private void improve(int[] cells, int m, int base, double wSum) {
        double target = wSum / m;
        double[] load = new double[m];
        int[] size = new int[m];
        for (int i : cells) {
            load[zone[i] - base] += bw[i];
            size[zone[i] - base]++;
        }
        for (int round = 0; round < 4 && System.nanoTime() < deadline; round++) {
            long t0 = System.nanoTime();
            int moved = balanceMoves(cells, base, target, load, size);
            long t1 = System.nanoTime();
            int cm = compactMoves(cells, base, load, size);
            moved += cm;
            if (Boolean.getBoolean("pp.zoning.trace")) {
                System.err.printf("round %d: balance %d moves %d ms, compact %d moves %d ms, ratio %.4f%n", round, moved - cm,
                        (t1 - t0) / 1_000_000, cm, (System.nanoTime() - t1) / 1_000_000, ratio(load));
            }
            if (moved == 0) {
                break;
            }
        }
        if (Arrays.stream(g.weight).sum() > 0) {
            for (int i : cells) {
                load[zone[i] - base] -= bw[i] - g.weight[i];
            }
            double pure = 0;
            for (int i : cells) {
                pure += g.weight[i];
            }
            double[] saved = bw;
            bw = g.weight;
            balanceMoves(cells, base, pure / load.length, load, size);
            bw = saved;
        }
    }

    /** Moves that lower Σ(load − target)², best first; each keeps the giving region connected. */
    private int balanceMoves(int[] cells, int base, double target, double[] load, int[] size) {
        int moves = 0;
        List<double[]> cand = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            cand.clear();
            for (int i : cells) {
                int a = zone[i] - base;
                double w = bw[i];
                if (w <= 0 || size[a] <= 1) {
                    continue;
                }
                for (int b : neighbourZones(i)) {
                    int bb = b - base;
                    double gain = 2 * w * (load[a] - load[bb]) - 2 * w * w;
                    double score = gain / (target * target) + COMPACTNESS_WEIGHT * (sharedWith(i, b) - sharedWith(i, zone[i])) / edge;
                    if (gain > 1e-9 * target * target && score > 0) {
                        cand.add(new double[] {score, i, b});
                    }
                }
            }
            if (cand.isEmpty()) {
                break;
            }
            cand.sort(Comparator.<double[]>comparingDouble(c -> -c[0]).thenComparingDouble(c -> c[1]).thenComparingDouble(c -> c[2]));
            // One sweep applies every candidate that still lowers Σ(load − target)² with the loads as they are now.
            int sweep = 0;
            for (double[] c : cand) {
                int i = (int) c[1];
                int b = (int) c[2];
                int a = zone[i] - base;
                int bb = b - base;
                double w = bw[i];
                double gain = 2 * w * (load[a] - load[bb]) - 2 * w * w;
                if (zone[i] == b || size[a] <= 1 || gain <= 1e-9 * target * target || sharedWith(i, b) <= 0
                        || gain / (target * target) + COMPACTNESS_WEIGHT * (sharedWith(i, b) - sharedWith(i, zone[i])) / edge <= 0) {
                    continue;
                }
                if (staysConnected(i)) {
                    move(i, b, base, load, size);
                    sweep++;
                }
            }
            moves += sweep;
            if (sweep == 0) {
                break;
            }
        }
        return moves;
    }

    /** Moves that shorten the boundary between regions while max/min stays within the current ratio (or 1.05). */
    private int compactMoves(int[] cells, int base, double[] load, int[] size) {
        int moves = 0;
        boolean any = true;
        while (any && System.nanoTime() < deadline) {
            any = false;
            double allowed = Math.max(ratio(load), COMPACTNESS_RATIO_FLOOR);
            for (int i : cells) {
                int a = zone[i] - base;
                if (size[a] <= 1) {
                    continue;
                }
                int bestB = -1;
                double bestGain = 1e-6;
                for (int b : neighbourZones(i)) {
                    double gain = sharedWith(i, b) - sharedWith(i, zone[i]);
                    if (gain > bestGain) {
                        bestGain = gain;
                        bestB = b;
                    }
                }
                if (bestB < 0) {
                    continue;
                }
                int bb = bestB - base;
                load[a] -= bw[i];
                load[bb] += bw[i];
                boolean ok = ratio(load) <= allowed + 1e-12;
                load[a] += bw[i];
                load[bb] -= bw[i];
                if (ok && staysConnected(i)) {
                    move(i, bestB, base, load, size);
                    moves++;
                    any = true;
                }
            }
        }
        return moves;
    }

    private static double ratio(double[] load) {
        double max = 0;
        double min = Double.MAX_VALUE;
        for (double l : load) {
            max = Math.max(max, l);
            min = Math.min(min, l);
        }
        return min <= 0 ? (max <= 0 ? 1 : Double.MAX_VALUE) : max / min;
    }

    private void move(int i, int b, int base, double[] load, int[] size) {
        int a = zone[i] - base;
        load[a] -= bw[i];
        size[a]--;
        zone[i] = b;
        load[b - base] += bw[i];
        size[b - base]++;
    }

    private int[] neighbourZones(int i) {
        int[] out = new int[g.nbr[i].length];
        int k = 0;
        for (int j : g.nbr[i]) {
            int z = zone[j];
            if (z != zone[i] && z >= 0) {
                boolean seen = false;
                for (int t = 0; t < k; t++) {
                    seen |= out[t] == z;
                }
                if (!seen) {
                    out[k++] = z;
                }
            }
        }
        return Arrays.copyOf(out, k);
    }

    private double sharedWith(int i, int z) {
        double s = 0;
        for (int t = 0; t < g.nbr[i].length; t++) {
            if (zone[g.nbr[i][t]] == z) {
                s += g.shared[i][t];
            }
        }
        return s;
    }

    /** True when the region of cell i is still connected without i (BFS inside the region). */
    private boolean staysConnected(int i) {
        int z = zone[i];
        int start = -1;
        int sameNbrs = 0;
        for (int j : g.nbr[i]) {
            if (zone[j] == z) {
                sameNbrs++;
                if (start < 0) {
                    start = j;
                }
            }
        }
        if (start < 0) {
            return false;
        }
        if (++stampNo == Integer.MAX_VALUE) {
            Arrays.fill(stamp, 0);
            stampNo = 1;
        }
        stamp[i] = stampNo;
        stamp[start] = stampNo;
        ArrayDeque<Integer> q = new ArrayDeque<>();
        q.add(start);
        int foundNbrs = 1;
        // Connected iff every same-region neighbour of i is reached; stop as soon as they all are.
        while (!q.isEmpty() && foundNbrs < sameNbrs) {
            int u = q.poll();
            for (int v : g.nbr[u]) {
                if (zone[v] == z && stamp[v] != stampNo) {
                    stamp[v] = stampNo;
                    q.add(v);
                    for (int w : g.nbr[i]) {
                        if (w == v) {
                            foundNbrs++;
                        }
                    }
                }
            }
        }
        return foundNbrs >= sameNbrs;
    }

    private static double sq(double v) {
        return v * v;
    }
}
