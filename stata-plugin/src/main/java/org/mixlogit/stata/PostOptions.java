package org.mixlogit.stata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.io.ModelSpecJson;
import org.mixlogit.spec.CoefficientSpec;
import org.mixlogit.spec.ModelSpec;

/**
 * What the post-estimation ado-files (jmixlogit_p, jmixlogit_diversion, jmixlogit_elasticities, through
 * _jmixlogit_post) pass in locals: the variables and the model jmixlogit left in e() — e(spec_json),
 * e(options_json), copies of e(b) and e(V) under temporary names — and the command's own options. The plugin keeps
 * nothing between javacall calls, so everything comes from here. Every local is listed in {@link #LOCALS}.
 */
final class PostOptions {
    /** The locals _jmixlogit_post.ado sets before javacall. */
    static final List<String> LOCALS = Collections.unmodifiableList(Arrays.asList("jm_depvar", "jm_group", "jm_id",
            "jm_weight", "jm_alternatives", "jm_market", "jm_spec_json", "jm_options_json", "jm_b", "jm_V",
            "jm_statistic", "jm_newvar", "jm_coef", "jm_attribute", "jm_type", "jm_krinsky", "jm_replicates"));
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final String depvar;
    final String group;
    final String id;
    final String weight;
    final String alternatives;
    final String market;
    final String specJson;
    final String optionsJson;
    final ModelSpec spec;
    final String statistic;
    final String newvar;
    final String coef;
    final String attribute;
    final String type;
    final int krinsky;
    final int replicates;
    private final StataSession stata;

    PostOptions(StataSession stata) {
        this.stata = stata;
        group = required("jm_group", "e(group)");
        specJson = required("jm_spec_json", "e(spec_json)");
        optionsJson = required("jm_options_json", "e(options_json)");
        spec = ModelSpecJson.read(specJson);
        depvar = blankToNull(stata.local("jm_depvar"));
        id = blankToNull(stata.local("jm_id"));
        weight = blankToNull(stata.local("jm_weight"));
        alternatives = blankToNull(stata.local("jm_alternatives"));
        market = blankToNull(stata.local("jm_market"));
        statistic = blankToNull(stata.local("jm_statistic"));
        newvar = blankToNull(stata.local("jm_newvar"));
        coef = blankToNull(stata.local("jm_coef"));
        attribute = blankToNull(stata.local("jm_attribute"));
        type = blankToNull(stata.local("jm_type"));
        krinsky = count("jm_krinsky", "krinsky", 0);
        replicates = count("jm_replicates", "replicates", 5);
    }

    /** The model's attributes in coefficient order. */
    List<String> attributes() {
        List<String> out = new ArrayList<>();
        for (CoefficientSpec c : spec.coefficients()) {
            out.add(c.attribute());
        }
        return out;
    }

    /** The sample's variables, in estimation order; the choice and weight only when asked for. */
    SampleVariables sampleVariables(boolean withChoice, boolean withWeight) {
        if (withChoice && depvar == null) {
            throw new InvalidSpecificationException("Local jm_depvar is empty: call the plugin through the"
                    + " jmixlogit post-estimation ado-files, which set it from e(depvar).");
        }
        return new SampleVariables(withChoice ? depvar : null, group, id, attributes(), Collections.emptyList(),
                withWeight ? weight : null, alternatives, market, true);
    }

    /** e(b), checked against the specification's number of parameters. */
    double[] estimates() {
        int p = spec.layout().size();
        double[] b = matrix("jm_b", "e(b)");
        if (b.length != p) {
            throw new InvalidSpecificationException("e(b) has " + b.length + " elements but the model in"
                    + " e(spec_json) has " + p + " parameters; re-run jmixlogit.");
        }
        return b;
    }

    /** e(V), p x p. */
    double[] covariance() {
        int p = spec.layout().size();
        double[] v = matrix("jm_V", "e(V)");
        if (v.length != p * p) {
            throw new InvalidSpecificationException("e(V) has " + v.length + " elements but the model in"
                    + " e(spec_json) needs " + p + " x " + p + "; re-run jmixlogit.");
        }
        return v;
    }

    /** {"krinskyRobb": krinsky(), "replicates": replicates()} for the bridge. */
    String postOptionsJson() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("krinskyRobb", krinsky);
        o.put("replicates", replicates);
        return o.toString();
    }

    private double[] matrix(String local, String what) {
        String name = required(local, what);
        double[] values = stata.matrix(name);
        if (values == null) {
            throw new InvalidSpecificationException("Matrix " + name + " (a copy of " + what + ") not found.");
        }
        return values;
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
