package com.patrolplanner.geo;

import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

/**
 * A uniform grid over records' boxes held in memory (the kept venue and school layers, coverage snapshots), so that a
 * street-level map request looks at the records near its box instead of every record of the scope. It only narrows:
 * {@link #candidates} gives every record whose box may meet the query box (a superset), and the caller applies its own
 * exact test to each, so the answer is the one a scan of every record gives, in the same (index) order.
 *
 * <p>A record is listed in every cell its box touches; cells are found by the same monotonic function for records and
 * queries, so a record whose box meets the query box always shares a cell with it. A query covering much of the grid
 * gets null: a plain scan is then cheaper than gathering and sorting.
 */
public final class BoxGrid {
    private final double x0;
    private final double y0;
    private final double cw;
    private final double ch;
    private final int nx;
    private final int ny;
    /** Entries of cell c: {@code entries[start[c] .. start[c+1])}, ascending record indices. */
    private final int[] start;
    private final int[] entries;
    private final int records;

    private BoxGrid(double x0, double y0, double cw, double ch, int nx, int ny, int[] start, int[] entries, int records) {
        this.x0 = x0;
        this.y0 = y0;
        this.cw = cw;
        this.ch = ch;
        this.nx = nx;
        this.ny = ny;
        this.start = start;
        this.entries = entries;
        this.records = records;
    }

    /**
     * The grid of records {@code 0 .. n-1} whose box is {@code [minX, minY, maxX, maxY]}; records not {@code present}
     * (no position) are left out. About 16 records per cell.
     */
    public static BoxGrid of(int n, IntPredicate present, IntToDoubleFunction minX, IntToDoubleFunction minY,
            IntToDoubleFunction maxX, IntToDoubleFunction maxY) {
        double ax = Double.POSITIVE_INFINITY;
        double ay = Double.POSITIVE_INFINITY;
        double bx = Double.NEGATIVE_INFINITY;
        double by = Double.NEGATIVE_INFINITY;
        int located = 0;
        for (int i = 0; i < n; i++) {
            if (present.test(i)) {
                ax = Math.min(ax, minX.applyAsDouble(i));
                ay = Math.min(ay, minY.applyAsDouble(i));
                bx = Math.max(bx, maxX.applyAsDouble(i));
                by = Math.max(by, maxY.applyAsDouble(i));
                located++;
            }
        }
        if (located == 0 || !(bx >= ax) || !(by >= ay) || Double.isInfinite(bx - ax) || Double.isInfinite(by - ay)) {
            return new BoxGrid(0, 0, 1, 1, 1, 1, new int[] {0, 0}, new int[0], n);
        }
        int side = Math.max(1, Math.min(1024, (int) Math.sqrt(located / 16.0)));
        double cw = Math.max((bx - ax) / side, 1e-12);
        double ch = Math.max((by - ay) / side, 1e-12);
        BoxGrid shape = new BoxGrid(ax, ay, cw, ch, side, side, null, null, n);
        int cells = side * side;
        int[] count = new int[cells + 1];
        for (int i = 0; i < n; i++) {
            if (present.test(i)) {
                int cx0 = shape.cellX(minX.applyAsDouble(i));
                int cx1 = shape.cellX(maxX.applyAsDouble(i));
                int cy0 = shape.cellY(minY.applyAsDouble(i));
                int cy1 = shape.cellY(maxY.applyAsDouble(i));
                for (int cy = cy0; cy <= cy1; cy++) {
                    for (int cx = cx0; cx <= cx1; cx++) {
                        count[cy * side + cx + 1]++;
                    }
                }
            }
        }
        for (int c = 0; c < cells; c++) {
            count[c + 1] += count[c];
        }
        int[] start = Arrays.copyOf(count, cells + 1);
        int[] fill = Arrays.copyOf(count, cells);
        int[] entries = new int[count[cells]];
        for (int i = 0; i < n; i++) { // ascending i: each cell's entries come out ascending
            if (present.test(i)) {
                int cx0 = shape.cellX(minX.applyAsDouble(i));
                int cx1 = shape.cellX(maxX.applyAsDouble(i));
                int cy0 = shape.cellY(minY.applyAsDouble(i));
                int cy1 = shape.cellY(maxY.applyAsDouble(i));
                for (int cy = cy0; cy <= cy1; cy++) {
                    for (int cx = cx0; cx <= cx1; cx++) {
                        entries[fill[cy * side + cx]++] = i;
                    }
                }
            }
        }
        return new BoxGrid(ax, ay, cw, ch, side, side, start, entries, n);
    }

    private int cellX(double x) {
        double c = Math.floor((x - x0) / cw);
        return c <= 0 ? 0 : c >= nx - 1 ? nx - 1 : (int) c; // NaN → 0 (never indexed: not present)
    }

    private int cellY(double y) {
        double c = Math.floor((y - y0) / ch);
        return c <= 0 ? 0 : c >= ny - 1 ? ny - 1 : (int) c;
    }

    /**
     * Ascending, distinct indices of the records whose box may meet {@code [qx0, qy0, qx1, qy1]} (every one that does,
     * perhaps some that do not), or null when the query covers more than a quarter of the cells (scan every record).
     */
    public int[] candidates(double qx0, double qy0, double qx1, double qy1) {
        if (!(qx0 <= qx1) || !(qy0 <= qy1)) {
            return null; // an empty or NaN box: let the caller's own test decide
        }
        int cx0 = cellX(qx0);
        int cx1 = cellX(qx1);
        int cy0 = cellY(qy0);
        int cy1 = cellY(qy1);
        long cells = (long) (cx1 - cx0 + 1) * (cy1 - cy0 + 1);
        if (cells * 4 > (long) nx * ny && records > 64) {
            return null;
        }
        int total = 0;
        for (int cy = cy0; cy <= cy1; cy++) {
            total += start[cy * nx + cx1 + 1] - start[cy * nx + cx0];
        }
        int[] out = new int[total];
        int k = 0;
        for (int cy = cy0; cy <= cy1; cy++) {
            System.arraycopy(entries, start[cy * nx + cx0], out, k, start[cy * nx + cx1 + 1] - start[cy * nx + cx0]);
            k += start[cy * nx + cx1 + 1] - start[cy * nx + cx0];
        }
        if (cells > 1) {
            Arrays.sort(out);
            int w = 0;
            for (int r = 0; r < out.length; r++) {
                if (w == 0 || out[w - 1] != out[r]) {
                    out[w++] = out[r];
                }
            }
            out = w == out.length ? out : Arrays.copyOf(out, w);
        }
        return out;
    }
}
