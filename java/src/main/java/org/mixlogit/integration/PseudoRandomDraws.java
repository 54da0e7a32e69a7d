package org.mixlogit.integration;

import org.mixlogit.math.NormalQuantile;

/**
 * Pseudo-random standard normal draws. Decision-maker n's uniforms come from its own SplitMix64 stream (the
 * numbers of {@code new SplittableRandom(s_n)}) with s_n = {@link SplitMix64#streamSeed}(seed, n), in node-major
 * order (node 0 dimension 0, node 0 dimension 1, ...); a uniform equal to 0 is drawn again; each is mapped to a
 * normal by {@link NormalQuantile}. The draws depend only on the seed and the decision-maker's index, never on
 * visiting order or thread count. Burn-in does not apply.
 *
 * <p>Immutable and thread-safe; each worker takes its own {@link #newCursor()}.
 */
public final class PseudoRandomDraws extends SimulationDraws {
    private final long seed;

    /**
     * @param config a {@link DrawType#PSEUDO_RANDOM} configuration: draws per decision-maker and seed
     * @param dimension the number of random coefficients, 1 or more
     */
    public PseudoRandomDraws(IntegrationConfig config, int dimension) {
        super(config, DrawType.PSEUDO_RANDOM, dimension, "PseudoRandomDraws");
        this.seed = config.seed();
    }

    @Override
    public NodeCursor newCursor() {
        return new Cursor(nodeCount(), dimension(), seed);
    }

    @Override
    String settings() {
        return ", seed " + seed;
    }

    /** Owns the per-decision-maker random stream; not thread-safe. */
    private static final class Cursor extends EqualWeightCursor {
        private final int size;
        private final long seed;
        private final SplitMix64 random = new SplitMix64(0L);

        Cursor(int nodeCount, int dimension, long seed) {
            super(nodeCount, dimension);
            this.size = nodeCount * dimension;
            this.seed = seed;
        }

        @Override
        void fillNodes(int decisionMaker, double[] nodes) {
            random.reset(SplitMix64.streamSeed(seed, decisionMaker));
            for (int i = 0; i < size; i++) {
                nodes[i] = NormalQuantile.quantile(random.nextOpenDouble());
            }
        }
    }
}
