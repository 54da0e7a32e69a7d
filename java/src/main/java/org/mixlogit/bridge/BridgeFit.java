package org.mixlogit.bridge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.estimation.CoefficientEstimate;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.estimation.LatentClassEstimator;
import org.mixlogit.estimation.LocalOptimum;
import org.mixlogit.latent.LatentClassSummary;
import org.mixlogit.latent.ModelSelection;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.io.ModelSpecJson;
import org.mixlogit.simulation.SimulatedLogLikelihood;
import org.mixlogit.simulation.Simulators;
import org.mixlogit.msm.GmmDiagnostics;
import org.mixlogit.msm.Weighting;
import org.mixlogit.postestimation.FittedModel;
import org.mixlogit.postestimation.PostEstimation;
import org.mixlogit.report.ResultJson;
import org.mixlogit.report.SavedResult;
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

    /** Latent classes C of the model (1 for a model of one population). */
    public int classCount() {
        return result.spec().classCount();
    }

    /** Class shares at the decision-makers' mean characteristics, class 1 (the largest) first; {1} without classes. */
    public double[] classShares() {
        return result.latentClasses().map(LatentClassSummary::shares).orElse(new double[] {1.0});
    }

    /** Delta-method standard errors of {@link #classShares()} (NaN without a covariance). */
    public double[] classShareErrors() {
        return result.latentClasses().map(LatentClassSummary::shareErrors).orElse(new double[] {0.0});
    }

    /** Mean posterior class probabilities over decision-makers. */
    public double[] posteriorShares() {
        return result.latentClasses().map(LatentClassSummary::posteriorShares).orElse(new double[] {1.0});
    }

    /** The boundaries the latent class fit met, in words (empty when none). */
    public String[] boundaries() {
        return result.latentClasses().map(s -> s.boundaries().toArray(new String[0])).orElse(new String[0]);
    }

    /**
     * The EM search of a latent class fit: the number of starts, the best start's EM iterations and its EM log
     * likelihood (before the direct-ML polish); NaN for a model without classes.
     */
    public double[] emSearch() {
        return result.latentClasses().map(s -> new double[] {s.starts(), s.emIterations(), s.emLogLikelihood()})
                .orElse(new double[] {Double.NaN, Double.NaN, Double.NaN});
    }

    /**
     * The distinct optima the starts reached, best first, 4 numbers each: the log likelihood, how many starts
     * reached it, the scaled gradient norm there and 1/0 for converged (the saved form's "optima").
     */
    public double[] optima() {
        List<LocalOptimum> optima = result.optima();
        double[] out = new double[4 * optima.size()];
        for (int i = 0; i < optima.size(); i++) {
            LocalOptimum o = optima.get(i);
            out[4 * i] = o.logLikelihood();
            out[4 * i + 1] = o.starts();
            out[4 * i + 2] = o.gradientNorm();
            out[4 * i + 3] = o.converged() ? 1 : 0;
        }
        return out;
    }

    /** lclogit2's model-selection row: classes, LL, parameters, AIC, BIC, CAIC (N = decision-makers), smallest share. */
    public double[] selectionRow() {
        ModelSelection.Row row = LatentClassEstimator.selection(List.of(result)).rows().get(0);
        return new double[] {row.classes(), row.logLikelihood(), row.parameters(), row.aic(), row.bic(), row.caic(),
            row.smallestShare()};
    }

    /** The names of {@link #selectionRow()}. */
    public static String[] selectionNames() {
        return new String[] {"classes", "loglik", "parameters", "aic", "bic", "caic", "smallestShare"};
    }

    /**
     * The position in {@code fits} of the fit with the smallest BIC (lclogit2's model selection, the engine's
     * {@link ModelSelection#bestByBic()}: the first of equal ones); the fits are latent class fits of different
     * numbers of classes ({@link MixlogitBridge#fitClassRange}).
     */
    public static int bestByBic(BridgeFit[] fits) {
        if (fits.length == 0) {
            throw new InvalidSpecificationException("No fits to choose from: give at least one number of classes.");
        }
        List<EstimationResult> results = new ArrayList<>();
        for (BridgeFit f : fits) {
            results.add(f.result);
        }
        int best = LatentClassEstimator.selection(results).bestByBic();
        for (int i = 0; i < fits.length; i++) {
            if (fits[i].classCount() == best) {
                return i;
            }
        }
        throw new IllegalStateException("no fit with " + best + " classes");
    }

    /** The fitted model's specification as JSON (its classes included), as {@link MixlogitBridge#withClasses}. */
    public String specJson() {
        return ModelSpecJson.write(result.spec());
    }

    /**
     * The saved form of the fit ({@code docs/result-schema.md}, the same document as the command-line tool's
     * --json): the result with its estimation options and the fingerprint of its data. Front ends keep this text
     * and rebuild post-estimation from it ({@link MixlogitBridge#postSaved}).
     */
    public String json() {
        return ResultJson.write(result, EstimationOptions.write(config), SavedResult.fingerprint(data, result.spec()));
    }

    /** {@link #json()} as one line of compact JSON (the same document without white space). */
    public String compactJson() {
        return ResultJson.writeCompact(result, EstimationOptions.write(config), SavedResult.fingerprint(data,
                result.spec()));
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

    /** The derived quantities' standard errors by the delta method with the covariance of this type. */
    public double[] derivedStandardErrors(String type) {
        return result.derived(CovarianceType.fromCode(type)).stream().mapToDouble(CoefficientEstimate::standardError)
                .toArray();
    }

    /**
     * Numbers describing the fit, by name (see {@link #statisticNames()}): logLik, nullLogLik, plainLogitLogLik,
     * decisionMakers, situations, rows, parameters, converged (1/0), iterations, evaluations, seconds,
     * gradientNorm, certified (1/0), hessianMinEigenvalue, hessianMaxEigenvalue, draws, threads, panel (1/0).
     * Read them by name ({@link #statistic(String)}, or R's names): their order is not part of the contract.
     */
    public double[] statistics() {
        return statisticTable().values();
    }

    /** The names of {@link #statistics()}, in the same order. */
    public String[] statisticNames() {
        return statisticTable().names();
    }

    /** One statistic by name; an unknown name is an error listing the known ones. */
    public double statistic(String name) {
        return statisticTable().get(name);
    }

    private NamedNumbers statisticTable() {
        double[] e = result.hessianEigenvalues();
        return NamedNumbers.builder().put("logLik", result.logLikelihood())
                .put("nullLogLik", result.nullLogLikelihood())
                .put("plainLogitLogLik", result.plainLogitLogLikelihood())
                .put("decisionMakers", result.decisionMakers()).put("situations", result.situations())
                .put("rows", result.rows()).put("parameters", result.parameterCount())
                .put("converged", result.isConverged()).put("iterations", result.iterations())
                .put("evaluations", result.evaluations()).put("seconds", result.seconds())
                .put("gradientNorm", result.gradientNorm()).put("certified", result.isCertified())
                .put("hessianMinEigenvalue", e.length == 0 ? 0 : e[0])
                .put("hessianMaxEigenvalue", e.length == 0 ? 0 : e[e.length - 1])
                .put("draws", result.draws()).put("threads", result.threads()).put("panel", result.isPanel())
                .build();
    }

    /**
     * Texts describing the fit, by name (see {@link #descriptionNames()}): status, message, certification,
     * integration, optimizer.
     */
    public String[] descriptions() {
        return descriptionTable().values().toArray(new String[0]);
    }

    /** The names of {@link #descriptions()}, in the same order. */
    public String[] descriptionNames() {
        return descriptionTable().keySet().toArray(new String[0]);
    }

    /** One description by name; an unknown name is an error listing the known ones. */
    public String description(String name) {
        Map<String, String> d = descriptionTable();
        if (!d.containsKey(name)) {
            throw new InvalidSpecificationException("Unknown description \"" + name + "\": known are " + d.keySet()
                    + ".");
        }
        return d.get(name);
    }

    private Map<String, String> descriptionTable() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("status", result.status().name());
        d.put("message", result.message());
        d.put("certification", result.certification());
        d.put("integration", result.integration());
        d.put("optimizer", result.optimizer());
        return d;
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
     * MSM diagnostics by name (see {@link #gmmStatisticNames()}): criterion, J (Hansen's), df, p (of J),
     * instruments (their number), weightingCondition (condition number of the weighting matrix), twoStep (1/0);
     * all NaN for an MSLE fit. Read them by name.
     */
    public double[] gmmStatistics() {
        return gmmTable().values();
    }

    /** The names of {@link #gmmStatistics()}, in the same order. */
    public String[] gmmStatisticNames() {
        return gmmTable().names();
    }

    /** One MSM diagnostic by name (NaN after MSLE); an unknown name is an error listing the known ones. */
    public double gmmStatistic(String name) {
        return gmmTable().get(name);
    }

    private NamedNumbers gmmTable() {
        GmmDiagnostics g = result.gmm().orElse(null);
        boolean msm = g != null;
        return NamedNumbers.builder().put("criterion", msm ? g.objective() : Double.NaN)
                .put("J", msm ? g.hansenJ() : Double.NaN)
                .put("df", msm ? g.degreesOfFreedom() : Double.NaN)
                .put("p", msm ? g.pValue() : Double.NaN)
                .put("instruments", msm ? g.instrumentCount() : Double.NaN)
                .put("weightingCondition", msm ? g.weightingConditionNumber() : Double.NaN)
                .put("twoStep", msm ? (g.weighting() == Weighting.TWO_STEP ? 1 : 0) : Double.NaN)
                .build();
    }

    /** Names of the MSM instruments (empty for an MSLE fit). */
    public String[] instruments() {
        return result.gmm().map(g -> g.instruments().toArray(new String[0])).orElse(new String[0]);
    }

    /**
     * The integration check by name (see {@link #integrationCheckNames()}): replicateSd (sd of the log-likelihood
     * over independent draw sets, NaN with fewer than two), replicates (their number), accurateLogLik (with a more
     * accurate rule) and accurateDifference (accurate minus estimation log-likelihood); empty when the check did
     * not run (option {@code integrationCheck} 0, or a cancelled fit).
     */
    public double[] integrationCheck() {
        return integrationCheckTable().values();
    }

    /** The names of {@link #integrationCheck()}, in the same order (empty when the check did not run). */
    public String[] integrationCheckNames() {
        return integrationCheckTable().names();
    }

    /** The rules of the integration check: {replicate rule, accurate rule}; empty when it did not run. */
    public String[] integrationCheckRules() {
        return result.integrationCheck().map(c -> new String[] {c.replicateRule(), c.accurateRule()})
                .orElse(new String[0]);
    }

    private NamedNumbers integrationCheckTable() {
        NamedNumbers.Builder b = NamedNumbers.builder();
        result.integrationCheck().ifPresent(c -> b.put("replicateSd", c.replicateStandardDeviation())
                .put("replicates", c.replicates().length).put("accurateLogLik", c.accurateLogLikelihood())
                .put("accurateDifference", c.accurateDifference()));
        return b.build();
    }

    /** Re-estimations of the simulation-noise study (0 when it did not run). */
    public int reestimations() {
        return result.simulationNoise().map(n -> n.reestimations()).orElse(0);
    }

    /** Names of the quantities of the simulation-noise study: parameters then derived quantities (or empty). */
    public String[] simulationNoiseNames() {
        return result.simulationNoise().map(n -> n.names().toArray(new String[0])).orElse(new String[0]);
    }

    /**
     * The simulation-noise study, quantities x 3 flat column-major: the sd of each estimate over the
     * re-estimations, the sd of its standard error, and its sampling standard error (empty when it did not run).
     */
    public double[] simulationNoise() {
        return result.simulationNoise().map(n -> {
            int k = n.names().size();
            double[] out = new double[3 * k];
            System.arraycopy(n.estimateSd(), 0, out, 0, k);
            System.arraycopy(n.standardErrorSd(), 0, out, k, k);
            System.arraycopy(n.standardError(), 0, out, 2 * k, k);
            return out;
        }).orElse(new double[0]);
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
                BridgePost.options(postOptionsJson)), warning());
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
                BridgePost.options(postOptionsJson)), warning());
    }

    private String warning() {
        return SavedResult.warning(result.isConverged(), result.isCertified(), result.status().name());
    }

    private double[] probabilities(ChoiceData target) {
        try (SimulatedLogLikelihood ll = Simulators.unconditional(target, result.spec(), config.integration(),
                config.threads())) {
            return BridgeData.inputOrder(target, ll.probabilities(result.estimates()));
        }
    }
}
