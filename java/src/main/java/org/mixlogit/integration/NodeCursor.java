package org.mixlogit.integration;

/** Produces one decision-maker's nodes and weights. Not thread-safe: one cursor per worker thread. */
public interface NodeCursor {
    /**
     * Fills the nodes and weights of the decision-maker with ordinal {@code decisionMaker}: its 0-based position in
     * the id order of the whole data ({@code ChoiceData.decisionMakerOrdinal}), so that a decision-maker takes the
     * same nodes whatever the order of the input rows and whichever shard of the data it is in. Ordinals are ints:
     * at most 2^31 decision-makers.
     *
     * @param decisionMaker ordinal of the decision-maker, 0 or more
     * @param nodes  <b>Modified</b>: {@code nodeCount x dimension} standard normal nodes, row-major (node r,
     *               dimension k at {@code r * dimension + k}); length at least {@code nodeCount * dimension}
     * @param weights <b>Modified</b>: {@code nodeCount} weights summing to one
     */
    void fill(int decisionMaker, double[] nodes, double[] weights);
}
