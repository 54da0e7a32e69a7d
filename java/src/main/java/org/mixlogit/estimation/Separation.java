package org.mixlogit.estimation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.mixlogit.InvalidDataException;
import org.mixlogit.data.ChoiceData;

/**
 * Perfect and quasi-complete separation in the conditional logit, checked at the plain-logit fit. The data are
 * separated when some direction d of the coefficients makes the chosen alternative's utility at least as high as
 * every other's in every situation, (x_chosen - x_j)'d &gt;= 0, and strictly higher in at least one: the
 * log-likelihood then rises along d towards its supremum, the maximum likelihood estimate does not exist, and an
 * optimizer stops somewhere far out with a log-likelihood near 0 (complete) or near its supremum (quasi-complete)
 * and huge standard errors.
 *
 * <p>The candidates for d are the flattest direction of the plain-logit Hessian at its fit (in units of each
 * attribute's within-situation standard deviation: the separated situations' probabilities saturate and the others
 * do not move along d, so their curvature vanishes) and the fit itself. A candidate is kept when no margin is
 * below -{@value #LOOSE} of the largest; it is then made exact by projecting it onto the null space of the
 * within-situation design of the situations it does not predict, and the projection is the certificate: every
 * margin at least -{@value #TIGHT} of the largest and at least one situation predicted strictly. Only a
 * certificate is reported, so a merely large coefficient is never called separation.
 */
final class Separation {
    /** A candidate direction is refined when no margin is below this share of the largest in absolute value. */
    static final double LOOSE = 1e-3;
    /** The refined direction certifies separation when no margin is below this share of the largest. */
    static final double TIGHT = 1e-6;
    /** Null space of the unpredicted situations' design: Gram eigenvalues below this share of the largest. */
    static final double NULL_SPACE = 1e-12;
    /** An attribute is named when its loading (standardized units) exceeds this share of the largest. */
    static final double NAMED = 0.05;

    private final ChoiceData data;
    private final List<String> names;
    private final int[] columns;
    private final double[] scale;

    private Separation(ChoiceData data, List<String> names) {
        this.data = data;
        this.names = names;
        this.columns = new int[names.size()];
        for (int k = 0; k < columns.length; k++) {
            columns[k] = data.attributeIndex(names.get(k));
        }
        this.scale = withinScales(data, columns);
    }

    /**
     * @param names the plain logit's attributes, in the order of {@code beta}
     * @param beta Not modified: the plain-logit fit (where the optimizer stopped)
     * @throws InvalidDataException when separation is certified, naming the attributes along the direction
     */
    static void require(ChoiceData data, List<String> names, double[] beta) {
        if (names.isEmpty()) {
            return;
        }
        Separation s = new Separation(data, names);
        List<double[]> candidates = new ArrayList<>();
        double[] flattest = s.flattestDirection(beta);
        if (flattest != null) {
            candidates.add(flattest);
        }
        double[] fit = new double[beta.length];
        for (int k = 0; k < beta.length; k++) {
            fit[k] = beta[k] * s.scale[k];
        }
        candidates.add(fit);
        for (double[] c : candidates) {
            for (double sign : new double[] {1, -1}) {
                double[] d = c.clone();
                for (int k = 0; k < d.length; k++) {
                    d[k] *= sign;
                }
                String why = s.certify(d);
                if (why != null) {
                    throw new InvalidDataException(why);
                }
            }
        }
    }

    /** Root mean square of each column's deviations from its situation means (1 when it never varies). */
    private static double[] withinScales(ChoiceData data, int[] columns) {
        int q = columns.length;
        int[] st = data.situationStartRef();
        double[] sum = new double[q];
        for (int t = 0; t < data.situationCount(); t++) {
            for (int k = 0; k < q; k++) {
                double mean = 0;
                for (int r = st[t]; r < st[t + 1]; r++) {
                    mean += data.attribute(r, columns[k]);
                }
                mean /= st[t + 1] - st[t];
                for (int r = st[t]; r < st[t + 1]; r++) {
                    double dev = data.attribute(r, columns[k]) - mean;
                    sum[k] += dev * dev;
                }
            }
        }
        double[] s = new double[q];
        for (int k = 0; k < q; k++) {
            s[k] = sum[k] > 0 ? Math.sqrt(sum[k] / data.rowCount()) : 1.0;
        }
        return s;
    }

    /** Standardized attribute k of a row. */
    private double z(int row, int k) {
        return data.attribute(row, columns[k]) / scale[k];
    }

