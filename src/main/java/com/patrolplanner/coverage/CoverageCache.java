package com.patrolplanner.coverage;

import com.patrolplanner.coverage.CoverageService.Stats;
import java.util.HashMap;
import java.util.Map;

/**
 * Every venue of one scope with the figures of one period, kept in memory between writes (web.AnswerCache keyed by
 * scope and period, under the data token): a map request then only slices it by its box. Columns as arrays, in venue
 * id order; per-cell figures for both resolutions precomputed. 22,500 venues take about 1.5 MB.
 */
final class CoverageCache {
    /** One scope's venues and one period's figures. */
    static final class Snapshot {
        final int size;
        final long[] id;
        final long[] r8;
        final long[] r9;
        final boolean[] located;
        final double[] lon;
        final double[] lat;
        final boolean[] active;
        final long[] n;
        final long[] viol;
        final long[] off;
        final Map<Long, Stats> cells8 = new HashMap<>();
        final Map<Long, Stats> cells9 = new HashMap<>();

        Snapshot(int size) {
            this.size = size;
            id = new long[size];
            r8 = new long[size];
            r9 = new long[size];
            located = new boolean[size];
            lon = new double[size];
            lat = new double[size];
            active = new boolean[size];
            n = new long[size];
            viol = new long[size];
            off = new long[size];
        }

        /** Sums the per-cell figures, as {@link CoverageSql#hexCells} does in SQL. */
        void summarise() {
            Map<Long, long[]> a8 = new HashMap<>();
            Map<Long, long[]> a9 = new HashMap<>();
            for (int i = 0; i < size; i++) {
                add(a8.computeIfAbsent(r8[i], k -> new long[5]), i);
                add(a9.computeIfAbsent(r9[i], k -> new long[5]), i);
            }
            a8.forEach((k, t) -> cells8.put(k, new Stats(t[0], t[1], t[2], t[3], t[4])));
            a9.forEach((k, t) -> cells9.put(k, new Stats(t[0], t[1], t[2], t[3], t[4])));
            grid = com.patrolplanner.geo.BoxGrid.of(size, i -> located[i], i -> lon[i], i -> lat[i], i -> lon[i], i -> lat[i]);
        }

        private com.patrolplanner.geo.BoxGrid grid;

        /**
         * The venues to test against a box, ascending: those near it (a street-level view), or null for all of them (a
         * large box). Either way {@link #inside} decides, so the answer and its order are those of a scan of all.
         */
        int[] near(double[] b) {
            return grid == null ? null : grid.candidates(b[0], b[1], b[2], b[3]);
        }

        private void add(long[] t, int i) {
            if (active[i]) {
                t[0]++;
                if (n[i] > 0) {
                    t[1]++;
                }
            }
            t[2] += n[i];
            t[3] += viol[i];
            t[4] += off[i];
        }

        /** True when venue i has a position inside the box (edges included, as PostGIS' {@code &&} on a point). */
        boolean inside(int i, double[] b) {
            return located[i] && lon[i] >= b[0] && lon[i] <= b[2] && lat[i] >= b[1] && lat[i] <= b[3];
        }

        long bytes() {
            return 88L * size;
        }
    }

    private CoverageCache() {
    }
}
