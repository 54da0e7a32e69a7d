package org.mixlogit.stata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The observations predict reads: those selected by if/in, and for each decision-maker of the estimation sample
 * none of whose observations is selected, its first complete choice situation in the estimation sample (every
 * variable read present, at least two alternatives). The engine numbers decision-makers by their rank among the
 * ids of the data it is given, and takes their draws by that number; with every decision-maker of the estimation
 * sample present, each keeps the draws it had in the estimation, whichever are predicted. One situation is enough
 * to keep a decision-maker's rank and costs little; the selected rows alone are what predictions condition on.
 */
final class EstimationSampleKeeper {
    private final List<Long> observations = new ArrayList<>();
    private int notKept;

    EstimationSampleKeeper(StataSession stata, SampleVariables variables) {
        int marker = StataSample.variable(stata, variables.estimationSample);
        int owner = StataSample.variable(stata, variables.id != null ? variables.id : variables.group);
        int group = StataSample.variable(stata, variables.group);
        List<Integer> numeric = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (String name : variables(variables)) {
            int v = StataSample.variable(stata, name);
            (stata.isString(v) ? labels : numeric).add(v);
        }
        long total = stata.observations();
        Set<Double> selectedOwners = new HashSet<>();
        for (long obs = 1; obs <= total; obs++) {
            if (stata.selected(obs)) {
                observations.add(obs);
                selectedOwners.add(stata.value(owner, obs));
            }
        }
        // the other decision-makers of the estimation sample: their situations' observations, in data order
        Map<Double, Map<Double, List<Long>>> others = new LinkedHashMap<>();
        for (long obs = 1; obs <= total; obs++) {
            double in = stata.value(marker, obs);
            if (stata.selected(obs) || in == 0 || stata.isMissing(in)) {
                continue;
            }
            double who = stata.value(owner, obs);
            if (!stata.isMissing(who) && !selectedOwners.contains(who)) {
                others.computeIfAbsent(who, k -> new LinkedHashMap<>())
                        .computeIfAbsent(stata.value(group, obs), k -> new ArrayList<>()).add(obs);
            }
        }
        for (Map<Double, List<Long>> situations : others.values()) {
            List<Long> kept = null;
            for (Map.Entry<Double, List<Long>> situation : situations.entrySet()) {
                if (!stata.isMissing(situation.getKey()) && situation.getValue().size() >= 2
                        && complete(stata, numeric, labels, situation.getValue())) {
                    kept = situation.getValue();
                    break;
                }
            }
            if (kept == null) {
                notKept++;
            } else {
                observations.addAll(kept);
            }
        }
        observations.sort(null);
    }

    /** The observations to read, in data order (at least one: the selected ones). */
    long[] observations() {
        long[] out = new long[observations.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = observations.get(i);
        }
        return out;
    }

    /** Decision-makers of the estimation sample with no complete choice situation left in the data. */
    int notKept() {
        return notKept;
    }

    /** The variables the sample reads (ids, choice, attributes, characteristics, weight, labels), each once. */
    private static Set<String> variables(SampleVariables v) {
        Set<String> names = new TreeSet<>();
        names.add(v.group);
        for (String name : new String[] {v.id, v.choice, v.weight, v.alternatives, v.market, v.cluster}) {
            if (name != null) {
                names.add(name);
            }
        }
        names.addAll(v.attributes);
        names.addAll(v.characteristics);
        return names;
    }

    private static boolean complete(StataSession stata, List<Integer> numeric, List<Integer> labels,
            List<Long> observations) {
        for (long obs : observations) {
            for (int v : numeric) {
                if (stata.isMissing(stata.value(v, obs))) {
                    return false;
                }
            }
            for (int v : labels) {
                if (stata.text(v, obs).trim().isEmpty()) {
                    return false;
                }
            }
        }
        return true;
    }
}
