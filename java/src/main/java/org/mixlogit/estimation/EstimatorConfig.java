package org.mixlogit.estimation;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.msm.MsmConfig;
import org.mixlogit.optim.Algorithm;
import org.mixlogit.optim.OptimizerConfig;

/**
 * How an estimation runs: integration, optimizer, number of starts and their seed, worker threads, the covariance
 * shown, an optional cluster characteristic and optional user starting values. Immutable; change with the
 * {@code withX} copies. Defaults: 100 plain Halton draws, BFGS, one start, all processors, Hessian covariance,
 * clusters = decision-makers, confidence level 95%, method MSLE (MSM settings: optimal instruments, two-step).
 */
public final class EstimatorConfig {
    private final IntegrationConfig integration;
    private final OptimizerConfig optimizer;
    private final int starts;
    private final long startSeed;
    private final int threads;
    private final CovarianceType covariance;
    private final String cluster;
    private final double[] start;
    private final double level;
    private final int checkReplicates;
    private final int reestimations;
    private final EstimationMethod method;
    private final MsmConfig msm;

    private EstimatorConfig(IntegrationConfig integration, OptimizerConfig optimizer, int starts, long startSeed,
            int threads, CovarianceType covariance, String cluster, double[] start, double level,
            int checkReplicates, int reestimations, EstimationMethod method, MsmConfig msm) {
        if (method == null || msm == null) {
            throw new InvalidSpecificationException("The estimation method and its MSM settings are required.");
        }
        if (integration == null || optimizer == null || covariance == null) {
            throw new InvalidSpecificationException("Integration, optimizer and covariance settings are required.");
        }
        if (starts < 1) {
            throw new InvalidSpecificationException("starts is " + starts + ": use 1 or more.");
        }
        if (threads < 1) {
            throw new InvalidSpecificationException("threads is " + threads + ": use 1 or more.");
        }
        if (!(level > 0 && level < 100)) {
            throw new InvalidSpecificationException("The confidence level is " + level + ": use a percentage"
                    + " between 0 and 100, e.g. 95.");
        }
        this.integration = integration;
        this.optimizer = optimizer;
        this.starts = starts;
        this.startSeed = startSeed;
        this.threads = threads;
        this.covariance = covariance;
        this.cluster = cluster;
        this.start = start == null ? null : start.clone();
        if (checkReplicates < 0) {
            throw new InvalidSpecificationException("The integration check's replicates are " + checkReplicates
                    + ": use 0 (no check) or more.");
        }
        if (reestimations < 0 || reestimations == 1) {
            throw new InvalidSpecificationException("reestimations is " + reestimations + ": use 0 (none) or at"
                    + " least 2, so that a standard deviation exists.");
        }
        this.level = level;
        this.checkReplicates = checkReplicates;
        this.reestimations = reestimations;
        this.method = method;
        this.msm = msm;
    }

    public static EstimatorConfig defaults() {
        return new EstimatorConfig(IntegrationConfig.of(DrawType.HALTON, 100), OptimizerConfig.of(Algorithm.BFGS), 1,
                20240501L, Runtime.getRuntime().availableProcessors(), CovarianceType.HESSIAN, null, null, 95, 0, 0,
                EstimationMethod.MSLE, MsmConfig.defaults());
    }

    public IntegrationConfig integration() {
        return integration;
    }

    public OptimizerConfig optimizer() {
        return optimizer;
    }

    public int starts() {
        return starts;
    }

    public long startSeed() {
        return startSeed;
    }

    public int threads() {
        return threads;
    }

    public CovarianceType covariance() {
        return covariance;
    }

    /** The characteristic whose values define clusters, or null for clustering by decision-maker. */
    public String cluster() {
        return cluster;
    }

    /** User starting values (a copy), or null for the default start. */
    public double[] start() {
        return start == null ? null : start.clone();
    }

    /** Confidence level in percent. */
    public double level() {
        return level;
    }

