package org.mixlogit.io;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.spec.CoefficientSpec;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.LatentClasses;
import org.mixlogit.spec.ModelSpec;

/**
 * The model specification as JSON, the one format every front end shares:
 * <pre>
 * {
 *   "coefficients": [
 *     {"attribute": "pf", "distribution": "n"},
 *     {"attribute": "cl", "distribution": "ln", "heterogeneity": ["income"]},
 *     {"attribute": "nest", "distribution": "n", "zeroMean": true},
 *     {"attribute": "wk", "distribution": "f"}
 *   ],
 *   "correlated": ["pf", "cl"],
 *   "latentClasses": {"classes": 3, "membership": ["income"], "common": ["wk"]}
 * }
 * </pre>
 * {@code distribution} is a code of {@link Distribution#fromCode(String)} ("f" fixed, "n", "ln", "t", "u", "cn",
 * "tn", "e"); {@code zeroMean} (default false) fixes the location at zero; {@code heterogeneity} lists
 * characteristics shifting the location; {@code correlated} (optional) is the correlated block (normal, lognormal
 * and censored normal members). Unknown fields are errors.
 */
public final class ModelSpecJson {
    private ModelSpecJson() {
    }

    /** The JSON text of a specification (indented). */
    public static String write(ModelSpec spec) {
        return write(spec, JsonWriter.indented()).finish();
    }

    /** Writes a specification as the next value of {@code out} (Modified); returns it. */
    public static JsonWriter write(ModelSpec spec, JsonWriter out) {
        out.startObject().startArray("coefficients");
        for (CoefficientSpec c : spec.coefficients()) {
            out.startObject().put("attribute", c.attribute()).put("distribution", c.distribution().code());
            if (c.hasZeroMean()) {
                out.put("zeroMean", true);
            }
            if (!c.heterogeneity().isEmpty()) {
                names(out, "heterogeneity", c.heterogeneity());
            }
            out.endObject();
        }
        out.endArray();
        if (!spec.correlated().isEmpty()) {
            names(out, "correlated", spec.correlated());
        }
        if (spec.isLatentClass()) {
            LatentClasses lc = spec.latentClasses();
            out.startObject("latentClasses").put("classes", lc.count());
            if (!lc.membership().isEmpty()) {
                names(out, "membership", lc.membership());
            }
            if (!lc.common().isEmpty()) {
                names(out, "common", lc.common());
            }
            out.endObject();
        }
        return out.endObject();
    }

    private static void names(JsonWriter out, String field, List<String> names) {
        out.startArray(field);
        names.forEach(out::value);
        out.endArray();
    }

    /**
     * Parses and validates a specification; every problem names the field or coefficient at fault. The text must be
     * one JSON object with each field once ({@link JsonValue#parseStrict}).
     */
    public static ModelSpec read(String json) {
        try {
            return read(JsonValue.parseStrict(json));
        } catch (JsonProcessingException e) {
            throw new InvalidSpecificationException("The model specification is not valid JSON: "
                    + JsonValue.problem(e) + ".");
        }
    }

    /** {@link #read(String)} of a document already parsed. */
    public static ModelSpec read(JsonValue root) {
        if (root == null || !root.isObject()) {
            throw new InvalidSpecificationException("The model specification must be a JSON object with a"
                    + " \"coefficients\" array.");
        }
        checkFields(root, "the specification", "coefficients", "correlated", "latentClasses");
        JsonValue coefficients = root.get("coefficients");
        if (coefficients == null || !coefficients.isArray() || coefficients.size() == 0) {
            throw new InvalidSpecificationException("The model specification needs a non-empty \"coefficients\""
                    + " array of {\"attribute\": ..., \"distribution\": ...} objects.");
        }
        ModelSpec.Builder b = ModelSpec.builder();
        int index = 0;
        for (JsonValue c : coefficients) {
            String where = "coefficient " + (index + 1);
            if (!c.isObject()) {
                throw new InvalidSpecificationException(where + " is not a JSON object.");
            }
            checkFields(c, where, "attribute", "distribution", "zeroMean", "heterogeneity");
            String attribute = text(c, "attribute", where);
            where = where + " ('" + attribute + "')";
            Distribution d = Distribution.fromCode(text(c, "distribution", where));
            boolean zeroMean = c.has("zeroMean") && flag(c.get("zeroMean"), where);
            if (d == Distribution.FIXED) {
                if (zeroMean) {
                    throw new InvalidSpecificationException(where + " is fixed with zeroMean: a fixed coefficient"
                            + " of zero is no coefficient; drop it.");
                }
                b.fixed(attribute);
            } else if (zeroMean) {
                b.zeroMean(attribute, d);
            } else {
                b.random(attribute, d);
            }
            if (c.has("heterogeneity")) {
                b.heterogeneity(attribute, strings(c.get("heterogeneity"), where + " heterogeneity"));
            }
            index++;
        }
        if (root.has("correlated")) {
            b.correlated(strings(root.get("correlated"), "\"correlated\""));
        }
        if (root.has("latentClasses")) {
            b.latentClasses(latentClasses(root.get("latentClasses")));
        }
        return b.build();
    }

    private static LatentClasses latentClasses(JsonValue node) {
        String where = "\"latentClasses\"";
        if (!node.isObject()) {
            throw new InvalidSpecificationException(where + " must be an object such as {\"classes\": 3}.");
        }
        checkFields(node, where, "classes", "membership", "common");
        JsonValue classes = node.get("classes");
        if (classes == null || !classes.isIntegralNumber()) {
            throw new InvalidSpecificationException(where + " needs a whole number \"classes\".");
        }
        List<String> membership = node.has("membership") ? strings(node.get("membership"), where + " membership")
                : new ArrayList<>();
        List<String> common = node.has("common") ? strings(node.get("common"), where + " common")
                : new ArrayList<>();
        return new LatentClasses(classes.asInt(), membership, common);
    }

    private static void checkFields(JsonValue node, String where, String... allowed) {
        List<String> known = java.util.Arrays.asList(allowed);
        for (String f : node.fieldNames()) {
            if (!known.contains(f)) {
                throw new InvalidSpecificationException("Unknown field \"" + f + "\" in " + where + ": allowed are "
                        + known + ".");
            }
        }
    }

    private static String text(JsonValue node, String field, String where) {
        JsonValue v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().trim().isEmpty()) {
            throw new InvalidSpecificationException(where + " needs a text field \"" + field + "\".");
        }
        return v.asText();
    }

    private static boolean flag(JsonValue v, String where) {
        if (!v.isBoolean()) {
            throw new InvalidSpecificationException(where + ": \"zeroMean\" must be true or false.");
        }
        return v.asBoolean();
    }

    private static List<String> strings(JsonValue v, String where) {
        if (!v.isArray()) {
            throw new InvalidSpecificationException(where + " must be an array of names.");
        }
        List<String> out = new ArrayList<>();
        for (JsonValue e : v) {
            if (!e.isTextual()) {
                throw new InvalidSpecificationException(where + " must hold only names (text); found " + e + ".");
            }
            out.add(e.asText());
        }
        return out;
    }
}
