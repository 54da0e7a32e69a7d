package org.mixlogit.integration;

import org.mixlogit.math.NormalQuantile;

/**
 * Nodes from Halton-type sequences, plain or scrambled: decision-maker n takes elements
 * burn + n R + r, r = 0 .. R-1, of every dimension's sequence, mapped to standard normals. Owns the digit
 * scratch of each dimension; not thread-safe.
 */
final class HaltonCursor extends EqualWeightCursor {
    private final RadicalInverseDigits[] sequences;
    private final int nodeCount;
    private final int burn;
    private final int[][] digits;

    /**
     * @param sequences <b>Not modified</b>: one immutable sequence per dimension, shared with other cursors
     */
    HaltonCursor(RadicalInverseDigits[] sequences, int nodeCount, int burn) {
        super(nodeCount, sequences.length);
        this.sequences = sequences;
        this.nodeCount = nodeCount;
        this.burn = burn;
        this.digits = new int[sequences.length][];
        for (int k = 0; k < sequences.length; k++) {
            digits[k] = new int[sequences[k].digitCount()];
        }
    }

    @Override
    void fillNodes(int decisionMaker, double[] nodes) {
        int dimension = sequences.length;
        long first = burn + (long) decisionMaker * nodeCount;
        for (int k = 0; k < dimension; k++) {
            RadicalInverseDigits sequence = sequences[k];
            int[] scratch = digits[k];
            long numerator = sequence.start(first, scratch);
            for (int r = 0; r < nodeCount; r++) {
                if (r > 0) {
                    numerator = sequence.next(numerator, scratch);
                }
                nodes[r * dimension + k] = NormalQuantile.quantile(sequence.value(numerator));
            }
        }
    }
}
