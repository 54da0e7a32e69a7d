package org.mixlogit.simulation;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.AdaptiveNodes;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.integration.IntegrationRule;
import org.mixlogit.integration.PerDecisionMakerNodes;
import org.mixlogit.spec.ModelSpec;

/**
 * The adaptive sparse grid and the adaptive importance samplers ({@code adaptive-sparse}, {@code adaptive-halton},
 * {@code adaptive-sobol}): for each decision-maker, the {@link PosteriorMode} at the centre parameters, then the
 * base rule moved there with the change-of-variables weights ({@link AdaptiveNodes}). The nodes are standard normal
 * variates, mapped to coefficients by every distribution's transform as fixed nodes are, so every distribution is
 * covered and the rule is an exact change of variables wherever it is centred. Held fixed within an estimation
 * round (the likelihood's gradient is then exact for the objective maximised) and re-centred between rounds.
 */
final class AdaptiveRules {
    private AdaptiveRules() {
    }

    /**
     * Nodes centred at every decision-maker's posterior mode at {@code theta}.
     *
     * @param theta Not modified: the parameters at which to centre
     */
    static IntegrationRule rule(ChoiceData data, ModelSpec spec, double[] theta, IntegrationConfig config) {
        ModelDesign m = new ModelDesign(data, spec);
        if (m.d == 0) {
            throw new InvalidSpecificationException("Adaptive rules need at least one random coefficient.");
        }
        if (theta.length != m.p) {
            throw new InvalidSpecificationException("The centre of the adaptive nodes has " + theta.length
                    + " values but the model has " + m.p + " parameters " + m.layout.names() + ".");
        }
        AdaptiveNodes adaptive = new AdaptiveNodes(config, m.d);
        int r = adaptive.nodeCount();
        int d = m.d;
        int people = data.decisionMakerCount();
        double[] nodes = new double[people * r * d];
        double[] weights = new double[people * r];
        PosteriorMode finder = new PosteriorMode(m, theta);
        AdaptiveNodes.Mapper mapper = adaptive.newMapper();
        double[] mode = new double[d];
        double[] cholesky = new double[d * d];
        for (int n = 0; n < people; n++) {
            finder.find(n, mode, cholesky);
            mapper.map(data.decisionMakerOrdinal(n), mode, cholesky, nodes, n * r * d, weights, n * r);
        }
        return new PerDecisionMakerNodes(data.decisionMakerOrdinal(0), d, r, nodes, weights, adaptive.describe());
    }
}
