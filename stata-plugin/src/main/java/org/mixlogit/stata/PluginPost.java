package org.mixlogit.stata;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.MixlogitException;
import org.mixlogit.bridge.BridgeClasses;
import org.mixlogit.bridge.BridgePost;
import org.mixlogit.bridge.BridgeTable;
import org.mixlogit.bridge.MixlogitBridge;

/**
 * One post-estimation javacall: restores the fit from its saved form (see {@link PostOptions}), reads the sample
 * (checking, when it is the estimation sample, that the data are those of the estimation) and either fills a new
 * variable ({@code predict}), or writes diversion ratios, elasticities or the correlated block's covariances into
 * the Stata matrices the ado-file named, with their shape, names and notes in locals ({@link #RESULT_LOCALS}). A
 * fit that did not converge or is not certified is used, but its warning is printed and left in
 * {@code jm_fit_warning}. Failures become Stata return codes after their message, as in {@link PluginEstimation}.
 */
final class PluginPost {
    /** The locals the plugin sets for the ado-file after diversion, elasticities or cov. */
    static final List<String> RESULT_LOCALS = Collections.unmodifiableList(Arrays.asList("jm_stats", "jm_roweq",
            "jm_title", "jm_notes", "jm_fit_warning"));
    /** The statistics of predict. */
    static final List<String> STATISTICS = Collections.unmodifiableList(Arrays.asList("pr", "conditional", "coef",
            "classpr", "posterior", "modal"));

    private final StataSession stata;
    /** The sample read by this call (one per javacall), whose terms the engine's problems are given in. */
    private StataSample current;

    PluginPost(StataSession stata) {
        this.stata = stata;
    }

    /** Reads the sample and keeps it for the messages of the engine's problems (see {@link StataTerms}). */
    private StataSample sample(SampleVariables variables) {
        current = new StataSample(stata, variables);
        return current;
    }

    /**
     * The rows predict computes on: those selected, and one complete choice situation of each decision-maker of the
     * estimation sample that has no selected row, so that every decision-maker keeps the draws it had in the
     * estimation whichever are predicted (draws follow a decision-maker's rank among the ids of the data); only the
     * selected rows are stored, and predictions condition on their choices only.
     */
    private StataSample predictionSample(SampleVariables variables) {
        current = new StataSample(stata, variables, true);
        if (current.notKept > 0) {
            stata.display("note: " + current.notKept + " decision-maker(s) of the estimation sample have no complete"
                    + " choice situation left in the data, so some decision-makers take other draws than in the"
                    + " estimation (an equally valid simulation).");
        }
        return current;
    }

