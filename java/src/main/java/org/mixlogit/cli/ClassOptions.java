package org.mixlogit.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.mixlogit.bridge.EstimationOptions;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.estimation.LatentClassEstimator;
import org.mixlogit.latent.ModelSelection;
import org.mixlogit.report.ResultJson;
import org.mixlogit.report.ResultTable;
import org.mixlogit.report.SavedResult;
import org.mixlogit.spec.LatentClasses;
import org.mixlogit.spec.ModelSpec;

/**
 * The latent class options of {@code estimate}: {@code --classes C} (or {@code A:B}, a fit for each number of
 * classes and lclogit2's model-selection table), {@code --membership a,b} (characteristics of the class-share logit)
 * and {@code --common x,y} (coefficients shared by all classes); {@code --random} then declares coefficients random
 * within each class.
 */
final class ClassOptions {
    private final int from;
    private final int to;
    private final List<String> membership;
    private final List<String> common;

    private ClassOptions(int from, int to, List<String> membership, List<String> common) {
        this.from = from;
        this.to = to;
        this.membership = membership;
        this.common = common;
    }

    static ClassOptions parse(Options o) {
        if (!o.has("classes")) {
            for (String option : new String[] {"membership", "common"}) {
                if (o.has(option)) {
                    throw new UsageException("--" + option + " is an option of latent class models: add --classes C"
                            + " (the number of classes), or drop --" + option + ".");
                }
            }
            return new ClassOptions(0, 0, List.of(), List.of());
        }
        String value = o.get("classes", "").trim();
        int colon = value.indexOf(':');
        int a;
        int b;
        try {
            a = Integer.parseInt(colon < 0 ? value : value.substring(0, colon).trim());
            b = colon < 0 ? a : Integer.parseInt(value.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--classes takes a number of classes C or a range A:B such as 1:5; got '"
                    + value + "'.");
        }
        if (a < 1 || b < a || b > LatentClasses.MAX_CLASSES) {
            throw new UsageException("--classes " + value + ": give 1 <= C <= " + LatentClasses.MAX_CLASSES
                    + ", or a range A:B with 1 <= A <= B.");
        }
        return new ClassOptions(a, b, o.list("membership"), o.list("common"));
    }

    boolean isRange() {
        return to > from;
    }

    /** The model with its classes (the range's largest number; each fit of a range sets its own). */
    ModelSpec apply(ModelSpec spec) {
        if (to == 0) {
            return spec;
        }
        return spec.withLatentClasses(new LatentClasses(to, membership, to == 1 ? List.of() : common));
    }

    /** Fits each number of classes, prints the selection table and the fit with the smallest BIC. */
    static int selectAndReport(ChoiceData data, SavedData source, ModelSpec spec, ClassOptions classes,
            EstimatorConfig config, String json, boolean quiet, PrintStream out, PrintStream err) {
        LatentClassEstimator estimator = new LatentClassEstimator(config);
        List<EstimationResult> fits = estimator.estimateRange(data, spec, classes.from, classes.to, report -> {
            if (!quiet) {
                err.println(String.format(Locale.ROOT, "iteration %4d  log-likelihood %.6f  scaled gradient %.3g",
                        report.iteration(), -report.value(), report.gradientNorm()));
            }
            return true;
        });
        ModelSelection selection = LatentClassEstimator.selection(fits);
        EstimationResult best = fits.get(selection.bestByBic() - classes.from);
        out.println("Latent class model selection (N = " + data.decisionMakerCount() + " decision-makers in BIC"
                + " and CAIC):");
        out.print(selection.format());
        out.println();
        out.print(ResultTable.format(best));
        if (json != null) {
            String saved = ResultJson.write(best, EstimationOptions.write(config),
                    SavedResult.fingerprint(data, best.spec()));
            CommandFiles.write("json", json, source.annotate(ResultJson.withModelSelection(saved, selection)));
        }
        return best.isConverged() ? 0 : 1;
    }
}
