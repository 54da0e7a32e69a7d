package org.mixlogit.simulation;

import java.io.Serializable;

import org.mixlogit.data.ChoiceData;

/**
 * A per-decision-maker output (conditional coefficients, willingness to pay, posterior class probabilities, or values
 * per row such as fitted probabilities): each decision-maker's values, the same number for each or one per row of
 * theirs, depending on that decision-maker's rows only (nodes keyed by the ordinal), so that any split of the data into
 * shards of whole decision-makers gives the same bits. Computed where the data live by
 * {@link Backend#perDecisionMaker}; serializable (with what it captures: the model, the estimates, the integration
 * settings) so that a distributed backend can ship it to its executors.
 */
@FunctionalInterface
public interface PerDecisionMaker extends Serializable {
    /**
     * The values of {@code part}'s decision-makers.
     *
     * @param part the whole data or a shard of whole decision-makers (keeping their ordinals)
     * @param threads local worker threads; the values do not depend on it
     * @return the decision-makers' values one after the other, in ordinal order
     */
    double[] values(ChoiceData part, int threads);
}
