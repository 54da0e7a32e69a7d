package org.mixlogit.bridge;

import java.util.List;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.estimation.CoefficientEstimate;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.simulation.SimulatedLogLikelihood;
import org.mixlogit.simulation.Simulators;
import org.mixlogit.msm.GmmDiagnostics;
import org.mixlogit.msm.Weighting;
import org.mixlogit.postestimation.FittedModel;
import org.mixlogit.postestimation.PostEstimation;
import org.mixlogit.report.ResultJson;
import org.mixlogit.report.ResultTable;

/**
 * A fitted model as seen through the facade: every accessor returns primitives, strings or their arrays; square
 * matrices are flat (row-major = column-major, they are symmetric).
 */
public final class BridgeFit {
    private final EstimationResult result;
    private final ChoiceData data;
    private final EstimatorConfig config;
    private final double[] trace;

    BridgeFit(EstimationResult result, ChoiceData data, EstimatorConfig config, List<double[]> trace) {
        this.result = result;
        this.data = data;
        this.config = config;
        this.trace = new double[trace.size() * 3];
        for (int i = 0; i < trace.size(); i++) {
            System.arraycopy(trace.get(i), 0, this.trace, 3 * i, 3);
        }
    }

    /** The full result as JSON (the same document as the command-line tool's --json). */
    public String json() {
        return ResultJson.write(result);
    }

    /** The fixed-width results table of the command-line tool. */
    public String table() {
        return ResultTable.format(result);
    }

    public String[] names() {
        return result.names().toArray(new String[0]);
    }

    /** Kinds of the parameters: MEAN, HETEROGENEITY, SCALE or CHOLESKY. */
    public String[] kinds() {
        return result.spec().layout().kinds().stream().map(Enum::name).toArray(String[]::new);
    }

    public double[] estimates() {
        return result.estimates();
    }

    /** Covariance of the given type ("hessian", "opg", "robust", "cluster"), P x P flat; NaN when unavailable. */
    public double[] covariance(String type) {
        return result.covariance(CovarianceType.fromCode(type));
    }

    /** Why the covariance of this type is unavailable, or "". */
    public String covarianceProblem(String type) {
        String p = result.covarianceProblem(CovarianceType.fromCode(type));
        return p == null ? "" : p;
    }

    /** Whether the covariance of this type could be computed. */
    public boolean hasCovariance(String type) {
        return result.isCovarianceAvailable(CovarianceType.fromCode(type));
    }

    /** The covariance type chosen at estimation. */
    public String vce() {
        return result.covarianceType().code();
    }

    public String[] derivedNames() {
        return result.derived().stream().map(CoefficientEstimate::name).toArray(String[]::new);
    }

    public double[] derivedEstimates() {
        return result.derived().stream().mapToDouble(CoefficientEstimate::estimate).toArray();
    }

    public double[] derivedStandardErrors() {
        return result.derived().stream().mapToDouble(CoefficientEstimate::standardError).toArray();
    }

    /**
     * Numbers describing the fit, in this order: logLik, nullLogLik, plainLogitLogLik, decisionMakers, situations,
     * rows, parameters, converged (1/0), iterations, evaluations, seconds, gradientNorm, certified (1/0),
     * smallest Hessian eigenvalue, largest Hessian eigenvalue, draws, threads, panel (1/0).
     */
    public double[] statistics() {
        double[] e = result.hessianEigenvalues();
        return new double[] {result.logLikelihood(), result.nullLogLikelihood(), result.plainLogitLogLikelihood(),
            result.decisionMakers(), result.situations(), result.rows(), result.parameterCount(),
            result.isConverged() ? 1 : 0, result.iterations(), result.evaluations(), result.seconds(),
            result.gradientNorm(), result.isCertified() ? 1 : 0, e.length == 0 ? 0 : e[0],
            e.length == 0 ? 0 : e[e.length - 1], result.draws(), result.threads(), result.isPanel() ? 1 : 0};
    }

    /** Texts describing the fit: status, message, certification, integration, optimizer. */
    public String[] descriptions() {
        return new String[] {result.status().name(), result.message(), result.certification(), result.integration(),
            result.optimizer()};
    }

    /** The estimation data as the engine sees them (package-private: for tests of the facade). */
    ChoiceData dataForTest() {
        return data;
    }

    /** "MSLE" or "MSM". */
    public String method() {
        return result.method().name();
    }

    /**
     * MSM diagnostics, in this order: GMM criterion, Hansen's J, its degrees of freedom, its p-value, number of
     * instruments, condition number of the weighting matrix, two-step (1/0); all NaN for an MSLE fit.
     */
    public double[] gmmStatistics() {
        GmmDiagnostics g = result.gmm().orElse(null);
        if (g == null) {
            double[] nan = new double[7];
            java.util.Arrays.fill(nan, Double.NaN);
            return nan;
        }
        return new double[] {g.objective(), g.hansenJ(), g.degreesOfFreedom(), g.pValue(), g.instrumentCount(),
            g.weightingConditionNumber(), g.weighting() == Weighting.TWO_STEP ? 1 : 0};
    }

    /** Names of the MSM instruments (empty for an MSLE fit). */
    public String[] instruments() {
        return result.gmm().map(g -> g.instruments().toArray(new String[0])).orElse(new String[0]);
    }

    /** The iteration trace, iterations x 3 flat row-major: iteration, log-likelihood, scaled gradient. */
    public double[] trace() {
        return trace.clone();
    }

    /** Integrated choice probabilities of the estimation data's rows, in the caller's row order. */
    public double[] fittedProbabilities() {
        return probabilities(data);
    }

    /**
     * Integrated choice probabilities for new data (same attributes and characteristics as the model), in the
     * caller's row order. Decision-makers take draws by their order of appearance in the new data.
     */
    public double[] predict(int[] situation, int[] decisionMaker, String[] attributeNames, double[] attributes,
            String[] characteristicNames, double[] characteristics) {
        ChoiceData fresh = BridgeData.build(situation, decisionMaker, null, attributeNames, attributes,
                characteristicNames, characteristics, new double[0]);
        return probabilities(fresh);
    }

    /** Post-estimation on the estimation data; options as {@link BridgePost#options}. */
    public BridgePost post(String postOptionsJson) {
        return new BridgePost(new PostEstimation(FittedModel.of(result), data,
                BridgePost.options(postOptionsJson)));
    }

    /**
     * Post-estimation on new data (same attributes and characteristics as the model; chosen may be all zero),
     * with its alternative labels and markets (length 0 for none), in the caller's row order.
     */
    public BridgePost postOn(int[] situation, int[] decisionMaker, String[] attributeNames, double[] attributes,
            String[] characteristicNames, double[] characteristics, String[] alternatives, String[] markets,
            String postOptionsJson) {
        ChoiceData fresh = BridgeData.build(situation, decisionMaker, null, attributeNames, attributes,
                characteristicNames, characteristics, new double[0], alternatives, markets);
        return new BridgePost(new PostEstimation(FittedModel.of(result), fresh,
                BridgePost.options(postOptionsJson)));
    }

    private double[] probabilities(ChoiceData target) {
        try (SimulatedLogLikelihood ll = Simulators.unconditional(target, result.spec(), config.integration(),
                config.threads())) {
            return BridgeData.inputOrder(target, ll.probabilities(result.estimates()));
        }
    }
}
