package org.mixlogit.estimation;

import java.util.Arrays;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.simulation.Backend;
import org.mixlogit.simulation.DataSums;

/**
 * Newton's method on the conditional logit's closed form: one pass over the data gives the log-likelihood, its
 * gradient and the information (the exact negative Hessian, sum over situations of w_n sum_j p_j (x_j - xbar)(x_j -
 * xbar)'), each a data-only sum on the estimator's backend in canonical block order (so the same bits on every
 * backend and thread count). The log-likelihood is concave, so from zero a handful of passes (step halving when a
 * step would lower it) reach the maximum to rounding; no simulator is involved, so the likelihood kernel is neither
 * compiled for nor trained on a single draw before the mixed logit runs. Returns null when a step cannot be solved or
 * the passes do not settle (collinear or separated data), for the caller to fall back on its general search, whose
 * checks and messages then apply. Immutable.
 */
final class PlainLogitNewton {
    /** Passes at most (quadratic convergence from zero takes 5 to 8 on well-posed data). */
    static final int MAX_PASSES = 40;
    /** Converged when every step component is below this share of max(|beta_k|, 1). */
    static final double STEP_TOLERANCE = 1e-10;
    /** Halvings of a step at most. */
    private static final int MAX_HALVINGS = 40;

    private final ChoiceData data;
    private final Backend backend;
    private final int[] columns;

    /** @param columns Not modified: the plain logit's attribute columns, in the order of its coefficients */
    PlainLogitNewton(ChoiceData data, int[] columns, Backend backend) {
        this.data = data;
        this.backend = backend;
        this.columns = columns.clone();
    }

    /** The maximum-likelihood estimates and log-likelihood {beta..., LL}, or null (see the class comment). */
    double[] fit() {
        int q = columns.length;
        double[] beta = new double[q];
        double[] s = sums(beta);
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            if (!finite(s)) {
                return null;
            }
            double[] step = newtonStep(s, q);
            if (step == null) {
                return null;
            }
            boolean small = true;
            for (int k = 0; k < q; k++) {
                small &= Math.abs(step[k]) <= STEP_TOLERANCE * Math.max(Math.abs(beta[k]), 1.0);
            }
            if (small) {
                return result(beta, s[0]);
            }
            double t = 1.0;
            for (int h = 0; ; h++) {
                double[] next = new double[q];
                for (int k = 0; k < q; k++) {
                    next[k] = beta[k] + t * step[k];
                }
                double[] sn = sums(next);
                if (finite(sn) && sn[0] >= s[0]) {
                    beta = next;
                    s = sn;
                    break;
                }
                if (h == MAX_HALVINGS) {
                    return null;
                }
                t *= 0.5;
            }
        }
        return null;
    }

    private static double[] result(double[] beta, double logLikelihood) {
        double[] r = new double[beta.length + 1];
        System.arraycopy(beta, 0, r, 0, beta.length);
        r[beta.length] = logLikelihood;
        return r;
    }

    /** {LL, gradient (q), information (q x q row-major)} at beta. */
    private double[] sums(double[] beta) {
        int q = columns.length;
        return backend.dataSums(data, 1 + q + q * q, terms(columns, beta.clone()));
    }

    /**
     * The information's solve for the gradient, with Jacobi scaling (attributes of any units), by Cholesky; null when
     * the information is not positive definite.
     *
     * @param s Not modified: {LL, gradient, information}
     */
    static double[] newtonStep(double[] s, int q) {
        double[] d = new double[q];
        for (int i = 0; i < q; i++) {
            double h = s[1 + q + i * q + i];
            if (!(h > 0)) {
                return null;
            }
            d[i] = 1.0 / Math.sqrt(h);
        }
        double[] l = new double[q * q];
        for (int i = 0; i < q; i++) {
            for (int j = 0; j <= i; j++) {
                double v = s[1 + q + i * q + j] * d[i] * d[j];
                for (int k = 0; k < j; k++) {
                    v -= l[i * q + k] * l[j * q + k];
                }
                if (i == j) {
                    if (!(v > 1e-13)) {
                        return null;
                    }
                    l[i * q + i] = Math.sqrt(v);
                } else {
                    l[i * q + j] = v / l[j * q + j];
                }
            }
        }
        double[] y = new double[q];
        for (int i = 0; i < q; i++) {
            double v = s[1 + i] * d[i];
            for (int k = 0; k < i; k++) {
                v -= l[i * q + k] * y[k];
            }
            y[i] = v / l[i * q + i];
        }
        for (int i = q - 1; i >= 0; i--) {
            double v = y[i];
            for (int k = i + 1; k < q; k++) {
                v -= l[k * q + i] * y[k];
            }
            y[i] = v / l[i * q + i];
        }
        for (int i = 0; i < q; i++) {
            y[i] *= d[i];
        }
        return y;
    }

    /**
     * The most alternatives of decision-maker n's situations: the size of its per-situation scratch. (Not
     * {@link ChoiceData#maxAlternatives()}, which scans every situation of the data: called per decision-maker, that
     * made each pass quadratic in the number of decision-makers.)
     *
     * @param situationStart Not modified
     * @param decisionMakerStart Not modified
     */
    static int mostAlternatives(int[] situationStart, int[] decisionMakerStart, int n) {
        int most = 0;
        for (int t = decisionMakerStart[n]; t < decisionMakerStart[n + 1]; t++) {
            most = Math.max(most, situationStart[t + 1] - situationStart[t]);
        }
        return most;
    }

    private static boolean finite(double[] s) {
        for (double v : s) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A decision-maker's weighted log-likelihood, gradient and information at beta.
     *
     * @param columns Not modified (captured)
     * @param beta Not modified (captured)
     */
    private static DataSums terms(int[] columns, double[] beta) {
        int q = columns.length;
        return (data, n, sums, at) -> {
            int[] st = data.situationStartRef();
            int[] dm = data.decisionMakerStartRef();
            int[] chosen = data.chosenRowRef();
            double[] p = new double[mostAlternatives(st, dm, n)];
            double[] mean = new double[q];
            double w = data.weight(n);
            for (int t = dm[n]; t < dm[n + 1]; t++) {
                int first = st[t];
                int last = st[t + 1];
                double max = Double.NEGATIVE_INFINITY;
                for (int r = first; r < last; r++) {
                    double v = 0;
                    for (int k = 0; k < q; k++) {
                        v += data.attribute(r, columns[k]) * beta[k];
                    }
                    p[r - first] = v;
                    max = Math.max(max, v);
                }
                double total = 0;
                double vChosen = p[chosen[t] - first];
                for (int r = first; r < last; r++) {
                    p[r - first] = Math.exp(p[r - first] - max);
                    total += p[r - first];
                }
                sums[at] += w * (vChosen - max - Math.log(total));
                Arrays.fill(mean, 0);
                for (int r = first; r < last; r++) {
                    p[r - first] /= total;
                    for (int k = 0; k < q; k++) {
                        mean[k] += p[r - first] * data.attribute(r, columns[k]);
                    }
                }
                for (int k = 0; k < q; k++) {
                    sums[at + 1 + k] += w * (data.attribute(chosen[t], columns[k]) - mean[k]);
                }
                for (int r = first; r < last; r++) {
                    double pr = w * p[r - first];
                    for (int i = 0; i < q; i++) {
                        double di = pr * (data.attribute(r, columns[i]) - mean[i]);
                        for (int k = 0; k <= i; k++) {
                            sums[at + 1 + q + i * q + k] += di * (data.attribute(r, columns[k]) - mean[k]);
                        }
                    }
                }
            }
        };
    }
}
