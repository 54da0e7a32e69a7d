package org.mixlogit.estimation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.mixlogit.inference.CovarianceType;
import org.mixlogit.inference.Covariances;
import org.mixlogit.inference.DeltaMethod;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.latent.LatentClassSummary;
import org.mixlogit.msm.GmmDiagnostics;
import org.mixlogit.optim.OptimizerStatus;
import org.mixlogit.spec.ModelSpec;

/**
 * Everything an estimation found, immutable: named estimates with every covariance type, derived quantities,
 * fit statistics and diagnostics that tell the truth about the optimum (status, gradient norm, Hessian
 * eigenvalues, certification), the distinct optima of a multi-start search, the run's settings and timing, and the
 * method's own diagnostics as optional parts ({@link #gmm()}). Built once by {@link #builder()} (every estimator
 * through {@code ResultAssembler}) and never changed afterwards. Array accessors copy.
 *
 * <p>A cancelled estimation (the iteration listener returned false) has status {@link OptimizerStatus#CANCELLED},
 * the point where the search stopped, and no inference: no covariances, Hessian eigenvalues or checks.
 */
public final class EstimationResult {
    private final EstimationMethod method;
    private final ModelSpec spec;
    private final List<String> names;
    private final double[] estimates;
    private final double[] gradient;
    private final Covariances covariances;
    private final String noCovariances;
    private final CovarianceType shown;
    private final String clusterDescription;
    private final double level;
    private final double logLikelihood;
    private final double nullLogLikelihood;
    private final double plainLogitLogLikelihood;
    private final int decisionMakers;
    private final int situations;
    private final int rows;
    private final boolean panel;
    private final double gradientNorm;
    private final OptimizerStatus status;
    private final String message;
    private final int iterations;
    private final int evaluations;
    private final double seconds;
    private final String integration;
    private final IntegrationConfig integrationConfig;
    private final int draws;
    private final int threads;
    private final String optimizer;
    private final List<LocalOptimum> optima;
    private final Certification certification;
    private final IntegrationCheck integrationCheck;
    private final double checkSeconds;
    private final SimulationNoise simulationNoise;
    private final GmmDiagnostics gmm;
    private final LatentClassSummary latent;

    EstimationResult(EstimationResultBuilder b) {
        method = b.method;
        spec = b.spec;
        names = spec.layout().names();
        estimates = b.estimates.clone();
        gradient = b.gradient.clone();
        covariances = b.covariances;
        noCovariances = b.noCovariances;
        shown = b.shown;
        clusterDescription = b.clusterDescription;
        level = b.level;
        logLikelihood = b.logLikelihood;
        nullLogLikelihood = b.nullLogLikelihood;
        plainLogitLogLikelihood = b.plainLogitLogLikelihood;
        decisionMakers = b.decisionMakers;
        situations = b.situations;
        rows = b.rows;
        panel = b.panel;
        gradientNorm = b.gradientNorm;
        status = b.status;
        message = b.message;
        iterations = b.iterations;
        evaluations = b.evaluations;
        seconds = b.seconds;
        integration = b.integration;
        integrationConfig = b.integrationConfig;
        draws = b.draws;
        threads = b.threads;
        optimizer = b.optimizer;
        optima = Collections.unmodifiableList(new ArrayList<>(b.optima));
        certification = b.certification;
        integrationCheck = b.integrationCheck;
        checkSeconds = b.checkSeconds;
        simulationNoise = b.simulationNoise;
        gmm = b.gmm;
        latent = b.latent;
    }

    /** An empty builder; {@link EstimationResultBuilder#build()} names every required part that was not given. */
    public static EstimationResultBuilder builder() {
        return new EstimationResultBuilder();
    }

    /** The estimation principle: MSLE or MSM. Serialized as its name ("MSLE", "MSM"). */
    public EstimationMethod method() {
        return method;
    }

    /**
     * The method-of-simulated-moments diagnostics (criterion, Hansen's J, weighting, instruments, condition number
     * of the weighting matrix); empty for other methods and for a cancelled MSM estimation.
     */
    public Optional<GmmDiagnostics> gmm() {
        return Optional.ofNullable(gmm);
    }

    /**
     * A latent class estimation's own part: class shares with standard errors, the classes' sizes, the multi-start
     * EM search and the boundaries met; empty for other models.
     */
    public Optional<LatentClassSummary> latentClasses() {
        return Optional.ofNullable(latent);
    }

    public ModelSpec spec() {
        return spec;
    }

    /** Parameter names in layout order (unmodifiable). */
    public List<String> names() {
        return names;
    }

    public double[] estimates() {
        return estimates.clone();
    }

