package org.mixlogit.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.data.DataFingerprint;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.io.JsonValue;
import org.mixlogit.io.ModelSpecJson;
import org.mixlogit.postestimation.FittedModel;
import org.mixlogit.simulation.Backend;
import org.mixlogit.spec.CoefficientSpec;
import org.mixlogit.spec.ModelSpec;

/**
 * A saved fit (the form of {@code docs/result-schema.md}, "format": "mixlogit-result/1") read back and validated:
 * every field post-estimation uses is checked for presence and type, and a bad one is an
 * {@link InvalidSpecificationException} naming its JSON path ({@code $.coefficients[2].estimate}). Immutable.
 */
public final class SavedResult {
    /** The format this version writes and reads. */
    public static final String FORMAT = "mixlogit-result/1";
    private final ModelSpec spec;
    private final double[] estimates;
    private final double[] covariance;
    private final String vce;
    private final IntegrationConfig integration;
    private final double level;
    private final DataFingerprint fingerprint;
    private final boolean converged;
    private final boolean certified;
    private final String status;

    private SavedResult(JsonValue root) {
        this.spec = spec(root);
        int p = spec.layout().size();
        this.estimates = estimates(root, spec);
        this.vce = code(root, "vce", "$.vce", text -> CovarianceType.fromCode(text).code());
        this.covariance = covariance(root.path("covariance").path(vce), "$.covariance." + vce, p);
        this.integration = integration(root);
        this.level = number(root, "level", "$.level");
        if (!(level > 0 && level < 100)) {
            throw invalid("$.level", "is " + level + ", not a percentage strictly between 0 and 100");
        }
        this.converged = bool(root, "converged");
        this.certified = bool(root, "certified");
        this.status = text(root, "status");
        this.fingerprint = root.has("fingerprint") ? fingerprint(root.get("fingerprint")) : null;
    }

    /**
     * Reads and validates a saved fit.
     *
     * @throws InvalidSpecificationException when the text is not JSON, not of this format, or a field is missing or
     *                                       of the wrong type (the message names the field's JSON path)
     */
    public static SavedResult read(String json) {
        JsonValue root;
        try {
            root = JsonValue.parse(json);
        } catch (JsonProcessingException e) {
            throw new InvalidSpecificationException("The saved result is not valid JSON: " + JsonValue.problem(e)
                    + ". Give the file written by estimate --json.");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidSpecificationException("The saved result is not a JSON object: give the file written"
                    + " by estimate --json.");
        }
        String format = root.has("format") ? root.path("format").asText() : root.path("schema").asText();
        if (!FORMAT.equals(format)) {
            throw new InvalidSpecificationException("The saved result's $.format is \"" + format + "\", not \""
                    + FORMAT + "\": give a result written by estimate --json (or a fit of this version).");
        }
        return new SavedResult(root);
    }

    /**
     * The columns of the data a specification uses, fingerprinted (attributes, heterogeneity and class-membership
     * characteristics).
     */
    public static DataFingerprint fingerprint(ChoiceData data, ModelSpec spec) {
        return fingerprint(data, spec, Backend.local(1));
    }

    /** As {@link #fingerprint(ChoiceData, ModelSpec)}, computed where {@code backend} holds the data. */
    public static DataFingerprint fingerprint(ChoiceData data, ModelSpec spec, Backend backend) {
        Set<String> attributes = new LinkedHashSet<>();
        Set<String> characteristics = new LinkedHashSet<>();
        for (CoefficientSpec c : spec.coefficients()) {
            attributes.add(c.attribute());
            characteristics.addAll(c.heterogeneity());
        }
        if (spec.isLatentClass()) {
            characteristics.addAll(spec.latentClasses().membership());
        }
        return backend.fingerprint(data, attributes, characteristics);
    }

    /** The fitted model for post-estimation, computing with {@code threads} threads. */
    public FittedModel fittedModel(int threads) {
        return new FittedModel(spec, estimates, covariance, vce, integration, level, threads);
    }

    public ModelSpec spec() {
        return spec;
    }

