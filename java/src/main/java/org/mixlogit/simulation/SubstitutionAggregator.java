package org.mixlogit.simulation;

import java.io.Serializable;

import org.mixlogit.data.ChoiceData;

/**
 * Adds one decision-maker's substitution patterns to keyed sums (post-estimation aggregates).
 * Serializable, so that a distributed backend can ship it to where the data are: capture only serializable values.
 */
@FunctionalInterface
public interface SubstitutionAggregator extends Serializable {
    /**
     * @param data the data the decision-maker belongs to (the whole data or a shard)
     * @param n the decision-maker's index in {@code data}
     * @param substitution Not modified: per situation of {@code data} (n's situations are filled when this is called)
     * @param sums <b>Modified</b>: the block's sums
     */
    void add(ChoiceData data, int n, Substitution substitution, KeyedSums sums);
}