    /** Stores values[i] in variable {@code name} at each requested row's observation. */
    private void store(String name, StataSample sample, double[] values) {
        int variable = stata.variable(name.trim());
        if (variable < 0) {
            throw new InvalidSpecificationException("Variable " + name + " not found: predict creates it before"
                    + " calling the plugin.");
        }
        for (int i = 0; i < sample.rows; i++) {
            if (sample.requested[i] && !stata.store(variable, sample.observations[i], values[i])) {
                throw new MixlogitException("Stata refused to store a value of " + name + " in observation "
                        + sample.observations[i] + ".");
            }
        }
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

    int cov() {
        return run(this::covariances);
    }

    int wtp() {
        return run(this::willingnessToPay);
    }

    private int run(Supplier<ReturnCode> task) {
        stata.setLocal("jm_fit_warning", "");
        return ReturnCode.guard(stata, "give Java more memory (set java_heapmax) or use fewer observations.", () -> {
            try {
                return task.get();
            } catch (MixlogitException e) {
                throw current == null ? e : current.inStataTerms(e);
            }
        });
    }

    private BridgePost post(PostOptions options, StataSample sample) {
        BridgePost post = MixlogitBridge.postSaved(options.saved, sample.situation, sample.decisionMaker,
                sample.chosen, sample.attributeNames, sample.attributes, sample.characteristicNames,
                sample.characteristics, sample.weights, sample.alternatives, sample.markets, options.estimationData,
                options.threadsOrDefault(), options.postOptionsJson());
        String warning = post.fitWarning();
        if (!warning.isEmpty()) {
            stata.error("Warning: " + warning);
        }
        stata.setLocal("jm_fit_warning", PluginEstimation.plain(warning));
        return post;
    }

    private ReturnCode fillPrediction() {
        PostOptions options = new PostOptions(stata);
        String statistic = options.statistic == null ? "pr" : options.statistic;
        if (!STATISTICS.contains(statistic)) {
            throw new InvalidSpecificationException("predict statistic '" + statistic + "' is not allowed; use pr,"
                    + " conditional or coef(), and after nclasses() pr class(#), posterior or modal.");
        }
        if (options.newvar == null) {
            throw new InvalidSpecificationException("Local jm_newvar is empty: call the plugin through predict.");
        }
        if (statistic.equals("classpr") || statistic.equals("posterior") || statistic.equals("modal")) {
            return fillClassPrediction(options, statistic);
        }
        if (stata.variable(options.newvar) < 0) {
            throw new InvalidSpecificationException("Variable " + options.newvar + " not found: predict creates it"
                    + " before calling the plugin.");
        }
        int coefficient = -1;
        if (statistic.equals("coef")) {
            coefficient = coefficientIndex(options);
        }
        boolean pr = statistic.equals("pr");
        // on the estimation sample the choices and weights come along, so that the data's fingerprint is checked
        boolean full = !pr || options.estimationData;
        StataSample sample = predictionSample(options.sampleVariables(full, options.estimationData));
        BridgePost post = post(options, sample);
        double[] values;
        if (pr) {
            values = post.probabilities();
        } else if (statistic.equals("conditional")) {
            values = post.conditionalProbabilities();
        } else {
            values = byRow(sample, post, coefficient);
        }
        store(options.newvar, sample, values);
        return ReturnCode.OK;
    }

    /**
     * After nclasses(): the choice probabilities in class(#) (lclogit2's pr with class()), the posterior class
     * probabilities given each decision-maker's choices (lclogit2's cp), in one variable per class of
     * {@code jm_newvar} (all classes) or in the one variable of class(#), or the modal class (the class of the
     * largest posterior probability, 1 to C).
     */
    private ReturnCode fillClassPrediction(PostOptions options, String statistic) {
        boolean posterior = statistic.equals("posterior");
        if (!options.spec.isLatentClass()) {
            throw new InvalidSpecificationException((statistic.equals("classpr") ? "class()" : statistic)
                    + " is for latent class models: re-run jmixlogit with nclasses(#).");
        }
        if (statistic.equals("modal")) {
            return fillModalClass(options);
        }
        int classes = options.spec.classCount();
        if (options.klass < 0 || options.klass > classes) {
            throw new InvalidSpecificationException("class(" + options.klass + "): the model has classes 1 to "
                    + classes + ".");
        }
        String[] variables = options.newvar.split("\\s+");
        int[] which;
        if (options.klass > 0) {
            which = new int[] {options.klass};
        } else if (posterior) {
            which = new int[classes];
            for (int c = 0; c < classes; c++) {
                which[c] = c + 1;
            }
        } else {
            throw new InvalidSpecificationException("pr class(#) needs the class: give class(1) to class(" + classes
                    + ").");
        }
        if (variables.length != which.length) {
            throw new InvalidSpecificationException("predict " + (posterior ? "posterior" : "class()") + " fills "
                    + which.length + " variable(s) but was given " + variables.length + ": call it through predict.");
        }
        double[][] columns = new double[which.length][];
        StataSample sample;
        if (posterior) {
            sample = predictionSample(options.sampleVariables(true, true));
            BridgePost post = post(options, sample);
            double[] h = post.classPosteriors();
            for (int k = 0; k < which.length; k++) {
                columns[k] = byRow(sample, post.decisionMakerIds(), h, classes, which[k] - 1);
            }
        } else {
            sample = predictionSample(options.sampleVariables(false, false));
            String warning = org.mixlogit.report.SavedResult.read(options.saved).warning();
            if (!warning.isEmpty()) {
                stata.error("Warning: " + warning);
            }
            stata.setLocal("jm_fit_warning", PluginEstimation.plain(warning));
            columns[0] = BridgeClasses.classProbabilities(options.saved, sample.situation, sample.decisionMaker,
                    sample.attributeNames, sample.attributes, sample.characteristicNames, sample.characteristics,
                    options.threadsOrDefault(), which[0]);
        }
        for (int k = 0; k < which.length; k++) {
            store(variables[k], sample, columns[k]);
        }
        return ReturnCode.OK;
    }

    /** predict newvar, modal: each row's decision-maker's modal class given their choices. */
    private ReturnCode fillModalClass(PostOptions options) {
        if (options.klass != 0) {
            throw new InvalidSpecificationException("modal takes no class(): it is the class of the largest posterior"
                    + " probability; drop class(" + options.klass + ").");
        }
        StataSample sample = predictionSample(options.sampleVariables(true, true));
        BridgePost post = post(options, sample);
        int[] modal = post.modalClasses();
        double[] table = new double[modal.length];
        for (int i = 0; i < modal.length; i++) {
            table[i] = modal[i];
        }
        store(options.newvar, sample, byRow(sample, post.decisionMakerIds(), table, 1, 0));
        return ReturnCode.OK;
    }

    /** Column c of an N x C row-major table by decision-maker (ids {@code ids}), spread to the sample's rows. */
    private static double[] byRow(StataSample sample, double[] ids, double[] table, int columns, int c) {
        Map<Double, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            index.put(ids[i], i);
        }
        int[] person = sample.decisionMaker.length > 0 ? sample.decisionMaker : sample.situation;
        double[] out = new double[sample.rows];
        for (int r = 0; r < out.length; r++) {
            out[r] = table[index.get((double) person[r]) * columns + c];
        }
        return out;
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
        String command = elasticities ? "jmixlogit_elasticities" : "jmixlogit_diversion";
        if (options.alternatives == null) {
            throw new InvalidSpecificationException(command + " needs the alternatives' names: re-run jmixlogit"
                    + " with alternatives(varname). Without it an alternative is known only by its position in its"
                    + " choice situation, which depends on the order of the data.");
        }
        String type = elasticities ? null : diversionType(options);
        if (elasticities || type.equals("marginal")) {
            checkAttribute(options, elasticities ? "jmixlogit_elasticities needs option attribute()"
                    : "type(marginal) needs option attribute()");
        }
        StataSample sample = sample(options.sampleVariables(true, true));
        BridgePost post = post(options, sample);
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
        MatrixOutput out = new MatrixOutput(stata);
        String[] rowNames = m.rowNames.split(" ");
        String[] colNames = m.columnNames.split(" ");
        for (Map.Entry<String, double[]> stat : m.values.entrySet()) {
            out.write("r(" + stat.getKey() + ")", options.matrixName(stat.getKey()), m.rows, m.columns,
                    stat.getValue(), rowNames, colNames, "restrict it to fewer markets with if, or use Stata/MP.");
        }
        stata.setLocal("jm_stats", String.join(" ", m.values.keySet()));
        stata.setLocal("jm_roweq", m.rowEquations);
        stata.setLocal("jm_title", PluginEstimation.plain(table.title()));
        stata.setLocal("jm_notes", PluginEstimation.plain(table.notes()));
        return ReturnCode.OK;
    }

