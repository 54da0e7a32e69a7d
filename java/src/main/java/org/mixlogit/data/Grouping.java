package org.mixlogit.data;

import java.util.HashMap;
import java.util.Map;


/**
 * The grouped order of the input rows and the offsets that describe it. The order depends only on the ids, never
 * on the order of the rows: decision-makers by id value (ascending), within a decision-maker its situations by
 * situation id, within a situation its rows by alternative rank when one is given, and otherwise (and between
 * equal ranks) in input order.
 */
final class Grouping {
    int[] order;
    int[] situationStart;
    int[] decisionMakerStart;
    long[] situationIds;
    long[] decisionMakerIds;
    boolean panel;
    /** The ordinal of the first decision-maker (a shard's), for the positions of problems. */
    long firstOrdinal;

    String decisionMakerLabel(int m) {
        return (panel ? "decision-maker " : "choice situation ") + decisionMakerIds[m];
    }

    /**
     * @param situations Not modified: the situation id of each input row
     * @param decisionMakers Not modified: the decision-maker id of each input row, or null when each situation is
     *                       its own decision-maker (keyed by its situation id)
     * @param alternativeRank Not modified: the rank of each row's alternative in the canonical label order, or null
     *                        to keep the rows of a situation in input order
     */
    static Grouping of(long[] situations, long[] decisionMakers, int[] alternativeRank, RowDescriber describer,
            java.util.function.IntToLongFunction source) {
        long[] owner = decisionMakers != null ? decisionMakers : situations;
        checkOneOwner(situations, owner, describer, source);
        int n = situations.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        IndexSort.sort(order, (a, b) -> {
            int c = Long.compare(owner[a], owner[b]);
            if (c == 0) {
                c = Long.compare(situations[a], situations[b]);
            }
            if (c == 0 && alternativeRank != null) {
                c = Integer.compare(alternativeRank[a], alternativeRank[b]);
            }
            return c;
        });
        int situationCount = 0;
        int dmCount = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || situations[order[i]] != situations[order[i - 1]]) {
                situationCount++;
                if (i == 0 || owner[order[i]] != owner[order[i - 1]]) {
                    dmCount++;
                }
            }
        }
        Grouping g = new Grouping();
        g.panel = decisionMakers != null;
        g.order = order;
        g.situationStart = new int[situationCount + 1];
        g.situationIds = new long[situationCount];
        g.decisionMakerStart = new int[dmCount + 1];
        g.decisionMakerIds = new long[dmCount];
        int s = -1;
        int m = -1;
        for (int i = 0; i < n; i++) {
            if (i == 0 || situations[order[i]] != situations[order[i - 1]]) {
                s++;
                g.situationStart[s] = i;
                g.situationIds[s] = situations[order[i]];
                if (i == 0 || owner[order[i]] != owner[order[i - 1]]) {
                    m++;
                    g.decisionMakerStart[m] = s;
                    g.decisionMakerIds[m] = owner[order[i]];
                }
            }
        }
        g.situationStart[situationCount] = n;
        g.decisionMakerStart[dmCount] = situationCount;
        return g;
    }

    /** All rows of a situation belong to one decision-maker. */
    private static void checkOneOwner(long[] situations, long[] owner, RowDescriber describer,
            java.util.function.IntToLongFunction source) {
        Map<Long, Integer> firstRow = new HashMap<>();
        for (int i = 0; i < situations.length; i++) {
            Integer first = firstRow.putIfAbsent(situations[i], i);
            if (first != null && owner[first] != owner[i]) {
                throw DataProblem.splitSituation(situations[i], owner[first], describer.describe(first), owner[i],
                        describer.describe(i), source.applyAsLong(i));
            }
        }
    }

    /**
     * The position of a problem of grouped situation t ({@link DataProblem}): the stage, its decision-maker's
     * ordinal and its place among that decision-maker's situations. Computed only for a problem.
     */
    long[] situationPosition(long stage, int t) {
        int m = java.util.Arrays.binarySearch(decisionMakerStart, t);
        if (m < 0) {
            m = -m - 2;
        } else {
            while (m + 1 < decisionMakerStart.length - 1 && decisionMakerStart[m + 1] == t) {
                m++;
            }
        }
        return new long[] {stage, firstOrdinal + m, t - decisionMakerStart[m]};
    }
}
