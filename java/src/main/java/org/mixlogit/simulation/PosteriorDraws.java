package org.mixlogit.simulation;

import java.util.Locale;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.NumericalFailureException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.IntegrationRule;
import org.mixlogit.integration.PerDecisionMakerNodes;
import org.mixlogit.integration.PriorProposals;
import org.mixlogit.spec.ModelSpec;

/**
 * Exact draws from every decision-maker's posterior over the standard normal variates z at parameters theta_0, by
 * accept-reject from the prior (Train 2009, section 10.2): a proposal z ~ N(0, I) with uniform U is accepted when
 * U &lt; P_n(beta(z; theta_0)) / M_n, with P_n the probability of the person's observed choices and M_n an upper
 * bound on it (its maximum over z when the coefficients are normal, where log P_n is concave in z; else 1), so the
 * envelope M_n phi(z) covers the posterior kernel P_n phi and a person whose choices are unlikely at every z (a
 * small-share alternative chosen several times) does not need millions of proposals.
 *
 * <p>The first call (a decision-maker's entry of {@code proposals} 0) proposes until R are accepted and records how
 * many proposals that took, J_n, and the envelope (twice the bound); later calls make exactly those J_n proposals
 * again (common random numbers, {@link PriorProposals}) against the same envelope (or the bound at their parameters
 * when larger) and keep the R_n accepted ones (at least one: a person with none proposes on until one is accepted),
 * so a small change of theta changes the draws only where one proposal's acceptance flips. Given R_n the accepted
 * draws are independent draws from the posterior, so their mean score is unbiased for the person's score.
 *
 * <p>As a rule it gives the accepted z_r the weights 1 / (R_n P_n(z_r; theta_0)) (padded with zero weights to a
 * common count), so that log sum_r w_r P_n(z_r; theta) = log( (1/R_n) sum_r P_n(z_r; theta) / P_n(z_r; theta_0) ),
 * an importance-sampling estimate of log s_n(theta) - log s_n(theta_0) whose proposal is the posterior itself. Its
 * gradient at theta_0 is the mean over the accepted draws of d log P_n / d theta: an unbiased simulator of the
 * score at theta_0 (the posterior expectation of the score of the person's logit probability); away from theta_0 the
 * reweighting makes it smooth in theta, so a root finder converges within a round (the method of simulated scores
 * re-draws at each round's root until the root stays put).
 */
final class PosteriorDraws {
    /** Most proposals per decision-maker and round before the sampler gives up. */
    static final long MAX_PROPOSALS = 5_000_000L;

    private PosteriorDraws() {
    }

    /**
     * Posterior draws for every decision-maker of {@code data} at {@code theta}.
     *
     * @param theta Not modified
     * @param proposals <b>Modified</b> where 0: proposals per decision-maker (0: propose until {@code draws} are
     *     accepted, and record the number)
     * @param bounds <b>Modified</b> where proposals is 0: the log envelope recorded then (the bound on log P_n at
     *     these parameters plus log 2); later calls use the larger of it and the bound at their parameters
     * @throws NumericalFailureException when a decision-maker's choices are so unlikely at theta that R acceptances
     *     take more than {@value #MAX_PROPOSALS} proposals
     */
    static IntegrationRule rule(ChoiceData data, ModelSpec spec, double[] theta, int draws, long seed,
            int[] proposals, double[] bounds) {
        ModelDesign m = new ModelDesign(data, spec);
        if (m.d == 0) {
            throw new InvalidSpecificationException("The method of simulated scores needs at least one random"
                    + " coefficient; without one, use msle (it is the maximum likelihood estimator).");
        }
        int people = data.decisionMakerCount();
        if (proposals.length != people) {
            throw new IllegalArgumentException("proposals has " + proposals.length + " entries for " + people
                    + " decision-makers.");
        }
        int d = m.d;
        PosteriorMode kernel = new PosteriorMode(m, theta);
        PriorProposals stream = new PriorProposals(seed, d);
        double[][] accepted = new double[people][];
        double[][] logP = new double[people][];
        int most = 1;
        long total = 0;
        double[] z = new double[d];
        for (int n = 0; n < people; n++) {
            // the envelope: the bound at these parameters, or the first call's (raised by log 2) when that is larger,
            // so the acceptance thresholds stay put from round to round while the bound holds
            double bound = kernel.logLikelihoodBound(n);
            if (proposals[n] == 0) {
                bounds[n] = Math.min(0.0, bound + Math.log(2));
            }
            bound = Math.max(bound, bounds[n]);
            stream.start(data.decisionMakerOrdinal(n));
            boolean first = proposals[n] == 0;
            int capacity = draws;
            double[] nodes = new double[capacity * d];
            double[] logs = new double[capacity];
            int count = 0;
            long tried = 0;
            while (first ? count < draws : tried < proposals[n] || count == 0) {
                if (++tried > MAX_PROPOSALS) {
                    throw new NumericalFailureException(String.format(Locale.ROOT, "Accept-reject sampling from the"
                            + " posterior of decision-maker %s accepted %d of %d proposals: the person's choices are"
                            + " too unlikely at these parameters for the method of simulated scores; give better"
                            + " starting values, or simulate the scores by importance sampling with"
                            + " adaptive-halton draws.", data.decisionMakerId(n), count, MAX_PROPOSALS));
                }
                double u = stream.next(z, 0);
                double lp = kernel.logKernel(n, z, 0);
                if (Math.log(u) < lp - bound) {
                    if (count == capacity) {
                        capacity *= 2;
                        nodes = java.util.Arrays.copyOf(nodes, capacity * d);
                        logs = java.util.Arrays.copyOf(logs, capacity);
                    }
                    System.arraycopy(z, 0, nodes, count * d, d);
                    logs[count++] = lp;
                }
            }
            if (first) {
                proposals[n] = (int) tried;
            }
            accepted[n] = java.util.Arrays.copyOf(nodes, count * d);
            logP[n] = java.util.Arrays.copyOf(logs, count);
            most = Math.max(most, count);
            total += count;
        }
        // every decision-maker gets the same number of nodes: its accepted draws, then zero weights
        double[] nodes = new double[people * most * d];
        double[] weights = new double[people * most];
        for (int n = 0; n < people; n++) {
            int count = logP[n].length;
            System.arraycopy(accepted[n], 0, nodes, n * most * d, count * d);
            for (int r = 0; r < count; r++) {
                weights[n * most + r] = Math.exp(-logP[n][r]) / count;
            }
        }
        return new PerDecisionMakerNodes(data.decisionMakerOrdinal(0), d, most, nodes, weights,
                String.format(Locale.ROOT, "posterior draws by accept-reject, %.1f per decision-maker on average"
                + " (at most %d), seed %d", total / (double) people, most, seed));
    }
}
