package org.mixlogit.integration;

/**
 * Halton draws with random digit permutations. Indexing as {@link HaltonDraws} (prime bases in order; decision-maker
 * n takes elements burn + n R + r), but in dimension k each digit position j has its own uniformly random
 * permutation pi_{k,j} of 0 .. b-1, and the value is sum_j pi_{k,j}(d_j) b^-(j+1) + b^-M / 2, the midpoint of
 * the finest cell, never 0 or 1 (details and the choice of M in {@link RadicalInverseDigits}). The permutations
 * are drawn once, dimension by dimension and digit by digit, from a SplitMix64 stream seeded with the
 * configuration's seed (the numbers of {@code new SplittableRandom(seed)}), so a dimension's scrambling does not
 * depend on how many dimensions follow it. Because pi_{k,j} depends only on j, the first b^m elements of a
 * dimension still fall one in each interval [i / b^m, (i + 1) / b^m).
 *
 * <p>Immutable and thread-safe: the permutations are shared read-only by the cursors.
 */
public final class ScrambledHaltonDraws extends SimulationDraws {
    private final int burn;
    private final long seed;
    private final RadicalInverseDigits[] sequences;

    /**
     * @param config a {@link DrawType#SCRAMBLED_HALTON} configuration: draws per decision-maker, seed and burn-in
     * @param dimension the number of random coefficients, 1 or more
     */
    public ScrambledHaltonDraws(IntegrationConfig config, int dimension) {
        super(config, DrawType.SCRAMBLED_HALTON, dimension, "ScrambledHaltonDraws");
        this.burn = config.burn();
        this.seed = config.seed();
        int[] bases = RadicalInverseDigits.primeBases(dimension);
        SplitMix64 random = new SplitMix64(seed);
        this.sequences = new RadicalInverseDigits[dimension];
        for (int k = 0; k < dimension; k++) {
            sequences[k] = RadicalInverseDigits.scrambled(bases[k], random);
        }
    }

    @Override
    public NodeCursor newCursor() {
        return new HaltonCursor(sequences, nodeCount(), burn);
    }

    @Override
    String settings() {
        return ", seed " + seed + ", burn " + burn;
    }
}