    /**
     * jmixlogit_wtp: willingness to pay for attribute() in units of cost() on the estimation sample, per latent class
     * after nclasses(), else the population distribution of the mixed logit ({@link WtpMatrices}).
     */
    private ReturnCode willingnessToPay() {
        PostOptions options = new PostOptions(stata);
        checkAttribute(options, "jmixlogit_wtp needs option attribute()");
        List<String> attributes = options.attributes();
        if (options.cost == null || !attributes.contains(options.cost)) {
            throw new InvalidSpecificationException((options.cost == null ? "jmixlogit_wtp needs option cost()"
                    : "cost(" + options.cost + "): " + options.cost + " is not an attribute of the model")
                    + ": the attribute whose coefficient is the marginal utility of money, one of "
                    + String.join(" ", attributes) + ".");
        }
        if (options.cost.equals(options.attribute)) {
            throw new InvalidSpecificationException("attribute(" + options.attribute + ") and cost(" + options.cost
                    + ") are the same: willingness to pay needs two different attributes.");
        }
        boolean latent = options.spec.isLatentClass();
        if (latent && (options.krinsky > 0 || options.replicates > 0)) {
            throw new InvalidSpecificationException("krinsky() and replicates() are for a mixed logit's willingness"
                    + " to pay; per latent class it has delta-method standard errors: drop them.");
        }
        StataSample sample = sample(options.sampleVariables(true, true));
        BridgePost post = post(options, sample);
        WtpMatrices m;
        String notes;
        if (latent) {
            m = WtpMatrices.byClass(post, options.attribute, options.cost, options.negated);
            notes = m.columns() > 1 ? "Random coefficients within classes: each class's distribution over the"
                    + " estimation's draws with the class's parameters." : "";
        } else {
            BridgeTable table = post.wtpInference(options.attribute, options.cost);
            m = WtpMatrices.population(table, options.negated, options.replicates > 0, options.krinsky > 0);
            notes = table.notes();
        }
        MatrixOutput out = new MatrixOutput(stata);
        for (Map.Entry<String, double[]> stat : m.values.entrySet()) {
            out.write("r(" + stat.getKey() + ")", options.matrixName(stat.getKey()), m.rows(), m.columns(),
                    stat.getValue(), m.rowNames, m.columnNames, "");
        }
        stata.setLocal("jm_stats", String.join(" ", m.values.keySet()));
        stata.setLocal("jm_roweq", "");
        String ratio = options.negated ? "b(" + options.attribute + ") / b(" + options.cost + "), " + options.cost
                + " entered negated" : "-b(" + options.attribute + ") / b(" + options.cost + ")";
        stata.setLocal("jm_title", PluginEstimation.plain("Willingness to pay for " + options.attribute
                + " in units of " + options.cost + (latent ? " by latent class" : "") + ": " + ratio));
        stata.setLocal("jm_notes", PluginEstimation.plain(notes));
        return ReturnCode.OK;
    }

