package org.mixlogit.stata;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.MixlogitException;
import org.mixlogit.bridge.BridgePost;
import org.mixlogit.bridge.BridgeTable;
import org.mixlogit.bridge.MixlogitBridge;

/**
 * One post-estimation javacall: rebuilds the model jmixlogit estimated from what the ado passes in locals (see
 * {@link PostOptions}), reads the sample, and either fills a new variable ({@code predict}) or leaves diversion
 * ratios or elasticities as scalars {@code jm_<stat>_<row>_<col>} with the matrix shape and names in locals
 * ({@link #RESULT_LOCALS}), which the ado assembles into r() matrices. Failures become Stata return codes after
 * their message, as in {@link PluginEstimation}.
 */
final class PluginPost {
    /** Scalars holding matrix elements: {@code jm_<stat>_<row>_<col>}, 1-based. */
    static final String SCALAR_PREFIX = "jm_";
    /** The locals the plugin sets for the ado-file after diversion or elasticities. */
    static final List<String> RESULT_LOCALS = Arrays.asList("jm_stats", "jm_rows", "jm_cols", "jm_rownames",
            "jm_colnames", "jm_title", "jm_notes");
    /** The statistics of predict. */
    static final List<String> STATISTICS = Arrays.asList("pr", "conditional", "coef");

    private final StataSession stata;

    PluginPost(StataSession stata) {
        this.stata = stata;
    }

    int predict() {
        return run(this::fillPrediction);
    }

    int diversion() {
        return run(() -> substitution(false));
    }

    int elasticities() {
        return run(() -> substitution(true));
    }

    private int run(Supplier<ReturnCode> task) {
        return ReturnCode.guard(stata, "give Java more memory (set java_heapmax) or use fewer observations.", task);
    }

    private static BridgePost post(PostOptions options, StataSample sample, double[] covariance) {
        return MixlogitBridge.post(sample.situation, sample.decisionMaker, sample.chosen, sample.attributeNames,
                sample.attributes, sample.characteristicNames, sample.characteristics, sample.weights,
                sample.alternatives, sample.markets, options.specJson, options.optionsJson, options.estimates(),
                covariance, options.postOptionsJson());
    }

    private ReturnCode fillPrediction() {
        PostOptions options = new PostOptions(stata);
        String statistic = options.statistic == null ? "pr" : options.statistic;
        if (!STATISTICS.contains(statistic)) {
            throw new InvalidSpecificationException("predict statistic '" + statistic + "' is not allowed; use pr,"
                    + " conditional or coef().");
        }
        if (options.newvar == null) {
            throw new InvalidSpecificationException("Local jm_newvar is empty: call the plugin through predict.");
        }
        int variable = stata.variable(options.newvar);
        if (variable < 0) {
            throw new InvalidSpecificationException("Variable " + options.newvar + " not found: predict creates it"
                    + " before calling the plugin.");
        }
        int coefficient = -1;
        if (statistic.equals("coef")) {
            coefficient = coefficientIndex(options);
        }
        boolean pr = statistic.equals("pr");
        StataSample sample = new StataSample(stata, options.sampleVariables(!pr, false));
        BridgePost post = post(options, sample, new double[0]);
        double[] values;
        if (pr) {
            values = post.probabilities();
        } else if (statistic.equals("conditional")) {
            values = post.conditionalProbabilities();
        } else {
            values = byRow(sample, post, coefficient);
        }
        for (int i = 0; i < sample.rows; i++) {
            if (!stata.store(variable, sample.observations[i], values[i])) {
                throw new MixlogitException("Stata refused to store a value of " + options.newvar
                        + " in observation " + sample.observations[i] + ".");
            }
        }
        return ReturnCode.OK;
    }

    private static int coefficientIndex(PostOptions options) {
        List<String> attributes = options.attributes();
        if (options.coef == null) {
            throw new InvalidSpecificationException("Option coef() needs the name of an attribute: one of "
                    + String.join(" ", attributes) + ".");
        }
        int k = attributes.indexOf(options.coef);
        if (k < 0) {
            throw new InvalidSpecificationException("coef(" + options.coef + "): " + options.coef + " has no"
                    + " coefficient in the model; its attributes are " + String.join(" ", attributes) + ".");
        }
        return k;
    }

