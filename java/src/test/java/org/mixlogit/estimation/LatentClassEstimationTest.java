package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.latent.EmRun;
import org.mixlogit.latent.ExpectationMaximization;
import org.mixlogit.latent.LatentClassData;
import org.mixlogit.latent.LatentClassSummary;
import org.mixlogit.spec.LatentClasses;
import org.mixlogit.spec.ModelSpec;

/**
 * Latent class estimation end to end: one class is the plain logit; a 3-class model and a 2-class model with a
 * class-share characteristic are recovered from data simulated with known parameters (each within its 99.9%
 * interval); EM run to convergence reaches the direct-ML optimum; the multi-start table counts every start; the
 * numbers do not depend on the thread count.
 */
class LatentClassEstimationTest {
    private static final double[][] BETA3 = {{1.5, -1.0, 0.5}, {-0.5, 0.5, 1.5}, {0.3, -2.5, -1.0}};
    /** Shares about 0.45, 0.33, 0.22: constants only (z has no effect). */
    private static final double[][] GAMMA3 = {{-0.3, 0}, {-0.7, 0}};
    private static final ChoiceData THREE = LatentClassData.simulate(1200, 8, 3, BETA3, GAMMA3, 11L);
    private static final ModelSpec FIXED = ModelSpec.builder().fixed("x1").fixed("x2").fixed("x3").build();

    private static EstimatorConfig config(int threads) {
        return EstimatorConfig.defaults().withThreads(threads)
                .withInference(InferenceConfig.defaults().withLevel(99.9));
    }

    private static ModelSpec classes(int c, List<String> membership) {
        return FIXED.withLatentClasses(new LatentClasses(c, membership, List.of()));
    }

    @Test
    @DisplayName("latent classes by simulated moments or scores are refused naming the method to use")
    void onlyByMaximumLikelihood() {
        for (Estimator e : new Estimator[] {new MsmEstimator(config(1)), new MssEstimator(config(1))}) {
            org.mixlogit.InvalidSpecificationException x = org.junit.jupiter.api.Assertions.assertThrows(
                    org.mixlogit.InvalidSpecificationException.class, () -> e.estimate(THREE, classes(2, List.of())));
            assertTrue(x.getMessage().contains("use the method msle"), x.getMessage());
        }
    }

    @Test
    @DisplayName("one class is the plain logit: the same log-likelihood, estimates and standard errors")
    void oneClassIsPlainLogit() {
        EstimationResult plain = new MsleEstimator(config(2)).estimate(THREE, FIXED);
        EstimationResult one = new MsleEstimator(config(2)).estimate(THREE, classes(1, List.of()));
        assertEquals(plain.logLikelihood(), one.logLikelihood(), 1e-7);
        assertArrayEquals(plain.estimates(), one.estimates(), 1e-5);
        assertArrayEquals(plain.standardErrors(), one.standardErrors(), 1e-4);
        assertEquals(List.of("class1.x1", "class1.x2", "class1.x3"), one.names());
    }

    @Test
    @DisplayName("a 3-class logit is recovered (classes sorted by share), from ten starts, the same on 1 and 2 threads")
    void recoversThreeClasses() {
        EstimationResult r = new MsleEstimator(config(2)).estimate(THREE, classes(3, List.of()));
        assertTrue(r.isConverged() && r.isCertified(), r.certification());
        double[] truth = new double[11];
        for (int k = 0; k < 3; k++) {
            System.arraycopy(BETA3[k], 0, truth, 3 * k, 3);
        }
        truth[9] = GAMMA3[0][0];
        truth[10] = GAMMA3[1][0];
        assertWald(r, truth, 31.26);
        LatentClassSummary lc = r.latentClasses().orElseThrow();
        assertEquals(10, lc.starts());
        assertEquals(10, r.optima().stream().mapToInt(LocalOptimum::starts).sum());
        double[] shares = lc.shares();
        assertTrue(shares[0] > shares[1] && shares[1] > shares[2]);
        assertTrue(lc.boundaries().isEmpty(), lc.boundaries().toString());
        EstimationResult one = new MsleEstimator(config(1)).estimate(THREE, classes(3, List.of()));
        assertArrayEquals(r.estimates(), one.estimates(), 0.0);
        assertArrayEquals(r.standardErrors(), one.standardErrors(), 0.0);
    }

    @Test
    @DisplayName("a 2-class logit whose shares depend on a characteristic is recovered")
    void recoversMembership() {
        double[][] beta = {{1.0, -1.0, 0.5}, {-0.5, -2.0, 1.0}};
        double[][] gamma = {{-0.4, 1.0}};
        ChoiceData data = LatentClassData.simulate(1500, 6, 3, beta, gamma, 21L);
        EstimationResult r = new MsleEstimator(config(2)).estimate(data, classes(2, List.of("z")));
        assertTrue(r.isConverged() && r.isCertified(), r.certification());
        assertEquals(List.of("class1.x1", "class1.x2", "class1.x3", "class2.x1", "class2.x2", "class2.x3",
                "share2._cons", "share2.z"), r.names());
        // class 1 of the data has the larger share at the mean of z (about 0)
        assertWald(r, new double[] {1.0, -1.0, 0.5, -0.5, -2.0, 1.0, -0.4, 1.0}, 26.12);
    }

    @Test
    @DisplayName("EM run to convergence reaches the optimum of direct maximum likelihood")
    void emAndDirectAgree() {
        ModelSpec spec = classes(3, List.of());
        EstimationResult r = new MsleEstimator(config(2)).estimate(THREE, spec);
        ExpectationMaximization em = new ExpectationMaximization(THREE, spec);
        double[] start = r.estimates();
        for (int j = 0; j < start.length; j++) {
            start[j] += 0.05 * (j % 2 == 0 ? 1 : -1);
        }
        EmRun run = em.run(start, 5000, 1e-14);
        assertEquals(r.logLikelihood(), run.logLikelihood(), 1e-6);
        assertArrayEquals(r.estimates(), run.theta(), 2e-3);
    }

    /**
     * The Wald statistic of the truth, (theta - truth)' V^-1 (theta - truth), is below the chi-squared 99.9%
     * quantile with P degrees of freedom (11: 31.26; 8: 26.12).
     */
    private static void assertWald(EstimationResult r, double[] truth, double critical) {
        double[] theta = r.estimates();
        int p = theta.length;
        double[] v = r.covariance(r.covarianceType());
        double[][] m = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                m[i][j] = v[i * p + j];
            }
        }
        double[] d = new double[p];
        for (int i = 0; i < p; i++) {
            d[i] = theta[i] - truth[i];
        }
        double[] solved = new org.apache.commons.math3.linear.LUDecomposition(
                new org.apache.commons.math3.linear.Array2DRowRealMatrix(m)).getSolver()
                .solve(new org.apache.commons.math3.linear.ArrayRealVector(d)).toArray();
        double wald = 0;
        for (int i = 0; i < p; i++) {
            wald += d[i] * solved[i];
        }
        assertTrue(wald < critical, "Wald " + wald + " for " + r.coefficients());
    }
}
