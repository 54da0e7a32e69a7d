package org.mixlogit.simulation;

import java.io.Serializable;

import org.mixlogit.data.ChoiceData;

/**
 * The terms of a sum over decision-makers that reads the data alone, no simulation: the estimators' checks (the
 * design's cross-products, the attributes' spreads, the null log-likelihood, the separation test's information and
 * margins) and the latent class EM's E- and M-step sums. A backend computes them where the data live
 * ({@link Backend#dataPartials}), one vector per reduction block in the canonical order of {@link BlockPartials}, so
 * every backend gives the same numbers to the last bit. Serializable, with what it captures (arrays of numbers, never
 * the data), so that a distributed backend can ship it to its executors.
 */
@FunctionalInterface
public interface DataSums extends Serializable {
    /**
     * Adds decision-maker {@code n}'s terms into its block's partial.
     *
     * @param part the whole data or a shard of whole blocks (decision-makers keep their ordinals)
     * @param n the decision-maker's local index in {@code part}
     * @param sums <b>Modified</b>: the block's partial, entries {@code at .. at + width - 1} (zero when the block
     *             starts); a term may also keep a running maximum there, reduced by {@link BlockPartials#maximum}
     */
    void add(ChoiceData part, int n, double[] sums, int at);

    /**
     * The block partials of {@code part}'s decision-makers, on this thread: each block's terms added in ordinal order
     * from zero.
     */
    static BlockPartials partials(ChoiceData part, int width, DataSums terms) {
        int count = part.decisionMakerCount();
        long first = part.firstOrdinal();
        long firstBlock = first / BlockPartials.BLOCK_SIZE;
        int blocks = count == 0 ? 0 : (int) ((first + count - 1) / BlockPartials.BLOCK_SIZE - firstBlock + 1);
        double[] sums = new double[blocks * width];
        for (int n = 0; n < count; n++) {
            int b = (int) ((first + n) / BlockPartials.BLOCK_SIZE - firstBlock);
            terms.add(part, n, sums, b * width);
        }
        return new BlockPartials(firstBlock, width, sums);
    }
}
