package org.mixlogit.latent;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.simulation.Contributions;
import org.mixlogit.simulation.SimulatedLogLikelihood;
import org.mixlogit.simulation.Simulators;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.spec.ParameterLayout;

/**
 * Each decision-maker's posterior class probabilities given their choices, h_nc = pi_nc L_nc / sum_s pi_ns L_ns,
 * where L_nc is the likelihood of their choices in class c: the class's logit, or with random coefficients within
 * classes its integral over the estimation's rule (the same nodes as the latent class likelihood). The modal class
 * is the one with the largest posterior probability.
 */
public final class ClassPosteriors {
    private ClassPosteriors() {
    }

    /**
     * N x C row-major posterior class probabilities, decision-makers in the data's canonical order.
     *
     * @param theta Not modified: the latent class parameters
     */
    public static double[] of(ChoiceData data, ModelSpec spec, double[] theta, IntegrationConfig integration,
            int threads) {
        int classes = spec.classCount();
        int n = data.decisionMakerCount();
        if (spec.randomDimension() == 0) {
            return new ExpectationMaximization(data, spec).posteriors(theta);
        }
        ParameterLayout layout = spec.layout();
        double[] h = new double[n * classes];
        try (SimulatedLogLikelihood ll = Simulators.likelihood(data, spec.classModel(), integration, null,
                threads)) {
            int q = layout.classLayout().size();
            double[] own = new double[q];
            for (int c = 0; c < classes; c++) {
                for (int j = 0; j < q; j++) {
                    own[j] = theta[layout.classIndex(c, j)];
                }
                Contributions contributions = ll.contributions(own);
                for (int i = 0; i < n; i++) {
                    h[i * classes + c] = contributions.logLikelihood(i);
                }
            }
        }
        double[] pi = new double[classes];
        MembershipLogit membership = classes > 1 ? new MembershipLogit(data, spec.latentClasses()) : null;
        for (int i = 0; i < n; i++) {
            if (membership != null) {
                membership.shares(i, theta, layout.membershipStart(), pi, 0);
            } else {
                pi[0] = 1;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                h[i * classes + c] += Math.log(pi[c]);
                max = Math.max(max, h[i * classes + c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                h[i * classes + c] = Math.exp(h[i * classes + c] - max);
                sum += h[i * classes + c];
            }
            for (int c = 0; c < classes; c++) {
                h[i * classes + c] /= sum;
            }
        }
        return h;
    }

    /** The weighted mean posterior probability of each class: the share of decision-makers it explains. */
    public static double[] mean(ChoiceData data, ModelSpec spec, double[] theta, IntegrationConfig integration,
            int threads) {
        return mean(data, of(data, spec, theta, integration, threads), spec.classCount());
    }

    /**
     * The weighted mean of posteriors h (N x C, e.g. computed on a backend) over the data's decision-makers.
     *
     * @param h Not modified
     */
    public static double[] mean(ChoiceData data, double[] h, int classes) {
        double[] mean = new double[classes];
        double total = 0;
        for (int i = 0; i < data.decisionMakerCount(); i++) {
            total += data.weight(i);
            for (int c = 0; c < classes; c++) {
                mean[c] += data.weight(i) * h[i * classes + c];
            }
        }
        for (int c = 0; c < classes; c++) {
            mean[c] /= total;
        }
        return mean;
    }

    /** The modal class (0-based) of every decision-maker from posteriors h (N x C). */
    public static int[] modal(double[] h, int classes) {
        int n = h.length / classes;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (h[i * classes + c] > h[i * classes + best]) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }
}