    /** The fingerprint of the estimation data, or null when the result does not record one. */
    public DataFingerprint fingerprint() {
        return fingerprint;
    }

    public boolean isConverged() {
        return converged;
    }

    public boolean isCertified() {
        return certified;
    }

    public String status() {
        return status;
    }

    /**
     * A warning for tables computed from this fit ("" when it converged to a certified optimum): what is doubtful
     * about it, to print above them and to flag them with.
     */
    public String warning() {
        return warning(converged, certified, status);
    }

    /** The warning of {@link #warning()} for a fit with this convergence, certification and status. */
    public static String warning(boolean converged, boolean certified, String status) {
        if (!converged) {
            return "the fit did not converge (status " + status + "): these numbers are not at an estimate";
        }
        if (!certified) {
            return "the fit is not a certified local maximum (see its certification): treat these numbers with"
                    + " caution";
        }
        return "";
    }

    /**
     * Checks that {@code data} are the estimation data: their fingerprint must equal the saved one.
     *
     * @param how what the user can do to proceed on purpose (the front end's flag), for the message
     * @throws InvalidSpecificationException when they differ, saying how, or when the result records no fingerprint
     */
    public void checkEstimationData(ChoiceData data, String how) {
        checkEstimationData(data, how, Backend.local(1));
    }

    /** As {@link #checkEstimationData(ChoiceData, String)}, the data's fingerprint computed by {@code backend}. */
    public void checkEstimationData(ChoiceData data, String how, Backend backend) {
        if (fingerprint == null) {
            throw new InvalidSpecificationException("The saved result has no $.fingerprint of its estimation data,"
                    + " so the data cannot be checked: estimate again with this version, or " + how + ".");
        }
        DataFingerprint actual = backend.fingerprint(data, fingerprint.attributes(), fingerprint.characteristics());
        String difference = fingerprint.difference(actual);
        if (!difference.isEmpty()) {
            throw new InvalidSpecificationException("These are not the data the model was estimated on: "
                    + difference + ". Post-estimation on the estimation data needs the same data; to compute on"
                    + " other data on purpose, " + how + ".");
        }
    }

    private static ModelSpec spec(JsonValue root) {
        JsonValue node = root.get("spec");
        if (node == null || !node.isObject()) {
            throw invalid("$.spec", node == null ? "is missing" : "is not an object");
        }
        try {
            return ModelSpecJson.read(node);
        } catch (InvalidSpecificationException e) {
            throw new InvalidSpecificationException("The saved result's $.spec is not a valid specification: "
                    + e.getMessage());
        }
    }

    private static double[] estimates(JsonValue root, ModelSpec spec) {
        List<String> names = spec.layout().names();
        JsonValue list = root.get("coefficients");
        if (list == null || !list.isArray()) {
            throw invalid("$.coefficients", list == null ? "is missing" : "is not an array");
        }
        if (list.size() != names.size()) {
            throw invalid("$.coefficients", "has " + list.size() + " entries but $.spec has " + names.size()
                    + " parameters " + names);
        }
        double[] out = new double[names.size()];
        for (int i = 0; i < out.length; i++) {
            String path = "$.coefficients[" + i + "]";
            JsonValue c = list.get(i);
            String name = c.path("name").asText(null);
            if (!names.get(i).equals(name)) {
                throw invalid(path + ".name", "is " + c.get("name") + " but parameter " + (i + 1) + " of $.spec is \""
                        + names.get(i) + "\"");
            }
            out[i] = number(c, "estimate", path + ".estimate");
        }
        return out;
    }

    private static double[] covariance(JsonValue rows, String path, int p) {
        if (!rows.isArray() || rows.size() != p) {
            throw invalid(path, rows.isMissingNode() ? "is missing" : "is not a " + p + " x " + p + " array");
        }
        double[] v = new double[p * p];
        for (int i = 0; i < p; i++) {
            JsonValue row = rows.get(i);
            if (!row.isArray() || row.size() != p) {
                throw invalid(path + "[" + i + "]", "is not an array of " + p + " entries");
            }
            for (int j = 0; j < p; j++) {
                JsonValue x = row.get(j);
                if (x.isNull()) {
                    v[i * p + j] = Double.NaN;
                } else if (x.isNumber()) {
                    v[i * p + j] = x.asDouble();
                } else {
                    throw invalid(path + "[" + i + "][" + j + "]", "is " + x + ", not a number or null");
                }
            }
        }
        return v;
    }

