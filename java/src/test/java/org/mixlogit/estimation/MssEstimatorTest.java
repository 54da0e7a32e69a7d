package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.bench.SimulatedChoices;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.simulation.SimulatedLogLikelihood;
import org.mixlogit.simulation.Simulators;
import org.mixlogit.spec.ModelSpec;

/**
 * The method of simulated scores on data simulated from known parameters ({@link SimulatedChoices}: price and the
 * rare alternative's constant fixed, quality normal; a panel of 300 people with 5 choices each): it recovers the
 * truth, agrees with maximum likelihood computed accurately, and its simulated score has the properties the
 * estimator rests on.
 */
class MssEstimatorTest {
    private static final ModelSpec SPEC = SimulatedChoices.spec();
    private static ChoiceData panel;

    @BeforeAll
    static void data() {
        panel = SimulatedChoices.generate(300, 5, SimulatedChoices.TRUTH, 7);
    }

    private static EstimatorConfig config(DrawType type, int draws) {
        return EstimatorConfig.defaults().withThreads(2).withIntegration(IntegrationConfig.of(type, draws))
                .withDiagnostics(DiagnosticsConfig.defaults().withCheckReplicates(0))
                .withMethod(MethodConfig.of(EstimationMethod.MSS));
    }

    @Test
    @DisplayName("R = 25 posterior draws: recovers the truth within 3 sandwich s.e., close to the accurate MLE")
    void recoversTheTruth() {
        EstimationResult mss = Estimator.of(config(DrawType.PSEUDO_RANDOM, 25)).estimate(panel, SPEC);
        assertTrue(mss.isConverged() && mss.isCertified(), mss.message() + " / " + mss.certification());
        assertEquals(EstimationMethod.MSS, mss.method());
        assertEquals(CovarianceType.ROBUST, mss.covarianceType());
        EstimationResult mle = new MsleEstimator(EstimatorConfig.defaults().withThreads(2)
                .withIntegration(IntegrationConfig.of(DrawType.ADAPTIVE_HALTON, 200))
                .withDiagnostics(DiagnosticsConfig.defaults().withCheckReplicates(0))).estimate(panel, SPEC);
        double[] se = mss.standardErrors(CovarianceType.ROBUST);
        double[] truth = SimulatedChoices.TRUTH;
        for (int j = 0; j < truth.length; j++) {
            double b = j == 3 ? Math.abs(mss.estimates()[j]) : mss.estimates()[j];
            double m = j == 3 ? Math.abs(mle.estimates()[j]) : mle.estimates()[j];
            assertTrue(Double.isFinite(se[j]) && se[j] > 0, "s.e. " + j);
            assertEquals(truth[j], b, 3 * se[j], "parameter " + j + " against the truth");
            // simulation noise of R = 25 exact posterior draws per person: well within half a standard error
            assertEquals(m, b, 0.5 * se[j], "parameter " + j + " against the MLE");
        }
        assertTrue(mss.integration().startsWith("posterior draws by accept-reject, 25 per decision-maker"),
                mss.integration());
    }

    @Test
    @DisplayName("the simulated score at the centre is the mean of the posterior draws' scores: its FD gradient"
            + " and its mean over seeds matches the exact score")
    void simulatedScoreIsUnbiased() {
        ChoiceData small = SimulatedChoices.generate(40, 5, SimulatedChoices.TRUTH, 3);
        double[] theta = {-0.9, 1.1, -2.4, 1.3};
        double[] exact = new double[4];
        try (SimulatedLogLikelihood ll = Simulators.likelihood(small, SPEC,
                IntegrationConfig.of(DrawType.ADAPTIVE_SPARSE, 12), theta, 2)) {
            ll.valueAndGradient(theta, exact);
        }
        int seeds = 40;
        double[] mean = new double[4];
        double[] square = new double[4];
        for (int s = 0; s < seeds; s++) {
            try (SimulatedLogLikelihood ll = Simulators.posteriorDraws(small, SPEC, theta, 10, 100 + s, new int[40],
                    new double[40], 2)) {
                double[] g = new double[4];
                double value = ll.valueAndGradient(theta, g);
                assertEquals(0.0, value, 1e-9, "the reweighted log-likelihood is 0 at its centre");
                for (int j = 0; j < 4; j++) {
                    mean[j] += g[j] / seeds;
                    square[j] += g[j] * g[j] / seeds;
                }
                if (s == 0) {
                    for (int j = 0; j < 4; j++) {
                        double[] plus = theta.clone();
                        double[] minus = theta.clone();
                        plus[j] += 1e-5;
                        minus[j] -= 1e-5;
                        assertEquals((ll.value(plus) - ll.value(minus)) / 2e-5, g[j], 1e-5 * Math.max(1,
                                Math.abs(g[j])), "smooth within a round: gradient " + j);
                    }
                }
            }
        }
        for (int j = 0; j < 4; j++) {
            double sd = Math.sqrt(square[j] - mean[j] * mean[j]);
            // unbiased with only R = 10 draws per person: the mean over 40 seeds is within 3.5 of its standard errors
            assertEquals(exact[j], mean[j], 3.5 * sd / Math.sqrt(seeds), "score " + j);
        }
    }

