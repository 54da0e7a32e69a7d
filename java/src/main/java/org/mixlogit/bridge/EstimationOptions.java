package org.mixlogit.bridge;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.estimation.DiagnosticsConfig;
import org.mixlogit.estimation.EstimationMethod;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.estimation.InferenceConfig;
import org.mixlogit.estimation.MethodConfig;
import org.mixlogit.estimation.SearchConfig;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.integration.DrawType;
import org.mixlogit.io.JsonValue;
import org.mixlogit.io.JsonWriter;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.msm.InstrumentChoice;
import org.mixlogit.msm.MsmConfig;
import org.mixlogit.msm.Weighting;
import org.mixlogit.optim.Algorithm;
import org.mixlogit.optim.OptimizerConfig;

/**
 * Estimation options as JSON, shared by the front ends; every field optional:
 * {@code {"draws": "halton", "R": 100, "seed": 12345, "burn": 100, "starts": 1, "optimizer": "bfgs",
 * "vce": "hessian", "cluster": "income", "threads": 2, "start": [..], "level": 95, "maxIterations": 1000,
 * "tolerance": 1e-6, "integrationCheck": 0, "reestimate": 0, "method": "msle", "instruments": "optimal",
 * "weighting": "two-step"}}. {@code tolerance} is the optimizer's convergence tolerance on the scaled gradient
 * (the command line has no option for it); {@code integrationCheck} and {@code reestimate} are the command line's
 * {@code --integration-check K} and {@code --reestimate K} (independent draw sets for the integration check after
 * estimation; re-estimations for the simulation-noise study), both 0 (off) by default. {@code method} is "msle" or "msm";
 * {@code instruments} (MSM only) is "optimal", "default" or an array of column names, which the front end must
 * also pass among the attribute columns (or as characteristics); {@code weighting} (MSM only) is "one-step" or
 * "two-step"; {@code proposal} (adaptive-halton and adaptive-sobol only) is the degrees of freedom of their Student t
 * proposal, 0 for a normal one (default 8); {@code weights} is "sampling" (the default) or "frequency" (see {@link
 * InferenceConfig}). Unknown fields and wrong types are errors naming the field. {@link #write}
 * gives the JSON of a configuration with every field that shapes the estimate ({@code tolerance} when not the default;
 * not the diagnostics, which only add reports), which {@link #parse} reads back to the same configuration; the saved
 * form of a fit ({@code docs/result-schema.md}) holds it.
 */
public final class EstimationOptions {
    private static final List<String> FIELDS = java.util.Arrays.asList("draws", "R", "seed", "burn", "starts",
            "optimizer", "vce", "cluster", "threads", "start", "level", "maxIterations", "tolerance",
            "integrationCheck", "reestimate", "method", "instruments", "weighting", "proposal", "weights");
    /** The engine's defaults, which an omitted field takes (the vocabulary publishes the same). */
    private static final EstimatorConfig DEFAULTS = EstimatorConfig.defaults();

    private EstimationOptions() {
    }

    /** "weights": "sampling" (the default: pweights, survey weights) or "frequency" (fweights: counts of copies). */
    private static boolean frequencyWeights(String kind) {
        Boolean frequency = InferenceConfig.isFrequencyWord(kind);
        if (frequency == null) {
            throw new InvalidSpecificationException("Estimation option \"weights\" is \"" + kind + "\": use"
                    + " \"sampling\" (weights that scale each decision-maker's contribution, the default) or"
                    + " \"frequency\" (counts of identical decision-makers).");
        }
        return frequency;
    }

