package org.mixlogit.report;

import java.util.List;

import org.mixlogit.estimation.CoefficientEstimate;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.io.JsonWriter;
import org.mixlogit.latent.LatentClassSummary;
import org.mixlogit.latent.ModelSelection;
import org.mixlogit.spec.ParameterLayout;

/**
 * The "latentClasses" block of the saved form (docs/result-schema.md): per-class blocks (share at the mean
 * characteristics with its standard error, mean posterior probability, the class's coefficients under their class
 * model names), the common coefficients, the class-share logit, the EM search and the boundaries; null for a model
 * of one population. And the "modelSelection" block of a fit chosen from a range of classes.
 */
final class LatentClassJson {
    private LatentClassJson() {
    }

    static void write(JsonWriter root, EstimationResult r) {
        LatentClassSummary lc = r.latentClasses().orElse(null);
        if (lc == null) {
            root.putNull("latentClasses");
            return;
        }
        ParameterLayout layout = r.spec().layout();
        List<CoefficientEstimate> coefficients = r.coefficients();
        JsonWriter o = root.startObject("latentClasses");
        o.put("classes", lc.classes());
        o.startObject("meanCharacteristics");
        double[] mean = lc.meanCharacteristics();
        o.put(ParameterLayout.CONSTANT, mean[0]);
        List<String> membership = r.spec().latentClasses().membership();
        for (int v = 0; v < membership.size(); v++) {
            o.put(membership.get(v), mean[v + 1]);
        }
        o.endObject();
        o.put("starts", lc.starts());
        o.put("emIterations", lc.emIterations());
        o.putFinite("emLoglik", lc.emLogLikelihood());
        o.startArray("boundaries");
        lc.boundaries().forEach(o::value);
        o.endArray();
        List<String> inner = layout.classLayout().names();
        boolean[] common = new boolean[inner.size()];
        for (int j = 0; j < inner.size(); j++) {
            common[j] = layout.classCount() > 1 && layout.classIndex(0, j) == layout.classIndex(1, j);
        }
        o.startArray("classBlocks");
        for (int c = 0; c < lc.classes(); c++) {
            o.startObject();
            o.put("class", c + 1);
            o.putFinite("share", lc.shares()[c]);
            o.putFinite("shareStderr", lc.shareErrors()[c]);
            o.putFinite("posteriorShare", lc.posteriorShares()[c]);
            o.startArray("coefficients");
            for (int j = 0; j < inner.size(); j++) {
                if (!common[j]) {
                    estimate(o.startObject(), inner.get(j), coefficients.get(layout.classIndex(c, j)));
                }
            }
            o.endArray().endObject();
        }
        o.endArray().startArray("common");
        for (int j = 0; j < inner.size(); j++) {
            if (common[j]) {
                estimate(o.startObject(), inner.get(j), coefficients.get(layout.classIndex(0, j)));
            }
        }
        o.endArray().startArray("membership");
        for (int c = 1; c < lc.classes(); c++) {
            for (int v = 0; v <= membership.size(); v++) {
                o.startObject();
                o.put("class", c + 1);
                estimate(o, v == 0 ? ParameterLayout.CONSTANT : membership.get(v - 1),
                        coefficients.get(layout.membershipIndex(c, v)));
            }
        }
        o.endArray().endObject();
    }

    /** The fields of one estimate into the open object {@code o} (Modified), which it closes. */
    private static void estimate(JsonWriter o, String name, CoefficientEstimate c) {
        o.put("name", name);
        o.put("parameter", c.name());
        o.putFinite("estimate", c.estimate());
        o.putFinite("stderr", c.standardError());
        o.endObject();
    }

    /** The model-selection table: one row per number of classes. */
    static void selection(JsonWriter root, ModelSelection selection) {
        root.startArray("modelSelection");
        for (ModelSelection.Row r : selection.rows()) {
            root.startObject();
            root.put("classes", r.classes());
            root.putFinite("loglik", r.logLikelihood());
            root.put("parameters", r.parameters());
            root.putFinite("aic", r.aic());
            root.putFinite("bic", r.bic());
            root.putFinite("caic", r.caic());
            root.putFinite("smallestShare", r.smallestShare());
            root.put("converged", r.isConverged());
            root.endObject();
        }
        root.endArray();
    }
}
