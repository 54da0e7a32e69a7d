package org.mixlogit.stata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.mixlogit.InvalidSpecificationException;

/**
 * The engine's parameters as Stata shows them, named and ordered as Hole's mixlogit: means in equation
 * {@code Mean} (named by their variable), standard deviations of independent random coefficients in {@code SD},
 * heterogeneity in {@code Het} ({@code variable_characteristic}), and the elements of the Cholesky factor L of a
 * correlated block as equations {@code l11 l21 l31 l22 l32 l33} with name {@code _cons}, column by column of L
 * (the engine keeps them row by row: l11 l21 l22 l31 ...), so that a mixlogit {@code e(b)} carries over as
 * {@code from()}. {@link #toStata} and {@link #toEngine} reorder vectors and square matrices between the two
 * orders. Immutable.
 */
final class StataLayout {
    /** Engine index of the parameter in Stata position j. */
    private final int[] engineIndex;
    private final String[] equations;
    private final String[] names;
    private final int meanCount;
    /** True for a latent class model (equations by class, see {@link #latentClass}). */
    private final boolean latent;

    /**
     * @param engineNames the engine's parameter names (Cholesky elements "chol.a:b"; a latent class model's
     *                    "class2.pf", "share2._cons", ...)
     * @param kinds the engine's kinds: MEAN, HETEROGENEITY, SCALE, CHOLESKY or MEMBERSHIP
     */
    StataLayout(String[] engineNames, String[] kinds) {
        int p = engineNames.length;
        engineIndex = new int[p];
        equations = new String[p];
        names = new String[p];
        latent = isLatentClass(engineNames, kinds);
        if (latent) {
            meanCount = latentClass(engineNames, kinds);
            return;
        }
        List<int[]> cholesky = new ArrayList<>();
        List<Integer> choleskySlots = new ArrayList<>();
        int row = 1;
        int column = 1;
        int means = 0;
        for (int i = 0; i < p; i++) {
            engineIndex[i] = i;
            switch (kinds[i]) {
                case "SCALE":
                    equations[i] = "SD";
                    names[i] = engineNames[i].substring(engineNames[i].indexOf('.') + 1);
                    break;
                case "CHOLESKY":
                    cholesky.add(new int[] {row, column, i});
                    choleskySlots.add(i);
                    if (column == row) {
                        row++;
                        column = 1;
                    } else {
                        column++;
                    }
                    break;
                case "HETEROGENEITY":
                    equations[i] = "Het";
                    names[i] = engineNames[i].replace(':', '_');
                    break;
                default:
                    equations[i] = "Mean";
                    names[i] = engineNames[i];
                    means++;
                    break;
            }
        }
        // Hole's order: column by column of the lower triangle
        cholesky.sort((a, b) -> a[1] != b[1] ? Integer.compare(a[1], b[1]) : Integer.compare(a[0], b[0]));
        for (int k = 0; k < cholesky.size(); k++) {
            int slot = choleskySlots.get(k);
            int[] e = cholesky.get(k);
            engineIndex[slot] = e[2];
            equations[slot] = "l" + e[0] + e[1];
            names[slot] = "_cons";
        }
        meanCount = means;
    }

