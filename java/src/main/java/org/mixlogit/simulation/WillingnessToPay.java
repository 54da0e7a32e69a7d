package org.mixlogit.simulation;

import java.util.Arrays;
import java.util.function.LongToDoubleFunction;

import org.mixlogit.math.ExactSum;

/**
 * Willingness to pay for an attribute in units of a cost attribute, -beta_a / beta_c: its distribution in the
 * population implied by the estimates (all decision-makers' draws, so heterogeneity in characteristics is
 * included) summarised by mean, median and quantiles, and each decision-maker's conditional mean given his
 * choices. When the cost coefficient can be near zero (e.g. normal), the ratio has no finite mean: read the
 * median and quantiles. Immutable; accessors copy.
 */
public final class WillingnessToPay {
    private final double[] samples;
    private final double[] individual;

    WillingnessToPay(double[] samples, double[] individual) {
        this.samples = samples.clone();
        Arrays.sort(this.samples);
        this.individual = individual.clone();
    }

    /**
     * From the population draws and the individual conditional means (e.g. gathered from shards of the data).
     *
     * @param samples Not modified: every decision-maker's draws of the ratio, in any order
     * @param individual Not modified: each decision-maker's conditional mean, in ordinal order
     */
    public static WillingnessToPay of(double[] samples, double[] individual) {
        return new WillingnessToPay(samples, individual);
    }

    /**
     * The draws' mean: their correctly rounded sum ({@link ExactSum}, independent of the order of the draws, so a
     * backend that holds them in parts computes the same bits) over their number.
     */
    public double mean() {
        return ExactSum.of(samples) / samples.length;
    }

    public double median() {
        return quantile(0.5);
    }

    /** Population quantile, p in (0, 1): {@link #quantile(double, long, LongToDoubleFunction)} of the draws. */
    public double quantile(double p) {
        int finite = samples.length;
        while (finite > 0 && Double.isNaN(samples[finite - 1])) {
            finite--;
        }
        return quantile(p, finite, i -> samples[(int) i]);
    }

    /**
     * The quantile p in (0, 1) of {@code length} values, R's type 7 (Hyndman and Fan 1996; Commons Math's
     * {@code Percentile} with {@code EstimationType.R_7} and NaNs removed, to the last bit): the values at sorted
     * positions floor(h) and floor(h) + 1 (1-based), h = 1 + (length - 1) p, interpolated linearly; NaN when there
     * are none. Only the one or two order statistics it reads are asked of {@code sorted}, so a backend that holds
     * the values in parts selects just those (exactly, e.g. by counting passes).
     *
     * @param length how many values (NaNs excluded)
     * @param sorted the value at a 0-based position of the values sorted ascending ({@code Arrays.sort}'s order)
     */
    public static double quantile(double p, long length, LongToDoubleFunction sorted) {
        if (length == 0) {
            return Double.NaN;
        }
        double q = (100 * p) / 100d;
        double pos = Double.compare(q, 0d) == 0 ? 0 : Double.compare(q, 1d) == 0 ? length : 1 + (length - 1) * q;
        double floor = Math.floor(pos);
        if (pos < 1) {
            return sorted.applyAsDouble(0);
        }
        if (pos >= length) {
            return sorted.applyAsDouble(length - 1);
        }
        long at = (long) floor;
        double lower = sorted.applyAsDouble(at - 1);
        double upper = sorted.applyAsDouble(at);
        return lower + (pos - floor) * (upper - lower);
    }

    /** Each decision-maker's conditional mean willingness to pay given his observed choices. */
    public double[] individual() {
        return individual.clone();
    }

    /** The population draws, sorted (a copy). */
    public double[] sortedSamples() {
        return samples.clone();
    }

    /** Number of population draws summarised. */
    public int draws() {
        return samples.length;
    }
}
