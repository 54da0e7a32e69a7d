package org.mixlogit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.mixlogit.math.ExactSum;
import org.mixlogit.simulation.WillingnessToPay;

/**
 * The willingness-to-pay population's summary from draws that stay on the partitions, each partition's sorted: the
 * local engine's numbers to the last bit, since the mean is a correctly rounded sum and each quantile reads exact
 * order statistics ({@link OrderStatistics}). Ten Spark jobs: the counts and sums, then eight counting passes.
 */
final class DrawSummary {
    private DrawSummary() {
    }

    /**
     * The population summary of draws held sorted by partition (cached by the caller: read nine times): their count,
     * mean (a correctly rounded sum over the count), median and 5, 25, 75 and 95 percent quantiles (exact order
     * statistics, {@link OrderStatistics}), as {@link WillingnessToPay} computes them from all the draws (its
     * {@code draws()}, {@code mean()}, {@code median()} and {@code quantile(p)}).
     */
    static double[] of(JavaRDD<double[]> sorted) {
        long draws = 0;
        long nan = 0;
        ExactSum sum = new ExactSum();
        for (Draws d : sorted.map(Draws::new).collect()) {
            draws += d.count;
            nan += d.nan;
            sum.add(d.sum);
        }
        double mean = sum.value() / draws;
        long finite = draws - nan;
        double[] p = {0.5, 0.05, 0.25, 0.75, 0.95};
        // the order statistics each quantile reads, then all of them in eight counting passes
        List<Long> wanted = new ArrayList<>();
        for (double q : p) {
            WillingnessToPay.quantile(q, finite, i -> {
                wanted.add(i);
                return 0;
            });
        }
        long[] ranks = wanted.stream().mapToLong(Long::longValue).toArray();
        double[] values = ranks.length == 0 ? new double[0] : OrderStatistics.select(sorted, ranks);
        double[] out = new double[2 + p.length];
        out[0] = draws;
        out[1] = mean;
        for (int i = 0; i < p.length; i++) {
            out[2 + i] = WillingnessToPay.quantile(p[i], finite, rank -> values[wanted.indexOf(rank)]);
        }
        return out;
    }

    /** A partition's count of willingness-to-pay draws, of NaN draws, and their correctly rounded sum's partials. */
    private static final class Draws implements Serializable {
        private static final long serialVersionUID = 1L;
        final long count;
        final long nan;
        final ExactSum sum = new ExactSum();

        Draws(double[] samples) {
            long n = 0;
            for (double v : samples) {
                sum.add(v);
                n += Double.isNaN(v) ? 1 : 0;
            }
            this.count = samples.length;
            this.nan = n;
        }
    }
}
