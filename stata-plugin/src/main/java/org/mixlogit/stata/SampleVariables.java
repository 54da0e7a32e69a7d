package org.mixlogit.stata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Which Stata variables make up a sample for the engine: the choice (null when not needed, as for unconditional
 * probabilities), group, decision-maker id, attributes, characteristics (a string characteristic, such as a string
 * cluster variable, is coded by its values), weight, alternative and market (null when absent), the cluster
 * variable among the characteristics (null when none), and a 0/1 variable marking the estimation sample (null at
 * estimation, where every row is in it). Immutable.
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
    final String cluster;
    final String estimationSample;

    SampleVariables(String choice, String group, String id, List<String> attributes, List<String> characteristics,
            String weight, String alternatives, String market, String cluster, String estimationSample) {
        this.choice = choice;
        this.group = group;
        this.id = id;
        this.attributes = Collections.unmodifiableList(new ArrayList<>(attributes));
        this.characteristics = Collections.unmodifiableList(new ArrayList<>(characteristics));
        this.weight = weight;
        this.alternatives = alternatives;
        this.market = market;
        this.cluster = cluster;
        this.estimationSample = estimationSample;
    }
}
