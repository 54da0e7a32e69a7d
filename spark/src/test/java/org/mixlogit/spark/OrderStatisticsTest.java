package org.mixlogit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Exact order statistics by counting passes over sorted parts equal the whole sorted array's entries bit for bit:
 * signed zeros, infinities, NaN (last), ties, subnormals and values spread over 600 decades, in parts of unequal
 * sizes (one empty).
 */
class OrderStatisticsTest {
    @Test
    @DisplayName("every 7th order statistic of 1,000 values in four sorted parts equals Arrays.sort's")
    void equalsTheSortedWhole() {
        Random random = new Random(11L);
        double[] special = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, 1.0, -1.0};
        double[] all = new double[1000];
        for (int i = 0; i < all.length; i++) {
            all[i] = i < special.length ? special[i]
                    : random.nextGaussian() * Math.pow(10, random.nextInt(600) - 300);
        }
        int[] cuts = {0, 0, 130, 700, all.length};
        List<double[]> parts = new ArrayList<>();
        for (int p = 0; p + 1 < cuts.length; p++) {
            double[] part = Arrays.copyOfRange(all, cuts[p], cuts[p + 1]);
            Arrays.sort(part);
            parts.add(part);
        }
        JavaRDD<double[]> rdd = JavaSparkContext.fromSparkContext(SparkTestSession.start().sparkContext())
                .parallelize(parts, parts.size());
        double[] sorted = all.clone();
        Arrays.sort(sorted);
        long[] ranks = new long[all.length / 7 + 2];
        for (int i = 0; i < ranks.length - 2; i++) {
            ranks[i] = 7L * i;
        }
        ranks[ranks.length - 2] = all.length - 1;
        ranks[ranks.length - 1] = 1;
        double[] selected = OrderStatistics.select(rdd, ranks);
        for (int i = 0; i < ranks.length; i++) {
            assertEquals(Double.doubleToRawLongBits(sorted[(int) ranks[i]]), Double.doubleToRawLongBits(selected[i]),
                    "rank " + ranks[i]);
        }
    }
}
