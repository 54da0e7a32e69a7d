package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.bench.SimulatedChoices;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.spec.ModelSpec;

/**
 * With exact probabilities (no random coefficients) the optimal instruments x_tj - sum_i s_ti x_ti turn the
 * moments into the score of the logit likelihood, so MSM and maximum likelihood give the same estimate; the GMM
 * sandwich with these instruments is then the likelihood's robust sandwich.
 */
class MsmPlainLogitTest {
    @Test
    @DisplayName("MSM with optimal instruments = plain-logit maximum likelihood when nothing is random")
    void msmEqualsMaximumLikelihood() {
        ChoiceData data = SimulatedChoices.generate(300, 4, SimulatedChoices.TRUTH, 17);
        ModelSpec spec = ModelSpec.builder().fixed("price").fixed("quality").fixed("rare").build();
        EstimatorConfig config = EstimatorConfig.defaults().withThreads(2)
                .withInference(InferenceConfig.defaults().withCovariance(CovarianceType.ROBUST));
        EstimationResult mle = new MsleEstimator(config).estimate(data, spec);
        EstimationResult msm = new MsmEstimator(config.withMethod(MethodConfig.of(EstimationMethod.MSM))).estimate(data, spec);
        assertEquals(EstimationMethod.MSM, msm.method());
        assertTrue(msm.isConverged(), msm.message());
        double[] a = mle.estimates();
        double[] b = msm.estimates();
        // maximum likelihood on these data (this engine's MSLE with fixed coefficients, LL -1314.4512)
        assertEquals(-0.73890, a[0], 1e-4);
        assertEquals(0.66076, a[1], 1e-4);
        assertEquals(-1.70293, a[2], 1e-4);
        assertEquals(-1314.4512, mle.logLikelihood(), 1e-3);
        double[] seMle = mle.standardErrors(CovarianceType.ROBUST);
        double[] seMsm = msm.standardErrors(CovarianceType.GMM);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-6, mle.names().get(i));
            assertEquals(seMle[i], seMsm[i], 1e-4 * seMle[i], "robust s.e. of " + mle.names().get(i));
        }
        assertEquals(mle.logLikelihood(), msm.logLikelihood(), 1e-8);
        assertEquals(3, msm.gmm().get().instrumentCount());
        assertEquals(0, msm.gmm().get().degreesOfFreedom());
        assertTrue(Double.isNaN(msm.gmm().get().hansenJ()), "no J test when exactly identified");
        assertEquals(CovarianceType.ROBUST, msm.covarianceType());
    }
}
