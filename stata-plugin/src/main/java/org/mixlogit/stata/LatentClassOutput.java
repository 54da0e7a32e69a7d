package org.mixlogit.stata;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.bridge.BridgeFit;
import org.mixlogit.spec.CoefficientSpec;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.spec.ParameterLayout;

/**
 * The latent class results of nclasses() in lclogit2's words: the matrices {@code e(P)} (class shares at the mean
 * membership variables, C x 1), {@code e(P_se)} (their delta-method standard errors), {@code e(P_post)} (mean
 * posterior probabilities), {@code e(B)} (C x K coefficient means by class, common ones repeated), {@code e(CMB)}
 * (C x (1 + membership) class-share logit, class 1 the base: zeros) and {@code e(PB)} (1 x K share-weighted mean
 * coefficients), written into the matrices the ado-file named in {@code jm_lcnames} (pairs of statistic and name);
 * and the locals of {@link #LOCALS} (information criteria with N the decision-makers, boundaries); with a range
 * nclasses(A/B) also lclogit2's model-selection table e(selection) ({@link #storeSelection}). Without classes the
 * locals are "." or empty and no matrix is written.
 */
final class LatentClassOutput {
    /** The locals set after every estimation. */
    static final List<String> LOCALS = Collections.unmodifiableList(Arrays.asList("jm_nclasses_used", "jm_k_share",
            "jm_aic", "jm_bic", "jm_caic", "jm_boundaries"));
    /** The EM search's locals after every estimation: starts, the best start's EM iterations and EM log likelihood. */
    static final List<String> EM_LOCALS = Collections.unmodifiableList(Arrays.asList("jm_em_starts",
            "jm_em_iterations", "jm_ll_em"));
    /** The matrices of jm_lcnames. */
    static final List<String> MATRICES = Collections.unmodifiableList(Arrays.asList("P", "P_se", "P_post", "B",
            "CMB", "PB", "selection"));
    /** The columns of e(selection), the model-selection table of nclasses(A/B) (as the engine's selection row). */
    static final List<String> SELECTION_COLUMNS = Collections.unmodifiableList(Arrays.asList("classes", "ll",
            "nparam", "aic", "bic", "caic", "min_share", "converged"));

    private final StataSession stata;

    LatentClassOutput(StataSession stata) {
        this.stata = stata;
    }

    void store(BridgeFit fit, ModelSpec spec) {
        double[] em = fit.emSearch();
        for (int i = 0; i < EM_LOCALS.size(); i++) {
            stata.setLocal(EM_LOCALS.get(i), PluginEstimation.stataNumber(em[i]));
        }
        if (!spec.isLatentClass()) {
            for (String local : LOCALS) {
                stata.setLocal(local, local.equals("jm_boundaries") ? "" : ".");
            }
            return;
        }
        int classes = spec.classCount();
        double[] row = fit.selectionRow();
        stata.setLocal("jm_nclasses_used", Integer.toString(classes));
        stata.setLocal("jm_k_share", Integer.toString(spec.latentClasses().membership().size()));
        stata.setLocal("jm_aic", PluginEstimation.stataNumber(row[3]));
        stata.setLocal("jm_bic", PluginEstimation.stataNumber(row[4]));
        stata.setLocal("jm_caic", PluginEstimation.stataNumber(row[5]));
        stata.setLocal("jm_boundaries", PluginEstimation.plain(String.join("; ", fit.boundaries())));
        String[] rows = new String[classes];
        for (int c = 0; c < classes; c++) {
            rows[c] = "Class" + (c + 1);
        }
        MatrixOutput out = new MatrixOutput(stata);
        out.write("e(P)", name("P"), classes, 1, fit.classShares(), rows, new String[] {"Share"}, "");
        out.write("e(P_se)", name("P_se"), classes, 1, fit.classShareErrors(), rows, new String[] {"Std_err"}, "");
        out.write("e(P_post)", name("P_post"), classes, 1, fit.posteriorShares(), rows, new String[] {"Posterior"},
                "");
        writeCoefficients(out, fit, spec, rows);
        writeMembership(out, fit, spec, rows);
    }

    /**
     * nclasses(A/B): lclogit2's model-selection table in the matrix named for "selection" in jm_lcnames, one row per
     * number of classes ({@link #SELECTION_COLUMNS}: the engine's {@link BridgeFit#selectionRow()} and whether the
     * fit converged); nothing without a range (null). The fit posted is the one with the smallest BIC.
     */
    void storeSelection(BridgeFit[] range) {
        if (range == null) {
            return;
        }
        int width = SELECTION_COLUMNS.size();
        double[] table = new double[range.length * width];
        String[] rows = new String[range.length];
        for (int i = 0; i < range.length; i++) {
            double[] row = range[i].selectionRow();
            System.arraycopy(row, 0, table, i * width, row.length);
            table[i * width + width - 1] = range[i].statistic("converged");
            rows[i] = "C" + range[i].classCount();
        }
        new MatrixOutput(stata).write("e(selection)", name("selection"), range.length, width, table, rows,
                SELECTION_COLUMNS.toArray(new String[0]), "");
    }

    /** e(B) and e(PB): the mean of every coefficient in every class, and their share-weighted average. */
    private void writeCoefficients(MatrixOutput out, BridgeFit fit, ModelSpec spec, String[] rows) {
        int classes = rows.length;
        List<CoefficientSpec> coefficients = spec.classModel().coefficients();
        ParameterLayout inner = spec.classModel().layout();
        ParameterLayout layout = spec.layout();
        int k = coefficients.size();
        String[] columns = new String[k];
        double[] b = fit.estimates();
        double[] shares = fit.classShares();
        double[] matrix = new double[classes * k];
        double[] average = new double[k];
        for (int j = 0; j < k; j++) {
            columns[j] = coefficients.get(j).attribute();
            for (int c = 0; c < classes; c++) {
                double value = b[layout.classIndex(c, inner.meanIndex(j))];
                matrix[c * k + j] = value;
                average[j] += shares[c] * value;
            }
        }
        out.write("e(B)", name("B"), classes, k, matrix, rows, columns, "");
        out.write("e(PB)", name("PB"), 1, k, average, new String[] {"Coef"}, columns, "");
    }

    /** e(CMB): the class-share logit by class, the base class 1 a row of zeros. */
    private void writeMembership(MatrixOutput out, BridgeFit fit, ModelSpec spec, String[] rows) {
        int classes = rows.length;
        List<String> membership = spec.latentClasses().membership();
        int width = 1 + membership.size();
        String[] columns = new String[width];
        columns[0] = ParameterLayout.CONSTANT;
        for (int z = 1; z < width; z++) {
            columns[z] = membership.get(z - 1);
        }
        double[] b = fit.estimates();
        double[] matrix = new double[classes * width];
        ParameterLayout layout = spec.layout();
        for (int c = 1; c < classes; c++) {
            for (int z = 0; z < width; z++) {
                matrix[c * width + z] = b[layout.membershipIndex(c, z)];
            }
        }
        out.write("e(CMB)", name("CMB"), classes, width, matrix, rows, columns, "");
    }

    /** The Stata matrix the ado-file created for a statistic, from the jm_lcnames pairs. */
    private String name(String statistic) {
        String[] w = stata.local("jm_lcnames").trim().split("\\s+");
        for (int i = 0; i + 1 < w.length; i += 2) {
            if (w[i].equals(statistic)) {
                return w[i + 1];
            }
        }
        throw new InvalidSpecificationException("Local jm_lcnames names no matrix for " + statistic + ": call the"
                + " plugin through jmixlogit.ado.");
    }
}
