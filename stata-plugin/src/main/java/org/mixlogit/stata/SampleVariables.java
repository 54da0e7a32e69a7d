package org.mixlogit.stata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Which Stata variables make up a sample for the engine: the choice (null when not needed, as for unconditional
 * probabilities), group, decision-maker id, attributes, characteristics, weight, alternative and market (null when
 * absent), and whether rows are put in the order jmixlogit.ado estimated in (sorted by decision-maker, then group,
 * stably), so that post-estimation assigns every decision-maker the draws of the estimation. Immutable.
 */
final class SampleVariables {
    final String choice;
    final String group;
    final String id;
    final List<String> attributes;
    final List<String> characteristics;
    final String weight;
    final String alternatives;
    final String market;
    final boolean estimationOrder;

    SampleVariables(String choice, String group, String id, List<String> attributes, List<String> characteristics,
            String weight, String alternatives, String market, boolean estimationOrder) {
        this.choice = choice;
        this.group = group;
        this.id = id;
        this.attributes = Collections.unmodifiableList(new ArrayList<>(attributes));
        this.characteristics = Collections.unmodifiableList(new ArrayList<>(characteristics));
        this.weight = weight;
        this.alternatives = alternatives;
        this.market = market;
        this.estimationOrder = estimationOrder;
    }
}
