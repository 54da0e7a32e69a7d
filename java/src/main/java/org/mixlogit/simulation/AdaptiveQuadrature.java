package org.mixlogit.simulation;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.integration.IntegrationRule;
import org.mixlogit.spec.ModelSpec;

/**
 * Adaptive Gauss-Hermite quadrature (Liu and Pierce 1994; Naylor and Smith 1982) for models whose random
 * coefficients are normal: beta_n(b) = mu_n + A b with b standard normal. For each decision-maker the integrand
 * h(b) = sum_t log P_nt(beta_n(b)) - |b|^2 / 2 is strictly concave, so Newton's method finds its mode b_n; with
 * C_n the lower Cholesky factor of the inverse of -h''(b_n), the nodes are b_nr = b_n + C_n u_r and the weights
 * w_r |C_n| phi(b_nr) / phi(u_r), with (u_r, w_r) the Gauss-Hermite product rule. The nodes depend on the
 * parameters at which they were centred and are then held fixed, so the likelihood's analytic gradient is exact
 * for the objective being maximised; re-centre at the new estimate until the log-likelihood stops changing.
 *
 * <p>The mode and the factor are the shared ones of the adaptive rules ({@link PosteriorMode}: for normal
 * coefficients the Gauss-Newton curvature is the exact -h''), and the nodes and weights the shared change of
 * variables ({@code integration.AdaptiveNodes}, whose normal-proposal weights are this formula); what is particular
 * to this rule is its base (the product rule) and the refusal of other distributions, which the adaptive sparse grid
 * and samplers handle through their normal variates.
 */
public final class AdaptiveQuadrature {
    private AdaptiveQuadrature() {
    }

    /**
     * Nodes centred at every decision-maker's posterior mode at {@code theta}.
     *
     * @param points Gauss-Hermite points per dimension
     * @param theta Not modified: the parameters at which to centre
     */
    public static IntegrationRule rule(ChoiceData data, ModelSpec spec, double[] theta, int points) {
        ModelDesign m = new ModelDesign(data, spec);
        for (int i = 0; i < m.k; i++) {
            if (m.distribution[i].isRandom() && !m.distribution[i].transform().isGaussian()) {
                throw new InvalidSpecificationException("Adaptive quadrature needs normal random coefficients;"
                        + " '" + spec.coefficients().get(i).attribute() + "' is " + m.distribution[i].label()
                        + ". Use Gauss-Hermite, a sparse grid or draws.");
            }
        }
        if (m.d == 0) {
            throw new InvalidSpecificationException("Adaptive quadrature needs at least one random coefficient.");
        }
        return AdaptiveRules.rule(data, spec, theta, IntegrationConfig.of(DrawType.ADAPTIVE_GH, points));
    }
}
