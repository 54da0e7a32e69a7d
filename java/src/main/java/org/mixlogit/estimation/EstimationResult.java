package org.mixlogit.estimation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.inference.Covariances;
import org.mixlogit.inference.DeltaMethod;
import org.mixlogit.msm.GmmDiagnostics;
import org.mixlogit.optim.OptimizerStatus;
import org.mixlogit.spec.ModelSpec;

/**
 * Everything an estimation found, immutable: named estimates with every covariance type, derived quantities,
 * fit statistics and diagnostics that tell the truth about the optimum (status, gradient norm, Hessian
 * eigenvalues, certification), the distinct optima of a multi-start search, and the run's settings and timing.
 * Array accessors copy.
 */
public final class EstimationResult {
    private final Parts p;

    EstimationResult(Parts parts) {
        this.p = parts;
    }

    /** The fields of a result, filled by the estimator. */
    static final class Parts {
        String estimator;
        ModelSpec spec;
        List<String> names;
        double[] estimates;
        double[] gradient;
        Covariances covariances;
        CovarianceType shown;
        String clusterDescription;
        double level;
        double logLikelihood;
        double nullLogLikelihood;
        double plainLogitLogLikelihood;
        int decisionMakers;
        int situations;
        int rows;
        boolean panel;
        double gradientNorm;
        OptimizerStatus status;
        String message;
        int iterations;
        int evaluations;
        double seconds;
        String integration;
        IntegrationConfig integrationConfig;
        int draws;
        int threads;
        String optimizer;
        List<LocalOptimum> optima;
        boolean certified;
        String certification;
        IntegrationCheck integrationCheck;
        double checkSeconds;
        SimulationNoise simulationNoise;
        GmmDiagnostics gmm;

        /** The fields every estimator fills the same way: the model, data counts and run settings. */
        void describe(ChoiceData data, ModelSpec model, EstimatorConfig config, double plainLogLik) {
            spec = model;
            names = model.layout().names();
            clusterDescription = config.cluster() == null ? (data.isPanel() ? "decision-maker" : "situation")
                    : config.cluster();
            level = config.level();
            nullLogLikelihood = MsleEstimator.nullLogLikelihood(data);
            plainLogitLogLikelihood = plainLogLik;
            decisionMakers = data.decisionMakerCount();
            situations = data.situationCount();
            rows = data.rowCount();
            panel = data.isPanel();
            integrationConfig = config.integration();
            draws = model.randomDimension() == 0 ? 0 : config.integration().draws();
            threads = config.threads();
            optimizer = config.optimizer().algorithm().code();
        }
    }

    /** "MSLE" or "MSM". */
    public String estimator() {
        return p.estimator;
    }

    /**
     * The method-of-simulated-moments diagnostics (criterion, Hansen's J, weighting, instruments, condition number
     * of the weighting matrix), or null for an MSLE result.
     */
    public GmmDiagnostics gmm() {
        return p.gmm;
    }

    public ModelSpec spec() {
        return p.spec;
    }

    public List<String> names() {
        return p.names;
    }

    public double[] estimates() {
        return p.estimates.clone();
    }

