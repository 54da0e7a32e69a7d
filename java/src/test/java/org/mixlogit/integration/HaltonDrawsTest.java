package org.mixlogit.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.random.HaltonSequenceGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.math.NormalQuantile;

/** Plain Halton draws follow the mlogit/xlogit indexing exactly. */
class HaltonDrawsTest {
    private static final int[] PRIMES = {2, 3, 5, 7, 11, 13, 17, 19};

    private static IntegrationConfig config(int draws, int burn) {
        return IntegrationConfig.of(DrawType.HALTON, draws).withBurn(burn);
    }

    /** Radical inverse written the textbook way, digit by digit, independently of the code under test. */
    private static double radicalInverse(long index, int base) {
        double value = 0;
        double scale = 1.0 / base;
        long rest = index;
        while (rest > 0) {
            value += (rest % base) * scale;
            rest /= base;
            scale /= base;
        }
        return value;
    }

    private static double[] nodesOf(IntegrationRule rule, NodeCursor cursor, int decisionMaker) {
        double[] nodes = new double[rule.nodeCount() * rule.dimension()];
        double[] weights = new double[rule.nodeCount()];
        cursor.fill(decisionMaker, nodes, weights);
        return nodes;
    }

    @Test
    @DisplayName("D=2, R=3, burn 100: first node is element 100; DM 2 node 1 is element 107")
    void elementsByHand() {
        HaltonDraws rule = new HaltonDraws(config(3, 100), 2);
        NodeCursor cursor = rule.newCursor();
        double[] first = nodesOf(rule, cursor, 0);
        // 100 = 1100100 in base 2, reversed 0.0010011 = 0.1484375; 100 = 10201 in base 3, reversed = 100/243.
        assertEquals(NormalQuantile.quantile(0.1484375), first[0], 0.0);
        assertEquals(NormalQuantile.quantile(100.0 / 243), first[1], 0.0);
        double[] third = nodesOf(rule, cursor, 2);
        // 107 = 1101011 in base 2, reversed 0.1101011 = 0.8359375; 107 = 10222 in base 3, reversed = 235/243.
        assertEquals(NormalQuantile.quantile(0.8359375), third[1 * 2], 0.0);
        assertEquals(NormalQuantile.quantile(235.0 / 243), third[1 * 2 + 1], 0.0);
    }

    @Test
    @DisplayName("D=8: every node equals the independent radical inverse and Commons Math's unscrambled Halton")
    void matchesIndependentImplementations() {
        int draws = 25;
        int burn = 100;
        HaltonDraws rule = new HaltonDraws(config(draws, burn), 8);
        NodeCursor cursor = rule.newCursor();
        HaltonSequenceGenerator commonsMath = new HaltonSequenceGenerator(8, PRIMES, null);
        for (int n : new int[] {0, 1, 2, 7, 50, 333, 4000}) {
            double[] nodes = nodesOf(rule, cursor, n);
            for (int r = 0; r < draws; r++) {
                long element = burn + (long) n * draws + r;
                double[] point = commonsMath.skipTo((int) element);
                for (int k = 0; k < 8; k++) {
                    double u = radicalInverse(element, PRIMES[k]);
                    double node = nodes[r * 8 + k];
                    assertEquals(NormalQuantile.quantile(u), node, 1e-12, "n " + n + " r " + r + " k " + k);
                    assertEquals(u, point[k], 1e-15);
                    assertEquals(u, NormalQuantile.cdf(node), 1e-14);
                }
            }
        }
    }

    @Test
    @DisplayName("dimensions beyond Commons Math's 40 bases use the next primes (dimension 59 has base 281)")
    void manyDimensions() {
        HaltonDraws rule = new HaltonDraws(config(4, 100), 60);
        double[] nodes = nodesOf(rule, rule.newCursor(), 3);
        for (int r = 0; r < 4; r++) {
            long element = 100 + 3 * 4 + r;
            assertEquals(NormalQuantile.quantile(radicalInverse(element, 173)), nodes[r * 60 + 39], 1e-12);
            assertEquals(NormalQuantile.quantile(radicalInverse(element, 281)), nodes[r * 60 + 59], 1e-12);
        }
    }

    @Test
    @DisplayName("a decision-maker's nodes do not depend on visiting order or on the cursor")
    void orderIndependent() {
        HaltonDraws rule = new HaltonDraws(config(50, 100), 3);
        NodeCursor forward = rule.newCursor();
        NodeCursor backward = rule.newCursor();
        double[] zeroFirst = nodesOf(rule, forward, 0);
        double[] fiveSecond = nodesOf(rule, forward, 5);
        double[] fiveFirst = nodesOf(rule, backward, 5);
        double[] zeroSecond = nodesOf(rule, backward, 0);
        assertArrayEquals(zeroFirst, zeroSecond, 0.0);
        assertArrayEquals(fiveFirst, fiveSecond, 0.0);
        assertNotEquals(zeroFirst[0], fiveFirst[0]);
    }

    @Test
    @DisplayName("weights are 1/R and the default burn-in is mlogit's 100")
    void weightsAndDefaults() {
        HaltonDraws rule = new HaltonDraws(IntegrationConfig.of(DrawType.HALTON, 4), 1);
        double[] nodes = new double[4];
        double[] weights = new double[4];
        rule.newCursor().fill(0, nodes, weights);
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, weights, 0.0);
        assertEquals(NormalQuantile.quantile(0.1484375), nodes[0], 0.0);
        assertEquals("halton, 4 draws, burn 100", rule.describe());
    }

    @Test
    @DisplayName("burn 0 is refused: element 0 is 0, an infinite normal draw")
    void burnZeroRefused() {
        InvalidSpecificationException e = assertThrows(InvalidSpecificationException.class,
                () -> new HaltonDraws(config(10, 0), 2));
        assertTrue(e.getMessage().contains("burn is 0"), e.getMessage());
    }
}
