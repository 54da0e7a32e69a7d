package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.bench.SimulatedChoices;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.io.ExampleData;
import org.mixlogit.simulation.Backend;
import org.mixlogit.simulation.SimulatedLogLikelihood;
import org.mixlogit.simulation.Simulators;
import org.mixlogit.spec.ModelSpec;

/**
 * The method of simulated scores with the importance-sampling score simulator ({@code --draws adaptive-halton}):
 * each person's score is the self-normalised importance-weighted mean of the draws' logit scores over the adapted
 * proposal at their posterior mode. Checked: recovery of known parameters on a T = 10 panel, where accept-reject
 * would need many proposals per acceptance; the simulated score's Jacobian within a round against finite
 * differences; the Electricity panel, where accept-reject fails, against maximum likelihood with an accurate rule;
 * local = in-process shards bit for bit.
 */
class MssImportanceSamplingTest {
    private static final ModelSpec SPEC = SimulatedChoices.spec();
    private static ChoiceData panel;

    @BeforeAll
    static void data() {
        panel = SimulatedChoices.generate(300, 10, SimulatedChoices.TRUTH, 11);
    }

    private static EstimatorConfig config(DrawType type, int draws) {
        return EstimatorConfig.defaults().withThreads(2).withIntegration(IntegrationConfig.of(type, draws))
                .withDiagnostics(DiagnosticsConfig.defaults().withCheckReplicates(0))
                .withMethod(MethodConfig.of(EstimationMethod.MSS));
    }

    @Test
    @DisplayName("T = 10 panel, 50 adapted Halton draws: recovers the truth within 3 sandwich s.e., local = shards")
    void recoversTheTruthAndShardsAgree() {
        EstimatorConfig config = config(DrawType.ADAPTIVE_HALTON, 50);
        EstimationResult mss = new MssEstimator(config).estimate(panel, SPEC);
        assertTrue(mss.isConverged() && mss.isCertified(), mss.message() + " / " + mss.certification());
        assertEquals(CovarianceType.ROBUST, mss.covarianceType());
        assertTrue(mss.integration().startsWith("posterior scores by importance sampling, adaptive-halton"),
                mss.integration());
        double[] se = mss.standardErrors(CovarianceType.ROBUST);
        double[] truth = SimulatedChoices.TRUTH;
        for (int j = 0; j < truth.length; j++) {
            double b = j == 3 ? Math.abs(mss.estimates()[j]) : mss.estimates()[j];
            assertTrue(Double.isFinite(se[j]) && se[j] > 0 && se[j] < 0.5, "s.e. " + j + " = " + se[j]);
            assertEquals(truth[j], b, 3 * se[j], "parameter " + j + " against the truth");
        }
        EstimationResult sharded = new MssEstimator(config, Backend.sharded(3, 1)).estimate(panel, SPEC);
        assertArrayEquals(mss.estimates(), sharded.estimates(), 0.0, "estimates");
        assertArrayEquals(se, sharded.standardErrors(CovarianceType.ROBUST), 0.0, "sandwich");
        assertEquals(mss.logLikelihood(), sharded.logLikelihood(), 0.0);
        assertEquals(mss.integration(), sharded.integration());
    }

