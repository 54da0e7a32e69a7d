package org.mixlogit.integration;

/**
 * Nodes and weights for integrating over a D-dimensional standard normal vector, per decision-maker.
 * Implementations are immutable and thread-safe; each worker thread takes its own {@link NodeCursor}.
 * The nodes given for a decision-maker depend only on the rule and the decision-maker's index, never on the
 * order in which decision-makers are visited or on the number of threads.
 */
public interface IntegrationRule {
    /** Dimension D of the integral. */
    int dimension();

    /** Number of nodes R per decision-maker. */
    int nodeCount();

    /** A cursor with its own scratch state; not thread-safe, one per worker. */
    NodeCursor newCursor();

    /** The effective configuration, for results and messages. */
    String describe();
}
