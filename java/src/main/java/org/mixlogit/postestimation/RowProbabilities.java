package org.mixlogit.postestimation;

import java.util.TreeMap;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.simulation.LikelihoodEvaluator;

/**
 * The integrated choice probability of every row as a post-estimation quantity (so that it has a delta-method
 * standard error, Krinsky-Robb and simulation errors like the aggregates), indexed by input row. The evaluator
 * sums keyed by decision-maker ordinal: each decision-maker's row probabilities form one key's vector, so a sharded
 * backend gives the local numbers to the last bit.
 */
final class RowProbabilities {
    private RowProbabilities() {
    }

    /** One key per input row, in input order: its market and alternative labels. */
    static Keys keys(ChoiceData data) {
        int rows = data.rowCount();
        int[] market = new int[rows];
        int[] alternative = new int[rows];
        int[] start = data.situationStartRef();
        for (int s = 0; s < data.situationCount(); s++) {
            for (int i = start[s]; i < start[s + 1]; i++) {
                market[data.sourceRow(i)] = data.marketCode(s);
                alternative[data.sourceRow(i)] = data.alternativeCode(i);
            }
        }
        Keys.Builder b = new Keys.Builder();
        for (int r = 0; r < rows; r++) {
            b.add(r, data.marketLabels().get(market[r]), data.alternativeLabels().get(alternative[r]), null);
        }
        return b.build();
    }

    /** The probabilities at theta of the data {@code ll} evaluates, indexed by input row. */
    static double[] byInputRow(ChoiceData data, LikelihoodEvaluator ll, double[] theta) {
        int[] start = data.situationStartRef();
        int[] dmStart = data.decisionMakerStartRef();
        int width = 0;
        for (int n = 0; n < data.decisionMakerCount(); n++) {
            width = Math.max(width, start[dmStart[n + 1]] - start[dmStart[n]]);
        }
        TreeMap<Long, double[]> sums = ll.probabilitySums(theta, width, (shard, n, probabilities, acc) -> {
            int[] s = shard.situationStartRef();
            int[] d = shard.decisionMakerStartRef();
            double[] row = acc.row(shard.decisionMakerOrdinal(n));
            int first = s[d[n]];
            for (int i = first; i < s[d[n + 1]]; i++) {
                row[i - first] = probabilities[i];
            }
        });
        double[] out = new double[data.rowCount()];
        for (int n = 0; n < data.decisionMakerCount(); n++) {
            double[] row = sums.get((long) data.decisionMakerOrdinal(n));
            int first = start[dmStart[n]];
            for (int i = first; i < start[dmStart[n + 1]]; i++) {
                out[data.sourceRow(i)] = row[i - first];
            }
        }
        return out;
    }
}