    /**
     * The Jacobian of the simulated score with R = 5 exact posterior draws per person: its mean over seeds is the
     * exact Hessian of the log-likelihood (the derivative of the simulated score's expectation), while the Hessian of
     * the round's reweighted log-likelihood, which the sandwich used before, is more curved by the simulation variance
     * of the mean score (sum_n V_n / R) and so gave too small standard errors at small R.
     */
    @Test
    @DisplayName("the MSS Jacobian is unbiased for the exact Hessian at R = 5; the reweighted Hessian is not")
    void scoreJacobianIsUnbiased() {
        ChoiceData small = SimulatedChoices.generate(40, 5, SimulatedChoices.TRUTH, 3);
        double[] theta = {-0.9, 1.1, -2.4, 1.3};
        int p = 4;
        double[] exact;
        try (SimulatedLogLikelihood ll = Simulators.likelihood(small, SPEC,
                IntegrationConfig.of(DrawType.ADAPTIVE_SPARSE, 12), theta, 2)) {
            exact = ll.hessian(theta);
        }
        int seeds = 200;
        double[][] sums = new double[2][p * p];
        double[][] squares = new double[2][p * p];
        for (int s = 0; s < seeds; s++) {
            try (SimulatedLogLikelihood ll = Simulators.posteriorDraws(small, SPEC, theta, 5, 500 + s, new int[40],
                    new double[40], 2)) {
                double[][] both = {ll.scoreJacobian(theta), ll.hessian(theta)};
                for (int k = 0; k < 2; k++) {
                    for (int i = 0; i < p * p; i++) {
                        sums[k][i] += both[k][i] / seeds;
                        squares[k][i] += both[k][i] * both[k][i] / seeds;
                    }
                }
            }
        }
        // the diagonal entries of quality's mean and sd, where the posterior spread of the scores is largest
        for (int i : new int[] {1 * p + 1, 3 * p + 3}) {
            double[] mcSe = new double[2];
            for (int k = 0; k < 2; k++) {
                mcSe[k] = Math.sqrt((squares[k][i] - sums[k][i] * sums[k][i]) / seeds);
            }
            assertEquals(exact[i], sums[0][i], 3.5 * mcSe[0], "unbiased Jacobian, entry " + i);
            assertTrue(sums[1][i] - exact[i] < -6 * mcSe[1], "reweighted Hessian more curved: " + sums[1][i]
                    + " against " + exact[i] + " (MC s.e. " + mcSe[1] + ")");
        }
    }

    @Test
    @DisplayName("quadrature is refused; with no random coefficient MSS is maximum likelihood")
    void refusalAndNoRandomCoefficient() {
        InvalidSpecificationException e = assertThrows(InvalidSpecificationException.class,
                () -> Estimator.of(config(DrawType.GAUSS_HERMITE, 5)).estimate(panel, SPEC));
        assertTrue(e.getMessage().contains("simulation draws"), e.getMessage());
        ModelSpec fixed = ModelSpec.builder().fixed("price").fixed("quality").fixed("rare").build();
        EstimationResult mss = Estimator.of(config(DrawType.HALTON, 25)).estimate(panel, fixed);
        EstimationResult ml = new MsleEstimator(EstimatorConfig.defaults().withThreads(2)
                .withDiagnostics(DiagnosticsConfig.defaults().withCheckReplicates(0))).estimate(panel, fixed);
        assertTrue(mss.isConverged() && mss.isCertified(), mss.message());
        for (int j = 0; j < 3; j++) {
            assertEquals(ml.estimates()[j], mss.estimates()[j], 1e-5);
        }
    }

    @Test
    @DisplayName("3 people, 6 choices: scores that vanish at a diverged estimate (s.e. 0, z infinite) are not"
            + " converged (they were reported as converged and certified)")
    void vanishingScoresAreNoRoot() {
        // the QA data set: 3 decision-makers x 2 situations x 3 alternatives; MSLE has a finite estimate, but each
        // MSS round's 20 posterior draws predict every choice and its root finder runs to about 1e6
        int[] person = {1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3};
        int[] situation = {1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6};
        int[] chosen = {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1};
        double[] x = {1.0, 2.0, 0.5, 1.5, 0.2, 1.1, 0.3, 1.7, 0.9, 2.2, 0.4, 1.3, 0.8, 1.9, 0.1, 1.2, 0.6, 2.5};
        double[] z = {0.5, 0.1, 0.3, 0.2, 0.9, 0.4, 0.7, 0.2, 0.6, 0.1, 0.8, 0.5, 0.3, 0.6, 0.2, 0.9, 0.4, 0.1};
        ChoiceData tiny = ChoiceData.builder().situations(situation).decisionMakers(person).chosen(chosen)
                .attribute("x", x).attribute("z", z).build();
        ModelSpec spec = ModelSpec.builder().fixed("x").random("z", org.mixlogit.spec.Distribution.NORMAL).build();
        EstimationResult mss = Estimator.of(config(DrawType.HALTON, 20)).estimate(tiny, spec);
        double[] se = mss.standardErrors(CovarianceType.ROBUST);
        assertEquals(0.0, se[0], "the scores vanish: s.e. " + java.util.Arrays.toString(se));
        assertTrue(Math.abs(mss.estimates()[0]) > 1e3, "diverged: " + java.util.Arrays.toString(mss.estimates()));
        assertTrue(!mss.isConverged() && !mss.isCertified(), mss.message() + " / " + mss.certification());
        assertTrue(mss.message().startsWith("Not converged: the simulated scores vanish at the estimate (standard"
                + " errors of zero for x, z, sd.z)"), mss.message());
        assertEquals(null, MssEstimator.vanishedScores(spec, new double[] {0.1, 0.2, 0.3}));
        assertEquals("z", MssEstimator.vanishedScores(spec, new double[] {0.1, Double.NaN, 0.3}));
    }
}
