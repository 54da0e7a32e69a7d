package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.msm.MsmConfig;
import org.mixlogit.msm.Weighting;
import org.mixlogit.optim.Algorithm;
import org.mixlogit.optim.OptimizerConfig;

/** The estimator's configuration: one validated part per concern, changed by copies, echoed in full. */
class EstimatorConfigTest {

    private static void assertRefused(Supplier<Object> build, String... fragments) {
        InvalidSpecificationException e = assertThrows(InvalidSpecificationException.class, build::get);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' lacks '" + f + "'");
        }
    }

    @ParameterizedTest(name = "{0} = {1} is refused, naming the option")
    @CsvSource({"starts, 0", "threads, 0", "threads, 1025", "threads, 100000", "level, 0.0", "level, 100.0", "level, NaN", "checkReplicates, -1",
        "reestimations, 1", "reestimations, -2"})
    @DisplayName("invalid values are refused with a message that names the option and the value")
    void refusedValues(String option, String value) {
        Supplier<Object> build;
        switch (option) {
            case "starts":
                build = () -> SearchConfig.defaults().withStarts(Integer.parseInt(value));
                break;
            case "threads":
                build = () -> EstimatorConfig.defaults().withThreads(Integer.parseInt(value));
                break;
            case "level":
                build = () -> InferenceConfig.defaults().withLevel(Double.parseDouble(value));
                break;
            case "checkReplicates":
                build = () -> DiagnosticsConfig.defaults().withCheckReplicates(Integer.parseInt(value));
                break;
            default:
                build = () -> DiagnosticsConfig.defaults().withReestimations(Integer.parseInt(value));
                break;
        }
        assertRefused(build, option + " is " + value + ":");
    }

    @Test
    @DisplayName("at most 1024 threads (100,000 failed after 46 s reported as a full heap); 1024 itself is fine")
    void threadCap() {
        assertRefused(() -> EstimatorConfig.defaults().withThreads(1025), "threads is 1025: use at most 1024");
        assertEquals(1024, EstimatorConfig.defaults().withThreads(1024).execution().threads());
        assertTrue(ExecutionConfig.defaults().threads() <= ExecutionConfig.MAX_THREADS);
    }

    @Test
    @DisplayName("missing parts, a blank cluster and non-finite start values are refused by name")
    void refusedParts() {
        assertRefused(() -> SearchConfig.defaults().withOptimizer(null), "optimizer");
        assertRefused(() -> SearchConfig.defaults().withStart(new double[] {0.5, Double.NaN}), "start[2] is NaN");
        assertRefused(() -> InferenceConfig.defaults().withCovariance(null), "covariance");
        assertRefused(() -> InferenceConfig.defaults().withCluster("  "), "cluster is blank");
        assertRefused(() -> MethodConfig.defaults().withType(null), "method");
        assertRefused(() -> EstimatorConfig.defaults().withSearch(null), "search settings");
        assertRefused(() -> EstimatorConfig.defaults().withIntegration(null), "integration settings");
    }

    @Test
    @DisplayName("withX copies change one thing and leave the original alone")
    void copies() {
        EstimatorConfig base = EstimatorConfig.defaults();
        double[] start = {1, 2};
        EstimatorConfig changed = base.withThreads(3)
                .withSearch(base.search().withStarts(4).withStartSeed(9).withStart(start))
                .withInference(base.inference().withCovariance(CovarianceType.ROBUST).withCluster(" region ")
                        .withLevel(90))
                .withDiagnostics(base.diagnostics().withCheckReplicates(5).withReestimations(2))
                .withMethod(MethodConfig.msm(MsmConfig.defaults().withWeighting(Weighting.ONE_STEP)));
        start[0] = 99;
        assertEquals(4, changed.search().starts());
        assertEquals(9, changed.search().startSeed());
        assertArrayEquals(new double[] {1, 2}, changed.search().start(), 0.0);
        changed.search().start()[1] = 99;
        assertArrayEquals(new double[] {1, 2}, changed.search().start(), 0.0);
        assertEquals(3, changed.threads());
        assertEquals(3, changed.execution().threads());
        assertEquals(CovarianceType.ROBUST, changed.inference().covariance());
        assertEquals("region", changed.inference().cluster());
        assertEquals(90, changed.inference().level(), 0.0);
        assertEquals(5, changed.diagnostics().checkReplicates());
        assertEquals(2, changed.diagnostics().reestimations());
        assertEquals(EstimationMethod.MSM, changed.method().type());
        assertEquals(Weighting.ONE_STEP, changed.method().msm().weighting());
        assertSame(base.integration(), changed.integration());
        assertEquals(1, base.search().starts());
        assertNull(base.search().start());
        assertEquals(CovarianceType.HESSIAN, base.inference().covariance());
        assertEquals(0, base.diagnostics().checkReplicates());
        assertEquals(EstimationMethod.MSLE, base.method().type());
    }

    @Test
    @DisplayName("toString echoes the effective configuration, defaults included, part by part")
    void echoesEverything() {
        EstimatorConfig c = EstimatorConfig.defaults().withThreads(2)
                .withIntegration(IntegrationConfig.of(DrawType.SOBOL, 50))
                .withSearch(SearchConfig.defaults().withOptimizer(OptimizerConfig.of(Algorithm.BHHH)));
        assertEquals("EstimatorConfig[IntegrationConfig[type=sobol, draws=50, seed=12345, burn=0,"
                + " cacheBytes=268435456], SearchConfig[OptimizerConfig[algorithm=bhhh, maxIterations=1000,"
                + " gradientTolerance=1.0E-6, objectiveTolerance=1.0E-12], starts=1, startSeed=12345,"
                + " start=default], InferenceConfig[covariance=hessian, cluster=decision-maker, level=95.0,"
                + " weights=sampling],"
                + " DiagnosticsConfig[checkReplicates=0, reestimations=0], MethodConfig[msle],"
                + " ExecutionConfig[threads=2]]", c.toString());
        assertTrue(c.withMethod(MethodConfig.msm(MsmConfig.defaults())).toString().contains(
                "MethodConfig[msm, MsmConfig[instruments=optimal, weighting=two-step"), "MSM settings echoed");
        assertTrue(SearchConfig.defaults().withStart(new double[] {0.5}).toString().contains("start=user [0.5]"));
    }
}
