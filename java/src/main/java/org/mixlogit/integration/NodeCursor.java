package org.mixlogit.integration;

/** Produces one decision-maker's nodes and weights. Not thread-safe: one cursor per worker thread. */
public interface NodeCursor {
    /**
     * Fills the nodes and weights of decision-maker {@code decisionMaker} (0-based, in order of first appearance).
     *
     * @param decisionMaker index of the decision-maker
     * @param nodes  <b>Modified</b>: {@code nodeCount x dimension} standard normal nodes, row-major (node r,
     *               dimension k at {@code r * dimension + k}); length at least {@code nodeCount * dimension}
     * @param weights <b>Modified</b>: {@code nodeCount} weights summing to one
     */
    void fill(int decisionMaker, double[] nodes, double[] weights);
}
