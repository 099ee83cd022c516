package com.patrolplanner.coverage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Gi* and the FDR correction against values computed by hand. */
class GiStarTest {

    /*
     * Five cells in a row, 0-1-2-3-4, each the neighbour of the next; violations x = [0, 0, 0, 3, 6].
     *   n = 5, Σx = 9, X̄ = 1.8, Σx² = 45, S = sqrt(45/5 − 1.8²) = sqrt(5.76) = 2.4
     *   Weights are binary and include the cell itself, so W = Σw = Σw²:
     *     cell 0: {0,1}   W = 2, Σwx = 0      cell 3: {2,3,4} W = 3, Σwx = 9
     *     cell 1: {0,1,2} W = 3, Σwx = 0      cell 4: {3,4}   W = 2, Σwx = 9
     *     cell 2: {1,2,3} W = 3, Σwx = 3
     *   Denominator S·sqrt((nW − W²)/(n−1)): W = 2 → 2.4·sqrt((10−4)/4) = 2.4·sqrt(1.5); W = 3 → 2.4·sqrt((15−9)/4),
     *   the same: 2.4·1.2247449 = 2.9393877.
     *   Numerators Σwx − X̄W: −3.6, −5.4, −2.4, +3.6, +5.4
     *   z = −1.2247449, −1.8371173, −0.8164966, +1.2247449, +1.8371173
     *   p (two-sided) = 2·(1 − Φ(|z|)): |z| = 1.2247449 → 0.2206714; 1.8371173 → 0.0661926; 0.8164966 → 0.4142162
     *   FDR at α = 0.10, m = 5: sorted p 0.0662, 0.0662, 0.2207, 0.2207, 0.4142 against α·k/m = 0.02, 0.04, 0.06,
     *   0.08, 0.10: no p(k) passes, so no cell is significant (without the correction cells 1 and 4 would be ±90 %).
     */
    @Test
    void giStarOnFiveCellsInARow() {
        double[] x = {0, 0, 0, 3, 6};
        int[][] nb = {{1}, {0, 2}, {1, 3}, {2, 4}, {3}};
        GiStar.Result r = GiStar.compute(x, nb);
        double[] z = {-1.2247449, -1.8371173, -0.8164966, 1.2247449, 1.8371173};
        double[] p = {0.2206714, 0.0661926, 0.4142162, 0.2206714, 0.0661926};
        assertArrayEquals(z, r.z(), 1e-6);
        assertArrayEquals(p, r.p(), 1e-6);
        assertArrayEquals(new int[] {0, 0, 0, 0, 0}, r.bin());
    }

    /*
     * Benjamini–Hochberg with m = 10 p-values (already sorted), z all positive:
     *   p = 0.001 0.008 0.039 0.041 0.042 0.060 0.074 0.205 0.212 0.216
     *   α = 0.01: α·k/m = 0.001k → p(1) = 0.001 ≤ 0.001 passes, p(2) = 0.008 > 0.002, none later → critical 0.001
     *   α = 0.05: 0.005k → p(1) ≤ 0.005, p(2) = 0.008 ≤ 0.010; p(3) = 0.039 > 0.015 … p(10) = 0.216 > 0.05 → critical 0.008
     *   α = 0.10: 0.01k → p(5) = 0.042 ≤ 0.05, p(6) = 0.060 ≤ 0.06; p(7) = 0.074 > 0.07, p(8..10) > 0.08..0.10 → 0.060
     *   bins: 3 (99 %), 2 (95 %), then 1 (90 %) for p ≤ 0.060, 0 after: 3 2 1 1 1 1 0 0 0 0; a negative z flips the sign.
     */
    @Test
    void benjaminiHochbergBinsComputedByHand() {
        double[] p = {0.001, 0.008, 0.039, 0.041, 0.042, 0.060, 0.074, 0.205, 0.212, 0.216};
        double[] z = {3, 2.5, 2, 2, 2, 1.9, 1.8, 1.2, 1.2, -1.2};
        assertArrayEquals(new int[] {3, 2, 1, 1, 1, 1, 0, 0, 0, 0}, GiStar.fdrBins(z, p));
        double[] zNeg = z.clone();
        zNeg[0] = -3;
        assertEquals(-3, GiStar.fdrBins(zNeg, p)[0]);
        assertEquals(0.008, GiStar.criticalP(p, 0.05), 0);
        assertEquals(0.060, GiStar.criticalP(p, 0.10), 0);
    }

    @Test
    void normalTailMatchesTables() {
        assertEquals(0.05, GiStar.twoSidedP(1.959964), 1e-6);
        assertEquals(0.01, GiStar.twoSidedP(2.575829), 1e-6);
        assertEquals(0.10, GiStar.twoSidedP(1.644854), 1e-6);
        assertEquals(1.0, GiStar.twoSidedP(0), 1e-6);
    }

    @Test
    void constantValuesGiveZeroNotNaN() {
        GiStar.Result r = GiStar.compute(new double[] {2, 2, 2}, new int[][] {{1}, {0, 2}, {1}});
        assertArrayEquals(new double[] {0, 0, 0}, r.z(), 0);
    }
}