    /** The correlated block's covariances, standard deviations and correlations (jmixlogit_cov). */
    private ReturnCode covariances() {
        PostOptions options = new PostOptions(stata);
        CorrelatedBlock block = new CorrelatedBlock(options.saved, options.spec);
        int k = block.members.size();
        String[] names = new String[k];
        for (int a = 0; a < k; a++) {
            names[a] = block.members.get(a);
        }
        MatrixOutput out = new MatrixOutput(stata);
        String[] one = {"sd"};
        out.write("r(cov)", options.matrixName("cov"), k, k, block.cov, names, names, "");
        out.write("r(cov_se)", options.matrixName("cov_se"), k, k, block.covSe, names, names, "");
        out.write("r(sd)", options.matrixName("sd"), 1, k, block.sd, one, names, "");
        out.write("r(sd_se)", options.matrixName("sd_se"), 1, k, block.sdSe, one, names, "");
        out.write("r(corr)", options.matrixName("corr"), k, k, block.corr, names, names, "");
        out.write("r(corr_se)", options.matrixName("corr_se"), k, k, block.corrSe, names, names, "");
        stata.setLocal("jm_stats", "cov cov_se sd sd_se corr corr_se");
        stata.setLocal("jm_roweq", "");
        StringBuilder notes = new StringBuilder();
        for (int a = 0; a < k; a++) {
            if (block.lognormal.get(a)) {
                notes.append(notes.length() == 0 ? "" : " ").append(names[a]);
            }
        }
        stata.setLocal("jm_title", "Covariances of the correlated random coefficients (delta-method standard errors)");
        stata.setLocal("jm_notes", notes.length() == 0 ? "" : "Rows of lognormal coefficients (" + notes
                + ") are those of the logarithm of the coefficient (the underlying normal), as in mixlogit.");
        String warning = org.mixlogit.report.SavedResult.read(options.saved).warning();
        stata.setLocal("jm_fit_warning", PluginEstimation.plain(warning));
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
}
