package org.mixlogit.integration;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.math.NormalQuantile;

/**
 * Plain Halton draws in the mlogit/xlogit convention. Dimension k (0-based) uses the k-th prime
 * (2, 3, 5, 7, 11, ...) as base; element i of a sequence is the radical inverse of i, unscrambled, counting from
 * i = 0; the first {@code burn} elements are discarded, and decision-maker n takes elements
 * burn + n R ... burn + n R + R - 1 (node r is element burn + n R + r), mapped to standard normals by
 * {@link NormalQuantile}. Weights are 1/R.
 *
 * <p>Immutable and thread-safe; each worker takes its own {@link #newCursor()}.
 */
public final class HaltonDraws extends SimulationDraws {
    private final int burn;
    private final RadicalInverseDigits[] sequences;

    /**
     * @param config a {@link DrawType#HALTON} configuration: draws per decision-maker and burn-in
     * @param dimension the number of random coefficients, 1 or more
     * @throws InvalidSpecificationException if burn is 0: element 0 is 0 in every base and has no normal quantile
     */
    public HaltonDraws(IntegrationConfig config, int dimension) {
        super(config, DrawType.HALTON, dimension, "HaltonDraws");
        if (config.burn() < 1) {
            throw new InvalidSpecificationException("burn is " + config.burn() + " for Halton draws: element 0 of"
                    + " the sequence is 0 in every dimension, an infinite normal draw. Burn at least 1 element"
                    + " (the default, as in mlogit, is 100), or use scrambled Halton draws.");
        }
        this.burn = config.burn();
        int[] bases = RadicalInverseDigits.primeBases(dimension);
        this.sequences = new RadicalInverseDigits[dimension];
        for (int k = 0; k < dimension; k++) {
            sequences[k] = RadicalInverseDigits.plain(bases[k]);
        }
    }

    @Override
    public NodeCursor newCursor() {
        return new HaltonCursor(sequences, nodeCount(), burn);
    }

    @Override
    String settings() {
        return ", burn " + burn;
    }
}
