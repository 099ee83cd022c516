package com.patrolplanner.coverage;

import java.util.Arrays;

/**
 * Getis-Ord Gi* local statistic with binary weights that include the feature itself, and the Benjamini–Hochberg false
 * discovery rate correction, as Esri's Hot Spot Analysis / Optimized Hot Spot Analysis apply them.
 *
 * <pre>
 *   Gi* = (Σj wij xj − X̄ Σj wij) / ( S · sqrt( (n Σj wij² − (Σj wij)²) / (n − 1) ) )
 *   X̄ = Σ xj / n,   S = sqrt( Σ xj² / n − X̄² )
 * </pre>
 * Gi* is itself a z-score; p is two-sided from the standard normal. Bins follow Esri: ±3 significant at 99 %, ±2 at
 * 95 %, ±1 at 90 % confidence after FDR correction, 0 otherwise. Pure Java, no state.
 */
public final class GiStar {
    /** Confidence levels of bins 1, 2, 3. */
    public static final double[] ALPHAS = {0.10, 0.05, 0.01};

    public record Result(double[] z, double[] p, int[] bin) {
    }

    private GiStar() {
    }

    /**
     * @param x values per feature (e.g. violations per hex cell)
     * @param neighbours for each feature the indexes of its neighbours, <em>without</em> itself (self is added with
     *        weight 1, which is what makes this Gi* rather than Gi)
     */
    public static Result compute(double[] x, int[][] neighbours) {
        int n = x.length;
        double[] z = new double[n];
        double[] p = new double[n];
        if (n < 2) {
            Arrays.fill(p, 1.0);
            return new Result(z, p, new int[n]);
        }
        double sum = 0;
        double sumSq = 0;
        for (double v : x) {
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / n;
        double s = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
        for (int i = 0; i < n; i++) {
            double wx = x[i];
            double w = 1;
            for (int j : neighbours[i]) {
                if (j != i) {
                    wx += x[j];
                    w += 1;
                }
            }
            // binary weights: Σ w² = Σ w
            double denom = s * Math.sqrt((n * w - w * w) / (n - 1));
            z[i] = denom == 0 ? 0 : (wx - mean * w) / denom;
            p[i] = twoSidedP(z[i]);
        }
        return new Result(z, p, fdrBins(z, p));
    }

    /**
     * Benjamini–Hochberg per confidence level: with p sorted ascending, the critical p is the largest p(k) with
     * p(k) ≤ α·k/m; a feature reaches the level when its p is at most that critical p.
     */
    public static int[] fdrBins(double[] z, double[] p) {
        int m = p.length;
        int[] bin = new int[m];
        double[] sorted = p.clone();
        Arrays.sort(sorted);
        for (int level = 0; level < ALPHAS.length; level++) {
            double critical = criticalP(sorted, ALPHAS[level]);
            for (int i = 0; i < m; i++) {
                if (p[i] <= critical) {
                    bin[i] = (int) Math.signum(z[i]) * (level + 1);
                }
            }
        }
        return bin;
    }

    /** The BH critical p-value for level α, or −1 when nothing is significant. */
    public static double criticalP(double[] sortedP, double alpha) {
        int m = sortedP.length;
        double critical = -1;
        for (int k = 1; k <= m; k++) {
            if (sortedP[k - 1] <= alpha * k / m) {
                critical = sortedP[k - 1];
            }
        }
        return critical;
    }

    public static double twoSidedP(double z) {
        return erfc(Math.abs(z) / Math.sqrt(2));
    }

    /** Complementary error function, Chebyshev fit (Numerical Recipes erfcc), fractional error below 1.2e-7. */
    static double erfc(double x) {
        double t = 1.0 / (1.0 + 0.5 * Math.abs(x));
        double ans = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? ans : 2.0 - ans;
    }
}
