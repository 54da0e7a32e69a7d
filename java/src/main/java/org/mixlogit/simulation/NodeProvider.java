package org.mixlogit.simulation;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.integration.IntegrationRule;
import org.mixlogit.integration.IntegrationRules;
import org.mixlogit.spec.ModelSpec;

/**
 * Where a simulator's nodes come from: the one place that knows whether an integration configuration names a
 * fixed rule (draws, Gauss-Hermite, sparse grids: the same nodes whatever the parameters) or nodes adapted to
 * each decision-maker's posterior at given parameters (adaptive Gauss-Hermite, the adaptive sparse grid and the
 * adaptive importance samplers; see {@link AdaptiveQuadrature} and {@link AdaptiveRules}). Every simulator is
 * built through
 * {@link Simulators}, which asks this class for its rule, so no call site special-cases a rule.
 *
 * <p>Adapted nodes condition on the data's observed choices. Integrals that do not (probabilities and shares of
 * prediction data whose choices are placeholders) take {@link #priorRule}: the adaptive rule's base rule of the
 * same size centred at the prior (the product rule, the sparse grid, Halton or Sobol draws), which is what
 * adaptation does with no choices.
 * Immutable.
 */
public final class NodeProvider {
    /** The more accurate rule of simulation draws has this many times the draws. */
    public static final int SIMULATION_DRAWS_FACTOR = 4;
    /** The more accurate Gauss-Hermite rule has this many more points per dimension. */
    public static final int GAUSS_HERMITE_EXTRA_POINTS = 10;
    /**
     * The more accurate adaptive Gauss-Hermite rule has this many more points per dimension (adaptive nodes are
     * already where the integrand is, so a few more suffice).
     */
    public static final int ADAPTIVE_EXTRA_POINTS = 4;
    /**
     * The more accurate adaptive sparse grid is this many levels higher: the check reports the rule's change from one
     * level to the next.
     */
    public static final int ADAPTIVE_SPARSE_EXTRA_LEVELS = 1;
    /** The more accurate sparse grid is this many levels higher... */
    public static final int SPARSE_EXTRA_LEVELS = 2;
    /** ... up to the highest level of the sparse-grid families (at the top, the same grid: no check possible). */
    public static final int SPARSE_MAX_LEVEL = 25;

    private final IntegrationConfig config;

    private NodeProvider(IntegrationConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("The integration configuration is null: pass one, for example"
                    + " IntegrationConfig.of(DrawType.HALTON, 100).");
        }
        this.config = config;
    }

    public static NodeProvider of(IntegrationConfig config) {
        return new NodeProvider(config);
    }

    public IntegrationConfig config() {
        return config;
    }

    /** True when the nodes depend on the parameters (and must be re-centred as the estimate moves). */
    public boolean adapts(ModelSpec spec) {
        return config.type().isAdaptive() && spec.randomDimension() > 0;
    }

    /**
     * The nodes for {@code data}'s decision-makers: the configured rule, or adaptive nodes at each decision-maker's
     * posterior mode given its choices at {@code centre}.
     *
     * @param centre Not modified: parameters at which adaptive nodes are centred (ignored by fixed rules; required
     *               by adaptive ones)
     */
    public IntegrationRule rule(ChoiceData data, ModelSpec spec, double[] centre) {
        if (!adapts(spec)) {
            return IntegrationRules.create(config, spec.randomDimension());
        }
        if (centre == null) {
            throw new InvalidSpecificationException("Adaptive nodes (" + config.type().code() + ") are centred at"
                    + " parameter values, and none were given: pass the estimates (or starting values) as the centre.");
        }
        if (config.type() == DrawType.ADAPTIVE_GH) {
            return AdaptiveQuadrature.rule(data, spec, centre, config.draws());
        }
        return AdaptiveRules.rule(data, spec, centre, config);
    }

    /** The nodes for integrals that do not condition on the data's choices (see the class comment). */
    public IntegrationRule priorRule(ModelSpec spec) {
        if (!adapts(spec)) {
            return IntegrationRules.create(config, spec.randomDimension());
        }
        return IntegrationRules.create(config.withType(config.type().baseType()), spec.randomDimension());
    }

    /**
     * A more accurate provider than this one, for checking the integration error: {@value #SIMULATION_DRAWS_FACTOR}
     * times the draws (adaptive importance samplers too); for Gauss-Hermite {@value #GAUSS_HERMITE_EXTRA_POINTS}
     * more points per dimension, for adaptive Gauss-Hermite {@value #ADAPTIVE_EXTRA_POINTS} more, for sparse grids
     * {@value #SPARSE_EXTRA_LEVELS} levels more and for the adaptive sparse grid {@value
     * #ADAPTIVE_SPARSE_EXTRA_LEVELS} (within the families' {@value #SPARSE_MAX_LEVEL}).
     */
    public NodeProvider moreAccurate() {
        switch (config.type()) {
            case GAUSS_HERMITE:
                return of(config.withDraws(config.draws() + GAUSS_HERMITE_EXTRA_POINTS));
            case ADAPTIVE_GH:
                return of(config.withDraws(config.draws() + ADAPTIVE_EXTRA_POINTS));
            case ADAPTIVE_SPARSE:
                return of(config.withDraws(Math.min(config.draws() + ADAPTIVE_SPARSE_EXTRA_LEVELS, SPARSE_MAX_LEVEL)));
            case SPARSE_GRID:
            case SPARSE_GRID_GH:
                return of(config.withDraws(Math.min(config.draws() + SPARSE_EXTRA_LEVELS, SPARSE_MAX_LEVEL)));
            default:
                return of(config.withDraws(SIMULATION_DRAWS_FACTOR * config.draws()));
        }
    }

    @Override
    public String toString() {
        return "NodeProvider[" + config + "]";
    }
}
