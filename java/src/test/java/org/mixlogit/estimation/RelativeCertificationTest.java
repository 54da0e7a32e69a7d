package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.inference.Covariances;
import org.mixlogit.optim.Optimum;
import org.mixlogit.optim.OptimizerStatus;
import org.mixlogit.spec.ModelSpec;

/**
 * Certification uses a relative eigenvalue threshold at unit diagonal: a negative definite but nearly singular
 * Hessian is not certified and the parameters along its flat direction are named; a well-conditioned one in
 * extreme units still is. A tolerance looser than the default does not loosen the certification.
 */
class RelativeCertificationTest {
    private static final List<String> NAMES = Arrays.asList("price", "quality", "twice_price");

    private static Certification certify(double[] hessian) {
        int p = NAMES.size();
        double[] zero = new double[p * p];
        Optimum o = new Optimum(new double[p], 1.0, new double[p], 0.0, 10, 10, OptimizerStatus.CONVERGED_GRADIENT,
                "converged");
        return Certification.of(o, Covariances.fromSums(hessian, zero, zero, zero, 1, p), 1e-6,
                Certification.Criterion.LOG_LIKELIHOOD, NAMES);
    }

    @Test
    @DisplayName("negative definite with a relative eigenvalue of 1e-11 (the -6e-11 case): not certified, named")
    void nearlySingular() {
        // price and twice_price nearly collinear: [[-1, 0, -2], [0, -1, 0], [-2, 0, -4 - 4e-11]]
        Certification c = certify(new double[] {-1, 0, -2, 0, -1, 0, -2, 0, -4 - 4e-11});
        assertFalse(c.isCertified(), c.text());
        assertTrue(c.text().contains("singular or nearly so") && c.text().contains("price and twice_price are not"
                + " identified"), c.text());
        assertFalse(c.text().contains("quality are"), c.text());
    }

    @Test
    @DisplayName("well conditioned at unit diagonal but in extreme units (1e12 and 1e-12): certified")
    void extremeUnits() {
        Certification c = certify(new double[] {-1e12, 1e-1, 0, 1e-1, -1e-12, 0, 0, 0, -1});
        assertTrue(c.isCertified(), c.text());
    }

    @Test
    @DisplayName("end to end: a plain logit with twice_price = 2 price + 1e-5 noise is not certified")
    void nearlyCollinearData() {
        ChoiceData data = new DesignData().with("twice_price", (i, n, j, d) -> 2 * d.attribute(i,
                d.attributeIndex("price")) + 1e-5 * Math.sin(7.0 * i)).build();
        EstimationResult r = new MsleEstimator(EstimatorConfig.defaults().withThreads(1)
                .withDiagnostics(DiagnosticsConfig.defaults())).estimate(data, ModelSpec.builder().fixed("price")
                .fixed("quality").fixed("twice_price").build());
        assertFalse(r.isCertified(), r.certification());
        assertTrue(r.certification().contains("price and twice_price"), r.certification());
    }

    private static EstimationResult mixed(double tolerance) {
        EstimatorConfig config = EstimatorConfig.defaults().withThreads(1)
                .withIntegration(org.mixlogit.integration.IntegrationConfig.of(
                        org.mixlogit.integration.DrawType.HALTON, 20));
        config = config.withSearch(config.search().withOptimizer(config.search().optimizer()
                .withGradientTolerance(tolerance)));
        return new MsleEstimator(config).estimate(DesignData.BASE, ModelSpec.builder()
                .random("price", org.mixlogit.spec.Distribution.NORMAL).fixed("quality").build());
    }

    @Test
    @DisplayName("a loose tolerance (5) stops the search early but its end is not certified; the default's is")
    void looseToleranceNotCertified() {
        EstimationResult loose = mixed(5);
        EstimationResult usual = mixed(org.mixlogit.optim.OptimizerConfig.DEFAULT_GRADIENT_TOLERANCE);
        assertTrue(usual.isCertified(), usual.certification());
        assertTrue(loose.logLikelihood() < usual.logLikelihood() - 1e-3, loose.logLikelihood() + " against "
                + usual.logLikelihood());
        assertFalse(loose.isCertified(), loose.certification());
        assertTrue(loose.certification().contains("scaled gradient"), loose.certification());
    }
}
