package org.mixlogit.bridge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.estimation.LatentClassEstimator;
import org.mixlogit.spec.LatentClasses;
import org.mixlogit.spec.ParameterLayout;
import org.mixlogit.estimation.EstimationMethod;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.integration.DrawType;
import org.mixlogit.io.JsonValue;
import org.mixlogit.io.JsonWriter;
import org.mixlogit.msm.InstrumentChoice;
import org.mixlogit.msm.MsmConfig;
import org.mixlogit.msm.Weighting;
import org.mixlogit.optim.Algorithm;
import org.mixlogit.spec.Distribution;

/**
 * The words the engine accepts for each of its choices and the defaults of its estimation options, read from the
 * engine's enums ({@code values()}) and default configurations, so that a new constant appears in every front end
 * without an edit there: the command-line tool's help and {@code ./mixlogit vocabulary}, R's argument checks and
 * Stata's option checks all read this one list. Immutable.
 *
 * <p>The JSON document ({@link #json()}), format {@value #FORMAT}:
 * <pre>
 * {"format": "mixlogit-vocabulary/1", "engine": "0.1.0",
 *  "distributions": [{"code": "n", "label": "normal", "aliases": ["normal"], "random": true, "scale": "sd"}, ..],
 *  "draws": [{"code": "halton", "label": "Halton", "aliases": [..], "simulation": true, "size": "draws",
 *             "defaultBurn": 100}, ..],
 *  "optimizers": [{"code": "bfgs", "label": "BFGS"}, ..],
 *  "vce": [{"code": "hessian", "label": "..", "aliases": ["oim"], "methods": ["msle"]}, ..],
 *  "methods": [{"code": "msle", "vce": "hessian"}, {"code": "msm", "vce": "gmm"}],
 *  "weighting": [{"code": "one-step"}, ..],
 *  "instruments": [{"code": "optimal", "keyword": true}, ..],
 *  "defaults": {"draws": "halton", "R": 100, "seed": 12345, "starts": 1, "optimizer": "bfgs",
 *               "maxIterations": 1000, "vce": "hessian", "level": 95.0, "method": "msle",
 *               "instruments": "optimal", "weighting": "two-step"},
 *  "latentClasses": {"options": ["classes", "membership", "common"], "starts": 10, "maxClasses": 50,
 *                    "classPrefix": "class", "sharePrefix": "share", "constant": "_cons",
 *                    "criteria": ["loglik", "parameters", "aic", "bic", "caic", "smallestShare"]}}
 * </pre>
 * Each list holds one entry per enum constant, in declaration order. {@code aliases} are the other words the
 * enum's {@code fromCode} accepts; {@code size} says what the size of a rule counts ("draws" per decision-maker,
 * "points" per dimension, or the sparse grid's accuracy "level"); a covariance type's {@code methods} are the
 * estimation methods that have it, and a method's {@code vce} the covariance it reports by default; an
 * instrument choice that is a {@code keyword} is typed as its code (the others are lists of columns). The
 * {@code defaults} are what the estimation options of the bridge take for an omitted field.
 *
 * <p>The build writes this document into the R package (r-package/inst/vocabulary.json, java/pom.xml), which reads
 * it with jsonlite instead of calling the engine in every session; the Stata plugin and the command line read this
 * class.
 */
public final class Vocabulary {
    /** The format tag of the JSON document. */
    public static final String FORMAT = "mixlogit-vocabulary/1";
    /** The lists of the document, in order ({@code "defaults"} is an object, the others arrays). */
    public static final List<String> LISTS = Collections.unmodifiableList(Arrays.asList("distributions", "draws",
            "optimizers", "vce", "methods", "weighting", "instruments", "defaults"));

    /** The document, compact. */
    private final String json;
    /** The document, parsed. */
    private final JsonValue document;

