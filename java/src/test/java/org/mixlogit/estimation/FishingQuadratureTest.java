package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.io.ExampleData;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * The Fishing data (Herriges and Kling; mlogit's Fishing; shared/data/README.md data set 3): price and catch
 * both normal, cross-section, no constants. Gauss-Hermite with 20 x 20 nodes has converged: 40 x 40 nodes move
 * the maximised log-likelihood by less than 0.01; xlogit's 1,000 draws give -1300.511. A sparse grid of nested
 * Genz-Keister rules gets there with fewer nodes: at their maxima GH 20 x 20 (400 nodes) gives -1300.5768, the
 * nested grid -1300.6047 at level 10 (133 nodes), -1300.5857 at level 13 (253) and -1300.5812 at level 16 (285),
 * while the grid of Gauss-Hermite rules needs 813 nodes (level 13, -1300.5887) for the accuracy of 253 nested ones.
 */
class FishingQuadratureTest {

    static ChoiceData fishing() {
        return ExampleData.fishing();
    }

    private static EstimationResult fit(ChoiceData data, IntegrationConfig integration) {
        ModelSpec spec = ModelSpec.builder().random("price", Distribution.NORMAL).random("catch", Distribution.NORMAL)
                .build();
        return new MsleEstimator(EstimatorConfig.defaults().withThreads(2).withIntegration(integration))
                .estimate(data, spec);
    }

    @Test
    @DisplayName("Gauss-Hermite 20 x 20 and 40 x 40 agree within 0.01 at their maxima")
    void quadratureRulesAgree() {
        ChoiceData data = fishing();
        EstimationResult gh = fit(data, IntegrationConfig.of(DrawType.GAUSS_HERMITE, 20));
        EstimationResult finer = fit(data, IntegrationConfig.of(DrawType.GAUSS_HERMITE, 40));
        assertTrue(gh.isConverged() && finer.isConverged(), gh.message() + " / " + finer.message());
        assertEquals(finer.logLikelihood(), gh.logLikelihood(), 0.01);
        assertEquals(Math.abs(finer.estimate("sd.catch")), Math.abs(gh.estimate("sd.catch")), 1e-3);
        // the integral, not a simulation of it: within simulation noise of xlogit's 1,000-draw value -1300.511
        assertEquals(-1300.5, gh.logLikelihood(), 1.0);
    }

    @Test
    @DisplayName("Gauss-Hermite 20 x 20 and the nested sparse grid of level 16 (285 nodes) agree within 0.01")
    void nestedSparseGridAgrees() {
        ChoiceData data = fishing();
        EstimationResult gh = fit(data, IntegrationConfig.of(DrawType.GAUSS_HERMITE, 20));
        EstimationResult sparse = fit(data, IntegrationConfig.of(DrawType.SPARSE_GRID, 16));
        assertTrue(gh.isConverged() && sparse.isConverged(), gh.message() + " / " + sparse.message());
        assertTrue(sparse.integration().endsWith(", 285 nodes"), sparse.integration());
        assertEquals(gh.logLikelihood(), sparse.logLikelihood(), 0.01);
        assertEquals(Math.abs(gh.estimate("sd.catch")), Math.abs(sparse.estimate("sd.catch")), 0.01);
    }
}
