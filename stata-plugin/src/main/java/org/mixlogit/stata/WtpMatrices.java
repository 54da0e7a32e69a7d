package org.mixlogit.stata;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mixlogit.bridge.BridgePost;
import org.mixlogit.bridge.BridgeTable;

/**
 * The r() matrices of jmixlogit_wtp, willingness to pay for an attribute in units of a cost: one row for the
 * population of a mixed logit ({@code Population}) or one per latent class ({@code Class1}, {@code Class2}, ...),
 * the statistics as columns ({@code mean} alone for a latent class model whose attribute and cost coefficients are
 * fixed within classes, else {@code mean median q05 q25 q75 q95}): "wtp" the estimates, "se" their delta-method
 * standard errors and, for a mixed logit when asked, "sim" (simulation errors) and "kr_se", "kr_lb", "kr_ub"
 * (Krinsky-Robb). With {@code negated} (the cost variable entered negated, as for a lognormal price coefficient) the
 * willingness to pay is b(attribute) / b(cost): every statistic changes sign, q05 and q95 (q25 and q75) trade places
 * and so do the Krinsky-Robb bounds; errors stay. Row-major arrays; immutable after construction.
 */
final class WtpMatrices {
    /** Each statistic's mirror under negation. */
    private static final Map<String, String> MIRROR = Map.of("mean", "mean", "median", "median", "q05", "q95",
            "q25", "q75", "q75", "q25", "q95", "q05");

    final String[] rowNames;
    final String[] columnNames;
    /** Statistic name (as in r()) to its row-major values. */
    final Map<String, double[]> values = new LinkedHashMap<>();

    private WtpMatrices(String[] rowNames, String[] columnNames) {
        this.rowNames = rowNames;
        this.columnNames = columnNames;
    }

    /** Per latent class, from the bridge's {@code classWtpTable} (estimates, then errors, each C x S row-major). */
    static WtpMatrices byClass(BridgePost post, String attribute, String cost, boolean negated) {
        String[] statistics = post.classWtpStatistics(attribute, cost);
        double[] table = post.classWtpTable(attribute, cost);
        int classes = post.classCount();
        String[] rows = new String[classes];
        for (int c = 0; c < classes; c++) {
            rows[c] = "Class" + (c + 1);
        }
        int m = classes * statistics.length;
        WtpMatrices out = new WtpMatrices(rows, statistics);
        out.put("wtp", Arrays.copyOfRange(table, 0, m), negated, true, null);
        out.put("se", Arrays.copyOfRange(table, m, 2 * m), negated, false, null);
        return out;
    }

    /** The population of a mixed logit, from the bridge's {@code wtpInference} (one entry per statistic). */
    static WtpMatrices population(BridgeTable table, boolean negated, boolean simulation, boolean krinskyRobb) {
        WtpMatrices out = new WtpMatrices(new String[] {"Population"}, table.alternatives());
        out.put("wtp", table.estimates(), negated, true, null);
        out.put("se", table.standardErrors(), negated, false, null);
        if (simulation) {
            out.put("sim", table.simulationErrors(), negated, false, null);
        }
        if (krinskyRobb) {
            out.put("kr_se", table.krinskyRobbSd(), negated, false, null);
            out.put("kr_lb", table.krinskyRobbLower(), negated, true, table.krinskyRobbUpper());
            out.put("kr_ub", table.krinskyRobbUpper(), negated, true, table.krinskyRobbLower());
        }
        return out;
    }

    int rows() {
        return rowNames.length;
    }

    int columns() {
        return columnNames.length;
    }

    /**
     * Stores a statistic; negated, each column is taken from its mirror ({@code flipped} instead when given: a
     * bound becomes minus the other bound) and, for {@code signed} quantities, changes sign.
     */
    private void put(String name, double[] rowMajor, boolean negated, boolean signed, double[] flipped) {
        if (!negated) {
            values.put(name, rowMajor.clone());
            return;
        }
        double[] source = flipped != null ? flipped : rowMajor;
        List<String> columns = Arrays.asList(columnNames);
        int width = columnNames.length;
        double[] out = new double[rowMajor.length];
        for (int s = 0; s < width; s++) {
            int from = columns.indexOf(MIRROR.getOrDefault(columnNames[s], columnNames[s]));
            for (int r = 0; r < out.length / width; r++) {
                double v = source[r * width + from];
                out[r * width + s] = signed ? -v : v;
            }
        }
        values.put(name, out);
    }
}
