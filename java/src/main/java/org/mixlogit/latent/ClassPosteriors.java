package org.mixlogit.latent;

import java.util.List;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.simulation.Backend;
import org.mixlogit.simulation.BlockPartials;
import org.mixlogit.simulation.DataSums;
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
            return ofLogit(data, spec, theta);
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
     * N x C posterior class probabilities of a latent class logit (no random coefficients) on {@code data} (the
     * whole data or a shard), computed here: as the EM's E-step.
     *
     * @param theta Not modified
     */
    static double[] ofLogit(ChoiceData data, ModelSpec spec, double[] theta) {
        int classes = spec.classCount();
        ParameterLayout layout = spec.layout();
        ClassLogit logit = new ClassLogit(data, spec.classModel());
        MembershipLogit membership = classes > 1 ? new MembershipLogit(data, spec.latentClasses()) : null;
        int k = logit.coefficients();
        double[] beta = new double[k];
        double[] pi = new double[classes];
        double[] h = new double[data.decisionMakerCount() * classes];
        for (int n = 0; n < data.decisionMakerCount(); n++) {
            int o = n * classes;
            for (int c = 0; c < classes; c++) {
                for (int j = 0; j < k; j++) {
                    beta[j] = theta[layout.classIndex(c, j)];
                }
                h[o + c] = logit.logLikelihood(n, beta, null);
            }
            if (membership != null) {
                membership.shares(n, theta, layout.membershipStart(), pi, 0);
            } else {
                pi[0] = 1;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                h[o + c] += Math.log(pi[c]);
                max = Math.max(max, h[o + c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                h[o + c] = Math.exp(h[o + c] - max);
                sum += h[o + c];
            }
            for (int c = 0; c < classes; c++) {
                h[o + c] /= sum;
            }
        }
        return h;
    }

    /**
     * The weighted mean of the posterior class probabilities at theta over the data's decision-makers, each part's
     * posteriors computed where it lives ({@link #of}) and summed in block order by {@code backend}.
     */
    public static double[] mean(ChoiceData data, ModelSpec spec, double[] theta, IntegrationConfig integration,
            Backend backend) {
        int classes = spec.classCount();
        double[] t = theta.clone();
        List<BlockPartials> parts = backend.partials(data, part -> {
            double[] h = of(part, spec, t, integration, 1);
            return DataSums.partials(part, classes + 1, (d, n, sums, at) -> {
                double w = d.weight(n);
                sums[at] += w;
                for (int c = 0; c < classes; c++) {
                    sums[at + 1 + c] += w * h[n * classes + c];
                }
            });
        });
        double[] total = BlockPartials.total(parts);
        double[] mean = new double[classes];
        for (int c = 0; c < classes; c++) {
            mean[c] = total[1 + c] / total[0];
        }
        return mean;
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
