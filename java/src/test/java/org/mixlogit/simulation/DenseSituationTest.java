package org.mixlogit.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixlogit.InvalidSpecificationException;

/**
 * The Vector API dense situation against the portable one, bit for bit: utilities, exponentials, the chosen
 * probability, the product, the health and the score, for numbers of alternatives and coefficients on both sides
 * of the five-row blocks and numbers of draws with and without a partial last vector. The engine's tests run with
 * {@code --add-modules jdk.incubator.vector} (java/pom.xml), so the Vector API path must be the one chosen here.
 */
class DenseSituationTest {

    @Test
    @DisplayName("the tests' JVM (Java 17 or later) has the Vector API module and -Dmixlogit.vector=true, so the"
            + " engine's tests run the launcher's kernel behind its warm-up")
    void vectorPathChosen() {
        assumeTrue(Runtime.version().feature() >= 17, "Java " + Runtime.version().feature() + ": no Vector API");
        assertTrue(moduleLoaded(), "jdk.incubator.vector missing from the test JVM (java/pom.xml's jdk17 profile)");
        assumeTrue(DenseSituations.jvmCanRun(), "SIMD registers narrower than four doubles: the portable kernel");
        assertTrue(DenseSituations.vectorFor(1), "-Dmixlogit.vector=true missing from the test JVM");
        DenseSituation chosen = DenseSituations.create(8, 1);
        assertEquals("WarmingDenseSituation", chosen.getClass().getSimpleName());
        assertEquals(PlainDenseSituation.SCRATCH_ROWS + DenseSituations.VECTOR_SCRATCH_ROWS, chosen.scratchRows(),
                "the memory plan's count of the Vector API path's rows of draws");
        assertEquals(chosen.scratchRows(), DenseSituations.scratchRows(8, 1));
        assertEquals(new PlainDenseSituation(8).scratchRows(), DenseSituations.scratchRows(false),
                "the memory plan's count of the portable path's rows of draws");
    }

    private static boolean moduleLoaded() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    @Test
    @DisplayName("the choice: auto from 250,000,000 rows x draws, true always, false never, none without the"
            + " module; any other value is refused, naming the property")
    void choice() {
        double auto = DenseSituations.AUTO_TERMS;
        DenseSituations.Choice autoChoice = DenseSituations.Choice.of("auto");
        assertTrue(DenseSituations.choose(autoChoice, () -> true, auto));
        assertFalse(DenseSituations.choose(autoChoice, () -> true, auto - 1));
        assertTrue(DenseSituations.choose(DenseSituations.Choice.of("true"), () -> true, 1));
        assertFalse(DenseSituations.choose(DenseSituations.Choice.of("false"), () -> true, 1e12));
        assertFalse(DenseSituations.choose(DenseSituations.Choice.TRUE, () -> false, 1e12));
        // where the choice or the size already says no, whether the JVM can run it is not asked
        assertFalse(DenseSituations.choose(autoChoice, () -> {
            throw new AssertionError("asked");
        }, auto - 1));
        InvalidSpecificationException e = assertThrows(InvalidSpecificationException.class,
                () -> DenseSituations.Choice.of("yes"));
        assertTrue(e.getMessage().contains("mixlogit.vector is 'yes'") && e.getMessage().contains("MIXLOGIT_JAVA_OPTS"),
                e.getMessage());
    }

