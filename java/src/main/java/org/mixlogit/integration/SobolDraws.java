package org.mixlogit.integration;

import java.util.Arrays;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.math.NormalQuantile;

/**
 * Sobol draws: the points of Commons Math's {@link org.apache.commons.math3.random.SobolSequenceGenerator}
 * (Joe-Kuo direction numbers, Gray-code order), mapped to standard normals. The all-zero point at index 0 is never
 * used: decision-maker n takes indices 1 + burn + n R + r, r = 0 .. R-1. Up to 1000 dimensions.
 *
 * <p>{@link DrawType#SCRAMBLED_SOBOL} shifts the points digitally: the 52 binary digits of dimension k are XORed
 * with random digits s_k, drawn once per dimension from a SplitMix64 stream seeded with the configuration's seed,
 * and the value is the midpoint of its finest cell, ((x_k XOR s_k) + 1/2) 2^-52, never 0 or 1. XOR with a constant
 * permutes the dyadic intervals of every length, so each set of points that filled them one each still does (the
 * net is kept), while each point is uniform on (0, 1): estimates are unbiased and seeds give independent replicates.
 *
 * <p>Immutable and thread-safe; each worker takes its own {@link #newCursor()}.
 */
public final class SobolDraws extends SimulationDraws {
    private final int burn;
    private final long[] direction;
    /** The digital shift of each dimension; null for plain Sobol. */
    private final long[] shift;
    private final long seed;

    /**
     * @param config a {@link DrawType#SOBOL} configuration (draws per decision-maker and burn-in) or a
     *               {@link DrawType#SCRAMBLED_SOBOL} one (and the seed of the shift)
     * @param dimension the number of random coefficients, 1 .. 1000
     * @throws InvalidSpecificationException if the dimension exceeds 1000
     */
    public SobolDraws(IntegrationConfig config, int dimension) {
        super(config, sobolType(config), dimension, "SobolDraws");
        if (dimension > SobolDirectionNumbers.MAX_DIMENSION) {
            throw new InvalidSpecificationException("Sobol draws are available for up to "
                    + SobolDirectionNumbers.MAX_DIMENSION + " dimensions, and the model has " + dimension
                    + " random dimensions: use Halton, scrambled Halton, MLHS or pseudo-random draws.");
        }
        this.burn = config.burn();
        this.direction = SobolDirectionNumbers.load(dimension);
        this.seed = config.seed();
        if (config.type() == DrawType.SCRAMBLED_SOBOL) {
            SplitMix64 random = new SplitMix64(seed);
            shift = new long[dimension];
            for (int k = 0; k < dimension; k++) {
                shift[k] = random.nextLong() >>> (Long.SIZE - SobolDirectionNumbers.BITS);
            }
        } else {
            shift = null;
        }
    }

    /** The configuration's type when it is one of the two Sobol types, else SOBOL (the check then names both). */
    private static DrawType sobolType(IntegrationConfig config) {
        return config != null && config.type() == DrawType.SCRAMBLED_SOBOL ? DrawType.SCRAMBLED_SOBOL : DrawType.SOBOL;
    }

    @Override
    public NodeCursor newCursor() {
        return new Cursor(direction, shift, nodeCount(), dimension(), burn);
    }

    @Override
    String settings() {
        return (shift == null ? "" : ", seed " + seed) + ", burn " + burn;
    }

    /** Owns the current point's integer coordinates; not thread-safe. */
    private static final class Cursor extends EqualWeightCursor {
        private static final long POINTS = 1L << SobolDirectionNumbers.BITS;
        private static final double SCALE = 0x1.0p-52;

        private final long[] direction;
        private final long[] shift;
        private final int nodeCount;
        private final int dimension;
        private final int burn;
        private final long[] x;

        Cursor(long[] direction, long[] shift, int nodeCount, int dimension, int burn) {
            super(nodeCount, dimension);
            this.direction = direction;
            this.shift = shift;
            this.nodeCount = nodeCount;
            this.dimension = dimension;
            this.burn = burn;
            this.x = new long[dimension];
        }

        @Override
        void fillNodes(int decisionMaker, double[] nodes) {
            long first = 1L + burn + (long) decisionMaker * nodeCount;
            if (first + nodeCount > POINTS) {
                throw new InvalidSpecificationException("Decision-maker " + decisionMaker + " needs Sobol points"
                        + " beyond the 2^52 of the sequence: use fewer draws or less burn-in.");
            }
            startAt(first);
            for (int r = 0; r < nodeCount; r++) {
                if (r > 0) {
                    // Gray-code order: going from index i - 1 to i flips the lowest set bit of i.
                    int offset = Long.numberOfTrailingZeros(first + r) * dimension;
                    for (int k = 0; k < dimension; k++) {
                        x[k] ^= direction[offset + k];
                    }
                }
                int row = r * dimension;
                if (shift == null) {
                    for (int k = 0; k < dimension; k++) {
                        nodes[row + k] = NormalQuantile.quantile(x[k] * SCALE);
                    }
                } else {
                    for (int k = 0; k < dimension; k++) {
                        nodes[row + k] = NormalQuantile.quantile(((x[k] ^ shift[k]) + 0.5) * SCALE);
                    }
                }
            }
        }

        /** Sets x to the point at {@code index}: the XOR of the direction numbers of the bits of gray(index). */
        private void startAt(long index) {
            long gray = index ^ (index >>> 1);
            Arrays.fill(x, 0L);
            for (int c = 0; gray != 0; c++, gray >>>= 1) {
                if ((gray & 1L) != 0) {
                    int offset = c * dimension;
                    for (int k = 0; k < dimension; k++) {
                        x[k] ^= direction[offset + k];
                    }
                }
            }
        }
    }
}
