package org.mixlogit.cli;

import org.mixlogit.postestimation.ClassWillingnessToPay;
import org.mixlogit.postestimation.PostEstimation;

/**
 * Post-estimation's outputs with a row per decision-maker, per data row or per situation (the tables that
 * {@code conditional}, {@code wtp} and {@code diversion} write with {@code --csv}, {@code --probabilities},
 * {@code --posterior} and {@code --decomposition}) and the summaries over decision-makers that those commands print.
 * The local engine computes them from the rows in this process ({@link #local}); an engine whose rows live elsewhere
 * ({@link EstimationEngine#outputs}) computes them there and writes the tables from there. Every method computes
 * once, writes its table when given a file (null: none) and returns the summary; the summaries' sums are correctly
 * rounded ({@link ColumnStatistics}), so they do not depend on where the values were computed.
 */
public interface PostEstimationOutputs {
    /**
     * The decision-makers' coefficients conditional on their choices; the table: {@code id}, then each coefficient's
     * conditional mean (named by its attribute) and standard deviation ({@code sd.} and the attribute).
     *
     * @return per coefficient (declaration order) the mean over decision-makers of E[beta_n | y_n], the standard
     *     deviation of those means, their minimum and maximum, and the mean conditional standard deviation
     *     (coefficients x 5, row-major)
     */
    double[] conditionals(String file);

    /**
     * Every data row's fitted (unconditional) and conditional probability; the table: {@code row} (the 1-based input
     * row), {@code situation}, {@code alternative}, {@code probability}, {@code conditional_probability}.
     */
    void probabilities(String file);

    /**
     * A latent class model's posterior class probabilities; the table: {@code id}, {@code class1} ... {@code classC},
     * {@code modal} (the 1-based most probable class).
     *
     * @return the C mean posterior probabilities, then the C counts of decision-makers by modal class
     */
    double[] classPosteriors(String file);

    /**
     * Willingness to pay for {@code attribute} in units of {@code cost}; the table: {@code id}, {@code wtp} (each
     * decision-maker's conditional mean).
     *
     * @return the population's number of draws, mean, median and 5, 25, 75 and 95 percent quantiles, then the number
     *     of decision-makers and the mean of their finite conditional means (9 values)
     */
    double[] willingnessToPay(String attribute, String cost, String file);

    /**
     * A latent class model's willingness to pay per class with delta-method errors (a distribution per class when a
     * coefficient is random within classes: its draws over every decision-maker).
     */
    ClassWillingnessToPay classWillingnessToPay(String attribute, String cost);

    /**
     * The diversion decomposition with respect to {@code attribute} (see
     * {@link org.mixlogit.postestimation.DiversionDecomposition#csv}), written to {@code file}.
     */
    void decomposition(String attribute, String file);

    /**
     * Why {@code file} cannot take the table of {@code --option} (for example it exists where the engine writes a
     * new directory), or null; asked before any table is computed. By default null: the command line checks local
     * files itself.
     */
    default String refusal(String option, String file) {
        return null;
    }

    /** The local engine's: computed from the rows of {@code post}'s data in this process, CSV files written here. */
    static PostEstimationOutputs local(PostEstimation post, String warning) {
        return new LocalOutputs(post, new FlaggedCsv(warning));
    }
}
