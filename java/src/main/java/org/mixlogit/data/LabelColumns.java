package org.mixlogit.data;

import java.util.List;


/** Checks the alternative and market columns and codes them as {@link Labels} in grouped order. */
final class LabelColumns {
    private LabelColumns() {
    }

    /**
     * The alternative labels of the input rows, in input order; a missing label is an error naming its row.
     *
     * @param ids Not modified: one label per input row
     */
    static Labels byRow(String[] ids, RowDescriber describer) {
        return byRow(ids, null, describer, i -> i);
    }

    /**
     * As {@link #byRow(String[], RowDescriber)}, coded against {@code table} (the whole data's labels) when it is
     * not null.
     */
    static Labels byRow(String[] ids, List<String> table, RowDescriber describer,
            java.util.function.IntToLongFunction source) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == null || ids[i].trim().isEmpty()) {
                throw DataProblem.at("The alternative id is missing in " + describer.describe(i)
                        + ": every row needs the label of its alternative.", DataProblem.ALTERNATIVE_LABEL,
                        source.applyAsLong(i));
            }
        }
        if (table == null) {
            return Labels.of(ids);
        }
        int[] identity = new int[ids.length];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = i;
        }
        return Labels.ofTable(table, ids, identity, "alternative", describer);
    }

    /**
     * The alternatives in grouped order; a label listed twice in one situation is an error naming both rows.
     *
     * @param ids Not modified: one label per input row
     * @param byRow the codes of {@code ids} in input order ({@link #byRow})
     */
    static Labels alternatives(String[] ids, Labels byRow, Grouping g, RowDescriber describer) {
        Labels labels = byRow.reorder(g.order);
        // the rows of a situation are sorted by alternative: a repeated label sits next to its twin
        for (int t = 0; t < g.situationIds.length; t++) {
            for (int i = g.situationStart[t] + 1; i < g.situationStart[t + 1]; i++) {
                if (labels.codes[i - 1] == labels.codes[i]) {
                    throw DataProblem.at("Choice situation " + g.situationIds[t] + " lists alternative '"
                            + ids[g.order[i]] + "' twice (" + describer.describe(g.order[i - 1]) + " and "
                            + describer.describe(g.order[i]) + "): each alternative may appear once per situation.",
                            g.situationPosition(DataProblem.ALTERNATIVE_TWICE, t));
                }
            }
        }
        return labels;
    }

    /**
     * The market of each situation in grouped order; a missing market, or one that changes within a situation, is
     * an error naming the rows.
     *
     * @param ids Not modified: one market per input row
     */
    static Labels markets(String[] ids, Grouping g, RowDescriber describer) {
        return markets(ids, null, g, describer);
    }

    /** As {@link #markets(String[], Grouping, RowDescriber)}, coded against {@code table} when it is not null. */
    static Labels markets(String[] ids, List<String> table, Grouping g, RowDescriber describer) {
        int situations = g.situationIds.length;
        int[] firstRows = new int[situations];
        for (int t = 0; t < situations; t++) {
            int first = g.order[g.situationStart[t]];
            firstRows[t] = first;
            for (int i = g.situationStart[t]; i < g.situationStart[t + 1]; i++) {
                String m = ids[g.order[i]];
                if (m == null || m.trim().isEmpty()) {
                    throw DataProblem.at("The market id is missing in " + describer.describe(g.order[i])
                            + ": every row needs its market.", g.situationPosition(DataProblem.MARKET, t));
                }
                if (!m.equals(ids[first])) {
                    throw DataProblem.at("The market changes within choice situation " + g.situationIds[t]
                            + " ('" + ids[first] + "' in " + describer.describe(first) + ", '" + m + "' in "
                            + describer.describe(g.order[i]) + "): a situation belongs to one market.",
                            g.situationPosition(DataProblem.MARKET, t));
                }
            }
        }
        return table == null ? Labels.of(ids, firstRows)
                : Labels.ofTable(table, ids, firstRows, "market", describer);
    }
}
