package org.mixlogit.simulation;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.integration.IntegrationRule;
import org.mixlogit.spec.ModelSpec;

/**
 * The one door to a simulator: binds data, a model and an integration configuration (through its
 * {@link NodeProvider}) on a number of local worker threads. Estimators, post-estimation, the integration check,
 * the benchmarks and the front ends all build their simulators here. Each one's memory (node tables, per-thread
 * scratch, the node cache) is estimated against {@link IntegrationConfig#memoryLimit} before anything is allocated
 * ({@link NodePlan}); a run that cannot fit is refused with a {@link org.mixlogit.ResourceLimitException}. A latent
 * class specification gets the support of its classes ({@link LatentClassSupports}).
 */
public final class Simulators {
    private Simulators() {
    }

    /**
     * Which kernel situations with continuous attributes get in this JVM, in words (for benchmarks), for an
     * evaluation of {@code rows} rows with {@code draws} draws: "Vector API" (Java 17 or later started with
     * {@code --add-modules jdk.incubator.vector}, as the launcher does for all but small data, and either
     * {@code -Dmixlogit.vector=true} or at least 250,000,000 rows x draws) or "portable"; both give the same bits.
     */
    public static String denseKernel(long rows, int draws) {
        return DenseSituations.describe((double) rows * draws);
    }

    /**
     * A simulated log-likelihood of {@code data}, whose choices are observed.
     *
     * @param centre Not modified: where adaptive nodes are centred (the estimates or the current point); may be null
     *               for rules that do not adapt
     * @param threads worker threads (1 or more); results do not depend on it
     */
    public static SimulatedLogLikelihood likelihood(ChoiceData data, ModelSpec spec, IntegrationConfig integration,
            double[] centre, int threads) {
        if (spec.isLatentClass()) {
            return LatentClassSupports.likelihood(data, spec, integration, threads);
        }
        NodeProvider nodes = NodeProvider.of(integration);
        return new SimulatedLogLikelihood(data, spec, NodePlan.of(integration, spec.randomDimension(),
                nodes.adapts(spec), () -> nodes.rule(data, spec, centre)), threads);
    }

    /** A simulated log-likelihood with a rule that does not adapt to the parameters (no centre needed). */
    public static SimulatedLogLikelihood likelihood(ChoiceData data, ModelSpec spec, IntegrationConfig integration,
            int threads) {
        return likelihood(data, spec, integration, null, threads);
    }

    /**
     * A simulated log-likelihood with an explicit rule (a rule of the caller's own, or adaptive nodes built
     * elsewhere).
     *
     * @param cacheBytes memory that may hold the rule's nodes for all decision-makers
     */
    public static SimulatedLogLikelihood likelihood(ChoiceData data, ModelSpec spec, IntegrationRule rule,
            long cacheBytes, int threads) {
        return new SimulatedLogLikelihood(data, spec, rule, cacheBytes, threads);
    }

    /**
     * The method of simulated scores' simulator at {@code centre}: {@code draws} exact draws from every decision-maker's
     * posterior by accept-reject from the prior ({@link PosteriorDraws}), weighted so that the log-likelihood's
     * gradient at the centre is the unbiased simulated score and smooth in the parameters around it. Memory is
     * planned as for adaptive nodes (a table per decision-maker) before any draw is made.
     *
     * @param centre Not modified: the parameters at which the posteriors are sampled
     * @param seed seeds the proposals (common random numbers across centres)
     * @param proposals <b>Modified</b> where 0: proposals per decision-maker, recorded by the first call (see
     *     {@link PosteriorDraws})
     * @param bounds <b>Modified</b> with proposals: the envelopes recorded by the first call
     */
    public static SimulatedLogLikelihood posteriorDraws(ChoiceData data, ModelSpec spec, double[] centre, int draws,
            long seed, int[] proposals, double[] bounds, int threads) {
        IntegrationConfig plan = IntegrationConfig.of(org.mixlogit.integration.DrawType.PSEUDO_RANDOM, draws)
                .withSeed(seed);
        return new SimulatedLogLikelihood(data, spec, NodePlan.of(plan, spec.randomDimension(), true,
                () -> PosteriorDraws.rule(data, spec, centre, draws, seed, proposals, bounds)), threads);
    }

    /**
     * A simulator for quantities that do not condition on the data's choices (probabilities, shares and
     * substitution patterns of prediction data): adaptive rules use their prior-centred form.
     */
    public static SimulatedLogLikelihood unconditional(ChoiceData data, ModelSpec spec, IntegrationConfig integration,
            int threads) {
        if (spec.isLatentClass()) {
            return LatentClassSupports.likelihood(data, spec, integration, threads);
        }
        return new SimulatedLogLikelihood(data, spec, priorPlan(spec, integration), threads);
    }

    /** Simulated shares and their Jacobian (method of simulated moments) of {@code data}. */
    public static SimulatedShares shares(ChoiceData data, ModelSpec spec, IntegrationConfig integration,
            int threads) {
        if (spec.isLatentClass()) {
            return LatentClassSupports.shares(data, spec, integration, threads);
        }
        return new SimulatedShares(data, spec, priorPlan(spec, integration), threads);
    }

    /** The planned prior-centred nodes (see {@link NodeProvider#priorRule}): shared by every decision-maker. */
    private static NodePlan priorPlan(ModelSpec spec, IntegrationConfig integration) {
        NodeProvider nodes = NodeProvider.of(integration);
        return NodePlan.of(integration, spec.randomDimension(), false, () -> nodes.priorRule(spec));
    }
}
