package org.mixlogit.simulation;

import org.mixlogit.data.ChoiceData;

/** Adds one decision-maker's substitution patterns to keyed sums (post-estimation aggregates). */
@FunctionalInterface
public interface SubstitutionAggregator {
    /**
     * @param data the data the decision-maker belongs to (the whole data or a shard)
     * @param n the decision-maker's index in {@code data}
     * @param substitution Not modified: per situation of {@code data} (n's situations are filled when this is called)
     * @param sums <b>Modified</b>: the block's sums
     */
    void add(ChoiceData data, int n, Substitution substitution, KeyedSums sums);
}
