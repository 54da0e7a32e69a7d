package org.mixlogit.simulation;

import java.util.TreeMap;

import org.mixlogit.spec.ModelSpec;
import org.mixlogit.spec.ParameterLayout;

/**
 * The seam between estimators and where the sums over decision-makers of a simulated log-likelihood are
 * computed: on local threads ({@link SimulatedLogLikelihood}), over shards of the data
 * ({@link ShardedLikelihood}), or on a cluster. Every implementation reduces in the canonical order of
 * {@link BlockPartials}, so all give the same numbers to the last bit. Estimators see only this interface.
 */
public interface LikelihoodEvaluator extends AutoCloseable {
    ModelSpec spec();

    ParameterLayout layout();

    int parameterCount();

    /** Decision-makers in the data. */
    int decisionMakerCount();

    /** The integration rule in words. */
    String integrationDescription();

    /** Why the last evaluation was NaN (a non-positive integrated probability), or null. */
    String lastFailure();

    /** The weighted simulated log-likelihood; NaN or -infinity outside the computable region. */
    double value(double[] theta);

    /**
     * The weighted simulated log-likelihood and its gradient.
     *
     * @param gradient <b>Modified</b>: receives the gradient
     */
    double valueAndGradient(double[] theta, double[] gradient);

    /**
     * Value, gradient, information, meat and per-cluster score sums.
     *
     * @param clusterCharacteristic the decision-maker characteristic whose values are the clusters, or null for
     *                              one cluster per decision-maker
     */
    ScoreSums scoreSums(double[] theta, String clusterCharacteristic);

    /** The exact Hessian (P x P row-major), or null when the model needs finite differences of the gradient. */
    double[] hessian(double[] theta);

    /**
     * For a simulator of posterior draws ({@link Backend#posteriorDraws}): the Jacobian of the simulated score, the
     * Hessian with each person's covariance of the draws' scores made unbiased ({@link
     * SimulatedLogLikelihood#scoreJacobian}); null when the model needs finite differences.
     *
     * @throws UnsupportedOperationException from evaluators that do not provide it
     */
    default double[] scoreJacobian(double[] theta) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not compute the Jacobian of a"
                + " simulated score.");
    }

    /**
     * Post-estimation aggregates of the integrated (unconditional) probabilities: the aggregator's keyed sums over
     * all decision-makers, reduced in canonical order, by ascending key.
     */
    TreeMap<Long, double[]> probabilitySums(double[] theta, int width, ProbabilityAggregator aggregator);

    /** Post-estimation aggregates of the substitution patterns with respect to {@code attribute}, likewise. */
    TreeMap<Long, double[]> substitutionSums(double[] theta, String attribute, int width,
            SubstitutionAggregator aggregator);

    @Override
    void close();
}
