package org.mixlogit.report;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mixlogit.estimation.CoefficientEstimate;
import org.mixlogit.estimation.EstimationResult;
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

    static void write(ObjectNode root, EstimationResult r) {
        LatentClassSummary lc = r.latentClasses().orElse(null);
        if (lc == null) {
            root.putNull("latentClasses");
            return;
        }
        ParameterLayout layout = r.spec().layout();
        List<CoefficientEstimate> coefficients = r.coefficients();
        ObjectNode o = root.putObject("latentClasses");
        o.put("classes", lc.classes());
        ObjectNode z = o.putObject("meanCharacteristics");
        double[] mean = lc.meanCharacteristics();
        z.put(ParameterLayout.CONSTANT, mean[0]);
        List<String> membership = r.spec().latentClasses().membership();
        for (int v = 0; v < membership.size(); v++) {
            z.put(membership.get(v), mean[v + 1]);
        }
        o.put("starts", lc.starts());
        o.put("emIterations", lc.emIterations());
        number(o, "emLoglik", lc.emLogLikelihood());
        lc.boundaries().forEach(o.putArray("boundaries")::add);
        List<String> inner = layout.classLayout().names();
        boolean[] common = new boolean[inner.size()];
        for (int j = 0; j < inner.size(); j++) {
            common[j] = layout.classCount() > 1 && layout.classIndex(0, j) == layout.classIndex(1, j);
        }
        ArrayNode blocks = o.putArray("classBlocks");
        for (int c = 0; c < lc.classes(); c++) {
            ObjectNode block = blocks.addObject();
            block.put("class", c + 1);
            number(block, "share", lc.shares()[c]);
            number(block, "shareStderr", lc.shareErrors()[c]);
            number(block, "posteriorShare", lc.posteriorShares()[c]);
            ArrayNode list = block.putArray("coefficients");
            for (int j = 0; j < inner.size(); j++) {
                if (!common[j]) {
                    estimate(list.addObject(), inner.get(j), coefficients.get(layout.classIndex(c, j)));
                }
            }
        }
        ArrayNode shared = o.putArray("common");
        for (int j = 0; j < inner.size(); j++) {
            if (common[j]) {
                estimate(shared.addObject(), inner.get(j), coefficients.get(layout.classIndex(0, j)));
            }
        }
        ArrayNode share = o.putArray("membership");
        for (int c = 1; c < lc.classes(); c++) {
            for (int v = 0; v <= membership.size(); v++) {
                ObjectNode m = share.addObject();
                m.put("class", c + 1);
                estimate(m, v == 0 ? ParameterLayout.CONSTANT : membership.get(v - 1),
                        coefficients.get(layout.membershipIndex(c, v)));
            }
        }
    }

    private static void estimate(ObjectNode o, String name, CoefficientEstimate c) {
        o.put("name", name);
        o.put("parameter", c.name());
        number(o, "estimate", c.estimate());
        number(o, "stderr", c.standardError());
    }

    /** The model-selection table: one row per number of classes. */
    static void selection(ObjectNode root, ModelSelection selection) {
        ArrayNode rows = root.putArray("modelSelection");
        for (ModelSelection.Row r : selection.rows()) {
            ObjectNode o = rows.addObject();
            o.put("classes", r.classes());
            number(o, "loglik", r.logLikelihood());
            o.put("parameters", r.parameters());
            number(o, "aic", r.aic());
            number(o, "bic", r.bic());
            number(o, "caic", r.caic());
            number(o, "smallestShare", r.smallestShare());
            o.put("converged", r.isConverged());
        }
    }

    private static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }
}