    /** A latent class model's names: "classC." prefixes (Stata names cannot hold a dot) or MEMBERSHIP kinds. */
    private static boolean isLatentClass(String[] engineNames, String[] kinds) {
        for (int i = 0; i < engineNames.length; i++) {
            if (kinds[i].equals("MEMBERSHIP") || engineNames[i].matches("class[0-9]+\\..*")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A latent class model in lclogit2's words, in the engine's order: class c's parameters in equation
     * {@code Classc} (means; {@code Classc_SD} for standard deviations, {@code Classc_Het} for heterogeneity,
     * {@code Classc_Chol} for Cholesky elements named {@code a_b}), the coefficients common to all classes in
     * {@code Fix} (and {@code Fix_SD}, ...), and the class-share logit of class c (class 1 the base) in
     * {@code Sharec} ({@code _cons} and the membership variables).
     *
     * @return the number of mean parameters (class-specific and common)
     */
    private int latentClass(String[] engineNames, String[] kinds) {
        int means = 0;
        for (int i = 0; i < engineNames.length; i++) {
            engineIndex[i] = i;
            String name = engineNames[i];
            if (kinds[i].equals("MEMBERSHIP")) {
                int dot = name.indexOf('.');
                equations[i] = "Share" + name.substring("share".length(), dot);
                names[i] = name.substring(dot + 1);
                continue;
            }
            String equation = "Fix";
            if (name.matches("class[0-9]+\\..*")) {
                int dot = name.indexOf('.');
                equation = "Class" + name.substring("class".length(), dot);
                name = name.substring(dot + 1);
            }
            switch (kinds[i]) {
                case "SCALE":
                    equations[i] = equation + "_SD";
                    names[i] = name.substring(name.indexOf('.') + 1);
                    break;
                case "CHOLESKY":
                    equations[i] = equation + "_Chol";
                    names[i] = name.substring(name.indexOf('.') + 1).replace(':', '_');
                    break;
                case "HETEROGENEITY":
                    equations[i] = equation + "_Het";
                    names[i] = name.replace(':', '_');
                    break;
                default:
                    equations[i] = equation;
                    names[i] = name;
                    means++;
                    break;
            }
        }
        return means;
    }

    /** True for a latent class model's layout. */
    boolean isLatentClass() {
        return latent;
    }

    /** Whether Stata column j is the mean of a coefficient (Mean; for latent classes Classc or Fix). */
    boolean isMean(int j) {
        String e = equations[j];
        return latent ? e.equals("Fix") || e.matches("Class[0-9]+") : e.equals("Mean");
    }

    int size() {
        return engineIndex.length;
    }

    /** The equation of each Stata column ("Mean", "SD", "Het", "l21"). */
    List<String> equations() {
        return Collections.unmodifiableList(Arrays.asList(equations));
    }

    /** The name of each Stata column within its equation (a variable, or "_cons" for a Cholesky element). */
    List<String> names() {
        return Collections.unmodifiableList(Arrays.asList(names));
    }

    /** The full names "equation:name", space separated, as {@code matrix colnames} takes them. */
    String stripes() {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < names.length; j++) {
            b.append(j == 0 ? "" : " ").append(equations[j]).append(':').append(names[j]);
        }
        return b.toString();
    }

    /** Number of Mean parameters (fixed and random coefficients' means). */
    int meanCount() {
        return meanCount;
    }

    /**
     * Number of parameters of the random part: standard deviations and Cholesky elements; 0 for a latent class
     * model, whose likelihood-ratio test against the fixed-coefficient logit is not chi-squared (its classes are not
     * identified under the null), so no such test is reported.
     */
    int randomPartCount() {
        if (latent) {
            return 0;
        }
        int n = 0;
        for (String e : equations) {
            n += e.equals("SD") || e.startsWith("l") ? 1 : 0;
        }
        return n;
    }

    /** A vector in engine order, reordered to Stata's. Not modified. */
    double[] toStata(double[] engine) {
        double[] out = new double[engine.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = engine[engineIndex[j]];
        }
        return out;
    }

    /** A p x p matrix (row-major) in engine order, reordered to Stata's in rows and columns. Not modified. */
    double[] matrixToStata(double[] engine) {
        int p = engineIndex.length;
        double[] out = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                out[i * p + j] = engine[engineIndex[i] * p + engineIndex[j]];
            }
        }
        return out;
    }

    /** A vector in Stata order, reordered to the engine's. Not modified. */
    double[] toEngine(double[] stata) {
        double[] out = new double[stata.length];
        for (int j = 0; j < out.length; j++) {
            out[engineIndex[j]] = stata[j];
        }
        return out;
    }

    /**
     * Starting values from a Stata row vector, as {@code from(matname)} of Stata's ml: by column name
     * ("equation:name"; values whose name the model lacks are an error, or ignored with {@code skip}, and
     * parameters the vector lacks take their value in {@code otherwise}), or by position with {@code copy} (the
     * length must match).
     *
     * @param values the vector's elements; not modified
     * @param columnNames its full column names, one per element (ignored with copy)
     * @param mode "", "skip" or "copy"
     * @param otherwise Not modified: in engine order, the start of each parameter the vector lacks
     * @return the start in engine order
     */
    double[] start(double[] values, List<String> columnNames, String mode, double[] otherwise) {
        int p = size();
        double[] stata = toStata(otherwise);
        if (mode.equals("copy")) {
            if (values.length != p) {
                throw new InvalidSpecificationException("from(, copy): the vector has " + values.length
                        + " elements but the model has " + p + " parameters (" + stripes() + ").");
            }
            return toEngine(values.clone());
        }
        if (columnNames.size() != values.length) {
            throw new InvalidSpecificationException("from(): " + values.length + " values but " + columnNames.size()
                    + " column names.");
        }
        List<String> mine = Arrays.asList(stripes().split(" "));
        for (int k = 0; k < values.length; k++) {
            String name = columnNames.get(k);
            int j = mine.indexOf(name);
            if (j < 0 && !name.contains(":")) {
                j = mine.indexOf("Mean:" + name);
            }
            if (j < 0) {
                if (mode.equals("skip")) {
                    continue;
                }
                throw new InvalidSpecificationException("from(): the model has no parameter " + name + "; its"
                        + " parameters are " + stripes() + ". Add option skip (from(name, skip)) to ignore it,"
                        + " or copy to use the values by position.");
            }
            stata[j] = values[k];
        }
        return toEngine(stata);
    }
}