    private static IntegrationConfig integration(JsonValue root) {
        JsonValue node = root.path("integration");
        DrawType type = DrawType.fromCode(code(node, "type", "$.integration.type",
                text -> DrawType.fromCode(text).code()));
        try {
            IntegrationConfig config = IntegrationConfig.of(type, wholeInt(node, "size", "$.integration.size"))
                    .withSeed(whole(node, "seed", "$.integration.seed"))
                    .withBurn(wholeInt(node, "burn", "$.integration.burn"));
            return node.has("proposal") ? config.withProposalDegrees(wholeInt(node, "proposal",
                    "$.integration.proposal")) : config;
        } catch (InvalidSpecificationException e) {
            throw new InvalidSpecificationException("The saved result's $.integration is invalid: " + e.getMessage());
        }
    }

    private static DataFingerprint fingerprint(JsonValue f) {
        String sha = text(f, "sha256", "$.fingerprint.sha256");
        if (!sha.matches("[0-9a-f]{64}")) {
            throw invalid("$.fingerprint.sha256", "is \"" + sha + "\", not 64 hexadecimal digits");
        }
        return new DataFingerprint(whole(f, "rows", "$.fingerprint.rows"),
                whole(f, "situations", "$.fingerprint.situations"),
                whole(f, "decisionMakers", "$.fingerprint.decisionMakers"),
                names(f, "attributes", "$.fingerprint.attributes"),
                names(f, "characteristics", "$.fingerprint.characteristics"), sha);
    }

    private static List<String> names(JsonValue node, String field, String path) {
        JsonValue a = node.get(field);
        if (a == null || !a.isArray()) {
            throw invalid(path, a == null ? "is missing" : "is not an array of column names");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isTextual()) {
                throw invalid(path + "[" + i + "]", "is " + a.get(i) + ", not a column name");
            }
            out.add(a.get(i).asText());
        }
        return out;
    }

    private static String text(JsonValue node, String field) {
        return text(node, field, "$." + field);
    }

    private static String text(JsonValue node, String field, String path) {
        JsonValue v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw invalid(path, v == null ? "is missing" : "is " + v + ", not text");
        }
        return v.asText();
    }

    /** A code checked by the engine's own parser (whose message lists the valid codes). */
    private static String code(JsonValue node, String field, String path, UnaryOperator<String> parser) {
        String text = text(node, field, path);
        try {
            return parser.apply(text);
        } catch (InvalidSpecificationException e) {
            throw new InvalidSpecificationException("The saved result's " + path + " is invalid: " + e.getMessage());
        }
    }

    private static boolean bool(JsonValue node, String field) {
        JsonValue v = node.get(field);
        if (v == null || !v.isBoolean()) {
            throw invalid("$." + field, v == null ? "is missing" : "is " + v + ", not true or false");
        }
        return v.asBoolean();
    }

    private static double number(JsonValue node, String field, String path) {
        JsonValue v = node.get(field);
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw invalid(path, v == null ? "is missing" : "is " + v + ", not a finite number");
        }
        return v.asDouble();
    }

    private static long whole(JsonValue node, String field, String path) {
        JsonValue v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw invalid(path, v == null ? "is missing" : "is " + v + ", not a whole number");
        }
        return v.asLong();
    }

    private static int wholeInt(JsonValue node, String field, String path) {
        long v = whole(node, field, path);
        if (v != (int) v) {
            throw invalid(path, "is " + v + ", too large");
        }
        return (int) v;
    }

    private static InvalidSpecificationException invalid(String path, String problem) {
        return new InvalidSpecificationException("The saved result's " + path + " " + problem + ": give the file"
                + " written by estimate --json (or a fit saved by this version), unedited.");
    }
}
