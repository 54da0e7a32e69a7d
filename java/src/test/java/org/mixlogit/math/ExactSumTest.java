package org.mixlogit.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The correctly rounded sum: exact references, independence of order and of the split into merged parts. */
class ExactSumTest {
    @Test
    @DisplayName("cancellation and ties: 1e100 + 1 - 1e100 is 1, ten 0.1s are 1, 1 + 2^-53 + 2^-105 rounds up")
    void knownSums() {
        assertEquals(1.0, ExactSum.of(new double[] {1e100, 1.0, -1e100}));
        assertEquals(1.0, ExactSum.of(new double[] {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1}));
        // a naive sum gives 1.0: the exact sum is just above the tie between 1 and 1 + 2^-52
        assertEquals(1.0 + Math.ulp(1.0), ExactSum.of(new double[] {1.0, Math.scalb(1.0, -53), Math.scalb(1.0,
            -105)}));
        // an exact tie rounds to even
        assertEquals(1.0, ExactSum.of(new double[] {1.0, Math.scalb(1.0, -53)}));
        assertEquals(0.0, ExactSum.of(new double[0]));
    }

    @Test
    @DisplayName("non-finite terms: NaN, opposite infinities and overflow")
    void specialValues() {
        assertEquals(Double.NaN, ExactSum.of(new double[] {1.0, Double.NaN, 2.0}));
        assertEquals(Double.NaN, ExactSum.of(new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}));
        assertEquals(Double.NEGATIVE_INFINITY, ExactSum.of(new double[] {3.0, Double.NEGATIVE_INFINITY, 1e308}));
        assertEquals(Double.POSITIVE_INFINITY, ExactSum.of(new double[] {Double.MAX_VALUE, Double.MAX_VALUE}));
    }

    @Test
    @DisplayName("random terms over 60 decades: the exact decimal sum rounded, in any order and any split")
    void randomSums() {
        Random random = new Random(20261130L);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(300);
            List<Double> terms = new ArrayList<>();
            BigDecimal exact = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                double x = random.nextGaussian() * Math.pow(10, random.nextInt(60) - 30);
                terms.add(x);
                exact = exact.add(new BigDecimal(x));
            }
            double expected = exact.round(MathContext.DECIMAL128).doubleValue();
            ExactSum whole = new ExactSum();
            for (double x : terms) {
                whole.add(x);
            }
            // the decimal rounding may double-round only at a tie of 34 digits: never with these terms
            assertEquals(expected, whole.value(), "trial " + trial);
            Collections.shuffle(terms, random);
            ExactSum merged = new ExactSum();
            ExactSum part = new ExactSum();
            for (int i = 0; i < terms.size(); i++) {
                part.add(terms.get(i));
                if (random.nextInt(10) == 0) {
                    merged.add(part);
                    part = new ExactSum();
                }
            }
            merged.add(part);
            assertEquals(Double.doubleToLongBits(whole.value()), Double.doubleToLongBits(merged.value()),
                    "shuffled and merged, trial " + trial);
        }
    }
}
