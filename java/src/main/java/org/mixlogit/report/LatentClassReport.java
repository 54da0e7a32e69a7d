package org.mixlogit.report;

import java.util.List;
import java.util.Locale;

import org.mixlogit.estimation.CoefficientEstimate;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.latent.LatentClassSummary;
import org.mixlogit.spec.ParameterKind;
import org.mixlogit.spec.ParameterLayout;

/**
 * The latent class parts of the results table: the section of each parameter (a class, the common coefficients,
 * the class-share logit), the classes' coefficients side by side as lclogit2 shows them, and the class shares,
 * the EM search and the boundaries met.
 */
final class LatentClassReport {
    private LatentClassReport() {
    }

    /** The section title of parameter i: "Class 2", "Common to all classes" or "Class-share logit (base: class 1)". */
    static String title(EstimationResult r, int i) {
        ParameterLayout layout = r.spec().layout();
        if (layout.kinds().get(i) == ParameterKind.MEMBERSHIP) {
            return "Class shares (logit, base class 1)";
        }
        for (int c = 0; c < layout.classCount(); c++) {
            int q = layout.classLayout().size();
            for (int j = 0; j < q; j++) {
                if (layout.classIndex(c, j) == i) {
                    boolean common = layout.classCount() > 1 && layout.classIndex(0, j) == layout.classIndex(1, j);
                    return common ? "Common to all classes" : "Class " + (c + 1);
                }
            }
        }
        return "Other";
    }

    static void footer(StringBuilder b, EstimationResult r, LatentClassSummary lc) {
        ParameterLayout layout = r.spec().layout();
        int classes = lc.classes();
        List<CoefficientEstimate> coefficients = r.coefficients();
        b.append("Coefficients by class (estimate, standard error below):\n");
        b.append(String.format(Locale.ROOT, "%22s", ""));
        for (int c = 0; c < classes; c++) {
            b.append(String.format(Locale.ROOT, " %12s", "Class " + (c + 1)));
        }
        b.append('\n');
        List<String> names = layout.classLayout().names();
        for (int j = 0; j < names.size(); j++) {
            StringBuilder estimates = new StringBuilder(String.format(Locale.ROOT, "%22s", clip(names.get(j))));
            StringBuilder errors = new StringBuilder(String.format(Locale.ROOT, "%22s", ""));
            for (int c = 0; c < classes; c++) {
                CoefficientEstimate e = coefficients.get(layout.classIndex(c, j));
                estimates.append(String.format(Locale.ROOT, " %12.5g", e.estimate()));
                errors.append(Double.isNaN(e.standardError()) ? String.format(Locale.ROOT, " %12s", ".")
                        : String.format(Locale.ROOT, " %12s", "(" + String.format(Locale.ROOT, "%.4g",
                        e.standardError()) + ")"));
            }
            b.append(estimates).append('\n').append(errors).append('\n');
        }
        double[] shares = lc.shares();
        double[] errors = lc.shareErrors();
        double[] posterior = lc.posteriorShares();
        b.append(String.format(Locale.ROOT, "%22s", "share at mean"));
        for (int c = 0; c < classes; c++) {
            b.append(String.format(Locale.ROOT, " %12.4f", shares[c]));
        }
        b.append('\n').append(String.format(Locale.ROOT, "%22s", ""));
        for (int c = 0; c < classes; c++) {
            b.append(String.format(Locale.ROOT, " %12s", Double.isNaN(errors[c]) ? "."
                    : "(" + String.format(Locale.ROOT, "%.4f", errors[c]) + ")"));
        }
        b.append('\n').append(String.format(Locale.ROOT, "%22s", "mean posterior"));
        for (int c = 0; c < classes; c++) {
            b.append(String.format(Locale.ROOT, " %12.4f", posterior[c]));
        }
        b.append('\n');
        if (classes > 1) {
            b.append(String.format(Locale.ROOT, "Classes sorted by share at the mean characteristics; %d EM start(s),"
                    + " the best's EM stopped at LL %.4f after %d iteration(s), then direct ML.%n", lc.starts(),
                    lc.emLogLikelihood(), lc.emIterations()));
        }
        for (String boundary : lc.boundaries()) {
            b.append("Boundary: ").append(boundary).append('\n');
        }
    }

    private static String clip(String name) {
        return name.length() > 22 ? name.substring(0, 21) + "~" : name;
    }
}