    private Vocabulary(String json) {
        this.json = json;
        try {
            this.document = JsonValue.parse(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The vocabulary wrote JSON that does not parse", e);
        }
    }

    /** The engine's vocabulary (made once per JVM, when first asked for; immutable). */
    public static Vocabulary engine() {
        return Engine.VOCABULARY;
    }

    /** The holder of the engine's vocabulary: made when {@link #engine()} is first called. */
    private static final class Engine {
        static final Vocabulary VOCABULARY = build();
    }

    private static Vocabulary build() {
        JsonWriter root = JsonWriter.compact().startObject();
        root.put("format", FORMAT);
        root.put("engine", MixlogitBridge.VERSION);
        distributions(root.startArray("distributions")).endArray();
        draws(root.startArray("draws")).endArray();
        optimizers(root.startArray("optimizers")).endArray();
        covariances(root.startArray("vce")).endArray();
        methods(root.startArray("methods")).endArray();
        weightings(root.startArray("weighting")).endArray();
        instruments(root.startArray("instruments")).endArray();
        defaults(root.startObject("defaults")).endObject();
        latentClasses(root.startObject("latentClasses")).endObject();
        return new Vocabulary(root.endObject().finish());
    }

    /** The document as compact JSON. */
    public String json() {
        return json;
    }

    /** The document as indented JSON, for people. */
    public String prettyJson() {
        return JsonWriter.indented().value(document).finish();
    }

    /** The codes of a list, in the engine's order. */
    public List<String> codes(String list) {
        List<String> out = new ArrayList<>();
        for (JsonValue entry : entries(list)) {
            out.add(entry.get("code").asText());
        }
        return out;
    }

    /** The entry of {@code code} in a list; an error naming the list's codes when there is none. */
    public JsonValue entry(String list, String code) {
        for (JsonValue e : entries(list)) {
            if (e.get("code").asText().equals(code)) {
                return e;
            }
        }
        throw new InvalidSpecificationException("The vocabulary's " + list + " have no '" + code + "': they are "
                + codes(list) + ".");
    }

    /** One default of the estimation options ("R", "draws", ...), as JSON (immutable). */
    public JsonValue defaultValue(String name) {
        JsonValue v = document.get("defaults").get(name);
        if (v == null) {
            throw new InvalidSpecificationException("The vocabulary has no default '" + name + "': it has "
                    + fields("defaults") + ".");
        }
        return v;
    }

    /** Every field of a list's entries, in order of first appearance; for {@code "defaults"} the option names. */
    public List<String> fields(String list) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonValue entry : rows(list)) {
            for (String field : entry.fieldNames()) {
                out.add(field);
            }
        }
        return new ArrayList<>(out);
    }

    private List<JsonValue> rows(String list) {
        if ("defaults".equals(list)) {
            return Collections.singletonList(document.get("defaults"));
        }
        List<JsonValue> out = new ArrayList<>();
        entries(list).forEach(out::add);
        return out;
    }

    private JsonValue entries(String list) {
        JsonValue node = list == null || "defaults".equals(list) ? null : document.get(list);
        if (node == null || !node.isArray()) {
            throw new InvalidSpecificationException("Unknown vocabulary list '" + list + "': use one of " + LISTS
                    + ".");
        }
        return node;
    }

    private static JsonWriter distributions(JsonWriter out) {
        for (Distribution d : Distribution.values()) {
            out.startObject();
            out.put("code", d.code());
            out.put("label", d.label());
            // the other words Distribution.fromCode accepts: the constant's name and the label
            aliases(out, d.code(), Arrays.asList(d.name().toLowerCase(Locale.ROOT), d.label()));
            out.put("random", d.isRandom());
            if (d.isRandom()) {
                out.put("scale", d.scalePrefix());
                out.put("signIdentified", d.transform().scaleSignIdentified());
            }
            out.endObject();
        }
        return out;
    }

    private static JsonWriter draws(JsonWriter out) {
        for (DrawType t : DrawType.values()) {
            out.startObject();
            out.put("code", t.code());
            out.put("label", t.label());
            aliases(out, t.code(), t.aliases());
            out.put("simulation", t.isSimulation());
            out.put("size", t.sizeKind());
            out.put("adaptive", t.isAdaptive());
            out.put("defaultBurn", t.defaultBurn());
            out.endObject();
        }
        return out;
    }

    private static JsonWriter optimizers(JsonWriter out) {
        for (Algorithm a : Algorithm.values()) {
            out.startObject().put("code", a.code()).put("label", a.label()).endObject();
        }
        return out;
    }

    private static JsonWriter covariances(JsonWriter out) {
        for (CovarianceType t : CovarianceType.values()) {
            out.startObject();
            out.put("code", t.code());
            out.put("label", t.label());
            aliases(out, t.code(), t.aliases());
            out.startArray("methods");
            for (EstimationMethod m : EstimationMethod.values()) {
                if (available(t, m)) {
                    out.value(m.code());
                }
            }
            out.endArray().endObject();
        }
        return out;
    }

    private static JsonWriter methods(JsonWriter out) {
        CovarianceType configured = EstimatorConfig.defaults().inference().covariance();
        for (EstimationMethod m : EstimationMethod.values()) {
            out.startObject().put("code", m.code()).put("vce", defaultCovariance(m, configured).code()).endObject();
        }
        return out;
    }

    private static JsonWriter weightings(JsonWriter out) {
        for (Weighting w : Weighting.values()) {
            out.startObject().put("code", w.code()).endObject();
        }
        return out;
    }

    private static JsonWriter instruments(JsonWriter out) {
        for (InstrumentChoice z : InstrumentChoice.values()) {
            out.startObject().put("code", z.code()).put("keyword", InstrumentChoice.keyword(z.code()) == z)
                    .endObject();
        }
        return out;
    }

    /** The engine's defaults: every field the bridge's estimation options take when it is omitted. */
    private static JsonWriter defaults(JsonWriter d) {
        EstimatorConfig config = EstimatorConfig.defaults();
        MsmConfig msm = config.method().msm();
        d.put("draws", config.integration().type().code());
        d.put("R", config.integration().draws());
        d.put("seed", config.integration().seed());
        d.put("starts", config.search().starts());
        d.put("optimizer", config.search().optimizer().algorithm().code());
        d.put("maxIterations", config.search().optimizer().maxIterations());
        d.put("vce", config.inference().covariance().code());
        d.put("level", config.inference().level());
        d.put("method", config.method().type().code());
        d.put("instruments", msm.instruments().code());
        d.put("weighting", msm.weighting().code());
        return d;
    }

    /**
     * The words and numbers of latent class models: the options, the starts searched for two classes or more, the
     * most classes, and how the parameters are named (class prefix, class-share prefix, the constant).
     */
    private static JsonWriter latentClasses(JsonWriter o) {
        o.startArray("options").value("classes").value("membership").value("common").endArray();
        o.put("starts", LatentClassEstimator.DEFAULT_STARTS);
        o.put("maxClasses", LatentClasses.MAX_CLASSES);
        o.put("classPrefix", "class");
        o.put("sharePrefix", "share");
        o.put("constant", ParameterLayout.CONSTANT);
        o.startArray("criteria").value("loglik").value("parameters").value("aic").value("bic").value("caic")
                .value("smallestShare").endArray();
        return o;
    }

    /** One value of the latent class entry ("starts", "maxClasses", "constant", ...), as JSON (immutable). */
    public JsonValue latentClassValue(String name) {
        JsonValue v = document.get("latentClasses").get(name);
        if (v == null) {
            throw new InvalidSpecificationException("The vocabulary's latentClasses have no '" + name + "'.");
        }
        return v;
    }

    /** Whether an estimate by {@code method} has covariance {@code type}. */
    static boolean available(CovarianceType type, EstimationMethod method) {
        return method == EstimationMethod.MSM ? !type.needsLikelihood() : !type.needsMoments();
    }

    /**
     * The covariance an estimate by {@code method} reports when the options leave it at the configured default:
     * the default itself when the method has it, otherwise (MSM asked for the likelihood's Hessian) the type only
     * such estimates have, the GMM sandwich.
     */
    private static CovarianceType defaultCovariance(EstimationMethod method, CovarianceType configured) {
        if (method == EstimationMethod.MSS && configured == CovarianceType.HESSIAN) {
            return CovarianceType.ROBUST; // the method of simulated scores reports the sandwich of its scores
        }
        if (available(configured, method)) {
            return configured;
        }
        for (CovarianceType t : CovarianceType.values()) {
            if (t.needsMoments() && available(t, method)) {
                return t;
            }
        }
        return configured;
    }

    private static void aliases(JsonWriter entry, String code, List<String> words) {
        entry.startArray("aliases");
        Set<String> seen = new LinkedHashSet<>(words);
        seen.remove(code);
        seen.forEach(entry::value);
        entry.endArray();
    }
}
