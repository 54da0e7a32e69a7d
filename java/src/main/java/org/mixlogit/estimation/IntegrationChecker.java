package org.mixlogit.estimation;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.simulation.Backend;
import org.mixlogit.simulation.LikelihoodEvaluator;
import org.mixlogit.simulation.NodeProvider;
import org.mixlogit.spec.ModelSpec;

/**
 * Computes an {@link IntegrationCheck}: the log-likelihood at the estimate with {@code replicates} independent
 * draw sets of the estimation's size (fresh seeds for pseudo-random, MLHS, scrambled Halton and shifted Sobol draws;
 * for plain Halton seeded scramblings, for plain Sobol seeded digital shifts of the same points, as their own
 * sequences have no seed) and with a more accurate rule (four
 * times the draws; for quadrature, more points or a higher level). The log-likelihoods are sums over
 * decision-makers on the estimator's backend.
 */
public final class IntegrationChecker {
    private IntegrationChecker() {
    }

    static IntegrationCheck check(Backend backend, ChoiceData data, ModelSpec spec, IntegrationConfig used,
            int replicates, double[] theta, double estimateLogLik) {
        DrawType type = used.type();
        double[] values = new double[type.isSimulation() ? replicates : 0];
        String replicateRule = "none (quadrature has no random draws)";
        for (int s = 0; s < values.length; s++) {
            IntegrationConfig c = replicate(used, s + 1);
            try (LikelihoodEvaluator ll = backend.likelihood(data, spec, c, null)) {
                values[s] = ll.value(theta);
                replicateRule = c.type().code() + ", " + c.draws() + " draws, " + values.length + " seeds";
            }
        }
        NodeProvider accurate = NodeProvider.of(used).moreAccurate();
        try (LikelihoodEvaluator ll = backend.likelihood(data, spec, accurate.config(), theta)) {
            return new IntegrationCheck(estimateLogLik, values, replicateRule, ll.value(theta),
                    ll.integrationDescription());
        }
    }

    /** Draw set number {@code index} (1-based) independent of {@code used}: a new seed or scrambling. */
    public static IntegrationConfig replicate(IntegrationConfig used, int index) {
        long seed = used.seed() + 7919L * index;
        switch (used.type()) {
            case HALTON:
                return used.withType(DrawType.SCRAMBLED_HALTON).withBurn(0).withSeed(seed);
            case SOBOL:
                return used.withType(DrawType.SCRAMBLED_SOBOL).withSeed(seed);
            default:
                return used.withSeed(seed);
        }
    }

    /** A more accurate rule than {@code used}; see {@link NodeProvider#moreAccurate()} for the policy. */
    public static IntegrationConfig accurate(IntegrationConfig used) {
        return NodeProvider.of(used).moreAccurate().config();
    }
}
