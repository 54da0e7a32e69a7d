package org.mixlogit.postestimation;

import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Each decision-maker's coefficients conditional on the person's observed choices, E[beta_n | y_n] and the
 * conditional standard deviation (Train 2009, ch. 11), in coefficient declaration order. Immutable; array
 * accessors copy.
 */
public final class ConditionalCoefficients {
    private final long[] ids;
    private final List<String> coefficients;
    private final double[] mean;
    private final double[] sd;

    ConditionalCoefficients(long[] ids, List<String> coefficients, double[] mean, double[] sd) {
        this.ids = ids;
        this.coefficients = Collections.unmodifiableList(coefficients);
        this.mean = mean;
        this.sd = sd;
    }

    public long[] decisionMakerIds() {
        return ids.clone();
    }

    /** The coefficients' attribute names. */
    public List<String> coefficients() {
        return coefficients;
    }

    /** Decision-makers x coefficients, row-major. */
    public double[] means() {
        return mean.clone();
    }

    /** Decision-makers x coefficients, row-major. */
    public double[] standardDeviations() {
        return sd.clone();
    }

    public double mean(int decisionMaker, int coefficient) {
        return mean[decisionMaker * coefficients.size() + coefficient];
    }

    public double sd(int decisionMaker, int coefficient) {
        return sd[decisionMaker * coefficients.size() + coefficient];
    }

    /** CSV: id, then mean and sd of each coefficient. */
    public String csv() {
        StringBuilder b = new StringBuilder("id");
        for (String c : coefficients) {
            b.append(',').append(c).append(",sd.").append(c);
        }
        b.append('\n');
        int k = coefficients.size();
        for (int n = 0; n < ids.length; n++) {
            b.append(ids[n]);
            for (int i = 0; i < k; i++) {
                b.append(',').append(String.format(Locale.ROOT, "%.10g", mean[n * k + i])).append(',')
                        .append(String.format(Locale.ROOT, "%.10g", sd[n * k + i]));
            }
            b.append('\n');
        }
        return b.toString();
    }
}
