package org.mixlogit.estimation;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.inference.Covariances;
import org.mixlogit.simulation.ScoreSums;

/**
 * How the estimate is reported for inference: the covariance type shown (every available type is computed), the
 * characteristic whose values define the clusters of the cluster-robust covariance (and of the MSM two-step
 * weighting), the confidence level, and what the data's weights are. Immutable; change with the {@code withX}
 * copies. Defaults ({@link #defaults()}): Hessian covariance (the GMM sandwich for MSM), clusters = decision-makers,
 * level 95%, sampling weights.
 *
 * <p>Sampling weights (Stata's pweights, R's survey weights) scale each decision-maker's contribution: the robust
 * sandwich's meat is sum w_n^2 s_n s_n'. Frequency weights (Stata's fweights) count identical decision-makers, each
 * copy its own observation: the meat is sum w_n s_n s_n', which equals the robust covariance of the data with
 * every decision-maker repeated w_n times; clustered by decision-maker, each copy is its own cluster too. Both
 * give the same estimates, Hessian and OPG covariances, and the same covariance clustered by a characteristic
 * (whose clusters hold all copies of their decision-makers).
 */
public final class InferenceConfig {
    private final CovarianceType covariance;
    private final String cluster;
    private final double level;
    private final boolean frequencyWeights;

    private InferenceConfig(CovarianceType covariance, String cluster, double level, boolean frequencyWeights) {
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
        this.frequencyWeights = frequencyWeights;
    }

    /** Hessian covariance, clusters = decision-makers, level 95%, sampling weights. */
    public static InferenceConfig defaults() {
        return new InferenceConfig(CovarianceType.HESSIAN, null, 95, false);
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

    /** True for frequency weights (counts of identical decision-makers), false for sampling weights. */
    public boolean frequencyWeights() {
        return frequencyWeights;
    }

    /**
     * The covariances of a likelihood-type estimate from the curvature of its criterion (the log-likelihood's
     * Hessian, or the simulated score's Jacobian) and its score sums, for these weights. Sampling weights: the robust
     * meat sum w_n^2 s_n s_n', the clusters' sums of w_n s_n. Frequency weights: the robust meat sum w_n s_n s_n'
     * (each copy of a decision-maker its own observation), and when clustering by decision-maker each copy its own
     * cluster too (meat sum w_n s_n s_n', sum w_n clusters), as on the expanded data; clusters of a characteristic
     * hold all copies of their decision-makers, so their sums are the same either way.
     *
     * @param totalWeight the decision-makers' total weight ({@link org.mixlogit.data.ChoiceData#totalWeight()})
     */
    Covariances covariances(double[] curvature, ScoreSums c, double totalWeight, int p) {
        double[] meat = frequencyWeights ? c.information() : c.meat();
        double[] clusterMeat = c.clusterMeat();
        int clusters = c.clusterCount();
        if (frequencyWeights && cluster == null) {
            clusterMeat = c.information();
            clusters = (int) Math.min(Integer.MAX_VALUE, Math.round(totalWeight));
        }
        return Covariances.fromSums(curvature, c.information(), meat, clusterMeat, clusters, p);
    }

    public InferenceConfig withCovariance(CovarianceType type) {
        return new InferenceConfig(type, cluster, level, frequencyWeights);
    }

    /** @param characteristic a decision-maker characteristic of the data, or null for clusters = decision-makers */
    public InferenceConfig withCluster(String characteristic) {
        return new InferenceConfig(covariance, characteristic, level, frequencyWeights);
    }

    public InferenceConfig withLevel(double percent) {
        return new InferenceConfig(covariance, cluster, percent, frequencyWeights);
    }

    /**
     * The words for the weights' kind: "frequency" is true, "sampling" false, any other word null (the front end
     * says what is wrong in its own terms).
     */
    public static Boolean isFrequencyWord(String word) {
        return "frequency".equals(word) ? Boolean.TRUE : "sampling".equals(word) ? Boolean.FALSE : null;
    }

    /** @param frequency true for frequency weights (fweights), false for sampling weights (the default) */
    public InferenceConfig withFrequencyWeights(boolean frequency) {
        return new InferenceConfig(covariance, cluster, level, frequency);
    }

    @Override
    public String toString() {
        return "InferenceConfig[covariance=" + covariance + ", cluster=" + (cluster == null ? "decision-maker"
                : cluster) + ", level=" + level + ", weights=" + (frequencyWeights ? "frequency" : "sampling") + "]";
    }
}
