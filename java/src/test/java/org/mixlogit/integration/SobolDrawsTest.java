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