    /**
     * The options of a configuration as JSON, every field written ("burn" only when not the rule's default,
     * "cluster" only when set, "start" only when given, "tolerance" only when not the default, "instruments" and
     * "weighting" only for MSM).
     */
    public static String write(EstimatorConfig config) {
        JsonWriter o = JsonWriter.compact().startObject();
        IntegrationConfig integration = config.integration();
        o.put("draws", integration.type().code());
        o.put("R", integration.draws());
        o.put("seed", integration.seed());
        if (integration.burn() >= 0) {
            o.put("burn", integration.burn());
        }
        if (usesProposal(integration.type())) {
            o.put("proposal", integration.proposalDegrees());
        }
        o.put("starts", config.search().starts());
        o.put("optimizer", config.search().optimizer().algorithm().code());
        o.put("maxIterations", config.search().optimizer().maxIterations());
        double tolerance = config.search().optimizer().gradientTolerance();
        if (tolerance != DEFAULTS.search().optimizer().gradientTolerance()) {
            o.put("tolerance", tolerance);
        }
        o.put("vce", config.inference().covariance().code());
        if (config.inference().cluster() != null) {
            o.put("cluster", config.inference().cluster());
        }
        o.put("threads", config.threads());
        double[] start = config.search().start();
        if (start != null) {
            o.startArray("start");
            for (double v : start) {
                o.value(v);
            }
            o.endArray();
        }
        o.put("level", config.inference().level());
        if (config.inference().frequencyWeights()) {
            o.put("weights", "frequency");
        }
        o.put("method", config.method().type().code());
        if (config.method().type() == EstimationMethod.MSM) {
            MsmConfig msm = config.method().msm();
            if (msm.instruments() == InstrumentChoice.COLUMNS) {
                o.startArray("instruments");
                msm.columns().forEach(o::value);
                o.endArray();
            } else {
                o.put("instruments", msm.instruments().code());
            }
            o.put("weighting", msm.weighting().code());
        }
        return o.endObject().finish();
    }

    /** True for the rules with a proposal: the adaptive importance samplers. */
    private static boolean usesProposal(DrawType type) {
        return type == DrawType.ADAPTIVE_HALTON || type == DrawType.ADAPTIVE_SOBOL;
    }

    static EstimatorConfig parse(String json) {
        JsonValue root;
        try {
            root = JsonValue.parse(json == null || json.trim().isEmpty() ? "{}" : json);
        } catch (JsonProcessingException e) {
            throw new InvalidSpecificationException("The estimation options are not valid JSON: "
                    + JsonValue.problem(e) + ".");
        }
        if (!root.isObject()) {
            throw new InvalidSpecificationException("The estimation options must be a JSON object.");
        }
        for (String f : root.fieldNames()) {
            if (!FIELDS.contains(f)) {
                throw new InvalidSpecificationException("Unknown estimation option \"" + f + "\": known are " + FIELDS
                        + ".");
            }
        }
        IntegrationConfig integration = IntegrationConfig.of(
                DrawType.fromCode(text(root, "draws", DEFAULTS.integration().type().code())),
                integer(root, "R", DEFAULTS.integration().draws()))
                .withSeed(longValue(root, "seed", IntegrationConfig.DEFAULT_SEED));
        if (root.has("burn")) {
            integration = integration.withRequestedBurn(integer(root, "burn", 0), "Estimation option \"burn\"");
        }
        if (root.has("proposal")) {
            if (!usesProposal(integration.type())) {
                throw new InvalidSpecificationException("Estimation option \"proposal\" is for draws adaptive-halton"
                        + " or adaptive-sobol (importance sampling), not " + integration.type().code() + ".");
            }
            integration = integration.withProposalDegrees(integer(root, "proposal", 0));
        }
        OptimizerConfig optimizer = OptimizerConfig.of(Algorithm.fromCode(text(root, "optimizer",
                DEFAULTS.search().optimizer().algorithm().code())))
                .withMaxIterations(integer(root, "maxIterations", DEFAULTS.search().optimizer().maxIterations()))
                .withGradientTolerance(number(root, "tolerance", DEFAULTS.search().optimizer().gradientTolerance()));
        SearchConfig search = SearchConfig.defaults().withOptimizer(optimizer)
                .withStarts(integer(root, "starts", DEFAULTS.search().starts()));
        if (root.has("seed")) {
            search = search.withStartSeed(longValue(root, "seed", 0));
        }
        InferenceConfig inference = InferenceConfig.defaults()
                .withCovariance(CovarianceType.fromCode(text(root, "vce", DEFAULTS.inference().covariance().code())))
                .withCluster(text(root, "cluster", null))
                .withLevel(number(root, "level", DEFAULTS.inference().level()))
                .withFrequencyWeights(frequencyWeights(text(root, "weights", "sampling")));
        if (root.hasNonNull("start")) {
            JsonValue s = root.get("start");
            if (!s.isArray()) {
                throw new InvalidSpecificationException("Estimation option \"start\" must be an array of numbers.");
            }
            double[] start = new double[s.size()];
            for (int i = 0; i < start.length; i++) {
                if (!s.get(i).isNumber()) {
                    throw new InvalidSpecificationException("Estimation option \"start\" holds " + s.get(i)
                            + ", not a number.");
                }
                start[i] = s.get(i).asDouble();
            }
            search = search.withStart(start);
        }
        DiagnosticsConfig diagnostics = DiagnosticsConfig.defaults()
                .withCheckReplicates(integer(root, "integrationCheck", DEFAULTS.diagnostics().checkReplicates()))
                .withReestimations(integer(root, "reestimate", DEFAULTS.diagnostics().reestimations()));
        MethodConfig method = method(root);
        if (method.type() == EstimationMethod.MSM && diagnostics.reestimations() > 0) {
            throw new InvalidSpecificationException("Estimation option \"reestimate\" is for maximum simulated"
                    + " likelihood (\"msle\"); for MSM study simulation noise with the command line's montecarlo.");
        }
        return EstimatorConfig.defaults().withIntegration(integration).withSearch(search).withInference(inference)
                .withDiagnostics(diagnostics)
                .withThreads(integer(root, "threads", Runtime.getRuntime().availableProcessors()))
                .withMethod(method);
    }

