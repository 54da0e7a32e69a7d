package org.mixlogit.simulation;

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

    @Override
    void close();
}
