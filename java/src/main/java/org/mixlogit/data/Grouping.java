package org.mixlogit.data;

import java.util.HashMap;
import java.util.Map;

import org.mixlogit.InvalidDataException;

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
    static Grouping of(long[] situations, long[] decisionMakers, int[] alternativeRank, RowDescriber describer) {
        long[] owner = decisionMakers != null ? decisionMakers : situations;
        checkOneOwner(situations, owner, describer);
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
    private static void checkOneOwner(long[] situations, long[] owner, RowDescriber describer) {
        Map<Long, Integer> firstRow = new HashMap<>();
        for (int i = 0; i < situations.length; i++) {
            Integer first = firstRow.putIfAbsent(situations[i], i);
            if (first != null && owner[first] != owner[i]) {
                throw new InvalidDataException("Choice situation " + situations[i] + " has rows with different"
                        + " decision-maker ids (" + owner[first] + " in " + describer.describe(first) + ", "
                        + owner[i] + " in " + describer.describe(i) + "): all rows of a situation must belong to"
                        + " one decision-maker; check the id columns.");
            }
        }
    }
}
