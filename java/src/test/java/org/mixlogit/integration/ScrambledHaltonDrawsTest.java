package org.mixlogit.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.math.NormalQuantile;

/** Scrambled Halton draws: seeded digit permutations that keep the Halton stratification. */
class ScrambledHaltonDrawsTest {

    private static ScrambledHaltonDraws rule(int draws, int dimension, long seed) {
        return new ScrambledHaltonDraws(IntegrationConfig.of(DrawType.SCRAMBLED_HALTON, draws).withSeed(seed),
                dimension);
    }

    private static double[] nodesOf(IntegrationRule rule, int decisionMaker) {
        double[] nodes = new double[rule.nodeCount() * rule.dimension()];
        rule.newCursor().fill(decisionMaker, nodes, new double[rule.nodeCount()]);
        return nodes;
    }

    @Test
    @DisplayName("the same seed gives identical draws; another seed gives different ones")
    void reproducibleBySeed() {
        assertArrayEquals(nodesOf(rule(40, 5, 7L), 3), nodesOf(rule(40, 5, 7L), 3), 0.0);
        double[] a = nodesOf(rule(40, 5, 7L), 3);
        double[] b = nodesOf(rule(40, 5, 8L), 3);
        for (int k = 0; k < 5; k++) {
            assertFalse(a[k] == b[k], "dimension " + k + " unchanged by the seed");
        }
    }

    @Test
    @DisplayName("the scrambling differs from plain Halton")
    void differsFromPlainHalton() {
        double[] scrambled = nodesOf(new ScrambledHaltonDraws(IntegrationConfig.of(DrawType.SCRAMBLED_HALTON, 10)
                .withBurn(100), 2), 0);
        double[] plain = nodesOf(new HaltonDraws(IntegrationConfig.of(DrawType.HALTON, 10).withBurn(100), 2), 0);
        int same = 0;
        for (int i = 0; i < plain.length; i++) {
            same += Math.abs(plain[i] - scrambled[i]) < 1e-9 ? 1 : 0;
        }
        assertEquals(0, same);
    }

    /**
     * Elements 0 .. b^m - 1 run through every combination of the m lowest digits with all higher digits 0; a
     * permutation per digit position maps these combinations one-to-one onto the b^m cells of width b^-m.
     */
    @Test
    @DisplayName("burn 0, first b^m points of each dimension: one per cell [j/b^m, (j+1)/b^m)")
    void keepsStratification() {
        int[] bases = {2, 3, 5, 7};
        int[] digits = {6, 4, 3, 2};
        for (long seed : new long[] {1L, 12345L, -99L}) {
            double[] nodes = nodesOf(rule(125, 4, seed), 0);
            for (int k = 0; k < 4; k++) {
                int cells = (int) Math.round(Math.pow(bases[k], digits[k]));
                boolean[] hit = new boolean[cells];
                for (int r = 0; r < cells; r++) {
                    double u = NormalQuantile.cdf(nodes[r * 4 + k]);
                    int cell = (int) Math.floor(u * cells);
                    assertFalse(hit[cell], "seed " + seed + " base " + bases[k] + ": cell " + cell + " twice");
                    hit[cell] = true;
                }
            }
        }
    }

    @Test
    @DisplayName("values are strictly inside (0, 1), also at the extreme cells")
    void valuesInsideTheOpenInterval() {
        RadicalInverseDigits base2 = RadicalInverseDigits.scrambled(2, new SplitMix64(3L));
        assertEquals(52, base2.digitCount());
        assertEquals(0x1.0p-53, base2.value(0L), 0.0);
        assertEquals(Math.nextDown(1.0), base2.value((1L << 52) - 1), 0.0);
        RadicalInverseDigits base3 = RadicalInverseDigits.scrambled(3, new SplitMix64(3L));
        long top = (long) Math.pow(3, base3.digitCount()) - 1;
        assertTrue(base3.value(top) < 1.0);
        double[] nodes = nodesOf(rule(1000, 6, 5L), 17);
        for (double z : nodes) {
            assertTrue(Double.isFinite(z));
        }
    }

    @Test
    @DisplayName("burn shifts the elements: burn 10 for DM 0 equals burn 0 for DM 2 with R = 5")
    void burnShiftsElements() {
        ScrambledHaltonDraws burnt = new ScrambledHaltonDraws(IntegrationConfig.of(DrawType.SCRAMBLED_HALTON, 5)
                .withBurn(10), 3);
        assertArrayEquals(nodesOf(rule(5, 3, IntegrationConfig.DEFAULT_SEED), 2), nodesOf(burnt, 0), 0.0);
        assertEquals("shalton, 5 draws, seed 12345, burn 10", burnt.describe());
    }

    @Test
    @DisplayName("a dimension's scrambling does not depend on how many dimensions follow it")
    void dimensionsAreNested() {
        double[] three = nodesOf(rule(20, 3, 11L), 4);
        double[] five = nodesOf(rule(20, 5, 11L), 4);
        for (int r = 0; r < 20; r++) {
            assertArrayEquals(Arrays.copyOfRange(three, r * 3, r * 3 + 3), Arrays.copyOfRange(five, r * 5,
                    r * 5 + 3), 0.0);
        }
    }

    @Test
    @DisplayName("a decision-maker's nodes do not depend on visiting order")
    void orderIndependent() {
        ScrambledHaltonDraws rule = rule(30, 4, 2L);
        NodeCursor cursor = rule.newCursor();
        double[] late = new double[120];
        double[] early = new double[120];
        double[] weights = new double[30];
        cursor.fill(9, late, weights);
        cursor.fill(0, early, weights);
        assertArrayEquals(nodesOf(rule, 9), late, 0.0);
        assertArrayEquals(nodesOf(rule, 0), early, 0.0);
    }
}
