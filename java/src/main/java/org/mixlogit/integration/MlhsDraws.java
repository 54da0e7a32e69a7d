package org.mixlogit.integration;

import org.mixlogit.math.NormalQuantile;

/**
 * Modified Latin hypercube sampling (Hess, Train and Polak 2006, Transportation Research B 40:147-163). For
 * decision-maker n and dimension k the uniforms are (r + u_{n,k}) / R, r = 0 .. R-1, with one uniform shift
 * u_{n,k} in (0, 1), put in random order by a Fisher-Yates shuffle, then mapped to standard normals. Each
 * decision-maker's randomness comes from its own SplitMix64 stream (the numbers of
 * {@code new SplittableRandom(s_n)}) with s_n = {@link SplitMix64#streamSeed}(seed, n), so the draws do not
 * depend on the order in which decision-makers are visited or on the number of threads. Per dimension the stream
 * gives the shift, then the shuffle's R - 1 choices.
 *
 * <p>Immutable and thread-safe; each worker takes its own {@link #newCursor()}.
 */
public final class MlhsDraws extends SimulationDraws {
    private final long seed;

    /**
     * @param config a {@link DrawType#MLHS} configuration: draws per decision-maker and seed
     * @param dimension the number of random coefficients, 1 or more
     */
    public MlhsDraws(IntegrationConfig config, int dimension) {
        super(config, DrawType.MLHS, dimension, "MlhsDraws");
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
        /** The largest double below 1: (R - 1 + u) / R may round up to 1 when u is within 2^-53 R of 1. */
        private static final double BELOW_ONE = Math.nextDown(1.0);

        private final int nodeCount;
        private final int dimension;
        private final long seed;
        private final SplitMix64 random = new SplitMix64(0L);

        Cursor(int nodeCount, int dimension, long seed) {
            super(nodeCount, dimension);
            this.nodeCount = nodeCount;
            this.dimension = dimension;
            this.seed = seed;
        }

        @Override
        void fillNodes(int decisionMaker, double[] nodes) {
            random.reset(SplitMix64.streamSeed(seed, decisionMaker));
            for (int k = 0; k < dimension; k++) {
                double shift = random.nextOpenDouble();
                for (int r = 0; r < nodeCount; r++) {
                    nodes[r * dimension + k] = Math.min((r + shift) / nodeCount, BELOW_ONE);
                }
                for (int i = nodeCount - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int a = i * dimension + k;
                    int b = j * dimension + k;
                    double t = nodes[a];
                    nodes[a] = nodes[b];
                    nodes[b] = t;
                }
            }
            int size = nodeCount * dimension;
            for (int i = 0; i < size; i++) {
                nodes[i] = NormalQuantile.quantile(nodes[i]);
            }
        }
    }
}
