package org.mixlogit.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.math.NormalQuantile;

/** Sobol draws are Commons Math's Sobol points from index 1 on, mapped to normals. */
class SobolDrawsTest {

    private static SobolDraws rule(int draws, int burn, int dimension) {
        return new SobolDraws(IntegrationConfig.of(DrawType.SOBOL, draws).withBurn(burn), dimension);
    }

    private static double[] nodesOf(IntegrationRule rule, NodeCursor cursor, int decisionMaker) {
        double[] nodes = new double[rule.nodeCount() * rule.dimension()];
        cursor.fill(decisionMaker, nodes, new double[rule.nodeCount()]);
        return nodes;
    }

    @Test
    @DisplayName("DM 0 node 0 is the point at index 1, 0.5 in every dimension: node 0")
    void firstNodeIsTheCentre() {
        SobolDraws rule = new SobolDraws(IntegrationConfig.of(DrawType.SOBOL, 8), 5);
        double[] nodes = nodesOf(rule, rule.newCursor(), 0);
        for (int k = 0; k < 5; k++) {
            assertEquals(0.0, nodes[k], 0.0);
        }
        // index 2 is 0.75 in dimension 0, index 3 is 0.25.
        assertEquals(NormalQuantile.quantile(0.75), nodes[5], 0.0);
        assertEquals(NormalQuantile.quantile(0.25), nodes[10], 0.0);
    }

    @Test
    @DisplayName("ssobol: Commons Math's points with their 52 binary digits XORed by the seed's SplitMix64 digits per"
            + " dimension, at the midpoint of the finest cell; the same seed the same nodes, another seed others")
    void digitalShift() {
        int draws = 7;
        int burn = 3;
        long seed = 20240601L;
        IntegrationConfig config = IntegrationConfig.of(DrawType.SCRAMBLED_SOBOL, draws).withBurn(burn).withSeed(seed);
        SobolDraws rule = (SobolDraws) IntegrationRules.create(config, 6);
        SplitMix64 random = new SplitMix64(seed);
        long[] shift = new long[6];
        for (int k = 0; k < 6; k++) {
            shift[k] = random.nextLong() >>> 12;
        }
        NodeCursor cursor = rule.newCursor();
        SobolSequenceGenerator generator = new SobolSequenceGenerator(6);
        generator.skipTo(burn);
        for (int n = 0; n < 40; n++) {
            double[] nodes = nodesOf(rule, cursor, n);
            for (int r = 0; r < draws; r++) {
                double[] point = generator.nextVector();
                for (int k = 0; k < 6; k++) {
                    long bits = (long) (point[k] * 0x1p52);
                    assertEquals(NormalQuantile.quantile(((bits ^ shift[k]) + 0.5) * 0x1p-52), nodes[r * 6 + k], 0.0,
                            "n " + n + " r " + r + " k " + k);
                }
            }
        }
        SobolDraws same = (SobolDraws) IntegrationRules.create(config, 6);
        SobolDraws other = (SobolDraws) IntegrationRules.create(config.withSeed(seed + 1), 6);
        assertArrayEquals(nodesOf(rule, rule.newCursor(), 3), nodesOf(same, same.newCursor(), 3), 0.0);
        double[] a = nodesOf(rule, rule.newCursor(), 3);
        double[] b = nodesOf(other, other.newCursor(), 3);
        for (int i = 0; i < a.length; i++) {
            assertTrue(a[i] != b[i], "node " + i + " is the same under another seed");
        }
    }

    @Test
    @DisplayName("ssobol keeps the net: 16 draws from index 16 (burn 15) put one value in each sixteenth of (0, 1) in"
            + " every dimension, under any shift")
    void digitalShiftKeepsTheNet() {
        for (long seed = 1; seed <= 20; seed++) {
            IntegrationConfig config = IntegrationConfig.of(DrawType.SCRAMBLED_SOBOL, 16).withBurn(15).withSeed(seed);
            SobolDraws rule = (SobolDraws) IntegrationRules.create(config, 8);
            double[] nodes = nodesOf(rule, rule.newCursor(), 0);
            for (int k = 0; k < 8; k++) {
                int[] perCell = new int[16];
                for (int r = 0; r < 16; r++) {
                    double z = nodes[r * 8 + k];
                    int cell = 0;
                    while (cell < 15 && z > NormalQuantile.quantile((cell + 1) / 16.0)) {
                        cell++;
                    }
                    perCell[cell]++;
                }
                for (int c = 0; c < 16; c++) {
                    assertEquals(1, perCell[c], "seed " + seed + ", dimension " + k + ", cell " + c);
                }
            }
        }
    }

    @Test
    @DisplayName("D=6, R=7, burn 3: node r of DM n is Commons Math's point 1 + burn + n R + r")
    void matchesCommonsMathSequentially() {
        int draws = 7;
        int burn = 3;
        SobolDraws rule = rule(draws, burn, 6);
        NodeCursor cursor = rule.newCursor();
        SobolSequenceGenerator generator = new SobolSequenceGenerator(6);
        generator.skipTo(burn); // returns point 3; nextVector continues with point 4 = 1 + burn
        for (int n = 0; n < 150; n++) {
            double[] nodes = nodesOf(rule, cursor, n);
            for (int r = 0; r < draws; r++) {
                double[] point = generator.nextVector();
                for (int k = 0; k < 6; k++) {
                    assertEquals(NormalQuantile.quantile(point[k]), nodes[r * 6 + k], 0.0,
                            "n " + n + " r " + r + " k " + k);
                }
            }
        }
    }

    @Test
    @DisplayName("all 1000 dimensions and indices up to 2^31 - 1 match Commons Math's skipTo")
    void matchesCommonsMathAtLargeIndices() {
        int draws = 1000;
        SobolDraws rule = rule(draws, 0, 1000);
        NodeCursor cursor = rule.newCursor();
        SobolSequenceGenerator generator = new SobolSequenceGenerator(1000);
        for (int n : new int[] {2_147_482, 1_048_575, 5}) {
            double[] nodes = nodesOf(rule, cursor, n);
            for (int r : new int[] {0, 1, 2, 646, draws - 1}) {
                double[] point = generator.skipTo(1 + n * draws + r);
                for (int k = 0; k < 1000; k++) {
                    assertEquals(NormalQuantile.quantile(point[k]), nodes[r * 1000 + k], 0.0,
                            "n " + n + " r " + r + " k " + k);
                }
            }
        }
    }

    @Test
    @DisplayName("visiting order and cursor do not matter")
    void orderIndependent() {
        SobolDraws rule = rule(64, 0, 4);
        NodeCursor forward = rule.newCursor();
        NodeCursor backward = rule.newCursor();
        double[] zero = nodesOf(rule, forward, 0);
        double[] nine = nodesOf(rule, forward, 9);
        assertArrayEquals(nine, nodesOf(rule, backward, 9), 0.0);
        assertArrayEquals(zero, nodesOf(rule, backward, 0), 0.0);
    }

    @Test
    @DisplayName("more than 1000 dimensions is refused with advice")
    void tooManyDimensions() {
        InvalidSpecificationException e = assertThrows(InvalidSpecificationException.class,
                () -> rule(10, 0, 1001));
        assertTrue(e.getMessage().contains("1000"), e.getMessage());
        assertEquals("sobol, 10 draws, burn 0", rule(10, 0, 2).describe());
    }
}
