package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.simulation.SimulatedLogLikelihood;
import org.mixlogit.simulation.Simulators;
import org.mixlogit.msm.InstrumentChoice;
import org.mixlogit.msm.MsmConfig;
import org.mixlogit.optim.IterationListener;
import org.mixlogit.optim.OptimizerStatus;
import org.mixlogit.report.ResultJson;
import org.mixlogit.report.ResultTable;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * A listener that returns false (Stata's Break) ends the estimation at once: status CANCELLED, the best point so
 * far, and no inference, checks or further starts, even when the configuration asks for them.
 */
class CancellationTest {
    private static final ChoiceData DATA = ParameterRecoveryTest.simulate(150, 4, 3, 29);
    private static final ModelSpec SPEC = ModelSpec.builder().fixed("price").random("quality", Distribution.NORMAL)
            .fixed("comfort").build();
    /** Asks for everything a cancellation must skip: three starts, an integration check, re-estimations. */
    private static final EstimatorConfig CONFIG = EstimatorConfig.defaults().withThreads(1)
            .withIntegration(IntegrationConfig.of(DrawType.HALTON, 20))
            .withSearch(SearchConfig.defaults().withStarts(3))
            .withDiagnostics(DiagnosticsConfig.defaults().withCheckReplicates(3).withReestimations(2));

    /** Returns false at the given call (1-based) and counts every call. */
    private static final class StopAt implements IterationListener {
        private final int stopAt;
        private final List<Integer> iterations = new ArrayList<>();

        StopAt(int stopAt) {
            this.stopAt = stopAt;
        }

        @Override
        public boolean iteration(org.mixlogit.optim.IterationReport report) {
            iterations.add(report.iteration());
            return iterations.size() < stopAt;
        }
    }

    private static void assertNoInference(EstimationResult r) {
        assertEquals(OptimizerStatus.CANCELLED, r.status());
        assertTrue(r.isCancelled());
        assertFalse(r.isConverged());
        assertFalse(r.isCertified());
        assertEquals("Not certified: the estimation was cancelled before inference.", r.certification());
        assertTrue(r.covariances().isEmpty(), "no covariances after a cancellation");
        assertEquals(0, r.hessianEigenvalues().length);
        for (CovarianceType type : CovarianceType.values()) {
            assertFalse(r.isCovarianceAvailable(type), type.code());
            assertEquals("the estimation was cancelled before inference", r.covarianceProblem(type));
            for (double v : r.covariance(type)) {
                assertTrue(Double.isNaN(v));
            }
        }
        for (double se : r.standardErrors()) {
            assertTrue(Double.isNaN(se));
        }
        assertTrue(r.integrationCheck().isEmpty(), "no integration check after a cancellation");
        assertTrue(r.simulationNoise().isEmpty(), "no noise study after a cancellation");
        for (double x : r.estimates()) {
            assertTrue(Double.isFinite(x));
        }
        // the front ends' formatters render a cancelled result
        assertTrue(ResultTable.format(r).contains("Standard errors unavailable: the estimation was cancelled"
                + " before inference."), ResultTable.format(r));
        assertTrue(ResultJson.write(r).contains("\"status\" : \"CANCELLED\""));
        assertTrue(ResultJson.write(r).contains("\"hessianEigenvalues\" : [ ]"), ResultJson.write(r));
    }

    @Test
    @DisplayName("MSLE cancelled in the first start: the point where it stopped, its log-likelihood, no more starts")
    void msleFirstStart() {
        StopAt listener = new StopAt(3);
        EstimationResult r = new MsleEstimator(CONFIG).estimate(DATA, SPEC, listener);
        assertNoInference(r);
        assertEquals(3, listener.iterations.size(), "the listener is not called after it said stop");
        assertEquals(3, r.iterations());
        assertEquals(1, r.optima().stream().mapToInt(LocalOptimum::starts).sum(), "no further starts");
        assertTrue(r.message().startsWith("Cancelled at iteration 3"), r.message());
        try (SimulatedLogLikelihood ll = Simulators.likelihood(DATA, SPEC, CONFIG.integration(), 1)) {
            assertEquals(ll.value(r.estimates()), r.logLikelihood(), 1e-9 * Math.abs(r.logLikelihood()));
        }
    }

    @Test
    @DisplayName("MSLE cancelled in the second start: the first start's optimum, bit for bit, and no inference")
    void msleSecondStart() {
        EstimatorConfig one = CONFIG.withSearch(SearchConfig.defaults())
                .withDiagnostics(DiagnosticsConfig.defaults());
        EstimationResult single = new MsleEstimator(one).estimate(DATA, SPEC);
        IterationListener secondStartTwice = new IterationListener() {
            private int firsts;

            @Override
            public boolean iteration(org.mixlogit.optim.IterationReport report) {
                firsts += report.iteration() == 1 ? 1 : 0;
                return !(firsts == 2 && report.iteration() == 2);
            }
        };
        EstimationResult r = new MsleEstimator(CONFIG).estimate(DATA, SPEC, secondStartTwice);
        assertNoInference(r);
        assertArrayEquals(single.estimates(), r.estimates(), 0.0);
        assertEquals(single.logLikelihood(), r.logLikelihood(), 1e-9 * Math.abs(r.logLikelihood()));
        assertEquals(single.iterations() + 2, r.iterations());
        assertEquals(2, r.optima().stream().mapToInt(LocalOptimum::starts).sum());
    }

    @Test
    @DisplayName("MSM cancelled in its MSLE first step stops there, without the GMM steps")
    void msmFirstStep() {
        StopAt listener = new StopAt(2);
        EstimationResult r = new MsmEstimator(CONFIG.withMethod(MethodConfig.of(EstimationMethod.MSM)))
                .estimate(DATA, SPEC, listener);
        assertNoInference(r);
        assertEquals(EstimationMethod.MSM, r.method());
        assertEquals(CovarianceType.GMM, r.covarianceType());
        assertEquals(2, listener.iterations.size(), "no GMM iterations after the first step was cancelled");
        assertTrue(r.gmm().isEmpty());
    }

    @Test
    @DisplayName("MSM cancelled in a GMM step: its point and criterion gradient, no covariance or diagnostics")
    void msmGmmStep() {
        StopAt listener = new StopAt(2);
        MsmConfig msm = MsmConfig.defaults().withInstruments(InstrumentChoice.DEFAULT);
        EstimationResult r = new MsmEstimator(CONFIG.withMethod(MethodConfig.msm(msm))).estimate(DATA, SPEC,
                listener);
        assertNoInference(r);
        assertEquals(2, listener.iterations.size());
        assertTrue(r.gmm().isEmpty());
        assertTrue(Double.isNaN(r.logLikelihood()), "the log-likelihood is not evaluated after a cancellation");
        for (double g : r.gradient()) {
            assertTrue(Double.isFinite(g));
        }
    }
}
