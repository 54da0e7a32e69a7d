package org.mixlogit.estimation;

import java.util.ArrayList;
import java.util.List;

import org.mixlogit.inference.CovarianceType;
import org.mixlogit.inference.Covariances;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.latent.LatentClassSummary;
import org.mixlogit.msm.GmmDiagnostics;
import org.mixlogit.optim.OptimizerStatus;
import org.mixlogit.spec.ModelSpec;

/**
 * Collects the parts of an {@link EstimationResult}. Every setter but the optional parts ({@link #covariances} when
 * {@link #withoutCovariances} says why not, {@link #integrationCheck}, {@link #simulationNoise}, {@link #gmm})
 * is required; {@link #build()} names the missing ones. Arrays are copied at {@link #build()}, so one builder may
 * build a provisional result and then, with more parts, the final one. Obtain it from
 * {@link EstimationResult#builder()}.
 */
public final class EstimationResultBuilder {
    // package-private: read by EstimationResult's constructor only; everything else goes through the setters
    EstimationMethod method;
    ModelSpec spec;
    double[] estimates;
    double[] gradient;
    Covariances covariances;
    String noCovariances;
    CovarianceType shown;
    String clusterDescription;
    Double level;
    Double logLikelihood;
    Double nullLogLikelihood;
    Double plainLogitLogLikelihood;
    Integer decisionMakers;
    Integer situations;
    Integer rows;
    Boolean panel;
    Double gradientNorm;
    OptimizerStatus status;
    String message;
    Integer iterations;
    Integer evaluations;
    Double seconds;
    String integration;
    IntegrationConfig integrationConfig;
    Integer draws;
    Integer threads;
    String optimizer;
    List<LocalOptimum> optima;
    Certification certification;
    IntegrationCheck integrationCheck;
    double checkSeconds;
    SimulationNoise simulationNoise;
    GmmDiagnostics gmm;
    LatentClassSummary latent;

    EstimationResultBuilder() {
    }

    public EstimationResultBuilder method(EstimationMethod m) {
        method = m;
        return this;
    }

    /** The model; it also names the parameters. */
    public EstimationResultBuilder spec(ModelSpec s) {
        spec = s;
        return this;
    }

    /** @param theta Not modified (copied at build): one per parameter */
    public EstimationResultBuilder estimates(double[] theta) {
        estimates = theta;
        return this;
    }

    /** @param g Not modified (copied at build): gradient of the criterion at the estimate */
    public EstimationResultBuilder gradient(double[] g) {
        gradient = g;
        return this;
    }

    public EstimationResultBuilder covariances(Covariances c) {
        covariances = c;
        return this;
    }

    /** No covariances were computed, and why (e.g. the estimation was cancelled before inference). */
    public EstimationResultBuilder withoutCovariances(String why) {
        covariances = null;
        noCovariances = why;
        return this;
    }

    public EstimationResultBuilder covarianceType(CovarianceType type) {
        shown = type;
        return this;
    }

    public EstimationResultBuilder clusterDescription(String words) {
        clusterDescription = words;
        return this;
    }

    /** Confidence level in percent. */
    public EstimationResultBuilder level(double percent) {
        level = percent;
        return this;
    }

    public EstimationResultBuilder logLikelihood(double value) {
        logLikelihood = value;
        return this;
    }

    public EstimationResultBuilder nullLogLikelihood(double value) {
        nullLogLikelihood = value;
        return this;
    }

    public EstimationResultBuilder plainLogitLogLikelihood(double value) {
        plainLogitLogLikelihood = value;
        return this;
    }

    /** The data's decision-makers, choice situations and rows, and whether it is a panel. */
    public EstimationResultBuilder sample(int decisionMakerCount, int situationCount, int rowCount, boolean isPanel) {
        decisionMakers = decisionMakerCount;
        situations = situationCount;
        rows = rowCount;
        panel = isPanel;
        return this;
    }

    /** How the search ended: its status, the optimizer's sentence and the scaled gradient norm. */
    public EstimationResultBuilder outcome(OptimizerStatus s, String sentence, double scaledGradientNorm) {
        status = s;
        message = sentence;
        gradientNorm = scaledGradientNorm;
        return this;
    }

    /** Iterations and objective evaluations over every start and step. */
    public EstimationResultBuilder effort(int iterationCount, int evaluationCount) {
        iterations = iterationCount;
        evaluations = evaluationCount;
        return this;
    }

    /** Wall time of the estimation, without the integration check and the noise study. */
    public EstimationResultBuilder seconds(double s) {
        seconds = s;
        return this;
    }

    /** The integration rule in words. */
    public EstimationResultBuilder integration(String words) {
        integration = words;
        return this;
    }

    /** The integration settings and the draws per decision-maker actually used (0 when nothing is random). */
    public EstimationResultBuilder integrationConfig(IntegrationConfig c, int drawsUsed) {
        integrationConfig = c;
        draws = drawsUsed;
        return this;
    }

    public EstimationResultBuilder threads(int n) {
        threads = n;
        return this;
    }

    /** The optimizer's code, e.g. "bfgs". */
    public EstimationResultBuilder optimizer(String code) {
        optimizer = code;
        return this;
    }

    /** Distinct optima, best first (at least one). */
    public EstimationResultBuilder optima(List<LocalOptimum> list) {
        optima = list;
        return this;
    }

    public EstimationResultBuilder certification(Certification c) {
        certification = c;
        return this;
    }

    /** The integration check and the seconds it took. */
    public EstimationResultBuilder integrationCheck(IntegrationCheck check, double secondsTaken) {
        integrationCheck = check;
        checkSeconds = secondsTaken;
        return this;
    }

    public EstimationResultBuilder simulationNoise(SimulationNoise noise) {
        simulationNoise = noise;
        return this;
    }

    /** A latent class estimation's own part. */
    public EstimationResultBuilder latentClasses(LatentClassSummary summary) {
        latent = summary;
        return this;
    }

    public EstimationResultBuilder gmm(GmmDiagnostics diagnostics) {
        gmm = diagnostics;
        return this;
    }

    /**
     * @throws IllegalStateException naming every required part not given, or arrays whose length is not the
     *         model's number of parameters
     */
    public EstimationResult build() {
        List<String> missing = new ArrayList<>();
        Object[] required = {method, spec, estimates, gradient, shown, clusterDescription, level, logLikelihood,
            nullLogLikelihood, plainLogitLogLikelihood, decisionMakers, status, iterations, seconds,
            integration, integrationConfig, threads, optimizer, optima, certification};
        String[] what = {"method", "spec", "estimates", "gradient", "covarianceType", "clusterDescription",
            "level", "logLikelihood", "nullLogLikelihood", "plainLogitLogLikelihood", "sample", "outcome",
            "effort", "seconds", "integration", "integrationConfig", "threads", "optimizer", "optima",
            "certification"};
        for (int i = 0; i < required.length; i++) {
            if (required[i] == null) {
                missing.add(what[i]);
            }
        }
        if (covariances == null && noCovariances == null) {
            missing.add("covariances (or withoutCovariances and why)");
        }
        if (optima != null && optima.isEmpty()) {
            missing.add("optima (at least one)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The estimation result is missing " + String.join(", ", missing)
                    + ": set " + (missing.size() == 1 ? "it" : "them") + " on the builder before build().");
        }
        int p = spec.layout().size();
        if (estimates.length != p || gradient.length != p) {
            throw new IllegalStateException("The estimation result has " + estimates.length + " estimates and "
                    + gradient.length + " gradient elements but the model has " + p + " parameters "
                    + spec.layout().names() + ".");
        }
        return new EstimationResult(this);
    }
}