    /** Conditional mean of coefficient k of each row's decision-maker. */
    private static double[] byRow(StataSample sample, BridgePost post, int k) {
        double[] ids = post.decisionMakerIds();
        double[] means = post.conditionalMeans();
        int n = ids.length;
        Map<Double, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(ids[i], i);
        }
        int[] person = sample.decisionMaker.length > 0 ? sample.decisionMaker : sample.situation;
        double[] out = new double[sample.rows];
        for (int r = 0; r < out.length; r++) {
            out[r] = means[k * n + index.get((double) person[r])];
        }
        return out;
    }

    private ReturnCode substitution(boolean elasticities) {
        PostOptions options = new PostOptions(stata);
        String type = elasticities ? null : diversionType(options);
        if (elasticities || type.equals("marginal")) {
            checkAttribute(options, elasticities ? "jmixlogit_elasticities needs option attribute()"
                    : "type(marginal) needs option attribute()");
        }
        StataSample sample = new StataSample(stata, options.sampleVariables(true, true));
        BridgePost post = post(options, sample, options.covariance());
        BridgeTable table;
        if (elasticities) {
            table = post.elasticities(options.attribute);
        } else if (type.equals("marginal")) {
            table = post.marginalDiversion(options.attribute);
        } else {
            table = post.removalDiversion();
        }
        PairMatrices m = new PairMatrices(table, elasticities ? "E" : "D", post.alternativeLabels(),
                post.marketLabels(), options.replicates > 0, options.krinsky > 0);
        for (Map.Entry<String, double[]> stat : m.values.entrySet()) {
            double[] v = stat.getValue();
            for (int r = 0; r < m.rows; r++) {
                for (int c = 0; c < m.columns; c++) {
                    stata.setScalar(SCALAR_PREFIX + stat.getKey() + "_" + (r + 1) + "_" + (c + 1), v[r * m.columns + c]);
                }
            }
        }
        stata.setLocal("jm_stats", String.join(" ", m.values.keySet()));
        stata.setLocal("jm_rows", Integer.toString(m.rows));
        stata.setLocal("jm_cols", Integer.toString(m.columns));
        stata.setLocal("jm_rownames", m.rowNames);
        stata.setLocal("jm_colnames", m.columnNames);
        stata.setLocal("jm_title", plain(table.title()));
        stata.setLocal("jm_notes", plain(table.notes()));
        return ReturnCode.OK;
    }

    /** removal (default without attribute()) or marginal (default with it). */
    private static String diversionType(PostOptions options) {
        String type = options.type == null ? (options.attribute == null ? "removal" : "marginal") : options.type;
        if (!type.equals("removal") && !type.equals("marginal")) {
            throw new InvalidSpecificationException("type(" + type + ") is not allowed; use type(removal) or"
                    + " type(marginal).");
        }
        if (type.equals("removal") && options.attribute != null) {
            throw new InvalidSpecificationException("type(removal) takes no attribute(): product-removal diversion"
                    + " does not depend on an attribute; drop attribute(" + options.attribute + ") or use"
                    + " type(marginal).");
        }
        return type;
    }

    private static void checkAttribute(PostOptions options, String missing) {
        List<String> attributes = options.attributes();
        if (options.attribute == null) {
            throw new InvalidSpecificationException(missing + ": the attribute that changes, one of "
                    + String.join(" ", attributes) + ".");
        }
        if (!attributes.contains(options.attribute)) {
            throw new InvalidSpecificationException("attribute(" + options.attribute + "): " + options.attribute
                    + " is not an attribute of the model; its attributes are " + String.join(" ", attributes) + ".");
        }
    }

    /** Text safe inside a Stata string: no double quotes, backquotes or line breaks. */
    private static String plain(String s) {
        return s.replace('"', '\'').replace('`', '\'').replaceAll("\\s+", " ").trim();
    }
}
