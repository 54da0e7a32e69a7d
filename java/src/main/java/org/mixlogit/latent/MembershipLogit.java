package org.mixlogit.latent;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.spec.LatentClasses;

/**
 * The class-share logit of a latent class model: pi_nc = exp(gamma_c' z_n) / sum_s exp(gamma_s' z_n) with
 * gamma_1 = 0 and z_n = (1, membership characteristics of decision-maker n), and the EM algorithm's M-step for it:
 * maximizing sum_n w_n sum_c h_nc log pi_nc by exact Newton steps (gradient sum_n w_n (h_nc - pi_nc) z_n, Hessian
 * -sum_n w_n pi_na (1[a = b] - pi_nb) z_n z_n'), halving a step that does not increase it; with constants only
 * (no characteristics) the maximum in closed form, gamma_c = log(S_c / S_1) with S_c = sum_n w_n h_nc. The parameters
 * are gamma_2..gamma_C, W = 1 + characteristics each, in the latent class layout's order.
 */
final class MembershipLogit {
    private final int classes;
    private final int width;
    private final int decisionMakers;
    /** Row-major N x W: the constant and the characteristics. */
    private final double[] z;

    MembershipLogit(ChoiceData data, LatentClasses lc) {
        this.classes = lc.count();
        this.width = lc.membershipWidth();
        this.decisionMakers = data.decisionMakerCount();
        this.z = new double[decisionMakers * width];
        int cc = data.characteristicCount();
        double[] chars = data.characteristicsRef();
        int[] columns = new int[width - 1];
        for (int v = 0; v < columns.length; v++) {
            columns[v] = data.characteristicIndex(lc.membership().get(v));
        }
        for (int n = 0; n < decisionMakers; n++) {
            z[n * width] = 1;
            for (int v = 0; v < columns.length; v++) {
                z[n * width + 1 + v] = chars[n * cc + columns[v]];
            }
        }
    }

    int parameters() {
        return (classes - 1) * width;
    }

    /** z_nv: 1 for v = 0, else characteristic v of decision-maker n. */
    double z(int n, int v) {
        return z[n * width + v];
    }

    int width() {
        return width;
    }

    /**
     * Every decision-maker's class shares.
     *
     * @param gamma Not modified: the (C - 1) W parameters from {@code at}
     * @param out <b>Modified</b>: N x C row-major
     */
    void shares(double[] gamma, int at, double[] out) {
        for (int n = 0; n < decisionMakers; n++) {
            shares(n, gamma, at, out, n * classes);
        }
    }

    /** Decision-maker n's class shares into {@code out[o..o+C)}. */
    void shares(int n, double[] gamma, int at, double[] out, int o) {
        double max = 0;
        out[o] = 0;
        for (int c = 1; c < classes; c++) {
            double eta = 0;
            int g = at + (c - 1) * width;
            for (int v = 0; v < width; v++) {
                eta += gamma[g + v] * z[n * width + v];
            }
            out[o + c] = eta;
            max = Math.max(max, eta);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            out[o + c] = Math.exp(out[o + c] - max);
            sum += out[o + c];
        }
        for (int c = 0; c < classes; c++) {
            out[o + c] /= sum;
        }
    }

    /**
     * Decision-maker n's terms of the M-step of the class shares at gamma given its posteriors, added: its weighted
     * class sizes w_n h_nc, its objective w_n sum_c h_nc log pi_nc, and its gradient and Hessian (as {@link #fit}).
     *
     * @param gamma Not modified: the (C - 1) W parameters from 0
     * @param h Not modified: the decision-maker's posteriors at {@code hAt}
     * @param out <b>Modified</b>: from {@code at}: C sizes, 1 objective, (C - 1) W gradient, ((C - 1) W)^2 Hessian
     * @param pi <b>Modified</b>: C scratch
     */
    void addTerms(int n, double[] gamma, double w, double[] h, int hAt, double[] out, int at, double[] pi) {
        out[at + classes] += objective(n, gamma, w, h, hAt, pi); // leaves pi_n(gamma) in pi
        int p = parameters();
        for (int c = 0; c < classes; c++) {
            out[at + c] += w * h[hAt + c];
        }
        int g0 = at + classes + 1;
        int h0 = g0 + p;
        for (int a = 1; a < classes; a++) {
            double ga = w * (h[hAt + a] - pi[a]);
            for (int v = 0; v < width; v++) {
                out[g0 + (a - 1) * width + v] += ga * z[n * width + v];
            }
            for (int b = 1; b < classes; b++) {
                double hab = w * pi[a] * ((a == b ? 1 : 0) - pi[b]);
                for (int v = 0; v < width; v++) {
                    double zv = hab * z[n * width + v];
                    for (int u = 0; u < width; u++) {
                        out[h0 + ((a - 1) * width + v) * p + (b - 1) * width + u] -= zv * z[n * width + u];
                    }
                }
            }
        }
    }