    public double estimate(String name) {
        int i = p.names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("No parameter '" + name + "'; parameters: " + p.names);
        }
        return p.estimates[i];
    }

    /** Gradient of the criterion at the estimate: of the log-likelihood (MSLE) or of the GMM criterion (MSM). */
    public double[] gradient() {
        return p.gradient.clone();
    }

    /** The covariance type shown by default (the one chosen in the configuration). */
    public CovarianceType covarianceType() {
        return p.shown;
    }

    /** Words describing the clusters of the cluster-robust covariance. */
    public String clusterDescription() {
        return p.clusterDescription;
    }

    public Covariances covariances() {
        return p.covariances;
    }

    /** Covariance of the given type, row-major P x P (NaN when unavailable). */
    public double[] covariance(CovarianceType type) {
        return p.covariances.matrix(type);
    }

    public double[] standardErrors(CovarianceType type) {
        return p.covariances.standardErrors(type);
    }

    public double[] standardErrors() {
        return standardErrors(p.shown);
    }

    /** The estimates with standard errors of the shown covariance type. */
    public List<CoefficientEstimate> coefficients() {
        return coefficients(p.shown);
    }

    public List<CoefficientEstimate> coefficients(CovarianceType type) {
        double[] se = standardErrors(type);
        List<CoefficientEstimate> out = new ArrayList<>();
        for (int i = 0; i < p.names.size(); i++) {
            out.add(new CoefficientEstimate(p.names.get(i), p.estimates[i], se[i], p.level));
        }
        return Collections.unmodifiableList(out);
    }

    /** Derived quantities with delta-method standard errors of the shown covariance type. */
    public List<CoefficientEstimate> derived() {
        return derived(p.shown);
    }

    public List<CoefficientEstimate> derived(CovarianceType type) {
        DerivedQuantities d = new DerivedQuantities(p.spec);
        if (d.isEmpty()) {
            return Collections.emptyList();
        }
        double[] values = d.apply(p.estimates);
        double[] cov = DeltaMethod.covariance(d::apply, p.estimates, covariance(type));
        int m = values.length;
        List<CoefficientEstimate> out = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            out.add(new CoefficientEstimate(d.names().get(i), values[i], Math.sqrt(cov[i * m + i]), p.level));
        }
        return Collections.unmodifiableList(out);
    }

    /** The simulated log-likelihood at the estimate (for MSM evaluated there with the estimation draws). */
    public double logLikelihood() {
        return p.logLikelihood;
    }

    /** Log-likelihood with equal shares within every situation (no parameters). */
    public double nullLogLikelihood() {
        return p.nullLogLikelihood;
    }

    /** Log-likelihood of the conditional (plain) logit on the same attributes, at its maximum. */
    public double plainLogitLogLikelihood() {
        return p.plainLogitLogLikelihood;
    }

    public int parameterCount() {
        return p.names.size();
    }

    public double aic() {
        return -2 * p.logLikelihood + 2 * parameterCount();
    }

    /** BIC with the number of choice situations as the sample size. */
    public double bic() {
        return -2 * p.logLikelihood + Math.log(p.situations) * parameterCount();
    }

    /** McFadden's rho-squared against the equal-shares null model. */
    public double mcFaddenRho2() {
        return 1 - p.logLikelihood / p.nullLogLikelihood;
    }

    public int decisionMakers() {
        return p.decisionMakers;
    }

    public int situations() {
        return p.situations;
    }

    /** Rows = situation x alternative pairs. */
    public int alternatives() {
        return p.rows;
    }

    public boolean isPanel() {
        return p.panel;
    }

    /** Scaled gradient norm at the estimate (see the optimizer configuration). */
    public double gradientNorm() {
        return p.gradientNorm;
    }

    public double[] hessianEigenvalues() {
        return p.covariances.hessianEigenvalues();
    }

    public boolean isConverged() {
        return p.status.isConverged();
    }

    public OptimizerStatus status() {
        return p.status;
    }

    public String message() {
        return p.message;
    }

    public int iterations() {
        return p.iterations;
    }

    public int evaluations() {
        return p.evaluations;
    }

    public double seconds() {
        return p.seconds;
    }

    /** The integration rule in words. */
    public String integration() {
        return p.integration;
    }

    /** The integration settings the estimate was computed with (post-estimation rebuilds the rule from them). */
    public IntegrationConfig integrationConfig() {
        return p.integrationConfig;
    }

    public int draws() {
        return p.draws;
    }

    public int threads() {
        return p.threads;
    }

    public String optimizer() {
        return p.optimizer;
    }

    public double level() {
        return p.level;
    }

    /** Distinct optima found by the starts, best first. */
    public List<LocalOptimum> optima() {
        return p.optima;
    }

    /** The integration check, or null when it was not requested (or nothing is random). */
    public IntegrationCheck integrationCheck() {
        return p.integrationCheck;
    }

    /** The re-estimation study of simulation noise, or null when not requested. */
    public SimulationNoise simulationNoise() {
        return p.simulationNoise;
    }

    /** Seconds the integration check took (not included in {@link #seconds()}). */
    public double integrationCheckSeconds() {
        return p.checkSeconds;
    }

    /**
     * True when the winner has a gradient below tolerance and a negative definite Hessian (for MSM: -G'WG, i.e. the
     * moments identify every parameter locally).
     */
    public boolean isCertified() {
        return p.certified;
    }

    /** What the certification found, in words. */
    public String certification() {
        return p.certification;
    }
}
