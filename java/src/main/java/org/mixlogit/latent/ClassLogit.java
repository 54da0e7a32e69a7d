package org.mixlogit.latent;

import java.util.Arrays;
import java.util.List;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.data.NumericColumn;
import org.mixlogit.spec.CoefficientSpec;
import org.mixlogit.spec.ModelSpec;

/**
 * The conditional logit of one class on the data, for the EM algorithm: each decision-maker's log-likelihood
 * sum_t log P_nt(beta) of the class model's (fixed) coefficients beta, and the decision-maker-weighted sum's
 * gradient and exact Hessian, -sum_t (sum_j P_tj x_j x_j' - xbar_t xbar_t'). Rows are stored sparse (the non-zero
 * attributes, in coefficient order), so a row costs its non-zeros and their products. Sums run over
 * decision-makers in the data's canonical order, so the numbers do not depend on anything but the data and beta.
 * Holds its own scratch: one instance per thread.
 */
final class ClassLogit {
    private final int k;
    /** Sparse rows: row r's non-zero attributes are entries rowStart[r]..rowStart[r+1]-1, columns ascending. */
    private final int[] rowStart;
    private final int[] column;
    private final double[] value;
    private final int[] situationStart;
    private final int[] chosenRow;
    private final int[] decisionMakerStart;
    private final int decisionMakers;
    private final double[] utility;
    private final double[] mean;

    ClassLogit(ChoiceData data, ModelSpec classModel) {
        List<CoefficientSpec> cs = classModel.coefficients();
        this.k = cs.size();
        int rows = data.rowCount();
        double[] x = new double[rows * k];
        for (int i = 0; i < k; i++) {
            NumericColumn column = data.attributeValues(data.attributeIndex(cs.get(i).attribute()));
            for (int r = 0; r < rows; r++) {
                x[r * k + i] = column.get(r);
            }
        }
        int nonZero = 0;
        for (double v : x) {
            nonZero += v != 0 ? 1 : 0;
        }
        this.rowStart = new int[rows + 1];
        this.column = new int[nonZero];
        this.value = new double[nonZero];
        int e = 0;
        for (int r = 0; r < rows; r++) {
            rowStart[r] = e;
            for (int i = 0; i < k; i++) {
                double v = x[r * k + i];
                if (v != 0) {
                    column[e] = i;
                    value[e++] = v;
                }
            }
        }
        rowStart[rows] = e;
        this.situationStart = data.situationStartRef();
        this.chosenRow = data.chosenRowRef();
        this.decisionMakerStart = data.decisionMakerStartRef();
        this.decisionMakers = data.decisionMakerCount();
        this.utility = new double[Math.max(2, data.maxAlternatives())];
        this.mean = new double[k];
    }

    int coefficients() {
        return k;
    }

    int decisionMakers() {
        return decisionMakers;
    }

    /**
     * Every decision-maker's log-likelihood under beta.
     *
     * @param beta Not modified: K coefficients
     * @param out <b>Modified</b>: one value per decision-maker
     */
    void logLikelihoods(double[] beta, double[] out) {
        logLikelihoods(beta, out, null);
    }

    /**
     * Every decision-maker's log-likelihood under beta, and every row's probability (which
     * {@link #weightedDerivatives} takes, so the exponentials are not computed twice at one beta).
     *
     * @param beta Not modified: K coefficients
     * @param out <b>Modified</b>: one value per decision-maker
     * @param probabilities <b>Modified</b> unless null: one value per row of the data
     */
    void logLikelihoods(double[] beta, double[] out, double[] probabilities) {
        for (int n = 0; n < decisionMakers; n++) {
            double sum = 0;
            for (int t = decisionMakerStart[n]; t < decisionMakerStart[n + 1]; t++) {
                sum += logChosen(t, beta);
                if (probabilities != null) {
                    int first = situationStart[t];
                    int end = situationStart[t + 1];
                    double inv = 1.0 / denominator;
                    for (int row = first; row < end; row++) {
                        probabilities[row] = utility[row - first] * inv;
                    }
                }
            }
            out[n] = sum;
        }
    }

    int rows() {
        return rowStart.length - 1;
    }

    /** The most rows any decision-maker has (the size of a per-decision-maker probability buffer). */
    int maxRowsPerDecisionMaker() {
        int max = 0;
        for (int n = 0; n < decisionMakers; n++) {
            max = Math.max(max, situationStart[decisionMakerStart[n + 1]] - situationStart[decisionMakerStart[n]]);
        }
        return max;
    }

    /**
     * Decision-maker n's log-likelihood sum_t log P_nt(beta), and its rows' probabilities.
     *
     * @param beta Not modified: K coefficients
     * @param probabilities <b>Modified</b> unless null: the decision-maker's rows' probabilities from index 0
     */
    double logLikelihood(int n, double[] beta, double[] probabilities) {
        int base = situationStart[decisionMakerStart[n]];
        double sum = 0;
        for (int t = decisionMakerStart[n]; t < decisionMakerStart[n + 1]; t++) {
            sum += logChosen(t, beta);
            if (probabilities != null) {
                int first = situationStart[t];
                double inv = 1.0 / denominator;
                for (int row = first; row < situationStart[t + 1]; row++) {
                    probabilities[row - base] = utility[row - first] * inv;
                }
            }
        }
        return sum;
    }

