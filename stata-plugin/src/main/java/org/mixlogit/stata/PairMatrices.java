package org.mixlogit.stata;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mixlogit.bridge.BridgeTable;

/**
 * A table of (market, from, to) quantities as Stata matrices: rows "from", columns "to", one block of rows per
 * market stacked in market order with the market as the row equation ({@link #rowEquations}, which the ado-file
 * applies with {@code matrix roweq}; empty for a single market). Entries the table lacks (the diagonal of diversion, pairs never offered together) are NaN, which
 * become Stata missing values. Names are the labels made into Stata names. Row-major arrays; immutable.
 */
final class PairMatrices {
    final int rows;
    final int columns;
    /** The alternative of each row, space separated. */
    final String rowNames;
    /** The market of each row, space separated, or "" for a single market. */
    final String rowEquations;
    final String columnNames;
    /** Statistic name (as in r()) to its row-major values. */
    final Map<String, double[]> values = new LinkedHashMap<>();

    PairMatrices(BridgeTable table, String estimateName, String[] alternatives, String[] markets, boolean simulation,
            boolean krinskyRobb) {
        int a = alternatives.length;
        int m = markets.length;
        rows = m * a;
        columns = a;
        List<String> alt = Arrays.asList(alternatives);
        List<String> mkt = Arrays.asList(markets);
        String[] market = table.markets();
        String[] from = table.alternatives();
        String[] to = table.others();
        int[] slot = new int[from.length];
        for (int e = 0; e < slot.length; e++) {
            slot[e] = (mkt.indexOf(market[e]) * a + alt.indexOf(from[e])) * a + alt.indexOf(to[e]);
        }
        put(estimateName, table.estimates(), slot);
        put("se", table.standardErrors(), slot);
        if (simulation) {
            put("sim", table.simulationErrors(), slot);
        }
        if (krinskyRobb) {
            put("kr_se", table.krinskyRobbSd(), slot);
            put("kr_lb", table.krinskyRobbLower(), slot);
            put("kr_ub", table.krinskyRobbUpper(), slot);
        }
        StringBuilder r = new StringBuilder();
        StringBuilder q = new StringBuilder();
        for (int k = 0; k < m; k++) {
            for (int j = 0; j < a; j++) {
                r.append(r.length() == 0 ? "" : " ").append(Stripes.name(alternatives[j]));
                q.append(q.length() == 0 ? "" : " ").append(Stripes.name(markets[k]));
            }
        }
        rowNames = r.toString();
        rowEquations = m > 1 ? q.toString() : "";
        StringBuilder c = new StringBuilder();
        for (int j = 0; j < a; j++) {
            c.append(j == 0 ? "" : " ").append(Stripes.name(alternatives[j]));
        }
        columnNames = c.toString();
    }

    private void put(String name, double[] entries, int[] slot) {
        double[] dense = new double[rows * columns];
        Arrays.fill(dense, Double.NaN);
        for (int e = 0; e < slot.length; e++) {
            dense[slot[e]] = entries[e];
        }
        values.put(name, dense);
    }
}
