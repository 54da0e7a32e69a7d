package org.mixlogit.estimation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.mixlogit.InvalidDataException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.simulation.Backend;
import org.mixlogit.simulation.BlockPartials;
import org.mixlogit.simulation.DataSums;

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
 *
 * <p>Every pass over the data is a sum over decision-makers on the estimator's backend ({@link DataSums}, reduced in
 * canonical block order; the largest margin is a running maximum): the scales, the information, a candidate's
 * largest margin, its screen (a margin below the loose bound, and the Gram matrix of the situations it does not
 * predict) and the projection's verdict (the counts of strictly predicted and completely predicted situations). So
 * the test and its message are the same on every backend, and no pass keeps anything per row.
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
    private final Backend backend;
    private final List<String> names;
    private final int[] columns;
    private final double[] scale;

    private Separation(ChoiceData data, List<String> names, Backend backend) {
        this.data = data;
        this.backend = backend;
        this.names = names;
        this.columns = new int[names.size()];
        for (int k = 0; k < columns.length; k++) {
            columns[k] = data.attributeIndex(names.get(k));
        }
        double[] sum = backend.dataSums(data, columns.length, deviationTerms(columns));
        this.scale = new double[columns.length];
        for (int k = 0; k < columns.length; k++) {
            scale[k] = sum[k] > 0 ? Math.sqrt(sum[k] / data.rowCount()) : 1.0;
        }
    }

    /** As {@link #require(ChoiceData, List, double[], Backend)} with the sums on this thread. */
    static void require(ChoiceData data, List<String> names, double[] beta) {
        require(data, names, beta, Backend.local(1));
    }

    /**
     * @param names the plain logit's attributes, in the order of {@code beta}
     * @param beta Not modified: the plain-logit fit (where the optimizer stopped)
     * @param backend where the sums over decision-makers run
     * @throws InvalidDataException when separation is certified, naming the attributes along the direction
     */
    static void require(ChoiceData data, List<String> names, double[] beta, Backend backend) {
        if (names.isEmpty()) {
            return;
        }
        Separation s = new Separation(data, names, backend);
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
        double[] screen = s.marginRanges(candidates);
        for (int i = 0; i < candidates.size(); i++) {
            double[] c = candidates.get(i);
            double largest = screen[3 * i];
            for (double sign : new double[] {1, -1}) {
                // what certify's first two passes would find: no margin at all, or a margin below -LOOSE of the
                // largest (-c's margins are c's negated, bit for bit)
                double below = sign > 0 ? screen[3 * i + 2] : screen[3 * i + 1];
                if (!(largest > 0) || below > LOOSE * largest) {
                    continue;
                }
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

    /**
     * One pass for every candidate c: the largest margin in absolute value over every row, the largest margin and
     * the largest negated margin over the rows not chosen (0 when none is positive): so both signs of each candidate
     * are screened at once, and a candidate that has a margin below -{@value #LOOSE} of the largest (the common case,
     * data that are not separated) needs no pass of its own.
     *
     * @param candidates Not modified: directions in standardized units
     * @return 3 values per candidate, in order
     */
    private double[] marginRanges(List<double[]> candidates) {
        double[][] c = new double[candidates.size()][];
        for (int i = 0; i < c.length; i++) {
            c[i] = candidates.get(i).clone();
        }
        return BlockPartials.maximum(backend.dataPartials(data, 3 * c.length, marginRangeTerms(columns, scale, c)));
    }

    /** The running maxima of {@link #marginRanges}, 3 per candidate. */
    private static DataSums marginRangeTerms(int[] columns, double[] scale, double[][] candidates) {
        return (data, n, sums, at) -> {
            int[] st = data.situationStartRef();
            int[] dm = data.decisionMakerStartRef();
            int[] chosen = data.chosenRowRef();
            for (int t = dm[n]; t < dm[n + 1]; t++) {
                for (int r = st[t]; r < st[t + 1]; r++) {
                    for (int i = 0; i < candidates.length; i++) {
                        double m = margin(data, columns, scale, candidates[i], t, r);
                        int j = at + 3 * i;
                        sums[j] = Math.max(sums[j], Math.abs(m));
                        if (r != chosen[t]) {
                            sums[j + 1] = Math.max(sums[j + 1], m);
                            sums[j + 2] = Math.max(sums[j + 2], -m);
                        }
                    }
                }
            }
        };
    }

    /** Sums of squared deviations of each column from its situation means. */
    private static DataSums deviationTerms(int[] columns) {
        return (data, n, sums, at) -> {
            int[] st = data.situationStartRef();
            int[] dm = data.decisionMakerStartRef();
            for (int t = dm[n]; t < dm[n + 1]; t++) {
                for (int k = 0; k < columns.length; k++) {
                    double mean = 0;
                    for (int r = st[t]; r < st[t + 1]; r++) {
                        mean += data.attribute(r, columns[k]);
                    }
                    mean /= st[t + 1] - st[t];
                    for (int r = st[t]; r < st[t + 1]; r++) {
                        double dev = data.attribute(r, columns[k]) - mean;
                        sums[at + k] += dev * dev;
                    }
                }
            }
        };
    }

    /** Unit eigenvector of the smallest eigenvalue of the standardized plain-logit information at beta, or null. */
    private double[] flattestDirection(double[] beta) {
        int q = columns.length;
        double[] h = backend.dataSums(data, q * q, informationTerms(columns, scale, beta.clone()));
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

    /** A decision-maker's weighted plain-logit information at beta in standardized units (q x q). */
    private static DataSums informationTerms(int[] columns, double[] scale, double[] beta) {
        int q = columns.length;
        return (data, n, h, at) -> {
            int[] st = data.situationStartRef();
            int[] dm = data.decisionMakerStartRef();
            double[] p = new double[PlainLogitNewton.mostAlternatives(st, dm, n)];
            double[] mean = new double[q];
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
                        mean[k] += p[r - st[t]] * z(data, columns, scale, r, k);
                    }
                }
                for (int r = st[t]; r < st[t + 1]; r++) {
                    double pr = w * p[r - st[t]];
                    for (int i = 0; i < q; i++) {
                        double di = z(data, columns, scale, r, i) - mean[i];
                        for (int k = 0; k < q; k++) {
                            h[at + i * q + k] += pr * di * (z(data, columns, scale, r, k) - mean[k]);
                        }
                    }
                }
            }
        };
    }

    /** Standardized attribute k of a row. */
    private static double z(ChoiceData data, int[] columns, double[] scale, int row, int k) {
        return data.attribute(row, columns[k]) / scale[k];
    }

    /** The margin (x_chosen - x_r)'d of a row of situation t, d in standardized units (0 for the chosen row). */
    private static double margin(ChoiceData data, int[] columns, double[] scale, double[] d, int t, int r) {
        int chosen = data.chosenRowRef()[t];
        double v = 0;
        for (int k = 0; k < columns.length; k++) {
            v += (z(data, columns, scale, chosen, k) - z(data, columns, scale, r, k)) * d[k];
        }
        return v;
    }

    /** The largest margin in absolute value over every row (a running maximum). */
    private static DataSums largestMarginTerms(int[] columns, double[] scale, double[] d) {
        return (data, n, sums, at) -> {
            int[] st = data.situationStartRef();
            int[] dm = data.decisionMakerStartRef();
            for (int t = dm[n]; t < dm[n + 1]; t++) {
                for (int r = st[t]; r < st[t + 1]; r++) {
                    sums[at] = Math.max(sums[at], Math.abs(margin(data, columns, scale, d, t, r)));
                }
            }
        };
    }

    /**
     * The candidate's screen: entry 0 counts the rows whose margin is below -{@value #LOOSE} of the largest, entries
     * 1 .. q x q the Gram matrix of the within-situation design of the situations it does not predict (no margin
     * above {@value #LOOSE} of the largest).
     */
    private static DataSums screenTerms(int[] columns, double[] scale, double[] c, double largest) {
        int q = columns.length;
        return (data, n, sums, at) -> {
            int[] st = data.situationStartRef();
            int[] dm = data.decisionMakerStartRef();
            int[] chosen = data.chosenRowRef();
            double[] mean = new double[q];
            for (int t = dm[n]; t < dm[n + 1]; t++) {
                boolean predicted = false;
                for (int r = st[t]; r < st[t + 1]; r++) {
                    if (r == chosen[t]) {
                        continue;
                    }
                    double m = margin(data, columns, scale, c, t, r);
                    if (m < -LOOSE * largest) {
                        sums[at] += 1;
                    }
                    predicted |= m > LOOSE * largest;
                }
                if (predicted) {
                    continue;
                }
                Arrays.fill(mean, 0);
                for (int r = st[t]; r < st[t + 1]; r++) {
                    for (int k = 0; k < q; k++) {
                        mean[k] += z(data, columns, scale, r, k) / (st[t + 1] - st[t]);
                    }
                }
                for (int r = st[t]; r < st[t + 1]; r++) {
                    for (int i = 0; i < q; i++) {
                        for (int k = 0; k < q; k++) {
                            sums[at + 1 + i * q + k] += (z(data, columns, scale, r, i) - mean[i])
                                    * (z(data, columns, scale, r, k) - mean[k]);
                        }
                    }
                }
            }
        };
    }

    /**
     * The projection's verdict: entry 0 counts the rows whose margin is below -{@value #TIGHT} of the largest,
     * entry 1 the situations predicted strictly (some margin above {@value #TIGHT} of the largest), entry 2 those
     * predicted completely (every other alternative's margin above it).
     */
    private static DataSums verdictTerms(int[] columns, double[] scale, double[] d, double size) {
        return (data, n, sums, at) -> {
            int[] st = data.situationStartRef();
            int[] dm = data.decisionMakerStartRef();
            int[] chosen = data.chosenRowRef();
            for (int t = dm[n]; t < dm[n + 1]; t++) {
                boolean any = false;
                boolean all = true;
                for (int r = st[t]; r < st[t + 1]; r++) {
                    if (r == chosen[t]) {
                        continue;
                    }
                    double m = margin(data, columns, scale, d, t, r);
                    if (m < -TIGHT * size) {
                        sums[at] += 1;
                    }
                    any |= m > TIGHT * size;
                    all &= m > TIGHT * size;
                }
                sums[at + 1] += any ? 1 : 0;
                sums[at + 2] += all ? 1 : 0;
            }
        };
    }

    /** The largest margin of direction d in absolute value. */
    private double largestMargin(double[] d) {
        List<BlockPartials> parts = backend.dataPartials(data, 1, largestMarginTerms(columns, scale, d.clone()));
        return Math.max(0, BlockPartials.maximum(parts)[0]);
    }

    /**
     * @param c Not modified: a candidate direction in standardized units
     * @return the message when the candidate leads to a certificate of separation, else null
     */
    private String certify(double[] c) {
        double largest = largestMargin(c);
        if (!(largest > 0)) {
            return null;
        }
        int q = columns.length;
        double[] screen = backend.dataSums(data, 1 + q * q, screenTerms(columns, scale, c.clone(), largest));
        if (screen[0] > 0) {
            return null;
        }
        // the null space of the within-situation design of the situations the candidate does not predict
        double[] gram = Arrays.copyOfRange(screen, 1, screen.length);
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
        double size = largestMargin(d);
        if (!(size > 0)) {
            return null;
        }
        double[] verdict = backend.dataSums(data, 3, verdictTerms(columns, scale, d.clone(), size));
        if (verdict[0] > 0) {
            return null;
        }
        int strict = (int) verdict[1];
        int complete = (int) verdict[2];
        return strict == 0 ? null : message(d, strict, complete);
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
