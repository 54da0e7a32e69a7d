package org.mixlogit.integration;

/**
 * The integration rule of a model without random coefficients: dimension 0, one node of weight 1, the same for
 * every decision-maker. Immutable and thread-safe.
 */
public final class SingleNode implements IntegrationRule {
    @Override
    public int dimension() {
        return 0;
    }

    @Override
    public int nodeCount() {
        return 1;
    }

    @Override
    public NodeCursor newCursor() {
        return new Cursor();
    }

    @Override
    public String describe() {
        return "single node (no random coefficients)";
    }

    @Override
    public String toString() {
        return describe();
    }

    /** Stateless; one per worker all the same, as the interface promises. */
    private static final class Cursor implements NodeCursor {
        /**
         * @param nodes <b>Not modified</b>: there are no dimensions
         * @param weights <b>Modified</b>: element 0 set to 1
         */
        @Override
        public void fill(int decisionMaker, double[] nodes, double[] weights) {
            if (decisionMaker < 0) {
                throw new IllegalArgumentException("decisionMaker is " + decisionMaker + ": it must be 0 or"
                        + " more.");
            }
            if (weights.length < 1) {
                throw new IllegalArgumentException("weights is empty: it needs one element for the single node.");
            }
            weights[0] = 1.0;
        }
    }
}
