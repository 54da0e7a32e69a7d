package org.mixlogit.integration;

/**
 * A rule whose nodes and weights differ by decision-maker and are given outright (e.g. adaptive quadrature,
 * centred at each person's posterior mode), for the decision-makers of consecutive ordinals from a first one (0 for
 * whole data, the shard's first ordinal for a shard). Immutable after construction; the arrays are copied.
 */
public final class PerDecisionMakerNodes implements IntegrationRule {
    private final int firstOrdinal;
    private final int dimension;
    private final int count;
    private final double[] nodes;
    private final double[] weights;
    private final String description;

    /**
     * Nodes of the decision-makers of ordinals 0, 1, ...
     *
     * @param nodes Not modified: decision-makers x count x dimension, row-major
     * @param weights Not modified: decision-makers x count
     */
    public PerDecisionMakerNodes(int dimension, int count, double[] nodes, double[] weights, String description) {
        this(0, dimension, count, nodes, weights, description);
    }

    /**
     * Nodes of the decision-makers of ordinals {@code firstOrdinal, firstOrdinal + 1, ...}: the cursor's
     * decision-maker {@code firstOrdinal + n} takes block {@code n} of the arrays.
     *
     * @param nodes Not modified: decision-makers x count x dimension, row-major
     * @param weights Not modified: decision-makers x count
     */
    public PerDecisionMakerNodes(int firstOrdinal, int dimension, int count, double[] nodes, double[] weights,
            String description) {
        if (firstOrdinal < 0) {
            throw new IllegalArgumentException("firstOrdinal is " + firstOrdinal + ": it must be 0 or more.");
        }
        if (count < 1 || weights.length % count != 0 || nodes.length != weights.length * dimension) {
            throw new IllegalArgumentException("Inconsistent node arrays: " + nodes.length + " nodes, "
                    + weights.length + " weights, " + count + " per decision-maker in " + dimension + " dimensions.");
        }
        this.firstOrdinal = firstOrdinal;
        this.dimension = dimension;
        this.count = count;
        this.nodes = nodes.clone();
        this.weights = weights.clone();
        this.description = description;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public int nodeCount() {
        return count;
    }

    @Override
    public NodeCursor newCursor() {
        return (decisionMaker, outNodes, outWeights) -> {
            int n = decisionMaker - firstOrdinal;
            if (n < 0 || (long) (n + 1) * count > weights.length) {
                throw new IllegalArgumentException("No nodes for the decision-maker of ordinal " + decisionMaker
                        + ": these nodes are for ordinals " + firstOrdinal + " to "
                        + (firstOrdinal + weights.length / count - 1) + ".");
            }
            System.arraycopy(nodes, n * count * dimension, outNodes, 0, count * dimension);
            System.arraycopy(weights, n * count, outWeights, 0, count);
        };
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }
}
