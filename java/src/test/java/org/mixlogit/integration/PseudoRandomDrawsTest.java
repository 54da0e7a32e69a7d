package org.mixlogit.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.math.NormalQuantile;

/** Pseudo-random normal draws: seeded, order independent, and normal. */
class PseudoRandomDrawsTest {

    private static PseudoRandomDraws rule(int draws, int dimension, long seed) {
        return new PseudoRandomDraws(IntegrationConfig.of(DrawType.PSEUDO_RANDOM, draws).withSeed(seed), dimension);
    }

    private static double[] nodesOf(IntegrationRule rule, NodeCursor cursor, int decisionMaker) {
        double[] nodes = new double[rule.nodeCount() * rule.dimension()];
        cursor.fill(decisionMaker, nodes, new double[rule.nodeCount()]);
        return nodes;
    }

    @Test
    @DisplayName("node i of DM n is the quantile of the i-th double of SplittableRandom(streamSeed(seed, n))")
    void documentedStream() {
        PseudoRandomDraws rule = rule(10, 3, 12345L);
        double[] nodes = nodesOf(rule, rule.newCursor(), 41);
        SplittableRandom reference = new SplittableRandom(SplitMix64.streamSeed(12345L, 41));
        for (int i = 0; i < 30; i++) {
            assertEquals(NormalQuantile.quantile(reference.nextDouble()), nodes[i], 0.0);
        }
    }

    @Test
    @DisplayName("the same seed reproduces the draws; seeds and decision-makers change them")
    void reproducibleBySeed() {
        double[] a = nodesOf(rule(20, 2, 3L), rule(20, 2, 3L).newCursor(), 5);
        assertArrayEquals(a, nodesOf(rule(20, 2, 3L), rule(20, 2, 3L).newCursor(), 5), 0.0);
        assertNotEquals(a[0], nodesOf(rule(20, 2, 4L), rule(20, 2, 4L).newCursor(), 5)[0]);
        assertNotEquals(a[0], nodesOf(rule(20, 2, 3L), rule(20, 2, 3L).newCursor(), 6)[0]);
    }

    @Test
    @DisplayName("visiting order and cursor do not matter")
    void orderIndependent() {
        PseudoRandomDraws rule = rule(25, 4, 12345L);
        NodeCursor forward = rule.newCursor();
        NodeCursor backward = rule.newCursor();
        double[] zero = nodesOf(rule, forward, 0);
        double[] five = nodesOf(rule, forward, 5);
        assertArrayEquals(five, nodesOf(rule, backward, 5), 0.0);
        assertArrayEquals(zero, nodesOf(rule, backward, 0), 0.0);
    }

    /**
     * 200,000 standard normals: standard errors are 0.0022 for the mean, 0.0032 for the variance and 0.011 for
     * the kurtosis. Uniforms (mean 0.5, variance 1/12) or any other unit-variance law with kurtosis far from 3
     * (uniform 1.8, logistic 4.2) fail.
     */
    @Test
    @DisplayName("200k nodes have mean 0, variance 1 and kurtosis 3")
    void normalMoments() {
        PseudoRandomDraws rule = rule(1000, 2, 12345L);
        NodeCursor cursor = rule.newCursor();
        double sum = 0;
        double sumSquares = 0;
        double sumFourth = 0;
        int count = 0;
        for (int n = 0; n < 100; n++) {
            for (double z : nodesOf(rule, cursor, n)) {
                sum += z;
                sumSquares += z * z;
                sumFourth += z * z * z * z;
                count++;
            }
        }
        assertEquals(200_000, count);
        double mean = sum / count;
        double variance = sumSquares / count - mean * mean;
        assertEquals(0.0, mean, 0.01);
        assertEquals(1.0, variance, 0.015);
        assertEquals(3.0, sumFourth / count / (variance * variance), 0.05);
    }
}
