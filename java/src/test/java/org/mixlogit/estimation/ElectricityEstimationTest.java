package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.io.ExampleData;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/** Published estimates on Train's Electricity data (shared/data/README.md, data set 1). */
class ElectricityEstimationTest {
    private static final ChoiceData DATA = ExampleData.electricity();
    private static final String[] ATTRIBUTES = {"pf", "cl", "loc", "wk", "tod", "seas"};

    @Test
    @DisplayName("conditional logit: LL -4958.649119, clogit estimates and Hessian standard errors")
    void conditionalLogit() {
        // R 4.2.2 survival::clogit on the same file
        double[] estimates = {-0.625228, -0.108299, 1.442243, 0.995504, -5.462759, -5.840031};
        double[] errors = {0.023222, 0.008244, 0.050557, 0.044780, 0.183713, 0.186678};
        ModelSpec.Builder b = ModelSpec.builder();
        for (String a : ATTRIBUTES) {
            b.fixed(a);
        }
        EstimationResult r = new MsleEstimator(EstimatorConfig.defaults().withThreads(2)).estimate(DATA, b.build());
        assertTrue(r.isConverged(), r.message());
        assertTrue(r.isCertified(), r.certification());
        assertEquals(-4958.649119, r.logLikelihood(), 1e-5);
        assertEquals(r.logLikelihood(), r.plainLogitLogLikelihood(), 1e-6);
        List<CoefficientEstimate> c = r.coefficients();
        for (int i = 0; i < 6; i++) {
            assertEquals(ATTRIBUTES[i], c.get(i).name());
            assertEquals(estimates[i], c.get(i).estimate(), 1e-4, ATTRIBUTES[i]);
            assertEquals(errors[i], c.get(i).standardError(), 1e-4, ATTRIBUTES[i]);
        }
        // equal shares over 4 alternatives in 4,308 situations
        assertEquals(4308 * Math.log(0.25), r.nullLogLikelihood(), 1e-9);
    }

    @Test
    @DisplayName("mixed logit, 6 normal, panel, 100 Halton, default start: mlogit's optimum, LL -3952.4877")
    void mixedLogitMatchesMlogit() {
        // mlogit vignette "Exercise 3: Mixed logit model" (Train and Croissant), same data, same start
        double[] mlogit = {-0.973386, -0.205557, 2.075724, 1.475645, -9.052539, -9.103759, 0.219943, 0.378303,
            1.482974, 1.000057, 2.289477, 1.180869};
        ModelSpec.Builder b = ModelSpec.builder();
        for (String a : ATTRIBUTES) {
            b.random(a, Distribution.NORMAL);
        }
        EstimationResult r = new MsleEstimator(EstimatorConfig.defaults().withThreads(2)).estimate(DATA, b.build());
        assertTrue(r.isConverged(), r.message());
        assertTrue(r.isCertified(), r.certification());
        assertEquals(-3952.4877, r.logLikelihood(), 0.005);
        double[] theta = r.estimates();
        for (int i = 0; i < 12; i++) {
            double value = i < 6 ? theta[i] : Math.abs(theta[i]);
            assertEquals(mlogit[i], value, 2e-3, r.names().get(i));
        }
        assertEquals(12, r.parameterCount());
        assertEquals(361, r.decisionMakers());
        assertTrue(r.hessianEigenvalues()[11] < 0);
    }
}
