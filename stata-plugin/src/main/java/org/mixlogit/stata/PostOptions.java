package org.mixlogit.stata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;


import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.report.SavedResult;
import org.mixlogit.spec.CoefficientSpec;
import org.mixlogit.spec.ModelSpec;

/**
 * What the post-estimation ado-files (jmixlogit_p, jmixlogit_diversion, jmixlogit_elasticities, jmixlogit_wtp,
 * jmixlogit_cov, through _jmixlogit_post) pass in locals: the variables, the saved form of the fit jmixlogit left in
 * {@code e(saved)} (or the file named by {@code e(saved_file)}; see {@link SavedForm}), whether the rows are the
 * estimation sample (then the data's fingerprint is checked against the saved one) and the command's own options.
 * The plugin keeps nothing between javacall calls, so everything comes from here. Every local is listed in
 * {@link #LOCALS}.
 */
final class PostOptions {
    /** The locals _jmixlogit_post.ado sets before javacall. */
    static final List<String> LOCALS = Collections.unmodifiableList(Arrays.asList("jm_depvar", "jm_group", "jm_id",
            "jm_weight", "jm_alternatives", "jm_market", "jm_saved", "jm_saved_file", "jm_esample", "jm_estdata",
            "jm_threads", "jm_maxdim", "jm_mnames", "jm_statistic", "jm_newvar", "jm_coef", "jm_attribute",
            "jm_type", "jm_krinsky", "jm_replicates", "jm_class", "jm_cost", "jm_negated"));

    final String depvar;
    final String group;
    final String id;
    final String weight;
    final String alternatives;
    final String market;
    /** The saved form of the fit (validated). */
    final String saved;
    final ModelSpec spec;
    /** The 0/1 variable marking e(sample), or null. */
    final String estimationSample;
    /** True when the rows are exactly e(sample): the data's fingerprint must then be the estimation data's. */
    final boolean estimationData;
    final int threads;
    final String statistic;
    final String newvar;
    final String coef;
    final String attribute;
    final String type;
    final int krinsky;
    final int replicates;
    /** predict's class(#) after nclasses(), 0 when not given. */
    final int klass;
    /** jmixlogit_wtp's cost(): the attribute whose coefficient is the marginal utility of money, or null. */
    final String cost;
    /** jmixlogit_wtp's negated: the cost variable entered utility negated. */
    final boolean negated;
    private final StataSession stata;

    PostOptions(StataSession stata) {
        this.stata = stata;
        group = required("jm_group", "e(group)");
        saved = SavedForm.restore(stata);
        spec = SavedResult.read(saved).spec();
        depvar = blankToNull(stata.local("jm_depvar"));
        id = blankToNull(stata.local("jm_id"));
        weight = blankToNull(stata.local("jm_weight"));
        alternatives = blankToNull(stata.local("jm_alternatives"));
        market = blankToNull(stata.local("jm_market"));
        estimationSample = blankToNull(stata.local("jm_esample"));
        estimationData = stata.local("jm_estdata").trim().equals("1");
        threads = count("jm_threads", "threads", 0);
        statistic = blankToNull(stata.local("jm_statistic"));
        newvar = blankToNull(stata.local("jm_newvar"));
        coef = blankToNull(stata.local("jm_coef"));
        attribute = blankToNull(stata.local("jm_attribute"));
        type = blankToNull(stata.local("jm_type"));
        krinsky = count("jm_krinsky", "krinsky", 0);
        replicates = count("jm_replicates", "replicates", 5);
        klass = count("jm_class", "class", 0);
        cost = blankToNull(stata.local("jm_cost"));
        negated = stata.local("jm_negated").trim().equals("negated");
    }

    /** The model's attributes in coefficient order. */
    List<String> attributes() {
        List<String> out = new ArrayList<>();
        for (CoefficientSpec c : spec.classModel().coefficients()) {
            out.add(c.attribute());
        }
        return out;
    }

    /** The sample's variables; the choice and weight only when asked for. */
    SampleVariables sampleVariables(boolean withChoice, boolean withWeight) {
        if (withChoice && depvar == null) {
            throw new InvalidSpecificationException("Local jm_depvar is empty: call the plugin through the"
                    + " jmixlogit post-estimation ado-files, which set it from e(depvar).");
        }
        List<String> characteristics = spec.isLatentClass() ? spec.latentClasses().membership()
                : Collections.emptyList();
        return new SampleVariables(withChoice ? depvar : null, group, id, attributes(), characteristics,
                withWeight ? weight : null, alternatives, market, null, estimationSample);
    }

    /** Worker threads: 0 (every processor) unless the ado-file passes c(processors). */
    int threadsOrDefault() {
        return threads > 0 ? Math.min(threads, Runtime.getRuntime().availableProcessors())
                : Runtime.getRuntime().availableProcessors();
    }

    /** The Stata matrix names the ado-file created for each statistic ("D", "se", ...), from jm_mnames pairs. */
    String matrixName(String statistic) {
        String[] w = stata.local("jm_mnames").trim().split("\\s+");
        for (int i = 0; i + 1 < w.length; i += 2) {
            if (w[i].equals(statistic)) {
                return w[i + 1];
            }
        }
        throw new InvalidSpecificationException("Local jm_mnames names no matrix for " + statistic + ": call the"
                + " plugin through the jmixlogit post-estimation ado-files.");
    }

    /** {"krinskyRobb": krinsky(), "replicates": replicates()} for the bridge. */
    String postOptionsJson() {
        return org.mixlogit.io.JsonWriter.compact().startObject().put("krinskyRobb", krinsky)
                .put("replicates", replicates).endObject().finish();
    }

    private String required(String local, String what) {
        String v = stata.local(local).trim();
        if (v.isEmpty()) {
            throw new InvalidSpecificationException("Local " + local + " is empty: " + what + " is missing; re-run"
                    + " jmixlogit (version 0.1.0 or newer) before its post-estimation commands.");
        }
        return v;
    }

    private int count(String local, String option, int fallback) {
        String v = stata.local(local).trim();
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSpecificationException("Option " + option + "() must be a nonnegative whole number, not '"
                + v + "'.");
    }

    private static String blankToNull(String v) {
        return v == null || v.trim().isEmpty() ? null : v.trim();
    }
}