    /**
     * Within a round the simulated score is s(theta) = sum_n sum_r w_nr(theta) g_nr(theta) with self-normalised
     * weights w_nr proportional to P_n(z_r; theta) phi(z_r) / q_n(z_r) (nodes z_r fixed at the round's centre), so
     * ds/dtheta = sum_n [ sum_r w_nr (H_nr + g_nr g_nr') - s_n s_n' ]: the Hessian of the round's importance-sampling
     * log-likelihood, checked here against central differences of the score. The Jacobian the sandwich uses divides
     * the weighted covariance of the draws' scores by 1 - sum_r w_nr^2 (its unbiased form, as for accept-reject), so
     * it exceeds that derivative by a positive semidefinite term of relative size about 1 / (effective draws).
     */
    @Test
    @DisplayName("the IS simulated score's Jacobian within a round matches finite differences of the score")
    void jacobianAgainstFiniteDifferences() {
        ChoiceData small = SimulatedChoices.generate(60, 10, SimulatedChoices.TRUTH, 5);
        double[] centre = {-0.9, 1.1, -2.4, 1.3};
        double[] theta = {-0.95, 1.05, -2.45, 1.35};
        int p = 4;
        try (SimulatedLogLikelihood ll = Simulators.likelihood(small, SPEC,
                IntegrationConfig.of(DrawType.ADAPTIVE_HALTON, 30), centre, 2)) {
            double[] hessian = ll.hessian(theta);
            double[] jacobian = ll.scoreJacobian(theta);
            double h = 1e-5;
            for (int j = 0; j < p; j++) {
                double[] plus = theta.clone();
                double[] minus = theta.clone();
                plus[j] += h;
                minus[j] -= h;
                double[] gp = new double[p];
                double[] gm = new double[p];
                ll.valueAndGradient(plus, gp);
                ll.valueAndGradient(minus, gm);
                for (int i = 0; i < p; i++) {
                    double fd = (gp[i] - gm[i]) / (2 * h);
                    assertEquals(fd, hessian[i * p + j], 1e-5 * Math.max(1, Math.abs(fd)), "d s_" + i + " / d theta_"
                            + j);
                }
            }
            for (int i = 0; i < p; i++) {
                // accept-reject's unbiased-covariance form (not used for importance sampling) is less curved
                assertTrue(jacobian[i * p + i] - hessian[i * p + i] > 0, "covariance term of " + i);
            }
        }
    }

    /**
     * Electricity (361 people x 12 situations, price and contract length normal): accept-reject cannot sample these
     * posteriors (one person's acceptance rate is below 1e-6), importance sampling converges at R = 50, within 0.05
     * standard errors of maximum likelihood computed with adaptive Gauss-Hermite, 10 points per dimension.
     */
    @Test
    @DisplayName("Electricity panel: MSS by importance sampling converges, close to accurate maximum likelihood")
    void electricityPanel() {
        ChoiceData data = ExampleData.electricity();
        ModelSpec spec = ModelSpec.builder().random("pf", "n").random("cl", "n").build();
        EstimationResult mss = new MssEstimator(config(DrawType.ADAPTIVE_HALTON, 50)).estimate(data, spec);
        assertTrue(mss.isConverged() && mss.isCertified(), mss.message() + " / " + mss.certification());
        EstimationResult mle = new MsleEstimator(EstimatorConfig.defaults().withThreads(2)
                .withIntegration(IntegrationConfig.of(DrawType.ADAPTIVE_GH, 10))
                .withDiagnostics(DiagnosticsConfig.defaults().withCheckReplicates(0))).estimate(data, spec);
        double[] se = mss.standardErrors(CovarianceType.ROBUST);
        for (int j = 0; j < se.length; j++) {
            double b = j >= 2 ? Math.abs(mss.estimates()[j]) : mss.estimates()[j];
            double m = j >= 2 ? Math.abs(mle.estimates()[j]) : mle.estimates()[j];
            assertEquals(m, b, 0.05 * se[j], "parameter " + j + " against the MLE");
        }
        // the log-likelihood reported is the R = 50 rule's, 0.11 above the accurate integral's
        assertEquals(mle.logLikelihood(), mss.logLikelihood(), 0.25);
        // the sandwich's Jacobian (the round's Hessian) against the accurate Hessian: within 1% on the diagonal
        try (SimulatedLogLikelihood is = Simulators.likelihood(data, spec,
                IntegrationConfig.of(DrawType.ADAPTIVE_HALTON, 50), mss.estimates(), 2);
                SimulatedLogLikelihood agh = Simulators.likelihood(data, spec,
                IntegrationConfig.of(DrawType.ADAPTIVE_GH, 12), mss.estimates(), 2)) {
            double[] jacobian = is.hessian(mss.estimates());
            double[] exact = agh.hessian(mss.estimates());
            for (int i = 0; i < 4; i++) {
                assertEquals(exact[i * 5], jacobian[i * 5], 0.01 * Math.abs(exact[i * 5]), "Jacobian entry " + i);
            }
        }
    }
}
