package org.mixlogit.postestimation;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.mixlogit.simulation.WillingnessToPay;

/** The population summary of willingness to pay as a post-estimation quantity: mean, median and quantiles. */
final class WtpSummary {
    /** The statistics, in the order of the table's rows. */
    static final List<String> STATISTICS = Collections.unmodifiableList(Arrays.asList("mean", "median", "q05",
            "q25", "q75", "q95"));

    private WtpSummary() {
    }

    /** One key per statistic (the alternative column holds its name; market "all"). */
    static Keys keys() {
        Keys.Builder b = new Keys.Builder();
        for (int i = 0; i < STATISTICS.size(); i++) {
            b.add(i, "all", STATISTICS.get(i), null);
        }
        return b.build();
    }

    /** The statistics of a willingness-to-pay distribution, in the order of {@link #STATISTICS}. */
    static double[] of(WillingnessToPay w) {
        return new double[] {w.mean(), w.median(), w.quantile(0.05), w.quantile(0.25), w.quantile(0.75),
            w.quantile(0.95)};
    }
}
