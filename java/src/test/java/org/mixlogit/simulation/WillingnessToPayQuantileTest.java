package org.mixlogit.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The population quantile from order statistics alone (what a backend that holds the draws in parts selects) equals
 * Commons Math's R-7 percentile of the sorted draws to the last bit, with NaNs, infinities and signed zeros.
 */
class WillingnessToPayQuantileTest {
    @Test
    @DisplayName("quantile(p, length, order statistic) equals Percentile R_7 bit for bit on 5,000 random samples")
    void equalsCommonsMath() {
        Random random = new Random(7L);
        double[] special = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0};
        for (int trial = 0; trial < 5000; trial++) {
            double[] x = new double[1 + random.nextInt(40)];
            for (int i = 0; i < x.length; i++) {
                int c = random.nextInt(40);
                x[i] = c < special.length ? special[c] : random.nextGaussian() * Math.exp(3 * random.nextGaussian());
            }
            WillingnessToPay w = WillingnessToPay.of(x, new double[0]);
            double[] sorted = x.clone();
            Arrays.sort(sorted);
            for (double p : new double[] {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99}) {
                double expected = new Percentile().withEstimationType(Percentile.EstimationType.R_7)
                        .evaluate(sorted, 100 * p);
                assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(w.quantile(p)),
                        Arrays.toString(sorted) + " at " + p);
            }
        }
    }
}
