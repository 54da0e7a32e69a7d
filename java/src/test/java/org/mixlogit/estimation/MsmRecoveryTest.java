package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.bench.SimulatedChoices;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.msm.MsmConfig;
import org.mixlogit.msm.Weighting;

/**
 * On data simulated from known parameters (a small-share alternative, a normal coefficient with sd 1.5), MSM with
 * only 10 pseudo-random draws per person recovers every parameter within its 95% interval; with over-identifying
 * default instruments and two-step weighting Hansen's J does not reject.
 */
class MsmRecoveryTest {
    private static final double[] TRUTH = SimulatedChoices.TRUTH;

    @Test
    @DisplayName("MSM with optimal instruments and 10 draws recovers the truth (cross-section)")
    void optimalInstrumentsRecoverTruth() {
        ChoiceData data = SimulatedChoices.generate(3000, 1, TRUTH, 1);
        EstimationResult r = new MsmEstimator(config(MsmConfig.defaults())).estimate(data, SimulatedChoices.spec());
        assertTrue(r.isConverged(), r.message());
        assertTrue(r.isCertified(), r.certification());
        assertWithinIntervals(r);
        assertEquals(0, r.gmm().get().degreesOfFreedom());
        assertTrue(r.gmm().get().firstStep().startsWith("MSLE with random, 10 draws"), r.gmm().get().firstStep());
    }

    @Test
    @DisplayName("two-step MSM with default instruments and 10 draws recovers the truth (panel); J does not reject")
    void twoStepDefaultInstrumentsRecoverTruth() {
        ChoiceData data = SimulatedChoices.generate(1000, 3, TRUTH, 7);
        MsmConfig msm = MsmConfig.defaults().withInstruments(org.mixlogit.msm.InstrumentChoice.DEFAULT)
                .withWeighting(Weighting.TWO_STEP);
        EstimationResult r = new MsmEstimator(config(msm)).estimate(data, SimulatedChoices.spec());
        assertTrue(r.isConverged(), r.message());
        assertWithinIntervals(r);
        assertEquals(5, r.gmm().get().instrumentCount(), r.gmm().get().instruments().toString());
        assertEquals(1, r.gmm().get().degreesOfFreedom());
        assertEquals(Weighting.TWO_STEP, r.gmm().get().weighting());
        assertTrue(r.gmm().get().pValue() > 0.05, "J = " + r.gmm().get().hansenJ() + ", p = " + r.gmm().get().pValue());
        assertEquals(r.gmm().get().hansenJ(), r.gmm().get().objective(), 0.0);
        assertTrue(r.gmm().get().weightingConditionNumber() > 1, "condition " + r.gmm().get().weightingConditionNumber());
    }

    private static EstimatorConfig config(MsmConfig msm) {
        return EstimatorConfig.defaults().withThreads(2).withMethod(MethodConfig.msm(msm))
                .withIntegration(IntegrationConfig.of(DrawType.PSEUDO_RANDOM, 10));
    }

    private static void assertWithinIntervals(EstimationResult r) {
        assertEquals(CovarianceType.GMM, r.covarianceType());
        List<CoefficientEstimate> c = r.coefficients();
        StringBuilder all = new StringBuilder();
        for (CoefficientEstimate e : c) {
            all.append(String.format(java.util.Locale.ROOT, "%s %.4f (%.4f); ", e.name(), e.estimate(),
                    e.standardError()));
        }
        for (int i = 0; i < TRUTH.length; i++) {
            CoefficientEstimate e = c.get(i);
            double lower = e.lower();
            double upper = e.upper();
            if (e.name().startsWith("sd.") && e.estimate() < 0) {
                double l = -upper;
                upper = -lower;
                lower = l;
            }
            assertTrue(lower <= TRUTH[i] && TRUTH[i] <= upper, e.name() + ": truth " + TRUTH[i] + " outside ["
                    + lower + ", " + upper + "]; " + all);
            assertTrue(e.standardError() < 0.5, all.toString());
        }
    }
}
