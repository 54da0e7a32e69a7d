package org.mixlogit.stata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.io.ModelSpecJson;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * The options jmixlogit.ado passes in locals (names starting "jm_"), turned into the shared JSON model
 * specification and estimation options of the bridge. Every local the ado sets is listed in {@link #LOCALS}.
 */
final class PluginOptions {
    /** The locals the ado-file sets before javacall. */
    static final List<String> LOCALS = Collections.unmodifiableList(Arrays.asList("jm_depvar", "jm_fixed",
            "jm_random", "jm_ln", "jm_corr", "jm_group", "jm_id", "jm_weight", "jm_wtype", "jm_nrep", "jm_draws",
            "jm_seed", "jm_burn", "jm_starts", "jm_technique", "jm_iterate", "jm_vce", "jm_cluster", "jm_threads",
            "jm_level", "jm_from", "jm_alternatives", "jm_market", "jm_estimator", "jm_instruments",
            "jm_weighting"));
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final String depvar;
    final List<String> fixed;
    final List<String> normal;
    final List<String> lognormal;
    final boolean correlated;
    final String group;
    final String id;
    final String weight;
    final String cluster;
    final String from;
    final String alternatives;
    final String market;
    /** The option words judged against the engine's vocabulary. */
    final OptionWords words;
    /** True for estimator(msm), the method of simulated moments. */
    final boolean msm;
    /** True for estimator(mss), the method of simulated scores. */
    final boolean mss;
    /** "optimal" or "default" for MSM with those instruments, null for instrument variables or MSLE. */
    final String instrumentKeyword;
    /** The instrument variables of instruments(varlist); empty otherwise. */
    final List<String> instruments;
    /** "one-step" or "two-step" for MSM, null for MSLE. */
    final String weighting;
    private final StataSession stata;

    PluginOptions(StataSession stata) {
        this.stata = stata;
        depvar = required("jm_depvar");
        group = required("jm_group");
        fixed = words("jm_fixed");
        normal = words("jm_random");
        lognormal = words("jm_ln");
        correlated = stata.local("jm_corr").trim().equals("1");
        id = blankToNull(stata.local("jm_id"));
        weight = blankToNull(stata.local("jm_weight"));
        cluster = blankToNull(stata.local("jm_cluster"));
        from = blankToNull(stata.local("jm_from"));
        alternatives = blankToNull(stata.local("jm_alternatives"));
        market = blankToNull(stata.local("jm_market"));
        words = new OptionWords(stata);
        msm = words.msm();
        mss = words.method.equals(org.mixlogit.estimation.EstimationMethod.MSS.code());
        instrumentKeyword = words.instrumentKeyword;
        instruments = instrumentVariables(words.instrumentVariables);
        weighting = words.weighting;
        if (fixed.isEmpty() && normal.isEmpty() && lognormal.isEmpty()) {
            throw new InvalidSpecificationException("No explanatory variables: list fixed ones after the dependent"
                    + " variable, or random ones in rand() or ln().");
        }
    }

    /** Attribute variables in coefficient order: fixed, then normal, then lognormal. */
    List<String> attributes() {
        List<String> out = new ArrayList<>(fixed);
        out.addAll(normal);
        out.addAll(lognormal);
        return out;
    }

    /**
     * The attribute columns the engine receives: the model's, then the instrument variables that are not among them
     * (the engine reads instruments from the attribute columns).
     */
    List<String> attributeColumns() {
        List<String> out = attributes();
        for (String z : instruments) {
            if (!out.contains(z)) {
                out.add(z);
            }
        }
        return out;
    }

    /** The estimation sample's variables, in the order the ado sorted the data. */
    SampleVariables sampleVariables() {
        return new SampleVariables(depvar, group, id, attributeColumns(),
                cluster == null ? Collections.emptyList() : Collections.singletonList(cluster), weight, alternatives,
                market, false);
    }

    String specJson() {
        ModelSpec.Builder b = ModelSpec.builder();
        fixed.forEach(b::fixed);
        normal.forEach(v -> b.random(v, Distribution.NORMAL));
        lognormal.forEach(v -> b.random(v, Distribution.LOGNORMAL));
        if (correlated) {
            List<String> random = new ArrayList<>(normal);
            random.addAll(lognormal);
            b.correlated(random);
        }
        return ModelSpecJson.write(b.build());
    }

    /**
     * The estimation options of the bridge. An empty local leaves its field out, so that the engine's default
     * applies (the ado-file always sets them; the defaults of its syntax are the engine's, which a test checks).
     */
    String optionsJson() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("draws", words.draws);
        putInteger(o, "R", "jm_nrep");
        putInteger(o, "seed", "jm_seed");
        if (!stata.local("jm_burn").trim().isEmpty() && integer("jm_burn") >= 0) {
            o.put("burn", integer("jm_burn"));
        }
        putInteger(o, "starts", "jm_starts");
        o.put("optimizer", words.technique);
        putInteger(o, "maxIterations", "jm_iterate");
        o.put("vce", words.vce);
        if (!stata.local("jm_threads").trim().isEmpty() && integer("jm_threads") > 0) {
            o.put("threads", integer("jm_threads"));
        }
        if (!stata.local("jm_level").trim().isEmpty()) {
            o.put("level", number("jm_level"));
        }
        if (cluster != null) {
            o.put("cluster", cluster);
        }
        if (from != null) {
            com.fasterxml.jackson.databind.node.ArrayNode start = o.putArray("start");
            for (String v : from.split("\\s+")) {
                try {
                    start.add(Double.parseDouble(v));
                } catch (NumberFormatException e) {
                    throw new InvalidSpecificationException("from(): '" + v + "' is not a number; give a 1 x k matrix"
                            + " of starting values.");
                }
            }
        }
        if (msm) {
            o.put("method", "msm");
            if (instrumentKeyword != null) {
                o.put("instruments", instrumentKeyword);
            } else {
                com.fasterxml.jackson.databind.node.ArrayNode z = o.putArray("instruments");
                instruments.forEach(z::add);
            }
            o.put("weighting", weighting);
        } else if (mss) {
            o.put("method", "mss");
        }
        return o.toString();
    }

    /** The instrument variables, each of which must exist in the data. */
    private List<String> instrumentVariables(List<String> names) {
        for (String v : names) {
            if (stata.variable(v) < 0) {
                throw new InvalidSpecificationException("instruments(" + String.join(" ", names) + "): variable " + v
                        + " not found; name numeric variables of the data, or an instrument keyword (see help"
                        + " jmixlogit).");
            }
        }
        return names;
    }

    private String required(String local) {
        String v = stata.local(local).trim();
        if (v.isEmpty()) {
            throw new InvalidSpecificationException("Local " + local + " is empty: call the plugin through"
                    + " jmixlogit.ado, which sets it.");
        }
        return v;
    }

    private List<String> words(String local) {
        String v = stata.local(local).trim();
        return v.isEmpty() ? Collections.emptyList() : Arrays.asList(v.split("\\s+"));
    }

    private void putInteger(ObjectNode o, String field, String local) {
        if (!stata.local(local).trim().isEmpty()) {
            o.put(field, integer(local));
        }
    }

    private int integer(String local) {
        String v = stata.local(local).trim();
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InvalidSpecificationException("Option " + local.substring(3) + "() must be a whole number, not '"
                    + v + "'.");
        }
    }

    private double number(String local) {
        String v = stata.local(local).trim();
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new InvalidSpecificationException("Option " + local.substring(3) + "() must be a number, not '" + v
                    + "'.");
        }
    }

    private static String blankToNull(String v) {
        return v == null || v.trim().isEmpty() ? null : v.trim();
    }
}
