package org.mixlogit.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Vector API dense situation against the portable one, bit for bit: utilities, exponentials, the chosen
 * probability, the product, the health and the score, for numbers of alternatives and coefficients on both sides
 * of the five-row blocks and numbers of draws with and without a partial last vector. The engine's tests run with
 * {@code --add-modules jdk.incubator.vector} (java/pom.xml), so the Vector API path must be the one chosen here.
 */
class DenseSituationTest {

    @Test
    @DisplayName("the tests' JVM has the Vector API module, so the engine's tests run the launcher's kernel")
    void vectorPathChosen() {
        assertTrue(DenseSituations.vectorPath(), "jdk.incubator.vector missing from the test JVM");
        assertEquals("VectorDenseSituation", DenseSituations.create(8).getClass().getSimpleName());
    }

    @ParameterizedTest(name = "m = {0} other alternatives, k = {1} coefficients, r = {2} draws, scale {3}")
    @CsvSource({"4, 5, 200, 1", "1, 1, 8, 1", "0, 3, 9, 1", "2, 2, 7, 1", "5, 6, 203, 2", "6, 5, 64, 0.5",
        "11, 11, 37, 1", "3, 7, 1, 1", "4, 10, 48, 3", "7, 4, 200, 15", "4, 5, 33, 0"})
    @DisplayName("the same bits as the portable path, score and no score")
    void sameBits(int m, int k, int r, double scale) {
        Random rnd = new Random(31L * m + 7L * k + r);
        double[] difference = new double[Math.max(1, m * k)];
        for (int i = 0; i < m * k; i++) {
            // attribute differences of mixed signs and magnitudes, some exactly zero
            difference[i] = rnd.nextInt(7) == 0 ? 0.0 : (rnd.nextDouble() * 4 - 2) * (rnd.nextBoolean() ? 1 : 0.01);
        }
        double[][] beta = new double[k][r];
        for (double[] row : beta) {
            for (int q = 0; q < r; q++) {
                row[q] = scale * rnd.nextGaussian();
            }
        }
        if (k > 1 && r > 3) {
            beta[1][3] = Double.NaN;
        }
        for (boolean withScore : new boolean[] {true, false}) {
            Outputs plain = run(new PlainDenseSituation(r), difference, m, k, beta, r, withScore);
            Outputs vector = run(DenseSituations.vector(r), difference, m, k, beta, r, withScore);
            plain.assertSame(vector);
        }
    }

    private static Outputs run(DenseSituation s, double[] difference, int m, int k, double[][] beta, int r,
            boolean withScore) {
        Outputs o = new Outputs(m, k, r, withScore);
        s.evaluate(difference, m, k, beta, o.rows, o.inverse, o.product, o.health, o.score);
        return o;
    }

    /** Outputs started from the same non-trivial values on both paths. */
    private static final class Outputs {
        final double[][] rows;
        final double[] inverse;
        final double[] product;
        final double[] health;
        final double[][] score;

        Outputs(int m, int k, int r, boolean withScore) {
            Random rnd = new Random(99);
            rows = new double[Math.max(m, 1) + 1][r];
            for (double[] row : rows) {
                for (int q = 0; q < r; q++) {
                    row[q] = rnd.nextDouble();
                }
            }
            inverse = new double[r];
            product = new double[r];
            health = new double[r];
            for (int q = 0; q < r; q++) {
                product[q] = 0.5 + rnd.nextDouble();
                health[q] = rnd.nextInt(5) == 0 ? 1e-3 : 1.0;
            }
            score = withScore ? new double[k][r] : null;
            if (score != null) {
                for (double[] row : score) {
                    for (int q = 0; q < r; q++) {
                        row[q] = rnd.nextGaussian();
                    }
                }
            }
        }

        void assertSame(Outputs o) {
            for (int j = 0; j < rows.length; j++) {
                bits(rows[j], o.rows[j], "row " + j);
            }
            bits(inverse, o.inverse, "inverse");
            bits(product, o.product, "product");
            bits(health, o.health, "health");
            if (score != null) {
                for (int a = 0; a < score.length; a++) {
                    bits(score[a], o.score[a], "score " + a);
                }
            }
        }

        private static void bits(double[] a, double[] b, String what) {
            for (int q = 0; q < a.length; q++) {
                assertEquals(Double.doubleToLongBits(a[q]), Double.doubleToLongBits(b[q]),
                        what + ", draw " + q + ": " + a[q] + " against " + b[q]);
            }
        }
    }
}
