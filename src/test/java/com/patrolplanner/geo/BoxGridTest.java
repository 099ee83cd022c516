package com.patrolplanner.geo;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The grid behind street-level map requests must never lose a record: for random points and small polygons' boxes (some
 * absent, some on cell edges) and random query boxes, every record whose box meets the query (brute force, the test
 * the layers apply) is among the candidates, which are ascending and distinct; a query over most of the area gets null.
 */
class BoxGridTest {
    @Test
    void candidatesHoldEveryRecordMeetingTheBoxAscendingAndDistinct() {
        Random r = new Random(18);
        int n = 5000;
        double[][] box = new double[n][];
        boolean[] present = new boolean[n];
        for (int i = 0; i < n; i++) {
            present[i] = r.nextInt(20) != 0;
            double x = 119.0 + r.nextDouble() * 0.2;
            double y = 36.6 + r.nextDouble() * 0.15;
            double w = r.nextInt(3) == 0 ? r.nextDouble() * 0.004 : 0; // a third with a campus, the rest points
            double h = w == 0 ? 0 : r.nextDouble() * 0.004;
            if (i % 97 == 0) {
                x = 119.1; // many on one line
            }
            box[i] = new double[] {x, y, x + w, y + h};
        }
        BoxGrid g = BoxGrid.of(n, i -> present[i], i -> box[i][0], i -> box[i][1], i -> box[i][2], i -> box[i][3]);
        int checked = 0;
        for (int q = 0; q < 500; q++) {
            double x0 = 118.99 + r.nextDouble() * 0.2;
            double y0 = 36.59 + r.nextDouble() * 0.15;
            double[] b = {x0, y0, x0 + 0.015, y0 + 0.012};
            if (q % 50 == 0) {
                b = new double[] {119.1, 36.65, 119.1, 36.65}; // a degenerate box on the shared line
            }
            int[] c = g.candidates(b[0], b[1], b[2], b[3]);
            if (c == null) {
                continue;
            }
            checked++;
            for (int k = 1; k < c.length; k++) {
                assertTrue(c[k - 1] < c[k], "ascending and distinct");
            }
            for (int i = 0; i < n; i++) {
                boolean meets = present[i] && box[i][0] <= b[2] && box[i][2] >= b[0] && box[i][1] <= b[3] && box[i][3] >= b[1];
                if (meets) {
                    assertTrue(java.util.Arrays.binarySearch(c, i) >= 0, "record " + i + " meets query " + q + " but is no candidate");
                }
                if (!present[i]) {
                    assertTrue(java.util.Arrays.binarySearch(c, i) < 0, "absent record " + i + " listed");
                }
            }
        }
        assertTrue(checked > 400, "most street-sized queries use the grid: " + checked);
        assertNull(g.candidates(118.0, 36.0, 120.0, 37.0), "the whole area: scan");
    }
}
