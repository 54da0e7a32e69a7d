package org.mixlogit.postestimation;

import java.util.List;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.simulation.Backend;
import org.mixlogit.simulation.BlockPartials;
import org.mixlogit.simulation.DataSums;

/**
 * The market and alternative structure of choice data for aggregation: which alternatives occur in which market, and
 * which pairs occur together, found by a data-only pass on the model's backend (running maxima of indicators per
 * block), so that data whose rows live elsewhere (a driver's summary) aggregate as the local data do. Immutable after
 * construction.
 */
final class Markets {
    final ChoiceData data;
    final int markets;
    final int alternatives;
    /** present[m * alternatives + a]: alternative a occurs in some situation of market m. */
    final boolean[] present;
    /** pair[(m * A + j) * A + k]: j and k occur together in some situation of market m. */
    final boolean[] pair;

    Markets(ChoiceData data, Backend backend) {
        this.data = data;
        this.markets = data.marketLabels().size();
        this.alternatives = data.alternativeLabels().size();
        int a = alternatives;
        int width = markets * a + markets * a * a;
        double[] seen = BlockPartials.maximum(backend.dataPartials(data, width, structureTerms(markets, a)));
        this.present = new boolean[markets * a];
        this.pair = new boolean[markets * a * a];
        for (int i = 0; i < present.length; i++) {
            present[i] = seen[i] > 0;
        }
        for (int i = 0; i < pair.length; i++) {
            pair[i] = seen[markets * a + i] > 0;
        }
    }

    /**
     * Indicators set to 1 in the block's partial: entry m A + j when alternative j occurs in market m, entry
     * M A + (m A + j) A + k when j and k occur together there (reduced by running maximum).
     */
    private static DataSums structureTerms(int markets, int a) {
        return (part, n, sums, at) -> {
            int[] start = part.situationStartRef();
            int[] dmStart = part.decisionMakerStartRef();
            for (int s = dmStart[n]; s < dmStart[n + 1]; s++) {
                int m = part.marketCode(s);
                for (int i = start[s]; i < start[s + 1]; i++) {
                    int j = part.alternativeCode(i);
                    sums[at + m * a + j] = 1;
                    for (int h = start[s]; h < start[s + 1]; h++) {
                        sums[at + markets * a + (m * a + j) * a + part.alternativeCode(h)] = 1;
                    }
                }
            }
        };
    }

    List<String> marketLabels() {
        return data.marketLabels();
    }

    List<String> alternativeLabels() {
        return data.alternativeLabels();
    }

    /** Keys of (market, alternative) for every alternative present in a market. */
    Keys shareKeys() {
        Keys.Builder b = new Keys.Builder();
        for (int m = 0; m < markets; m++) {
            for (int j = 0; j < alternatives; j++) {
                if (present[m * alternatives + j]) {
                    b.add(m * alternatives + j, marketLabels().get(m), alternativeLabels().get(j), null);
                }
            }
        }
        return b.build();
    }

    /** Keys of (market, j, k) for every pair occurring together in a market; with or without j = k. */
    Keys pairKeys(boolean diagonal) {
        Keys.Builder b = new Keys.Builder();
        int a = alternatives;
        for (int m = 0; m < markets; m++) {
            for (int j = 0; j < a; j++) {
                for (int k = 0; k < a; k++) {
                    if (pair[(m * a + j) * a + k] && (diagonal || j != k)) {
                        b.add((m * a + j) * a + k, marketLabels().get(m), alternativeLabels().get(j),
                                alternativeLabels().get(k));
                    }
                }
            }
        }
        return b.build();
    }
}