    /**
     * Decision-maker n's score sum_t (x_chosen - xbar_t) at beta, as {@link #scores} computes it.
     *
     * @param out <b>Modified</b>: K entries
     */
    void score(int n, double[] beta, double[] out) {
        double[] probabilities = new double[Math.max(1, maxRowsOf(n))];
        logLikelihood(n, beta, probabilities);
        Arrays.fill(out, 0.0);
        double[] hessian = new double[k * k];
        int base = situationStart[decisionMakerStart[n]];
        for (int t = decisionMakerStart[n]; t < decisionMakerStart[n + 1]; t++) {
            situation(t, probabilities, base, 1.0, out, hessian);
        }
    }

    private int maxRowsOf(int n) {
        return situationStart[decisionMakerStart[n + 1]] - situationStart[decisionMakerStart[n]];
    }

    /**
     * Decision-maker n's an-weighted gradient and Hessian of sum_t log P_nt, added.
     *
     * @param probabilities Not modified: the decision-maker's rows' probabilities ({@link #logLikelihood(int,
     *                      double[], double[])})
     * @param gradient <b>Modified</b>: K entries added to
     * @param hessian <b>Modified</b>: K x K row-major entries added to (both triangles)
     * @param lower <b>Modified</b>: K x K scratch
     */
    void derivatives(int n, double[] probabilities, double an, double[] gradient, double[] hessian, double[] lower) {
        Arrays.fill(lower, 0.0);
        int base = situationStart[decisionMakerStart[n]];
        for (int t = decisionMakerStart[n]; t < decisionMakerStart[n + 1]; t++) {
            situation(t, probabilities, base, an, gradient, lower);
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                hessian[i * k + j] += lower[i * k + j];
                if (j < i) {
                    hessian[j * k + i] += lower[i * k + j];
                }
            }
        }
    }

    /**
     * Every decision-maker's score sum_t (x_chosen - xbar_t) at beta.
     *
     * @param out <b>Modified</b>: N x K row-major
     */
    void scores(double[] beta, double[] out) {
        double[] probabilities = new double[rows()];
        logLikelihoods(beta, new double[decisionMakers], probabilities);
        double[] hessian = new double[k * k];
        double[] g = new double[k];
        for (int n = 0; n < decisionMakers; n++) {
            java.util.Arrays.fill(g, 0.0);
            for (int t = decisionMakerStart[n]; t < decisionMakerStart[n + 1]; t++) {
                situation(t, probabilities, 0, 1.0, g, hessian);
            }
            System.arraycopy(g, 0, out, n * k, k);
        }
    }

    /**
     * The gradient and Hessian of sum_n a_n sum_t log P_nt(beta), added into the arrays.
     *
     * @param probabilities Not modified: every row's probability at beta ({@link #logLikelihoods})
     * @param a Not modified: the decision-makers' weights
     * @param gradient <b>Modified</b>: K entries added to
     * @param hessian <b>Modified</b>: K x K row-major entries added to (lower and upper triangle)
     */
    void weightedDerivatives(double[] probabilities, double[] a, double[] gradient, double[] hessian) {
        for (int n = 0; n < decisionMakers; n++) {
            double an = a[n];
            if (an == 0) {
                continue;
            }
            for (int t = decisionMakerStart[n]; t < decisionMakerStart[n + 1]; t++) {
                situation(t, probabilities, 0, an, gradient, hessian);
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                hessian[j * k + i] = hessian[i * k + j];
            }
        }
    }

    /** log P of situation t's chosen row; leaves the utilities less their maximum in {@link #utility}. */
    private double logChosen(int t, double[] beta) {
        int first = situationStart[t];
        int end = situationStart[t + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int row = first; row < end; row++) {
            double u = 0;
            for (int e = rowStart[row]; e < rowStart[row + 1]; e++) {
                u += value[e] * beta[column[e]];
            }
            utility[row - first] = u;
            max = Math.max(max, u);
        }
        double den = 0;
        double chosen = utility[chosenRow[t] - first] - max;
        for (int j = 0; j < end - first; j++) {
            double ex = Math.exp(utility[j] - max);
            utility[j] = ex;
            den += ex;
        }
        denominator = den;
        return chosen - Math.log(den);
    }

    /** The denominator of the last {@link #logChosen} (its exponentiated utilities are in {@link #utility}). */
    private double denominator;

    /**
     * One situation's a-weighted gradient and lower-triangle Hessian terms, added; row r's probability at
     * {@code probabilities[r - offset]}.
     */
    private void situation(int t, double[] probabilities, int offset, double an, double[] gradient,
            double[] hessian) {
        int first = situationStart[t];
        int end = situationStart[t + 1];
        Arrays.fill(mean, 0.0);
        for (int row = first; row < end; row++) {
            double p = probabilities[row - offset];
            double w = an * p;
            for (int e = rowStart[row]; e < rowStart[row + 1]; e++) {
                double v = value[e];
                int i = column[e];
                mean[i] += p * v;
                double wv = w * v;
                int at = i * k;
                for (int f = rowStart[row]; f <= e; f++) {
                    hessian[at + column[f]] -= wv * value[f];
                }
            }
        }
        int chosen = chosenRow[t];
        for (int e = rowStart[chosen]; e < rowStart[chosen + 1]; e++) {
            gradient[column[e]] += an * value[e];
        }
        for (int i = 0; i < k; i++) {
            double mi = mean[i];
            if (mi == 0) {
                continue;
            }
            gradient[i] -= an * mi;
            double ami = an * mi;
            for (int j = 0; j <= i; j++) {
                hessian[i * k + j] += ami * mean[j];
            }
        }
    }
}
