package org.mixlogit.postestimation;

import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.latent.ClassPosteriors;
import org.mixlogit.simulation.PerDecisionMaker;
import org.mixlogit.simulation.SimulatedLogLikelihood;
import org.mixlogit.simulation.Simulators;
import org.mixlogit.simulation.WillingnessToPay;
import org.mixlogit.spec.ModelSpec;

/**
 * The per-decision-maker (and per-row) outputs of a fitted model as {@link PerDecisionMaker} functions, which a backend computes
 * where the data live (each on the estimation's rule, conditional on the decision-maker's choices). Each captures
 * only the specification, the estimates and the integration settings, so it ships to a cluster's executors.
 */
public final class DecisionMakerOutputs {
    private DecisionMakerOutputs() {
    }

    /**
     * Per decision-maker: the conditional means E[beta_n | y_n] of the k coefficients (declaration order), then their
     * conditional standard deviations (2k values).
     */
    public static PerDecisionMaker conditionalCoefficients(FittedModel model) {
        ModelSpec spec = model.spec();
        IntegrationConfig integration = model.integration();
        double[] theta = model.estimates();
        int k = spec.coefficients().size();
        return (part, threads) -> {
            try (SimulatedLogLikelihood ll = Simulators.likelihood(part, spec, integration, theta, threads)) {
                double[][] both = ll.conditionalCoefficients(theta);
                int n = part.decisionMakerCount();
                double[] out = new double[n * 2 * k];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(both[0], i * k, out, i * 2 * k, k);
                    System.arraycopy(both[1], i * k, out, i * 2 * k + k, k);
                }
                return out;
            }
        };
    }

    /**
     * Per decision-maker: the conditional mean willingness to pay -beta_attribute / beta_cost given their choices,
     * then R draws of the ratio from the population distribution (1 + R values). The draws are the part's, sorted
     * and R to a decision-maker: together they are the population's draws (all the summary needs), not each
     * decision-maker's own.
     */
    public static PerDecisionMaker willingnessToPay(FittedModel model, String attribute, String cost) {
        ModelSpec spec = model.spec();
        IntegrationConfig integration = model.integration();
        double[] theta = model.estimates();
        return (part, threads) -> {
            try (SimulatedLogLikelihood ll = Simulators.likelihood(part, spec, integration, theta, threads)) {
                return interleaved(ll.willingnessToPay(theta, attribute, cost), part.decisionMakerCount());
            }
        };
    }

    /** A part's individual means and its population draws, R to a decision-maker (1 + R values each). */
    private static double[] interleaved(WillingnessToPay w, int n) {
        double[] individual = w.individual();
        double[] samples = w.sortedSamples();
        int r = n == 0 ? 0 : samples.length / n;
        double[] out = new double[n * (1 + r)];
        for (int i = 0; i < n; i++) {
            out[i * (1 + r)] = individual[i];
            System.arraycopy(samples, i * r, out, i * (1 + r) + 1, r);
        }
        return out;
    }

    /** Gathers {@link #willingnessToPay}'s values of all decision-makers into the population and individual parts. */
    static WillingnessToPay gather(double[] values, int n) {
        int r = n == 0 ? 0 : values.length / n - 1;
        double[] individual = new double[n];
        double[] samples = new double[n * r];
        for (int i = 0; i < n; i++) {
            individual[i] = values[i * (1 + r)];
            System.arraycopy(values, i * (1 + r) + 1, samples, i * r, r);
        }
        return WillingnessToPay.of(samples, individual);
    }

    /** Per grouped row: the integrated (unconditional) choice probability, on the estimation's prior-centred rule. */
    public static PerDecisionMaker probabilities(FittedModel model) {
        ModelSpec spec = model.spec();
        IntegrationConfig integration = model.integration();
        double[] theta = model.estimates();
        return (part, threads) -> {
            try (SimulatedLogLikelihood ll = Simulators.unconditional(part, spec, integration, threads)) {
                return ll.probabilities(theta);
            }
        };
    }

    /** Per grouped row: the choice probability conditional on the decision-maker's observed choices. */
    public static PerDecisionMaker conditionalProbabilities(FittedModel model) {
        ModelSpec spec = model.spec();
        IntegrationConfig integration = model.integration();
        double[] theta = model.estimates();
        return (part, threads) -> {
            try (SimulatedLogLikelihood ll = Simulators.likelihood(part, spec, integration, theta, threads)) {
                return ll.conditionalProbabilities(theta);
            }
        };
    }

    /** Per decision-maker: the posterior probability of each latent class given their choices (C values). */
    public static PerDecisionMaker classPosteriors(FittedModel model) {
        ModelSpec spec = model.spec();
        IntegrationConfig integration = model.integration();
        double[] theta = model.estimates();
        return (part, threads) -> ClassPosteriors.of(part, spec, theta, integration, threads);
    }
}