    /** Decision-maker n's objective w_n sum_c h_nc log pi_nc(gamma), gamma from 0. */
    double objective(int n, double[] gamma, double w, double[] h, int hAt, double[] pi) {
        shares(n, gamma, 0, pi, 0);
        double total = 0;
        for (int c = 0; c < classes; c++) {
            double hn = h[hAt + c];
            if (hn > 0) {
                total += w * hn * Math.log(pi[c]);
            }
        }
        return total;
    }

    /** sum_n w_n sum_c h_nc log pi_nc. */
    double objective(double[] gamma, double[] h, double[] w) {
        double[] pi = new double[classes];
        double total = 0;
        for (int n = 0; n < decisionMakers; n++) {
            shares(n, gamma, 0, pi, 0);
            for (int c = 0; c < classes; c++) {
                double hn = h[n * classes + c];
                if (hn > 0) {
                    total += w[n] * hn * Math.log(pi[c]);
                }
            }
        }
        return total;
    }

    /**
     * The maximizing constants gamma_c = log(S_c / S_1), S_c = sum_n w_n h_nc; null when a class is empty (its
     * constant would be infinite: the Newton steps then move towards it without getting there).
     */
    private double[] constantsOnly(double[] h, double[] w) {
        double[] size = new double[classes];
        for (int n = 0; n < decisionMakers; n++) {
            for (int c = 0; c < classes; c++) {
                size[c] += w[n] * h[n * classes + c];
            }
        }
        double[] gamma = new double[classes - 1];
        for (int c = 1; c < classes; c++) {
            gamma[c - 1] = Math.log(size[c] / size[0]);
            if (!Double.isFinite(gamma[c - 1])) {
                return null;
            }
        }
        return gamma;
    }

    /**
     * Newton steps from {@code start} on sum_n w_n sum_c h_nc log pi_nc, each accepted only when it increases it (with
     * constants only, the exact maximum in one step).
     *
     * @param h Not modified: posterior class probabilities, N x C
     * @param w Not modified: decision-maker weights
     * @return the new parameters
     */
    double[] fit(double[] h, double[] w, double[] start, int steps) {
        if (width == 1) {
            double[] exact = constantsOnly(h, w);
            if (exact != null) {
                return exact;
            }
        }
        int p = parameters();
        double[] gamma = start.clone();
        double current = objective(gamma, h, w);
        double[] pi = new double[classes];
        for (int step = 0; step < steps; step++) {
            double[] gradient = new double[p];
            double[] hessian = new double[p * p];
            for (int n = 0; n < decisionMakers; n++) {
                shares(n, gamma, 0, pi, 0);
                for (int a = 1; a < classes; a++) {
                    double ga = w[n] * (h[n * classes + a] - pi[a]);
                    for (int v = 0; v < width; v++) {
                        gradient[(a - 1) * width + v] += ga * z[n * width + v];
                    }
                    for (int b = 1; b < classes; b++) {
                        double hab = w[n] * pi[a] * ((a == b ? 1 : 0) - pi[b]);
                        for (int v = 0; v < width; v++) {
                            double zv = hab * z[n * width + v];
                            for (int u = 0; u < width; u++) {
                                hessian[((a - 1) * width + v) * p + (b - 1) * width + u] -= zv * z[n * width + u];
                            }
                        }
                    }
                }
            }
            double[] d = NewtonStep.direction(hessian, gradient);
            double slope = 0;
            for (int j = 0; j < p; j++) {
                slope += d[j] * gradient[j];
            }
            if (!(slope > 1e-12 * Math.max(1, Math.abs(current)))) {
                break;
            }
            double t = 1;
            boolean accepted = false;
            for (int halving = 0; halving < 30 && !accepted; halving++, t *= 0.5) {
                double[] trial = gamma.clone();
                for (int j = 0; j < p; j++) {
                    trial[j] += t * d[j];
                }
                double value = objective(trial, h, w);
                if (value >= current) {
                    gamma = trial;
                    current = value;
                    accepted = true;
                }
            }
            if (!accepted) {
                break;
            }
        }
        return gamma;
    }
}
