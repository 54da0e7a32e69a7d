package org.mixlogit.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.io.ExampleData;

/** Value and gradient are identical to the last bit for 1, 2 and 7 threads, and with cached or regenerated nodes. */
class ThreadInvarianceTest {
    private static final ChoiceData ELECTRICITY = ExampleData.electricity();

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DrawType.class, mode = EnumSource.Mode.EXCLUDE, names = {"GAUSS_HERMITE", "SPARSE_GRID", "SPARSE_GRID_GH",
        "ADAPTIVE_GH", "ADAPTIVE_SPARSE", "ADAPTIVE_HALTON", "ADAPTIVE_SOBOL"})
    @DisplayName("bit-identical for any thread count and node storage")
    void identicalAcrossThreadCounts(DrawType type) {
        IntegrationConfig config = IntegrationConfig.of(type, 20);
        double[] theta = ElectricityMixedLogitTest.MLOGIT;
        double[] reference = new double[theta.length];
        double referenceValue;
        try (SimulatedLogLikelihood one = Simulators.likelihood(ELECTRICITY,
                ElectricityMixedLogitTest.allNormal(), config, 1)) {
            assertTrue(one.nodesCached());
            referenceValue = one.valueAndGradient(theta, reference);
            assertEquals(Double.doubleToLongBits(referenceValue), Double.doubleToLongBits(one.value(theta)));
        }
        for (int threads : new int[] {2, 7}) {
            for (long cache : new long[] {IntegrationConfig.DEFAULT_CACHE_BYTES, 0}) {
                try (SimulatedLogLikelihood ll = Simulators.likelihood(ELECTRICITY,
                        ElectricityMixedLogitTest.allNormal(), config.withCacheBytes(cache), threads)) {
                    assertEquals(cache > 0, ll.nodesCached());
                    double[] gradient = new double[theta.length];
                    double value = ll.valueAndGradient(theta, gradient);
                    String label = threads + " threads, cache " + cache;
                    assertEquals(Double.doubleToLongBits(referenceValue), Double.doubleToLongBits(value), label);
                    assertArrayEquals(reference, gradient, label);
                    Contributions c = ll.contributions(theta);
                    assertEquals(Double.doubleToLongBits(referenceValue), Double.doubleToLongBits(c.logLikelihood()));
                    assertFalse(Double.isNaN(c.score(360, 11)));
                }
            }
        }
    }
}
