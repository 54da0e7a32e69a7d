package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.optim.OptimizerStatus;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/** A result is built once, holds copies of what it was given, and hands out copies or unmodifiable views. */
class EstimationResultTest {
    private static final ChoiceData DATA = ParameterRecoveryTest.simulate(150, 4, 3, 23);
    private static final ModelSpec SPEC = ModelSpec.builder().fixed("price").random("quality", Distribution.NORMAL)
            .fixed("comfort").build();
    private static final EstimatorConfig CONFIG = EstimatorConfig.defaults().withThreads(1)
            .withIntegration(IntegrationConfig.of(DrawType.HALTON, 20));

    @Test
    @DisplayName("array accessors return copies: changing them leaves the result as it was")
    void accessorsCopy() {
        EstimationResult r = new MsleEstimator(CONFIG).estimate(DATA, SPEC);
        double[] estimates = r.estimates();
        double[] gradient = r.gradient();
        double[] covariance = r.covariance(CovarianceType.HESSIAN);
        double[] se = r.standardErrors();
        double[] eigen = r.hessianEigenvalues();
        double before = r.estimate("price");
        Arrays.fill(r.estimates(), 99);
        Arrays.fill(r.gradient(), 99);
        Arrays.fill(r.covariance(CovarianceType.HESSIAN), 99);
        Arrays.fill(r.standardErrors(), 99);
        Arrays.fill(r.hessianEigenvalues(), 99);
        Arrays.fill(r.optima().get(0).point(), 99);
        assertArrayEquals(estimates, r.estimates(), 0.0);
        assertArrayEquals(gradient, r.gradient(), 0.0);
        assertArrayEquals(covariance, r.covariance(CovarianceType.HESSIAN), 0.0);
        assertArrayEquals(se, r.standardErrors(), 0.0);
        assertArrayEquals(eigen, r.hessianEigenvalues(), 0.0);
        assertArrayEquals(estimates, r.optima().get(0).point(), 0.0);
        assertEquals(before, r.estimate("price"), 0.0);
        assertThrows(UnsupportedOperationException.class, () -> r.names().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> r.optima().clear());
        assertThrows(UnsupportedOperationException.class, () -> r.coefficients().clear());
    }

    @Test
    @DisplayName("the result holds the method as an enum and the data's rows, situations and decision-makers")
    void describesItself() {
        EstimationResult r = new MsleEstimator(CONFIG).estimate(DATA, SPEC);
        assertEquals(EstimationMethod.MSLE, r.method());
        assertEquals(150 * 4 * 3, r.rows());
        assertEquals(150 * 4, r.situations());
        assertEquals(150, r.decisionMakers());
        assertTrue(r.gmm().isEmpty(), "no GMM diagnostics for MSLE");
        assertTrue(r.covariances().isPresent());
        assertFalse(r.isCancelled());
    }

    @Test
    @DisplayName("the builder copies arrays at build, so changing them afterwards changes nothing")
    void builderCopies() {
        double[] theta = {0.5, -1, 0.2, 0.3};
        double[] gradient = {1e-7, 2e-7, 3e-7, 4e-7};
        List<LocalOptimum> optima = new java.util.ArrayList<>(Collections.singletonList(
                new LocalOptimum(-10, 1, 1e-7, true, theta)));
        EstimationResult r = complete(theta, gradient, optima).build();
        theta[0] = 99;
        gradient[0] = 99;
        optima.clear();
        assertEquals(0.5, r.estimates()[0], 0.0);
        assertEquals(1e-7, r.gradient()[0], 0.0);
        assertEquals(1, r.optima().size());
        assertEquals(Arrays.asList("price", "quality", "comfort", "sd.quality"), r.names());
    }

    @Test
    @DisplayName("build() names every required part that is missing")
    void builderNamesMissingParts() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EstimationResult.builder().method(EstimationMethod.MSLE).spec(SPEC).build());
        for (String part : new String[] {"estimates", "gradient", "covarianceType", "logLikelihood", "sample",
            "outcome", "effort", "seconds", "optima", "certification", "covariances"}) {
            assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' lacks " + part);
        }
        assertFalse(e.getMessage().contains("method,"), e.getMessage());
        IllegalStateException one = assertThrows(IllegalStateException.class,
                () -> complete(new double[4], new double[4], Collections.singletonList(new LocalOptimum(-10, 1, 0,
                        true, new double[4]))).certification(null).build());
        assertEquals("The estimation result is missing certification: set it on the builder before build().",
                one.getMessage());
    }

    @Test
    @DisplayName("build() refuses estimates whose length is not the model's number of parameters")
    void builderChecksLengths() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> complete(new double[3], new double[3], Collections.singletonList(new LocalOptimum(-10, 1, 0,
                        true, new double[3]))).build());
        assertTrue(e.getMessage().contains("3 estimates") && e.getMessage().contains("4 parameters"),
                e.getMessage());
    }

    /** Every required part, as a cancelled estimation has them (no covariances). */
    private static EstimationResultBuilder complete(double[] theta, double[] gradient, List<LocalOptimum> optima) {
        ResultAssembler tail = new ResultAssembler(DATA, SPEC, CONFIG);
        return tail.describe(EstimationMethod.MSLE, -700).estimates(theta).gradient(gradient).logLikelihood(-600)
                .covarianceType(CovarianceType.HESSIAN).effort(3, 5).integration("halton, 20 draws").optima(optima)
                .outcome(OptimizerStatus.CANCELLED, "Cancelled at iteration 3.", 0.1)
                .withoutCovariances(ResultAssembler.CANCELLED_BEFORE_INFERENCE).certification(Certification.CANCELLED)
                .seconds(0.5);
    }
}