    /** Independent draw sets for the integration check after estimation; 0 (the default) skips the check. */
    public int checkReplicates() {
        return checkReplicates;
    }

    /** Re-estimations with independent draw sets for the simulation-noise report; 0 (the default) skips it. */
    public int reestimations() {
        return reestimations;
    }

    /** MSLE (the default) or MSM. */
    public EstimationMethod method() {
        return method;
    }

    /** Instruments and weighting for MSM (ignored by MSLE). */
    public MsmConfig msm() {
        return msm;
    }

    public EstimatorConfig withMethod(EstimationMethod m) {
        return new EstimatorConfig(integration, optimizer, starts, startSeed, threads, covariance, cluster, start,
                level, checkReplicates, reestimations, m, msm);
    }

    public EstimatorConfig withMsm(MsmConfig c) {
        return new EstimatorConfig(integration, optimizer, starts, startSeed, threads, covariance, cluster, start,
                level, checkReplicates, reestimations, method, c);
    }

    public EstimatorConfig withReestimations(int k) {
        return new EstimatorConfig(integration, optimizer, starts, startSeed, threads, covariance, cluster, start,
                level, checkReplicates, k, method, msm);
    }

    public EstimatorConfig withCheckReplicates(int replicates) {
        return new EstimatorConfig(integration, optimizer, starts, startSeed, threads, covariance, cluster, start,
                level, replicates, reestimations, method, msm);
    }

    public EstimatorConfig withIntegration(IntegrationConfig c) {
        return new EstimatorConfig(c, optimizer, starts, startSeed, threads, covariance, cluster, start, level,
                checkReplicates, reestimations, method, msm);
    }

    public EstimatorConfig withOptimizer(OptimizerConfig c) {
        return new EstimatorConfig(integration, c, starts, startSeed, threads, covariance, cluster, start,
                level, checkReplicates, reestimations, method, msm);
    }

    public EstimatorConfig withStarts(int n) {
        return new EstimatorConfig(integration, optimizer, n, startSeed, threads, covariance, cluster, start,
                level, checkReplicates, reestimations, method, msm);
    }

    public EstimatorConfig withStartSeed(long seed) {
        return new EstimatorConfig(integration, optimizer, starts, seed, threads, covariance, cluster, start,
                level, checkReplicates, reestimations, method, msm);
    }

    public EstimatorConfig withThreads(int n) {
        return new EstimatorConfig(integration, optimizer, starts, startSeed, n, covariance, cluster, start,
                level, checkReplicates, reestimations, method, msm);
    }

    public EstimatorConfig withCovariance(CovarianceType type) {
        return new EstimatorConfig(integration, optimizer, starts, startSeed, threads, type, cluster, start,
                level, checkReplicates, reestimations, method, msm);
    }

    public EstimatorConfig withCluster(String characteristic) {
        return new EstimatorConfig(integration, optimizer, starts, startSeed, threads, covariance, characteristic,
                start, level, checkReplicates, reestimations, method, msm);
    }

    public EstimatorConfig withStart(double[] values) {
        return new EstimatorConfig(integration, optimizer, starts, startSeed, threads, covariance, cluster, values,
                level, checkReplicates, reestimations, method, msm);
    }

    public EstimatorConfig withLevel(double percent) {
        return new EstimatorConfig(integration, optimizer, starts, startSeed, threads, covariance, cluster, start,
                percent, checkReplicates, reestimations, method, msm);
    }

    @Override
    public String toString() {
        return "EstimatorConfig[" + integration + ", " + optimizer + ", starts=" + starts + ", startSeed=" + startSeed
                + ", threads=" + threads + ", covariance=" + covariance + ", cluster="
                + (cluster == null ? "decision-maker" : cluster) + ", start=" + (start == null ? "default" : "user")
                + ", level=" + level + ", checkReplicates=" + checkReplicates + ", reestimations=" + reestimations
                + ", method=" + method
                + (method == EstimationMethod.MSM ? ", " + msm : "") + "]";
    }
}