    public double estimate(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("No parameter '" + name + "'; parameters: " + names);
        }
        return estimates[i];
    }

    /** Gradient of the criterion at the estimate: of the log-likelihood (MSLE) or of the GMM criterion (MSM). */
    public double[] gradient() {
        return gradient.clone();
    }

    /** The covariance type shown by default (the one chosen in the configuration). */
    public CovarianceType covarianceType() {
        return shown;
    }

    /** Words describing the clusters of the cluster-robust covariance. */
    public String clusterDescription() {
        return clusterDescription;
    }

    /** Every covariance type computed at the estimate; empty when inference was skipped (a cancelled run). */
    public Optional<Covariances> covariances() {
        return Optional.ofNullable(covariances);
    }

    /** Whether the covariance of this type could be computed. */
    public boolean isCovarianceAvailable(CovarianceType type) {
        return covariances != null && covariances.isAvailable(type);
    }

    /** Why the covariance of this type is unavailable, or null when it is available. */
    public String covarianceProblem(CovarianceType type) {
        return covariances != null ? covariances.problem(type) : noCovariances;
    }

    /** Covariance of the given type, row-major P x P (NaN when unavailable). */
    public double[] covariance(CovarianceType type) {
        if (covariances == null) {
            double[] nan = new double[estimates.length * estimates.length];
            Arrays.fill(nan, Double.NaN);
            return nan;
        }
        return covariances.matrix(type);
    }

    /** Standard errors of this type (NaN when unavailable). */
    public double[] standardErrors(CovarianceType type) {
        if (covariances == null) {
            double[] nan = new double[estimates.length];
            Arrays.fill(nan, Double.NaN);
            return nan;
        }
        return covariances.standardErrors(type);
    }

    public double[] standardErrors() {
        return standardErrors(shown);
    }

    /** The estimates with standard errors of the shown covariance type. */
    public List<CoefficientEstimate> coefficients() {
        return coefficients(shown);
    }

    public List<CoefficientEstimate> coefficients(CovarianceType type) {
        double[] se = standardErrors(type);
        List<CoefficientEstimate> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            out.add(new CoefficientEstimate(names.get(i), estimates[i], se[i], level));
        }
        return Collections.unmodifiableList(out);
    }

    /** Derived quantities with delta-method standard errors of the shown covariance type. */
    public List<CoefficientEstimate> derived() {
        return derived(shown);
    }

    public List<CoefficientEstimate> derived(CovarianceType type) {
        List<String> derivedNames;
        java.util.function.Function<double[], double[]> f;
        if (spec.isLatentClass()) {
            LatentClassDerived d = new LatentClassDerived(spec, latent == null ? null : latent.meanCharacteristics());
            derivedNames = d.names();
            f = d::apply;
        } else {
            DerivedQuantities d = new DerivedQuantities(spec);
            derivedNames = d.names();
            f = d::apply;
        }
        if (derivedNames.isEmpty()) {
            return Collections.emptyList();
        }
        double[] values = f.apply(estimates);
        double[] cov = DeltaMethod.covariance(f, estimates, covariance(type));
        int m = values.length;
        List<CoefficientEstimate> out = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            out.add(new CoefficientEstimate(derivedNames.get(i), values[i], Math.sqrt(cov[i * m + i]), level));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The simulated log-likelihood at the estimate (for MSM evaluated there with the estimation draws; NaN for a
     * cancelled MSM estimation).
     */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** Log-likelihood with equal shares within every situation (no parameters). */
    public double nullLogLikelihood() {
        return nullLogLikelihood;
    }

    /** Log-likelihood of the conditional (plain) logit on the same attributes, at its maximum. */
    public double plainLogitLogLikelihood() {
        return plainLogitLogLikelihood;
    }

    public int parameterCount() {
        return names.size();
    }

    public double aic() {
        return -2 * logLikelihood + 2 * parameterCount();
    }

    /** BIC with the number of choice situations as the sample size. */
    public double bic() {
        return -2 * logLikelihood + Math.log(situations) * parameterCount();
    }

    /** McFadden's rho-squared against the equal-shares null model. */
    public double mcFaddenRho2() {
        return 1 - logLikelihood / nullLogLikelihood;
    }

    public int decisionMakers() {
        return decisionMakers;
    }

    public int situations() {
        return situations;
    }

    /** Rows of the data: situation x alternative pairs. */
    public int rows() {
        return rows;
    }

    public boolean isPanel() {
        return panel;
    }

    /** Scaled gradient norm at the estimate (see the optimizer configuration). */
    public double gradientNorm() {
        return gradientNorm;
    }

    /** Eigenvalues of the Hessian, ascending (for MSM of -G'WG); empty when inference was skipped. */
    public double[] hessianEigenvalues() {
        return covariances == null ? new double[0] : covariances.hessianEigenvalues();
    }

    public boolean isConverged() {
        return status.isConverged();
    }

    /** True when the iteration listener stopped the estimation; there is then no inference. */
    public boolean isCancelled() {
        return status == OptimizerStatus.CANCELLED;
    }

    public OptimizerStatus status() {
        return status;
    }

    public String message() {
        return message;
    }

    public int iterations() {
        return iterations;
    }

    public int evaluations() {
        return evaluations;
    }

    public double seconds() {
        return seconds;
    }

    /** The integration rule in words. */
    public String integration() {
        return integration;
    }

    /** The integration settings the estimate was computed with (post-estimation rebuilds the rule from them). */
    public IntegrationConfig integrationConfig() {
        return integrationConfig;
    }

    public int draws() {
        return draws;
    }

    public int threads() {
        return threads;
    }

    public String optimizer() {
        return optimizer;
    }

    public double level() {
        return level;
    }

    /** Distinct optima found by the starts, best first (unmodifiable). */
    public List<LocalOptimum> optima() {
        return optima;
    }

    /** The integration check; empty when it was not requested, nothing is random, or the run was cancelled. */
    public Optional<IntegrationCheck> integrationCheck() {
        return Optional.ofNullable(integrationCheck);
    }

    /** The re-estimation study of simulation noise; empty when not requested. */
    public Optional<SimulationNoise> simulationNoise() {
        return Optional.ofNullable(simulationNoise);
    }

    /** Seconds the integration check took (not included in {@link #seconds()}); 0 without a check. */
    public double integrationCheckSeconds() {
        return checkSeconds;
    }

    /**
     * True when the winner has a gradient below tolerance and a negative definite Hessian (for MSM: -G'WG, i.e. the
     * moments identify every parameter locally).
     */
    public boolean isCertified() {
        return certification.isCertified();
    }

    /** What the certification found, in words. */
    public String certification() {
        return certification.text();
    }
}
