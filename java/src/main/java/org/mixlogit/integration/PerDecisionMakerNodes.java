package org.mixlogit.integration;

/**
 * A rule whose nodes and weights differ by decision-maker and are given outright (e.g. adaptive quadrature,
 * centred at each person's posterior mode). Immutable after construction; the arrays are copied.
 */
public final class PerDecisionMakerNodes implements IntegrationRule {
    private final int dimension;
    private final int count;
    private final double[] nodes;
    private final double[] weights;
    private final String description;

    /**
     * @param nodes Not modified: decision-makers x count x dimension, row-major
     * @param weights Not modified: decision-makers x count
     */
    public PerDecisionMakerNodes(int dimension, int count, double[] nodes, double[] weights, String description) {
        if (count < 1 || weights.length % count != 0 || nodes.length != weights.length * dimension) {
            throw new IllegalArgumentException("Inconsistent node arrays: " + nodes.length + " nodes, "
                    + weights.length + " weights, " + count + " per decision-maker in " + dimension + " dimensions.");
        }
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
            if (decisionMaker < 0 || (long) (decisionMaker + 1) * count > weights.length) {
                throw new IllegalArgumentException("No nodes for decision-maker " + decisionMaker + ".");
            }
            System.arraycopy(nodes, decisionMaker * count * dimension, outNodes, 0, count * dimension);
            System.arraycopy(weights, decisionMaker * count, outWeights, 0, count);
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
