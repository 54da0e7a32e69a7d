package org.mixlogit.postestimation;

import org.mixlogit.InvalidSpecificationException;

/**
 * How post-estimation quantifies uncertainty. Immutable.
 * <ul>
 * <li>{@code krinskyRobb}: parameter vectors drawn from the estimate's asymptotic normal distribution (Krinsky and
 * Robb 1986) for simulated standard deviations and percentile intervals; 0 (default) for none.</li>
 * <li>{@code replicates}: independent draw sets at the estimate whose spread is each quantity's simulation error
 * (for quadrature, the difference to a more accurate rule); default 5, 0 for none.</li>
 * <li>{@code seed}: of the Krinsky-Robb draws.</li>
 * </ul>
 * Delta-method standard errors are always computed when the covariance is available.
 */
public final class PostEstimationOptions {
    private final int krinskyRobb;
    private final int replicates;
    private final long seed;

    private PostEstimationOptions(int krinskyRobb, int replicates, long seed) {
        if (krinskyRobb < 0 || krinskyRobb == 1) {
            throw new InvalidSpecificationException("The number of Krinsky-Robb draws is " + krinskyRobb
                    + ": give 0 for none or at least 2 (a few hundred are usual).");
        }
        if (replicates < 0 || replicates == 1) {
            throw new InvalidSpecificationException("The number of replicate draw sets is " + replicates
                    + ": give 0 for none or at least 2.");
        }
        this.krinskyRobb = krinskyRobb;
        this.replicates = replicates;
        this.seed = seed;
    }

    public static PostEstimationOptions defaults() {
        return new PostEstimationOptions(0, 5, 20200101L);
    }

    public PostEstimationOptions withKrinskyRobb(int draws) {
        return new PostEstimationOptions(draws, replicates, seed);
    }

    public PostEstimationOptions withReplicates(int sets) {
        return new PostEstimationOptions(krinskyRobb, sets, seed);
    }

    public PostEstimationOptions withSeed(long newSeed) {
        return new PostEstimationOptions(krinskyRobb, replicates, newSeed);
    }

    public int krinskyRobb() {
        return krinskyRobb;
    }

    public int replicates() {
        return replicates;
    }

    public long seed() {
        return seed;
    }
}