    private static MethodConfig method(JsonValue root) {
        EstimationMethod method = EstimationMethod.fromCode(text(root, "method", DEFAULTS.method().type().code()));
        if (method != EstimationMethod.MSM) {
            for (String msmOnly : new String[] {"instruments", "weighting"}) {
                if (root.hasNonNull(msmOnly)) {
                    throw new InvalidSpecificationException("Estimation option \"" + msmOnly + "\" is for the method"
                            + " of simulated moments: set \"method\": \"msm\", or drop it.");
                }
            }
            return MethodConfig.of(method);
        }
        MsmConfig msm = MsmConfig.defaults().withWeighting(Weighting.fromCode(text(root, "weighting",
                DEFAULTS.method().msm().weighting().code())));
        JsonValue z = root.get("instruments");
        if (z != null && !z.isNull()) {
            if (z.isTextual()) {
                InstrumentChoice keyword = InstrumentChoice.keyword(z.asText());
                msm = keyword != null ? msm.withInstruments(keyword)
                        : msm.withInstrumentColumns(java.util.Collections.singletonList(z.asText()));
            } else if (z.isArray()) {
                List<String> columns = new java.util.ArrayList<>();
                for (JsonValue c : z) {
                    if (!c.isTextual()) {
                        throw new InvalidSpecificationException("Estimation option \"instruments\" holds " + c
                                + ", not a column name.");
                    }
                    columns.add(c.asText());
                }
                msm = msm.withInstrumentColumns(columns);
            } else {
                throw new InvalidSpecificationException("Estimation option \"instruments\" must be \"optimal\","
                        + " \"default\" or an array of column names, not " + z + ".");
            }
        }
        return MethodConfig.msm(msm);
    }

    private static String text(JsonValue root, String field, String fallback) {
        JsonValue v = root.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw new InvalidSpecificationException("Estimation option \"" + field + "\" must be text, not " + v
                    + ".");
        }
        return v.asText();
    }

    private static int integer(JsonValue root, String field, int fallback) {
        JsonValue v = root.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber() || v.asDouble() != Math.rint(v.asDouble()) || Math.abs(v.asDouble()) > Integer.MAX_VALUE) {
            throw new InvalidSpecificationException("Estimation option \"" + field + "\" must be a whole number, not "
                    + v + ".");
        }
        return v.asInt();
    }

    private static long longValue(JsonValue root, String field, long fallback) {
        JsonValue v = root.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber() || v.asDouble() != Math.rint(v.asDouble())) {
            throw new InvalidSpecificationException("Estimation option \"" + field + "\" must be a whole number, not "
                    + v + ".");
        }
        if (!v.canConvertToLong()) {
            // a larger one would be wrapped or clamped to another seed, silently
            throw new InvalidSpecificationException("Estimation option \"" + field + "\" is " + v + ": give a whole"
                    + " number of at most 19 digits (between -2^63 and 2^63 - 1).");
        }
        return v.asLong();
    }

    private static double number(JsonValue root, String field, double fallback) {
        JsonValue v = root.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw new InvalidSpecificationException("Estimation option \"" + field + "\" must be a number, not " + v
                    + ".");
        }
        return v.asDouble();
    }
}
