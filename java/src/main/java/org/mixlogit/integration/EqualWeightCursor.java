package org.mixlogit.integration;

import java.util.Arrays;

import org.mixlogit.InvalidSpecificationException;

/**
 * A cursor of simulation draws: checks the caller's arrays, gives every node the weight 1/R and leaves the
 * nodes to the draw type. Not thread-safe: one per worker thread.
 */
abstract class EqualWeightCursor implements NodeCursor {
    private final int nodeCount;
    private final int dimension;
    private final double weight;

    EqualWeightCursor(int nodeCount, int dimension) {
        this.nodeCount = nodeCount;
        this.dimension = dimension;
        this.weight = 1.0 / nodeCount;
    }

    @Override
    public final void fill(int decisionMaker, double[] nodes, double[] weights) {
        if (decisionMaker < 0) {
            throw new IllegalArgumentException("decisionMaker is " + decisionMaker + ": it must be 0 or more.");
        }
        if (nodes.length < nodeCount * dimension) {
            throw new IllegalArgumentException("nodes has length " + nodes.length + ": it needs at least "
                    + nodeCount + " draws x " + dimension + " dimensions = " + nodeCount * dimension + ".");
        }
        if (weights.length < nodeCount) {
            throw new IllegalArgumentException("weights has length " + weights.length + ": it needs at least "
                    + nodeCount + ", one per draw.");
        }
        Arrays.fill(weights, 0, nodeCount, weight);
        fillNodes(decisionMaker, nodes);
    }

    /**
     * Fills the standard normal nodes of one decision-maker.
     *
     * @param decisionMaker index of the decision-maker, 0 or more
     * @param nodes <b>Modified</b>: elements {@code [0, nodeCount * dimension)}, node r and dimension k at
     *              {@code r * dimension + k}; long enough (checked by the caller)
     */
    abstract void fillNodes(int decisionMaker, double[] nodes);

    /**
     * Checks the size of a draw rule's node array. Thrown from the rules' constructors, so a hopeless size fails
     * before any work.
     *
     * @throws IllegalArgumentException if the dimension is below 1
     * @throws InvalidSpecificationException if draws x dimension does not fit in one array
     */
    static void checkSize(int draws, int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension is " + dimension + ": simulation draws need at least one"
                    + " dimension (IntegrationRules.create gives a single node when nothing is random).");
        }
        if ((long) draws * dimension > Integer.MAX_VALUE - 8) {
            throw new InvalidSpecificationException(draws + " draws in " + dimension + " dimensions make "
                    + (long) draws * dimension + " nodes per decision-maker, more than one array holds: use fewer"
                    + " draws.");
        }
    }

    /**
     * Checks that a configuration is of the type a draw class implements.
     *
     * @throws IllegalArgumentException if it is not
     */
    static void checkType(IntegrationConfig config, DrawType expected, String className) {
        if (config.type() != expected) {
            throw new IllegalArgumentException(className + " implements " + expected.code() + " draws, but the"
                    + " configuration asks for " + config.type().code() + ": use IntegrationRules.create(config,"
                    + " dimension), which picks the class.");
        }
    }
}
