package org.mixlogit.simulation;

import java.util.Arrays;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

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

    public double mean() {
        double sum = 0;
        for (double v : samples) {
            sum += v;
        }
        return sum / samples.length;
    }

    public double median() {
        return quantile(0.5);
    }

    /** Population quantile, p in (0, 1). */
    public double quantile(double p) {
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(samples, 100 * p);
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