    @Test
    @DisplayName("the warm-up: while the Vector API calls are slow (cold) they take at most a tenth of the portable"
            + " calls' time; once timed faster, every call goes there")
    void warmUp() {
        int r = 64;
        int m = 3;
        int k = 4;
        Random rnd = new Random(5);
        double[] difference = new double[m * k];
        for (int i = 0; i < difference.length; i++) {
            difference[i] = rnd.nextDouble() * 2 - 1;
        }
        double[][] beta = new double[k][r];
        for (double[] row : beta) {
            for (int q = 0; q < r; q++) {
                row[q] = rnd.nextGaussian();
            }
        }
        // a stand-in for the Vector API implementation (its bits are the portable one's, checked above) takes 100 us
        // for its first 5 calls (cold), then 2 us; the portable one 20 us, on a clock of the test's own: the test
        // is of the switching, not of the JIT
        long[] slot = new long[5];
        LongSupplier clock = () -> slot[4];
        DenseSituation vector = timed(new PlainDenseSituation(r), slot, 0, 5, 100_000, 2_000);
        DenseSituation portable = timed(new PlainDenseSituation(r), slot, 2, 0, 0, 20_000);
        DenseSituation warming = new WarmingDenseSituation(portable, vector, clock);
        Outputs expected = new Outputs(m, k, r, true);
        new PlainDenseSituation(r).evaluate(difference, m, k, beta, expected.rows, expected.inverse,
                expected.product, expected.health, expected.score);
        int calls = 1500;
        long vectorBefore = 0;
        for (int call = 0; call < calls; call++) {
            if (call == calls - 500) {
                vectorBefore = slot[0];
            }
            Outputs o = new Outputs(m, k, r, true);
            warming.evaluate(difference, m, k, beta, o.rows, o.inverse, o.product, o.health, o.score);
            expected.assertSame(o);
        }
        // the cold calls came only as the portable calls' time grew (the first at once, then one per 50 portable
        // calls), and once the Vector API was timed faster every call went there
        assertEquals(500_000, slot[1], "cold calls' time");
        assertTrue(slot[1] <= 0.1 * slot[3] + 100_000, "cold Vector API time " + slot[1] + " ns against the"
                + " portable " + slot[3] + " ns");
        assertTrue(slot[2] >= 4 * 50, "portable calls " + slot[2]);
        assertEquals(500, slot[0] - vectorBefore, "the last 500 calls all went to the Vector API");
    }

    /**
     * An implementation that counts its calls in counts[at] and advances the test's clock (counts[4]) by
     * {@code slowNanos} for its first {@code slowCalls} calls and by {@code nanos} after them, adding to
     * counts[at + 1] the time of its slow calls (or of all, when it has none).
     */
    private static DenseSituation timed(DenseSituation inner, long[] counts, int at, int slowCalls, long slowNanos,
            long nanos) {
        return new DenseSituation() {
            @Override
            public void evaluate(double[] difference, int m, int k, double[][] beta, double[][] rows,
                    double[] inverse, double[] product, double[] health, double[][] betaScore) {
                inner.evaluate(difference, m, k, beta, rows, inverse, product, health, betaScore);
                boolean slow = counts[at] < slowCalls;
                long took = slow ? slowNanos : nanos;
                counts[4] += took;
                counts[at]++;
                if (slow || slowCalls == 0) {
                    counts[at + 1] += took;
                }
            }

            @Override
            public int scratchRows() {
                return inner.scratchRows();
            }
        };
    }

    @ParameterizedTest(name = "m = {0} other alternatives, k = {1} coefficients, r = {2} draws, scale {3}")
    @CsvSource({"4, 5, 200, 1", "1, 1, 8, 1", "0, 3, 9, 1", "2, 2, 7, 1", "5, 6, 203, 2", "6, 5, 64, 0.5",
        "11, 11, 37, 1", "3, 7, 1, 1", "4, 10, 48, 3", "7, 4, 200, 15", "4, 5, 33, 0"})
    @DisplayName("the same bits as the portable path, score and no score, from the first (interpreted) call to the"
            + " 300th (compiled)")
    void sameBits(int m, int k, int r, double scale) {
        assumeTrue(moduleLoaded(), "no Vector API in this JVM");
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
        // the same instances called repeatedly, so that the later calls run compiled code (C1, then C2)
        DenseSituation portable = new PlainDenseSituation(r);
        DenseSituation vector = DenseSituations.vector(r);
        for (int call = 0; call < 300; call++) {
            for (boolean withScore : new boolean[] {true, false}) {
                Outputs plain = run(portable, difference, m, k, beta, r, withScore);
                plain.assertSame(run(vector, difference, m, k, beta, r, withScore));
            }
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
