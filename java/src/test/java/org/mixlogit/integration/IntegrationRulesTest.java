package org.mixlogit.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.mixlogit.InvalidSpecificationException;

/** The factory picks the rule of the configuration's draw type; every rule's weights sum to one. */
class IntegrationRulesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "HALTON, HaltonDraws, 'halton, 100 draws, burn 100'",
        "SCRAMBLED_HALTON, ScrambledHaltonDraws, 'shalton, 100 draws, seed 12345, burn 0'",
        "MLHS, MlhsDraws, 'mlhs, 100 draws, seed 12345'",
        "SOBOL, SobolDraws, 'sobol, 100 draws, burn 0'",
        "PSEUDO_RANDOM, PseudoRandomDraws, 'random, 100 draws, seed 12345'"
    })
    void picksTheRuleOfTheDrawType(DrawType type, String className, String description) {
        IntegrationRule rule = IntegrationRules.create(IntegrationConfig.of(type, 100), 3);
        assertEquals(className, rule.getClass().getSimpleName());
        assertEquals(3, rule.dimension());
        assertEquals(100, rule.nodeCount());
        assertEquals(description, rule.describe());
    }

    @ParameterizedTest(name = "{0}: weights sum to one, nodes finite")
    @EnumSource(value = DrawType.class, mode = EnumSource.Mode.EXCLUDE, names = {"GAUSS_HERMITE", "SPARSE_GRID", "SPARSE_GRID_GH",
        "ADAPTIVE_GH", "ADAPTIVE_SPARSE", "ADAPTIVE_HALTON", "ADAPTIVE_SOBOL"})
    void weightsSumToOne(DrawType type) {
        IntegrationRule rule = IntegrationRules.create(IntegrationConfig.of(type, 333), 4);
        double[] nodes = new double[333 * 4];
        double[] weights = new double[333];
        NodeCursor cursor = rule.newCursor();
        for (int n : new int[] {0, 1, 77}) {
            cursor.fill(n, nodes, weights);
            double total = 0;
            for (double w : weights) {
                total += w;
            }
            assertEquals(1.0, total, 1e-12);
            for (double z : nodes) {
                assertTrue(Double.isFinite(z), type + " gave " + z);
            }
        }
    }

    @Test
    @DisplayName("dimension 0 gives one node of weight 1, whatever the draw type")
    void dimensionZeroIsASingleNode() {
        IntegrationRule rule = IntegrationRules.create(IntegrationConfig.of(DrawType.MLHS, 500), 0);
        assertInstanceOf(SingleNode.class, rule);
        assertEquals(0, rule.dimension());
        assertEquals(1, rule.nodeCount());
        double[] weights = {0.0};
        rule.newCursor().fill(12, new double[0], weights);
        assertEquals(1.0, weights[0], 0.0);
    }

    @Test
    @DisplayName("a negative dimension or a missing configuration is refused")
    void badArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IntegrationRules.create(IntegrationConfig.of(DrawType.HALTON, 100), -1));
        assertTrue(e.getMessage().contains("dimension is -1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IntegrationRules.create(null, 2));
    }

    @Test
    @DisplayName("a class built with another type's configuration is refused, pointing to the factory")
    void mismatchedConfiguration() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HaltonDraws(IntegrationConfig.of(DrawType.MLHS, 100), 2));
        assertTrue(e.getMessage().contains("IntegrationRules.create"), e.getMessage());
    }

    @Test
    @DisplayName("arrays too short and negative decision-makers are refused by the cursors")
    void cursorChecksItsArguments() {
        NodeCursor cursor = IntegrationRules.create(IntegrationConfig.of(DrawType.SOBOL, 10), 2).newCursor();
        assertThrows(IllegalArgumentException.class, () -> cursor.fill(0, new double[19], new double[10]));
        assertThrows(IllegalArgumentException.class, () -> cursor.fill(0, new double[20], new double[9]));
        assertThrows(IllegalArgumentException.class, () -> cursor.fill(-1, new double[20], new double[10]));
    }

    @Test
    @DisplayName("more nodes per decision-maker than an array holds is an invalid specification")
    void tooManyNodes() {
        assertThrows(InvalidSpecificationException.class,
                () -> IntegrationRules.create(IntegrationConfig.of(DrawType.PSEUDO_RANDOM, 1 << 20), 4096));
    }
}
