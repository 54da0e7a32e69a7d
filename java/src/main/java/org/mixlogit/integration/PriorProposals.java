package org.mixlogit.integration;

import org.mixlogit.math.NormalQuantile;

/**
 * Proposals for accept-reject sampling from a decision-maker's posterior over D standard normal variates: pairs
 * (z, U) of D independent standard normals and a uniform on (0, 1), from the decision-maker's own SplitMix64 stream
 * (seeded by the seed and its ordinal, as {@link PseudoRandomDraws} are, on a stream of their own). The same seed and
 * ordinal give the same sequence of proposals whatever the parameters, so an accept-reject sampler built on them uses
 * common random numbers: its accepted set changes with the parameters only where a proposal's acceptance flips.
 * Not thread-safe: one per worker.
 */
public final class PriorProposals {
    /** Keeps these streams apart from the pseudo-random draws of the same seed. */
    private static final long STREAM_OFFSET = 0x5bd1e9955bd1e995L;
    private final long seed;
    private final int dimension;
    private final SplitMix64 random = new SplitMix64(0L);

    public PriorProposals(long seed, int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension is " + dimension + ": at least 1.");
        }
        this.seed = seed ^ STREAM_OFFSET;
        this.dimension = dimension;
    }

    /** Restarts at the first proposal of the decision-maker of ordinal {@code ordinal}. */
    public void start(int ordinal) {
        random.reset(SplitMix64.streamSeed(seed, ordinal));
    }

    /**
     * The next proposal.
     *
     * @param z <b>Modified</b>: D standard normal variates from {@code at}
     * @return its uniform on (0, 1)
     */
    public double next(double[] z, int at) {
        for (int a = 0; a < dimension; a++) {
            z[at + a] = NormalQuantile.quantile(random.nextOpenDouble());
        }
        return random.nextOpenDouble();
    }
}
