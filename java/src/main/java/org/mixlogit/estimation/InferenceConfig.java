package org.mixlogit.estimation;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.inference.CovarianceType;

/**
 * How the estimate is reported for inference: the covariance type shown (every available type is computed), the
 * characteristic whose values define the clusters of the cluster-robust covariance (and of the MSM two-step
 * weighting), and the confidence level. Immutable; change with the {@code withX} copies. Defaults
 * ({@link #defaults()}): Hessian covariance (the GMM sandwich for MSM), clusters = decision-makers, level 95%.
 */
public final class InferenceConfig {
    private final CovarianceType covariance;
    private final String cluster;
    private final double level;

    private InferenceConfig(CovarianceType covariance, String cluster, double level) {
        if (covariance == null) {
            throw new InvalidSpecificationException("covariance is missing: use hessian, opg, robust, cluster or"
                    + " gmm.");
        }
        if (cluster != null && cluster.trim().isEmpty()) {
            throw new InvalidSpecificationException("cluster is blank: name a decision-maker characteristic, or"
                    + " give none to cluster by decision-maker.");
        }
        if (!(level > 0 && level < 100)) {
            throw new InvalidSpecificationException("level is " + level + ": give the confidence level as a"
                    + " percentage between 0 and 100, e.g. 95.");
        }
        this.covariance = covariance;
        this.cluster = cluster == null ? null : cluster.trim();
        this.level = level;
    }

    /** Hessian covariance, clusters = decision-makers, level 95%. */
    public static InferenceConfig defaults() {
        return new InferenceConfig(CovarianceType.HESSIAN, null, 95);
    }

    /** The covariance type shown by default. */
    public CovarianceType covariance() {
        return covariance;
    }

    /** The characteristic whose values define clusters, or null for clustering by decision-maker. */
    public String cluster() {
        return cluster;
    }

    /** Confidence level in percent. */
    public double level() {
        return level;
    }

    public InferenceConfig withCovariance(CovarianceType type) {
        return new InferenceConfig(type, cluster, level);
    }

    /** @param characteristic a decision-maker characteristic of the data, or null for clusters = decision-makers */
    public InferenceConfig withCluster(String characteristic) {
        return new InferenceConfig(covariance, characteristic, level);
    }

    public InferenceConfig withLevel(double percent) {
        return new InferenceConfig(covariance, cluster, percent);
    }

    @Override
    public String toString() {
        return "InferenceConfig[covariance=" + covariance + ", cluster=" + (cluster == null ? "decision-maker"
                : cluster) + ", level=" + level + "]";
    }
}
