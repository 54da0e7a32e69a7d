package org.mixlogit.simulation;

import java.io.Serializable;

import org.mixlogit.data.ChoiceData;

/**
 * A per-decision-maker output (conditional coefficients, willingness to pay, posterior class probabilities): a
 * fixed number of values for each decision-maker, each depending on that decision-maker's rows only (nodes keyed by
 * the ordinal), so any split of the data into shards of whole decision-makers gives the same bits. Computed where
 * the data live by {@link Backend#perDecisionMaker}; serializable (with what it captures: the model, the estimates,
 * the integration settings) so that a distributed backend can ship it to its executors.
 */
@FunctionalInterface
public interface PerDecisionMaker extends Serializable {
    /**
     * The values of {@code part}'s decision-makers.
     *
     * @param part the whole data or a shard of whole decision-makers (keeping their ordinals)
     * @param threads local worker threads; the values do not depend on it
     * @return part.decisionMakerCount() x (values per decision-maker), row-major, decision-makers in ordinal order
     */
    double[] values(ChoiceData part, int threads);
}
