package org.mixlogit.estimation;

import java.util.Arrays;

import org.mixlogit.InvalidDataException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.inference.Covariances;
import org.mixlogit.optim.Optimum;
import org.mixlogit.optim.OptimizerStatus;
import org.mixlogit.simulation.Backend;
import org.mixlogit.simulation.DataSums;
import org.mixlogit.spec.ModelSpec;

/**
 * The tail every estimator shares: describes the data, the model and the run's settings; certifies the optimum;
 * times the estimation; runs the integration check and the simulation-noise study the configuration asks for; and
 * builds the one {@link EstimationResult}. A cancelled estimation ends in {@link #cancelled} instead: the point
 * where the search stopped, no inference and no checks. One assembler per estimation; the clock starts when it is
 * created. The integration check and the simulation-noise study run on the estimator's backend.
 */
final class ResultAssembler {
    /** Why a cancelled estimation has no covariances. */
    static final String CANCELLED_BEFORE_INFERENCE = "the estimation was cancelled before inference";

    private final ChoiceData data;
    private final ModelSpec spec;
    private final EstimatorConfig config;
    private final Backend backend;
    private final long began;

    /**
     * Starts the clock and checks, for every estimator alike, that the design identifies the located coefficients
     * ({@link DesignRank#require}).
     */
    ResultAssembler(ChoiceData data, ModelSpec spec, EstimatorConfig config) {
        this(data, spec, config, Backend.local(config.threads()));
    }

    /** As the three-argument form, with the checks' sums over decision-makers computed by {@code backend}. */
    ResultAssembler(ChoiceData data, ModelSpec spec, EstimatorConfig config, Backend backend) {
        if (config.inference().frequencyWeights()) {
            requireWholeWeights(data);
        }
        DesignRank.require(data, spec.classModel(), backend);
        this.data = data;
        this.spec = spec;
        this.config = config;
        this.backend = backend;
        this.began = System.nanoTime();
    }

    /**
     * Frequency weights count identical decision-makers: each must be a whole number (a driver's summary, whose rows
     * live on the partitions, is not checked here).
     */
    private static void requireWholeWeights(ChoiceData data) {
        if (data.isSummary() || !data.isWeighted()) {
            return;
        }
        for (int n = 0; n < data.decisionMakerCount(); n++) {
            double w = data.weight(n);
            if (w != Math.rint(w)) {
                throw new InvalidDataException("Frequency weights count identical decision-makers, so each must be a"
                        + " whole number, but decision-maker " + data.decisionMakerId(n) + " has weight " + w
                        + ": use sampling weights, or round the counts.");
            }
        }
    }

    /**
     * A builder holding what every estimator reports the same way: the method, the model, the data's counts and
     * null log-likelihood, the plain-logit benchmark, the clusters, the confidence level and the run settings.
     */
    EstimationResultBuilder describe(EstimationMethod method, double plainLogLik) {
        InferenceConfig inference = config.inference();
        String clusters = inference.cluster() != null ? inference.cluster()
                : data.isPanel() ? "decision-maker" : "situation";
        return EstimationResult.builder()
                .method(method)
                .spec(spec)
                .clusterDescription(clusters)
                .level(inference.level())
                .nullLogLikelihood(nullLogLikelihood(data, backend))
                .plainLogitLogLikelihood(plainLogLik)
                .sample(data.decisionMakerCount(), data.situationCount(), data.rowCount(), data.isPanel())
                .integrationConfig(config.integration(), spec.randomDimension() == 0 ? 0
                        : config.integration().draws())
                .threads(config.threads())
                .optimizer(config.search().optimizer().algorithm().code());
    }

    /**
     * Completes a described builder that holds the estimates, gradient, log-likelihood, covariance type shown,
     * effort, integration rule and optima: adds the optimum's outcome, the covariances and the certification,
     * stops the clock, then runs the integration check and the simulation-noise study when configured.
     *
     * @param best the winning optimum, whose point is the estimate
     * @param logLik the simulated log-likelihood at the estimate, compared with the integration check's
     */
    EstimationResult finish(EstimationResultBuilder b, Optimum best, Covariances cov, Certification.Criterion criterion,
            double logLik) {
        b.covariances(cov)
                .outcome(best.status(), best.message(), best.gradientNorm())
                .certification(Certification.of(best, cov, config.search().optimizer().certificationTolerance(),
                        criterion, spec.layout().names()))
                .seconds(secondsSince(began));
        DiagnosticsConfig diagnostics = config.diagnostics();
        if (diagnostics.checkReplicates() > 0 && spec.randomDimension() > 0) {
            long checkBegan = System.nanoTime();
            IntegrationCheck check = IntegrationChecker.check(backend, data, spec, config.integration(),
                    diagnostics.checkReplicates(), best.point(), logLik);
            b.integrationCheck(check, secondsSince(checkBegan));
        }
        boolean simulated = config.integration().type().isSimulation() && spec.randomDimension() > 0;
        if (diagnostics.reestimations() > 1 && simulated) {
            // the study needs the estimate's standard errors and derived quantities: it reads a provisional result
            // built from the same parts, and the final result is built once with the study added
            b.simulationNoise(SimulationNoiseStudy.run(data, spec, config, backend, b.build()));
        }
        return b.build();
    }

    /**
     * Completes a described builder after the iteration listener stopped the search: status
     * {@link OptimizerStatus#CANCELLED}, no covariances, no certification, no checks.
     *
     * @param message the optimizer's sentence about the cancellation
     * @param gradientNorm the scaled gradient norm where the search stopped
     */
    EstimationResult cancelled(EstimationResultBuilder b, String message, double gradientNorm) {
        return b.outcome(OptimizerStatus.CANCELLED, message, gradientNorm)
                .withoutCovariances(CANCELLED_BEFORE_INFERENCE)
                .certification(Certification.CANCELLED)
                .seconds(secondsSince(began))
                .build();
    }

    /** A gradient that was not computed (a search cancelled before its criterion's gradient was known). */
    static double[] unknown(int p) {
        double[] nan = new double[p];
        Arrays.fill(nan, Double.NaN);
        return nan;
    }

    private static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }

    /** sum over situations of w_n log(1 / J_s). */
    static double nullLogLikelihood(ChoiceData data, Backend backend) {
        return backend.dataSums(data, 1, nullTerms())[0];
    }

    /** A decision-maker's terms of the null log-likelihood: -w_n log J_t over its situations. */
    private static DataSums nullTerms() {
        return (part, n, sums, at) -> {
            int[] dmStart = part.decisionMakerStartRef();
            for (int s = dmStart[n]; s < dmStart[n + 1]; s++) {
                sums[at] -= part.weight(n) * Math.log(part.alternatives(s));
            }
        };
    }
}
