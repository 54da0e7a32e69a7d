package org.mixlogit.latent;

import java.util.Arrays;
import java.util.List;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.spec.CoefficientSpec;
import org.mixlogit.spec.ModelSpec;

/**
 * The conditional logit of one class on the data, for the EM algorithm: each decision-maker's log-likelihood
 * sum_t log P_nt(beta) of the class model's (fixed) coefficients beta, and the decision-maker-weighted sum's
 * gradient and exact Hessian, -sum_t sum_j P_tj (x_j - xbar_t)(x_j - xbar_t)'. Sums run over decision-makers in
 * the data's canonical order, so the numbers do not depend on anything but the data and beta. Holds its own
 * scratch: one instance per thread.
 */
final class ClassLogit {
    private final int k;
    /** Row-major rows x K attributes in coefficient order. */
    private final double[] x;
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
        int all = data.attributeCount();
        double[] source = data.attributesRef();
        this.x = new double[rows * k];
        for (int i = 0; i < k; i++) {
            int column = data.attributeIndex(cs.get(i).attribute());
            for (int r = 0; r < rows; r++) {
                x[r * k + i] = source[r * all + column];
            }
        }
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
        for (int n = 0; n < decisionMakers; n++) {
            double sum = 0;
            for (int t = decisionMakerStart[n]; t < decisionMakerStart[n + 1]; t++) {
                sum += logChosen(t, beta);
            }
            out[n] = sum;
        }
    }

    /**
     * Every decision-maker's score sum_t (x_chosen - xbar_t) at beta.
     *
     * @param out <b>Modified</b>: N x K row-major
     */
    void scores(double[] beta, double[] out) {
        double[] hessian = new double[k * k];
        double[] g = new double[k];
        for (int n = 0; n < decisionMakers; n++) {
            java.util.Arrays.fill(g, 0.0);
            for (int t = decisionMakerStart[n]; t < decisionMakerStart[n + 1]; t++) {
                situation(t, beta, 1.0, g, hessian);
            }
            System.arraycopy(g, 0, out, n * k, k);
        }
    }

    /**
     * sum_n a_n sum_t log P_nt(beta), with its gradient and Hessian added into the arrays.
     *
     * @param a Not modified: the decision-makers' weights
     * @param gradient <b>Modified</b>: K entries added to
     * @param hessian <b>Modified</b>: K x K row-major entries added to (lower and upper triangle)
     */
    double weightedDerivatives(double[] beta, double[] a, double[] gradient, double[] hessian) {
        double total = 0;
        for (int n = 0; n < decisionMakers; n++) {
            double an = a[n];
            if (an == 0) {
                continue;
            }
            for (int t = decisionMakerStart[n]; t < decisionMakerStart[n + 1]; t++) {
                total += an * situation(t, beta, an, gradient, hessian);
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                hessian[j * k + i] = hessian[i * k + j];
            }
        }
        return total;
    }

    /** log P of situation t's chosen row; leaves the utilities less their maximum in {@link #utility}. */
    private double logChosen(int t, double[] beta) {
        int first = situationStart[t];
        int end = situationStart[t + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int row = first; row < end; row++) {
            double u = 0;
            int at = row * k;
            for (int i = 0; i < k; i++) {
                u += x[at + i] * beta[i];
            }
            utility[row - first] = u;
            max = Math.max(max, u);
        }
        double den = 0;
        for (int j = 0; j < end - first; j++) {
            utility[j] -= max;
            den += Math.exp(utility[j]);
        }
        return utility[chosenRow[t] - first] - Math.log(den);
    }

    /** One situation: its log P, with a-weighted gradient and lower-triangle Hessian terms added. */
    private double situation(int t, double[] beta, double an, double[] gradient, double[] hessian) {
        double value = logChosen(t, beta);
        int first = situationStart[t];
        int end = situationStart[t + 1];
        double den = 0;
        for (int j = 0; j < end - first; j++) {
            utility[j] = Math.exp(utility[j]);
            den += utility[j];
        }
        Arrays.fill(mean, 0.0);
        for (int row = first; row < end; row++) {
            double p = utility[row - first] / den;
            utility[row - first] = p;
            int at = row * k;
            for (int i = 0; i < k; i++) {
                mean[i] += p * x[at + i];
            }
        }
        int chosen = chosenRow[t] * k;
        for (int i = 0; i < k; i++) {
            gradient[i] += an * (x[chosen + i] - mean[i]);
        }
        for (int row = first; row < end; row++) {
            double p = an * utility[row - first];
            int at = row * k;
            for (int i = 0; i < k; i++) {
                double di = p * (x[at + i] - mean[i]);
                if (di == 0) {
                    continue;
                }
                for (int j = 0; j <= i; j++) {
                    hessian[i * k + j] -= di * (x[at + j] - mean[j]);
                }
            }
        }
        return value;
    }
}
