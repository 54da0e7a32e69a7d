package org.mixlogit.postestimation;

import java.util.Objects;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.estimation.IntegrationChecker;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.simulation.NodeProvider;
import org.mixlogit.simulation.Backend;
import org.mixlogit.simulation.LikelihoodEvaluator;
import org.mixlogit.simulation.PerDecisionMaker;
import org.mixlogit.simulation.SimulatedLogLikelihood;
import org.mixlogit.simulation.Simulators;
import org.mixlogit.spec.ModelSpec;

/**
 * What post-estimation needs of an estimate: the specification, the estimates and their covariance, and the
 * integration settings to rebuild the same rule. Built from an {@link EstimationResult} or from a saved result
 * (the command line's {@code --from RESULT.json}). Immutable; array accessors copy.
 */
public final class FittedModel {
    private final ModelSpec spec;
    private final double[] estimates;
    private final double[] covariance;
    private final String covarianceName;
    private final IntegrationConfig integration;
    private final double level;
    private final int threads;
    /** Where the aggregates' sums run; null for local threads. */
    private final Backend backend;

    /**
     * @param covariance P x P row-major; entries may be NaN when no covariance is available (then standard errors
     *                   are NaN)
     * @param covarianceName what the covariance is, e.g. "hessian"
     * @param level confidence level in percent
     */
    public FittedModel(ModelSpec spec, double[] estimates, double[] covariance, String covarianceName,
            IntegrationConfig integration, double level, int threads) {
        this.spec = Objects.requireNonNull(spec, "spec");
        int p = spec.layout().size();
        if (estimates.length != p || covariance.length != p * p) {
            throw new InvalidSpecificationException("The model has " + p + " parameters " + spec.layout().names()
                    + " but the estimates have " + estimates.length + " values and the covariance "
                    + covariance.length + ": they do not belong to this specification.");
        }
        if (!(level > 0 && level < 100)) {
            throw new InvalidSpecificationException("The confidence level is " + level + ": give a percentage"
                    + " strictly between 0 and 100.");
        }
        this.estimates = estimates.clone();
        this.covariance = covariance.clone();
        this.covarianceName = covarianceName;
        this.integration = Objects.requireNonNull(integration, "integration");
        this.level = level;
        this.threads = Math.max(1, threads);
        this.backend = null;
    }

    private FittedModel(FittedModel model, int threads, Backend backend) {
        this.spec = model.spec;
        this.estimates = model.estimates;
        this.covariance = model.covariance;
        this.covarianceName = model.covarianceName;
        this.integration = model.integration;
        this.level = model.level;
        this.threads = Math.max(1, threads);
        this.backend = backend;
    }

    /**
     * A copy whose post-estimation aggregates (shares, elasticities, diversion, with their delta-method,
     * Krinsky-Robb and simulation errors) are summed, and whose per-decision-maker outputs (conditional coefficients,
     * willingness to pay, posterior class probabilities) computed, by {@code backend}; the numbers do not depend on
     * it.
     */
    public FittedModel withBackend(Backend newBackend) {
        return new FittedModel(this, threads, Objects.requireNonNull(newBackend, "backend"));
    }

    /** Where this model's sums over decision-makers run (local threads unless {@link #withBackend}). */
    public Backend backend() {
        return backend != null ? backend : Backend.local(threads);
    }

    /** The estimate with the covariance type the result shows. */
    public static FittedModel of(EstimationResult result) {
        return new FittedModel(result.spec(), result.estimates(), result.covariance(result.covarianceType()),
                result.covarianceType().code(), result.integrationConfig(), result.level(), result.threads());
    }

    public ModelSpec spec() {
        return spec;
    }

    public double[] estimates() {
        return estimates.clone();
    }

    public double[] covariance() {
        return covariance.clone();
    }

    public String covarianceName() {
        return covarianceName;
    }

    public IntegrationConfig integration() {
        return integration;
    }

    public double level() {
        return level;
    }

    public int threads() {
        return threads;
    }

    /** A copy computing with another number of threads (results do not depend on it). */
    public FittedModel withThreads(int newThreads) {
        return new FittedModel(this, newThreads, backend);
    }

    /** True when the integral is simulated (independent draw sets then exist). */
    boolean isSimulated() {
        return integration.type().isSimulation() && spec.randomDimension() > 0;
    }

    /**
     * The estimation's rule on some data, for quantities conditional on the data's observed choices; adaptive
     * quadrature is centred at each decision-maker's posterior at the estimates.
     */
    SimulatedLogLikelihood likelihood(ChoiceData data) {
        return Simulators.likelihood(data, spec, integration, estimates, threads);
    }

    /**
     * {@link #likelihood} with independent draw set number {@code index} (1-based; the sets of the estimation's
     * integration check), or for quadrature the more accurate rule.
     */
    SimulatedLogLikelihood likelihoodReplicate(ChoiceData data, int index) {
        IntegrationConfig config = isSimulated() ? IntegrationChecker.replicate(integration, index)
                : NodeProvider.of(integration).moreAccurate().config();
        return Simulators.likelihood(data, spec, config, estimates, threads);
    }

    /**
     * The estimation's rule on some data, for quantities that do not condition on its choices (probabilities,
     * shares, substitution patterns): adaptive quadrature takes its prior-centred form (see
     * {@link NodeProvider#priorRule}), so prediction data need no observed choices.
     */
    SimulatedLogLikelihood unconditional(ChoiceData data) {
        return Simulators.unconditional(data, spec, integration, threads);
    }


    /** A per-decision-maker output of some data, computed on this model's backend (decision-makers in order). */
    double[] perDecisionMaker(ChoiceData data, PerDecisionMaker output) {
        return backend().perDecisionMaker(data, output);
    }

    /** The aggregates' evaluator of some data (unconditional quantities), on this model's backend. */
    LikelihoodEvaluator aggregates(ChoiceData data) {
        return backend().unconditional(data, spec, integration);
    }

    /**
     * For the aggregates, on this model's backend: independent draw set number {@code index} (1-based; the
     * estimation's integration check uses the same sets), or for quadrature (index 1 only) the more accurate rule.
     */
    LikelihoodEvaluator aggregatesReplicate(ChoiceData data, int index) {
        IntegrationConfig config = isSimulated() ? IntegrationChecker.replicate(integration, index)
                : NodeProvider.of(integration).moreAccurate().config();
        return backend().unconditional(data, spec, config);
    }
}
