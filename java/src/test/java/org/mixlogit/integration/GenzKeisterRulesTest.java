package org.mixlogit.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The nested Genz-Keister rules for the standard normal: the published point counts per level, exact moments
 * E[Z^2m] = (2m - 1)!! up to each rule's degree (which checks the entered generators), odd moments zero, the next
 * even moment missed, and each level's nodes among the next level's.
 */
class GenzKeisterRulesTest {

    /** E[Z^p] for a standard normal: (p - 1)!! for even p, 0 for odd p. */
    static double moment(int p) {
        if (p % 2 == 1) {
            return 0;
        }
        double m = 1;
        for (int j = p - 1; j > 0; j -= 2) {
            m *= j;
        }
        return m;
    }

    /** sum_i w_i x_i^p. */
    static double integrate(double[][] rule, int p) {
        double s = 0;
        for (int i = 0; i < rule[0].length; i++) {
            s += rule[1][i] * Math.pow(rule[0][i], p);
        }
        return s;
    }

    /** sum_i |w_i x_i^p|, the scale of the rounding error of {@link #integrate}. */
    static double absolute(double[][] rule, int p) {
        double s = 0;
        for (int i = 0; i < rule[0].length; i++) {
            s += Math.abs(rule[1][i] * Math.pow(rule[0][i], p));
        }
        return Math.max(s, 1e-300);
    }

    @Test
    @DisplayName("levels 1-25 have 1, 3, 3, 7, 9, 9, 9, 9, 17, 19 (x6), 31, 33, 35 (x8) points (Heiss-Winschel KPN)")
    void pointCounts() {
        int[] expected = {1, 3, 3, 7, 9, 9, 9, 9, 17, 19, 19, 19, 19, 19, 19, 31, 33, 35, 35, 35, 35, 35, 35, 35, 35};
        for (int l = 1; l <= 25; l++) {
            assertEquals(expected[l - 1], GenzKeisterRules.points(l), "level " + l);
            assertEquals(expected[l - 1], GenzKeisterRules.rule(l)[0].length, "level " + l);
            assertTrue(GenzKeisterRules.degree(l) >= 2 * l - 1, "level " + l);
        }
        assertThrows(IllegalArgumentException.class, () -> GenzKeisterRules.rule(26));
        assertThrows(IllegalArgumentException.class, () -> GenzKeisterRules.rule(0));
    }

    @ParameterizedTest(name = "level {0}: exact to its degree, not beyond")
    @ValueSource(ints = {1, 2, 4, 5, 9, 10, 16, 17, 18})
    void exactToItsDegree(int level) {
        double[][] rule = GenzKeisterRules.rule(level);
        int degree = GenzKeisterRules.degree(level);
        for (int p = 0; p <= degree; p++) {
            // tolerance relative to sum |w_i x_i^p|: odd powers cancel terms of that size in double arithmetic
            assertEquals(moment(p), integrate(rule, p), 1e-12 * absolute(rule, p), "level " + level + ", power " + p);
        }
        int next = degree + 1;
        double miss = Math.abs(integrate(rule, next) - moment(next)) / moment(next);
        assertTrue(miss > 1e-9, "level " + level + " should miss E[Z^" + next + "]; relative error " + miss);
    }

    @Test
    @DisplayName("the 3-point rule is Gauss-Hermite's: nodes 0, +-sqrt 3, weights 2/3, 1/6")
    void threePoints() {
        double[][] rule = GenzKeisterRules.rule(2);
        assertEquals(-Math.sqrt(3), rule[0][0], 1e-15);
        assertEquals(0.0, rule[0][1], 0.0);
        assertEquals(2.0 / 3, rule[1][1], 1e-15);
        assertEquals(1.0 / 6, rule[1][2], 1e-15);
    }

    @Test
    @DisplayName("nested: every level's nodes (the same doubles) are among the next level's")
    void nested() {
        for (int l = 1; l < 25; l++) {
            Set<Double> next = new HashSet<>();
            for (double x : GenzKeisterRules.rule(l + 1)[0]) {
                next.add(x);
            }
            for (double x : GenzKeisterRules.rule(l)[0]) {
                assertTrue(next.contains(x), "node " + x + " of level " + l + " is missing at level " + (l + 1));
            }
        }
    }

    @Test
    @DisplayName("weights sum to one and are symmetric; the 17-point rule has a negative weight")
    void weights() {
        for (int l = 1; l <= 25; l++) {
            double[][] rule = GenzKeisterRules.rule(l);
            int n = rule[0].length;
            double total = 0;
            for (int i = 0; i < n; i++) {
                total += rule[1][i];
                assertEquals(-rule[0][i], rule[0][n - 1 - i], 0.0);
                assertEquals(rule[1][i], rule[1][n - 1 - i], 0.0);
            }
            assertEquals(1.0, total, 1e-14, "level " + l);
        }
        double min = 0;
        for (double w : GenzKeisterRules.rule(9)[1]) {
            min = Math.min(min, w);
        }
        assertTrue(min < 0, "the 17-point rule has a negative weight");
    }
}
