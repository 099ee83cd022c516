package com.patrolplanner.zoning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The partitioner alone, on a synthetic hexagon grid with clustered workload (no database). */
class PartitionerTest {

    /** A w×h hexagon grid (odd-r offset rows), workload from Gaussian clusters, some cells removed as holes. */
    static Partitioner.Graph grid(int w, int h, long seed, boolean twoIslands) {
        Random r = new Random(seed);
        Map<Long, Integer> id = new HashMap<>();
        List<double[]> pos = new ArrayList<>();
        List<int[]> rc = new ArrayList<>();
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                if (twoIslands && col >= w / 2 - 1 && col <= w / 2) {
                    continue; // a strait: two parts
                }
                id.put((long) row * 100_000 + col, pos.size());
                pos.add(new double[] {col * Math.sqrt(3) + (row % 2) * Math.sqrt(3) / 2, row * 1.5});
                rc.add(new int[] {row, col});
            }
        }
        int n = pos.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] area = new double[n];
        double[] weight = new double[n];
        double[][] centres = new double[15][];
        for (int c = 0; c < centres.length; c++) {
            centres[c] = new double[] {r.nextDouble() * w * 1.7, r.nextDouble() * h * 1.5, 2 + r.nextDouble() * 4};
        }
        for (int i = 0; i < n; i++) {
            x[i] = pos.get(i)[0];
            y[i] = pos.get(i)[1];
            area[i] = 1;
            double wt = r.nextDouble() < 0.3 ? 30 : 0;
            for (double[] c : centres) {
                double d2 = (x[i] - c[0]) * (x[i] - c[0]) + (y[i] - c[1]) * (y[i] - c[1]);
                wt += 300 * Math.exp(-d2 / (2 * c[2] * c[2]));
            }
            weight[i] = Math.round(wt);
        }
        int[][] nbr = new int[n][];
        double[][] shared = new double[n][];
        for (int i = 0; i < n; i++) {
            int row = rc.get(i)[0];
            int col = rc.get(i)[1];
            int[][] d = row % 2 == 0 ? new int[][] {{0, -1}, {0, 1}, {-1, -1}, {-1, 0}, {1, -1}, {1, 0}}
                    : new int[][] {{0, -1}, {0, 1}, {-1, 0}, {-1, 1}, {1, 0}, {1, 1}};
            List<Integer> l = new ArrayList<>();
            for (int[] dd : d) {
                Integer j = id.get((long) (row + dd[0]) * 100_000 + col + dd[1]);
                if (row + dd[0] >= 0 && col + dd[1] >= 0 && j != null) {
                    l.add(j);
                }
            }
            nbr[i] = l.stream().mapToInt(Integer::intValue).toArray();
            shared[i] = new double[nbr[i].length];
            java.util.Arrays.fill(shared[i], 1.0);
        }
        return new Partitioner.Graph(weight, area, x, y, nbr, shared);
    }

    static double ratio(Partitioner.Graph g, int[] z, int k) {
        double[] load = new double[k];
        for (int i = 0; i < z.length; i++) {
            load[z[i]] += g.weight()[i];
        }
        double max = 0;
        double min = Double.MAX_VALUE;
        for (double l : load) {
            max = Math.max(max, l);
            min = Math.min(min, l);
        }
        return max / min;
    }

    static boolean connected(Partitioner.Graph g, int[] z, int zone) {
        int start = -1;
        int size = 0;
        for (int i = 0; i < z.length; i++) {
            if (z[i] == zone) {
                size++;
                start = i;
            }
        }
        boolean[] seen = new boolean[z.length];
        ArrayDeque<Integer> q = new ArrayDeque<>(List.of(start));
        seen[start] = true;
        int count = 0;
        while (!q.isEmpty()) {
            int u = q.poll();
            count++;
            for (int v : g.nbr()[u]) {
                if (z[v] == zone && !seen[v]) {
                    seen[v] = true;
                    q.add(v);
                }
            }
        }
        return count == size;
    }

    @Test
    void twelveZonesAreConnectedBalancedAndReproducible() {
        Partitioner.Graph g = grid(45, 45, 7, false);
        long t0 = System.nanoTime();
        Partitioner.Result r = Partitioner.partition(g, 12, 1, 1_500_000_000L);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        double ratio = ratio(g, r.zoneOf(), 12);
        System.out.printf("partition of %d cells into 12: %d ms, max/min %.4f%n", g.n(), ms, ratio);
        for (int z = 0; z < 12; z++) {
            assertTrue(connected(g, r.zoneOf(), z), "zone " + z + " connected");
        }
        assertTrue(ratio <= 1.10, "max/min " + ratio);
        assertArrayEquals(r.zoneOf(), Partitioner.partition(g, 12, 1, 1_500_000_000L).zoneOf());
    }

    @Test
    void twoPartsEachGetTheirOwnZones() {
        Partitioner.Graph g = grid(40, 30, 3, true);
        Partitioner.Result r = Partitioner.partition(g, 6, 5, 1_500_000_000L);
        assertEquals(2, r.parts());
        assertTrue(r.zonesWithExclaves().isEmpty());
        for (int z = 0; z < 6; z++) {
            assertTrue(connected(g, r.zoneOf(), z), "zone " + z + " connected");
            int part = -1;
            for (int i = 0; i < g.n(); i++) {
                if (r.zoneOf()[i] == z) {
                    assertTrue(part < 0 || part == r.partOf()[i], "zone " + z + " within one part");
                    part = r.partOf()[i];
                }
            }
        }
    }
}