    /** Unit eigenvector of the smallest eigenvalue of the standardized plain-logit information at beta, or null. */
    private double[] flattestDirection(double[] beta) {
        int q = columns.length;
        int[] st = data.situationStartRef();
        int[] dm = data.decisionMakerStartRef();
        double[] h = new double[q * q];
        double[] p = new double[data.maxAlternatives()];
        double[] mean = new double[q];
        for (int n = 0; n < data.decisionMakerCount(); n++) {
            double w = data.weight(n);
            for (int t = dm[n]; t < dm[n + 1]; t++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int r = st[t]; r < st[t + 1]; r++) {
                    double v = 0;
                    for (int k = 0; k < q; k++) {
                        v += data.attribute(r, columns[k]) * beta[k];
                    }
                    p[r - st[t]] = v;
                    max = Math.max(max, v);
                }
                double total = 0;
                for (int r = st[t]; r < st[t + 1]; r++) {
                    p[r - st[t]] = Math.exp(p[r - st[t]] - max);
                    total += p[r - st[t]];
                }
                Arrays.fill(mean, 0);
                for (int r = st[t]; r < st[t + 1]; r++) {
                    p[r - st[t]] /= total;
                    for (int k = 0; k < q; k++) {
                        mean[k] += p[r - st[t]] * z(r, k);
                    }
                }
                for (int r = st[t]; r < st[t + 1]; r++) {
                    double pr = w * p[r - st[t]];
                    for (int i = 0; i < q; i++) {
                        double di = z(r, i) - mean[i];
                        for (int k = 0; k < q; k++) {
                            h[i * q + k] += pr * di * (z(r, k) - mean[k]);
                        }
                    }
                }
            }
        }
        if (!allFinite(h)) {
            return null;
        }
        EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(square(h, q), false));
        double[] values = e.getRealEigenvalues();
        int min = 0;
        for (int i = 1; i < q; i++) {
            if (values[i] < values[min]) {
                min = i;
            }
        }
        return e.getEigenvector(min).toArray();
    }

    /**
     * @param c Not modified: a candidate direction in standardized units
     * @return the message when the candidate leads to a certificate of separation, else null
     */
    private String certify(double[] c) {
        double[] margins = margins(c);
        double largest = largestAbs(margins);
        if (!(largest > 0)) {
            return null;
        }
        int[] st = data.situationStartRef();
        int[] chosen = data.chosenRowRef();
        int q = columns.length;
        boolean[] predicted = new boolean[data.situationCount()];
        for (int t = 0; t < data.situationCount(); t++) {
            for (int r = st[t]; r < st[t + 1]; r++) {
                if (r == chosen[t]) {
                    continue;
                }
                if (margins[r] < -LOOSE * largest) {
                    return null;
                }
                predicted[t] |= margins[r] > LOOSE * largest;
            }
        }
        // the null space of the within-situation design of the situations the candidate does not predict
        double[] gram = new double[q * q];
        double[] mean = new double[q];
        for (int t = 0; t < data.situationCount(); t++) {
            if (predicted[t]) {
                continue;
            }
            Arrays.fill(mean, 0);
            for (int r = st[t]; r < st[t + 1]; r++) {
                for (int k = 0; k < q; k++) {
                    mean[k] += z(r, k) / (st[t + 1] - st[t]);
                }
            }
            for (int r = st[t]; r < st[t + 1]; r++) {
                for (int i = 0; i < q; i++) {
                    for (int k = 0; k < q; k++) {
                        gram[i * q + k] += (z(r, i) - mean[i]) * (z(r, k) - mean[k]);
                    }
                }
            }
        }
        EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(square(gram, q), false));
        double[] values = e.getRealEigenvalues();
        double top = 0;
        for (double v : values) {
            top = Math.max(top, Math.abs(v));
        }
        double[] d = new double[q];
        for (int j = 0; j < q; j++) {
            if (values[j] <= NULL_SPACE * top) {
                double[] v = e.getEigenvector(j).toArray();
                double dot = 0;
                for (int k = 0; k < q; k++) {
                    dot += v[k] * c[k];
                }
                for (int k = 0; k < q; k++) {
                    d[k] += dot * v[k];
                }
            }
        }
        double[] exact = margins(d);
        double size = largestAbs(exact);
        if (!(size > 0)) {
            return null;
        }
        int strict = 0;
        int complete = 0;
        for (int t = 0; t < data.situationCount(); t++) {
            boolean any = false;
            boolean all = true;
            for (int r = st[t]; r < st[t + 1]; r++) {
                if (r == chosen[t]) {
                    continue;
                }
                if (exact[r] < -TIGHT * size) {
                    return null;
                }
                any |= exact[r] > TIGHT * size;
                all &= exact[r] > TIGHT * size;
            }
            strict += any ? 1 : 0;
            complete += all ? 1 : 0;
        }
        return strict == 0 ? null : message(d, strict, complete);
    }

    /** (x_chosen - x_r)'d for every row r (0 for the chosen rows), d in standardized units. */
    private double[] margins(double[] d) {
        int[] st = data.situationStartRef();
        int[] chosen = data.chosenRowRef();
        double[] m = new double[data.rowCount()];
        for (int t = 0; t < data.situationCount(); t++) {
            for (int r = st[t]; r < st[t + 1]; r++) {
                double v = 0;
                for (int k = 0; k < columns.length; k++) {
                    v += (z(chosen[t], k) - z(r, k)) * d[k];
                }
                m[r] = v;
            }
        }
        return m;
    }

    private String message(double[] d, int strict, int complete) {
        double top = largestAbs(d);
        List<String> named = new ArrayList<>();
        for (int k = 0; k < d.length; k++) {
            if (Math.abs(d[k]) > NAMED * top) {
                named.add(names.get(k) + (d[k] > 0 ? " (+)" : " (-)"));
            }
        }
        String who = named.size() == 1 ? named.get(0) : "a combination of " + String.join(", ", named);
        int n = data.situationCount();
        String what = complete == n
                ? String.format(Locale.ROOT, "Complete separation: %s predicts every one of the %d choices exactly",
                        who, n)
                : String.format(Locale.ROOT, "Quasi-complete separation: %s predicts the choice exactly in %d of the"
                        + " %d choice situations and never contradicts it in the others", who, strict, n);
        return what + ", so the log-likelihood keeps rising as the coefficient" + (named.size() == 1 ? "" : "s")
                + " grow" + (named.size() == 1 ? "s" : "") + " without bound (the sign in brackets is the direction)"
                + " and there is no finite estimate. Drop or recode the attribute" + (named.size() == 1 ? "" : "s")
                + ", or drop the situations it predicts perfectly, before estimating.";
    }

    private static double largestAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    private static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    private static double[][] square(double[] a, int q) {
        double[][] m = new double[q][q];
        for (int i = 0; i < q; i++) {
            for (int k = 0; k < q; k++) {
                m[i][k] = 0.5 * (a[i * q + k] + a[k * q + i]);
            }
        }
        return m;
    }
}
