package org.mixlogit.stata;

import org.apache.commons.math3.special.Gamma;

import org.mixlogit.inference.PositiveDefinite;

/**
 * The tests in the header of an official estimation command: the Wald test that every Mean coefficient is zero
 * ({@code e(chi2)}, {@code e(df_m)}, {@code e(p)}), and, after maximum simulated likelihood, the likelihood-ratio
 * test of the random part against the fixed-coefficient logit ({@code e(chi2_c)}, {@code e(df_c)},
 * {@code e(p_c)}, {@code e(ll_c)}) as cmmixlogit's "LR test vs. fixed parameters". NaN where a test is undefined
 * (a covariance that is not positive definite on the means; MSM, which maximizes no likelihood). Immutable.
 */
final class HeaderTests {
    final double chi2;
    final int dfModel;
    final double p;
    final double chi2Random;
    final int dfRandom;
    final double pRandom;

    /**
     * @param b the estimates in Stata order; not modified
     * @param v their covariance, p x p row-major in Stata order; not modified
     * @param layout the Stata names of b
     * @param logLik the maximized simulated log likelihood, or NaN (MSM)
     * @param fixedLogLik the fixed-coefficient (plain) logit's log likelihood on the same data
     */
    HeaderTests(double[] b, double[] v, StataLayout layout, double logLik, double fixedLogLik) {
        int n = b.length;
        int[] mean = new int[layout.meanCount()];
        int k = 0;
        for (int j = 0; j < n; j++) {
            if (layout.isMean(j)) {
                mean[k++] = j;
            }
        }
        dfModel = mean.length;
        double[] vm = new double[dfModel * dfModel];
        for (int r = 0; r < dfModel; r++) {
            for (int c = 0; c < dfModel; c++) {
                vm[r * dfModel + c] = v[mean[r] * n + mean[c]];
            }
        }
        double[] inverse = dfModel == 0 ? null : PositiveDefinite.inverse(vm, dfModel);
        double w = Double.NaN;
        if (inverse != null) {
            w = 0;
            for (int r = 0; r < dfModel; r++) {
                for (int c = 0; c < dfModel; c++) {
                    w += b[mean[r]] * inverse[r * dfModel + c] * b[mean[c]];
                }
            }
        }
        chi2 = w;
        p = upperTail(w, dfModel);
        dfRandom = layout.randomPartCount();
        double lr = Double.isFinite(logLik) && Double.isFinite(fixedLogLik) && dfRandom > 0
                ? Math.max(0, 2 * (logLik - fixedLogLik)) : Double.NaN;
        chi2Random = lr;
        pRandom = upperTail(lr, dfRandom);
    }

    /** P(chi2(df) > x) (the regularized upper incomplete gamma, accurate in the tail); NaN for NaN x or df 0. */
    static double upperTail(double x, int df) {
        if (!Double.isFinite(x) || df < 1) {
            return Double.NaN;
        }
        return Gamma.regularizedGammaQ(df / 2.0, x / 2.0);
    }
}
