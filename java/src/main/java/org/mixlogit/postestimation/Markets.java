package org.mixlogit.postestimation;

import java.util.List;

import org.mixlogit.data.ChoiceData;

/**
 * The market and alternative structure of choice data for aggregation: which alternatives occur in which market,
 * and each situation's market and decision-maker weight. Immutable after construction.
 */
final class Markets {
    final ChoiceData data;
    final int markets;
    final int alternatives;
    /** present[m * alternatives + a]: alternative a occurs in some situation of market m. */
    final boolean[] present;
    /** pair[(m * A + j) * A + k]: j and k occur together in some situation of market m. */
    final boolean[] pair;
    final int[] market;
    final double[] weight;

    Markets(ChoiceData data) {
        this.data = data;
        this.markets = data.marketLabels().size();
        this.alternatives = data.alternativeLabels().size();
        int situations = data.situationCount();
        this.present = new boolean[markets * alternatives];
        this.pair = new boolean[markets * alternatives * alternatives];
        this.market = new int[situations];
        this.weight = new double[situations];
        int[] start = data.situationStartRef();
        int[] dmStart = data.decisionMakerStartRef();
        for (int n = 0; n < data.decisionMakerCount(); n++) {
            for (int s = dmStart[n]; s < dmStart[n + 1]; s++) {
                weight[s] = data.weight(n);
                int m = data.marketCode(s);
                market[s] = m;
                for (int i = start[s]; i < start[s + 1]; i++) {
                    int j = data.alternativeCode(i);
                    present[m * alternatives + j] = true;
                    for (int h = start[s]; h < start[s + 1]; h++) {
                        pair[(m * alternatives + j) * alternatives + data.alternativeCode(h)] = true;
                    }
                }
            }
        }
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
