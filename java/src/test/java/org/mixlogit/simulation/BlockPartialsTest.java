package org.mixlogit.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.MixlogitException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/** The canonical reduction's arithmetic and its refusal of shards that split a block. */
class BlockPartialsTest {
    @Test
    @DisplayName("the total adds block partials in block order from zero, whatever order the shards come in")
    void blockOrder() {
        // 1e16 + 1 - 1e16 depends on the order of addition: block order is (1e16, 1, -1e16)
        BlockPartials first = new BlockPartials(0, 1, new double[] {1e16, 1.0});
        BlockPartials second = new BlockPartials(2, 1, new double[] {-1e16});
        double expected = ((0.0 + 1e16) + 1.0) + -1e16;
        assertEquals(expected, BlockPartials.total(List.of(second, first))[0], 0.0);
        assertEquals(expected, BlockPartials.total(List.of(first, second))[0], 0.0);
        assertArrayEquals(new double[] {1e16 + 1.0}, first.total(), 0.0);
    }

    @Test
    @DisplayName("two shards holding the same block cannot be added (a block split between shards)")
    void overlappingShards() {
        BlockPartials a = new BlockPartials(0, 1, new double[] {1, 2});
        BlockPartials b = new BlockPartials(1, 1, new double[] {3});
        MixlogitException e = assertThrows(MixlogitException.class, () -> BlockPartials.total(List.of(a, b)));
        assertTrue(e.getMessage().contains("whole blocks"), e.getMessage());
    }

    @Test
    @DisplayName("shards cut inside a block are refused when their partials are added")
    void misalignedShards() {
        ChoiceData data = SyntheticPanel.create(80, 3L, true);
        ModelSpec spec = ModelSpec.builder().random("x1", Distribution.NORMAL).fixed("x2").build();
        IntegrationConfig draws = IntegrationConfig.of(DrawType.HALTON, 10);
        double[] theta = {0.5, 0.3, -0.2};
        try (SimulatedLogLikelihood a = Simulators.likelihood(data.slice(0, 40), spec, draws, 1);
                SimulatedLogLikelihood b = Simulators.likelihood(data.slice(40, 80), spec, draws, 1);
                ShardedLikelihood split = new ShardedLikelihood(List.of(a, b))) {
            assertThrows(MixlogitException.class, () -> split.value(theta));
        }
        try (SimulatedLogLikelihood a = Simulators.likelihood(data.slice(0, 32), spec, draws, 1);
                SimulatedLogLikelihood b = Simulators.likelihood(data.slice(32, 80), spec, draws, 1);
                ShardedLikelihood split = new ShardedLikelihood(List.of(b, a));
                SimulatedLogLikelihood whole = Simulators.likelihood(data, spec, draws, 2)) {
            assertEquals(whole.value(theta), split.value(theta), 0.0);
        }
    }
}
