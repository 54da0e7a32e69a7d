package org.mixlogit.simulation;

import java.util.Arrays;

/**
 * Summaries over a decision-maker's draws weighted by the posterior given the person's choices
 * (w_r L_r / sum_s w_s L_s): conditional means and standard deviations of the coefficients, and willingness to
 * pay. They reuse one worker's {@link DecisionMakerKernel}.
 */
final class PosteriorSummaries {
    private PosteriorSummaries() {
    }

    /**
     * Conditional mean and standard deviation of every coefficient of decision-maker n.
     *
     * @param mean <b>Modified</b>: K means from {@code at}
     * @param sd <b>Modified</b>: K standard deviations from {@code at}
     */
    static void conditional(DecisionMakerKernel kernel, int n, double[] theta, double[] mean, double[] sd, int at) {
        double logLik = kernel.evaluate(n, theta, null, 0);
        double[][] beta = kernel.betaRef();
        int k = beta.length;
        if (!Double.isFinite(logLik)) {
            Arrays.fill(mean, at, at + k, Double.NaN);
            Arrays.fill(sd, at, at + k, Double.NaN);
            return;
        }
        double[] weight = kernel.posteriorWeightsRef();
        int r = beta[0].length;
        double total = 0;
        for (int q = 0; q < r; q++) {
            total += weight[q];
        }
        for (int i = 0; i < k; i++) {
            double[] b = beta[i];
            // the moments of deviations from the first draw: E[b^2] - E[b]^2 cancels catastrophically (a fixed
            // coefficient's sd came out as 1e-7 rather than 0); shifted, a constant coefficient gives an sd of
            // exactly 0 and its own value as the mean (a weighted average of it was 1 ulp off)
            double shift = b[0];
            double d1 = 0;
            double d2 = 0;
            for (int q = 0; q < r; q++) {
                double w = weight[q] / total;
                double d = b[q] - shift;
                d1 += w * d;
                d2 += w * d * d;
            }
            mean[at + i] = shift + d1;
            sd[at + i] = Math.sqrt(Math.max(0, d2 - d1 * d1));
        }
    }

    /**
     * Willingness to pay of decision-maker n for coefficient a in units of coefficient c, -beta_a / beta_c:
     * every draw's value and the posterior-weighted mean.
     *
     * @param samples <b>Modified</b>: R values from {@code at}
     * @return the conditional mean (NaN when the person's likelihood is undefined)
     */
    static double willingnessToPay(DecisionMakerKernel kernel, int n, double[] theta, int a, int c,
            double[] samples, int at) {
        double logLik = kernel.evaluate(n, theta, null, 0);
        double[][] beta = kernel.betaRef();
        double[] ba = beta[a];
        double[] bc = beta[c];
        double[] weight = kernel.posteriorWeightsRef();
        double total = 0;
        double weighted = 0;
        for (int q = 0; q < ba.length; q++) {
            double ratio = -ba[q] / bc[q];
            samples[at + q] = ratio;
            total += weight[q];
            weighted += weight[q] * ratio;
        }
        return Double.isFinite(logLik) ? weighted / total : Double.NaN;
    }

    /**
     * Choice probabilities conditional on decision-maker n's observed choices in the kernel's data, for the
     * situations of decision-makers {@code targets} of a target design (the same person in other data, or the
     * estimation data itself): each draw's logit probabilities weighted by the posterior,
     * sum_r w_r L_r s_j(beta_r) / sum_r w_r L_r.
     *
     * @param scratch at least as long as the target's largest choice set
     * @param out <b>Modified</b>: the probabilities of the targets' grouped rows (NaN when the person's likelihood
     *            is undefined)
     */
    static void conditionalProbabilities(DecisionMakerKernel kernel, int n, double[] theta, ModelDesign target,
            int[] targets, double[] scratch, double[] out) {
        double logLik = kernel.evaluate(n, theta, null, 0);
        int[] situationStart = target.data.situationStartRef();
        int[] dmStart = target.data.decisionMakerStartRef();
        for (int m : targets) {
            Arrays.fill(out, situationStart[dmStart[m]], situationStart[dmStart[m + 1]],
                    Double.isFinite(logLik) ? 0.0 : Double.NaN);
        }
        if (!Double.isFinite(logLik)) {
            return;
        }
        double[][] beta = kernel.betaRef();
        double[] weight = kernel.posteriorWeightsRef();
        int r = beta[0].length;
        double total = 0;
        for (int q = 0; q < r; q++) {
            total += weight[q];
        }
        for (int q = 0; q < r; q++) {
            double w = weight[q] / total;
            for (int m : targets) {
                for (int t = dmStart[m]; t < dmStart[m + 1]; t++) {
                    int first = situationStart[t];
                    int end = situationStart[t + 1];
                    LogitProbabilities.of(target.rows, beta, q, first, end, scratch);
                    for (int i = first; i < end; i++) {
                        out[i] += w * scratch[i - first];
                    }
                }
            }
        }
    }
}
