package org.mixlogit.bridge;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.MixlogitException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.estimation.Estimator;
import org.mixlogit.io.ExampleData;
import org.mixlogit.io.ModelSpecJson;
import org.mixlogit.postestimation.FittedModel;
import org.mixlogit.postestimation.PostEstimation;
import org.mixlogit.postestimation.PostEstimationOptions;
import org.mixlogit.report.SavedResult;
import org.mixlogit.spec.CoefficientTransform;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.LatentClasses;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.estimation.LatentClassEstimator;

/**
 * The facade R and Stata call. Arguments and results are int, double, String, their arrays and the shared JSON
 * formats (the model specification of {@link ModelSpecJson}, the options of {@link EstimationOptions}, the
 * results of {@code ResultJson}). Matrices are flat and column-major. Exceptions are the engine's own
 * ({@code org.mixlogit.*Exception}) with messages fit to show the user.
 */
public final class MixlogitBridge {
    /** Version of the engine and of this facade's contract; front ends compare it to detect a stale jar. */
    public static final String VERSION = "0.1.0";

    private MixlogitBridge() {
    }

    public static String version() {
        return VERSION;
    }

    /**
     * The engine's vocabulary as JSON: its distribution codes, draw types, optimizers, covariance types, methods,
     * weightings and instrument keywords, and the defaults of the estimation options (see {@link Vocabulary}).
     */
    public static String vocabulary() {
        return Vocabulary.engine().json();
    }

    /**
     * Estimates a model by maximum simulated likelihood or, with {@code "method": "msm"} in the options, by the
     * method of simulated moments (instrument columns named in the options must be among the attribute columns or
     * the characteristics).
     *
     * @param situation choice-situation id per row
     * @param decisionMaker decision-maker id per row, or length 0 for a cross-section
     * @param chosen 1 for the chosen alternative, 0 otherwise
     * @param attributeNames names of the attribute columns
     * @param attributes rows x attributes, column-major
     * @param characteristicNames names of the decision-maker characteristics (may be empty)
     * @param characteristics rows x characteristics, column-major
     * @param weights weight per row (constant within decision-maker), or length 0
     * @param specJson the model specification (see {@link ModelSpecJson})
     * @param optionsJson the estimation options (see {@link EstimationOptions}); "" for defaults
     */
    public static BridgeFit fit(int[] situation, int[] decisionMaker, double[] chosen, String[] attributeNames,
            double[] attributes, String[] characteristicNames, double[] characteristics, double[] weights,
            String specJson, String optionsJson) {
        return fit(situation, decisionMaker, chosen, attributeNames, attributes, characteristicNames, characteristics,
                weights, specJson, optionsJson, Progress.NONE);
    }

    /** Progress after each iteration, for front ends that print it live and poll for a user's Break. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (iteration, logLikelihood, gradientNorm) -> true;

        /** @return false to stop the estimation (it then ends with status CANCELLED) */
        boolean iteration(int iteration, double logLikelihood, double gradientNorm);
    }

    /** {@link #fit} with live progress (the Stata plugin prints it and polls for Break). */
    public static BridgeFit fit(int[] situation, int[] decisionMaker, double[] chosen, String[] attributeNames,
            double[] attributes, String[] characteristicNames, double[] characteristics, double[] weights,
            String specJson, String optionsJson, Progress progress) {
        return fit(situation, decisionMaker, chosen, attributeNames, attributes, characteristicNames,
                characteristics, weights, new String[0], new String[0], specJson, optionsJson, progress);
    }

    /**
     * {@link #fit} with the alternative label and the market of each row (length 0 for none), by which
     * post-estimation aggregates shares, elasticities and diversion.
     */
    public static BridgeFit fit(int[] situation, int[] decisionMaker, double[] chosen, String[] attributeNames,
            double[] attributes, String[] characteristicNames, double[] characteristics, double[] weights,
            String[] alternatives, String[] markets, String specJson, String optionsJson) {
        return fit(situation, decisionMaker, chosen, attributeNames, attributes, characteristicNames,
                characteristics, weights, alternatives, markets, specJson, optionsJson, Progress.NONE);
    }

    /** As above, with live progress. */
    public static BridgeFit fit(int[] situation, int[] decisionMaker, double[] chosen, String[] attributeNames,
            double[] attributes, String[] characteristicNames, double[] characteristics, double[] weights,
            String[] alternatives, String[] markets, String specJson, String optionsJson, Progress progress) {
        ModelSpec spec = ModelSpecJson.read(specJson);
        EstimatorConfig config = EstimationOptions.parse(optionsJson);
        ChoiceData data = BridgeData.build(situation, decisionMaker, chosen, attributeNames, attributes,
                characteristicNames, characteristics, weights, alternatives, markets);
        List<double[]> trace = new ArrayList<>();
        EstimationResult result = Estimator.of(config).estimate(data, spec, report -> {
            trace.add(new double[] {report.iteration(), -report.value(), report.gradientNorm()});
            return progress.iteration(report.iteration(), -report.value(), report.gradientNorm());
        });
        return new BridgeFit(result, data, config, trace);
    }

    /**
     * A specification made a latent class model: {@code classes} classes whose shares depend on the
     * {@code membership} characteristics and whose {@code common} coefficients all classes share; random
     * coefficients of the specification are random within each class. Returns the specification's JSON for
     * {@link #fit} (R: {@code classes =, membership =, common =}; Stata: {@code nclasses() membership()}).
     */
    public static String withClasses(String specJson, int classes, String[] membership, String[] common) {
        ModelSpec spec = ModelSpecJson.read(specJson);
        return ModelSpecJson.write(spec.withLatentClasses(new LatentClasses(classes,
                java.util.Arrays.asList(membership), java.util.Arrays.asList(common))));
    }

    /**
     * Fits a latent class model for every number of classes from {@code from} to {@code to} (the specification's
     * own classes give the membership characteristics and common coefficients), for lclogit2's model-selection
     * table ({@link BridgeFit#selectionRow()}). Arguments as for {@link #fit}.
     */
    public static BridgeFit[] fitClassRange(int[] situation, int[] decisionMaker, double[] chosen,
            String[] attributeNames, double[] attributes, String[] characteristicNames, double[] characteristics,
            double[] weights, String[] alternatives, String[] markets, String specJson, String optionsJson, int from,
            int to, Progress progress) {
        ModelSpec spec = ModelSpecJson.read(specJson);
        if (!spec.isLatentClass()) {
            spec = spec.withLatentClasses(new LatentClasses(to, List.of(), List.of()));
        }
        EstimatorConfig config = EstimationOptions.parse(optionsJson);
        ChoiceData data = BridgeData.build(situation, decisionMaker, chosen, attributeNames, attributes,
                characteristicNames, characteristics, weights, alternatives, markets);
        List<double[]> trace = new ArrayList<>();
        List<EstimationResult> fits = new LatentClassEstimator(config).estimateRange(data, spec, from, to,
                report -> {
                    trace.add(new double[] {report.iteration(), -report.value(), report.gradientNorm()});
                    return progress.iteration(report.iteration(), -report.value(), report.gradientNorm());
                });
        BridgeFit[] out = new BridgeFit[fits.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new BridgeFit(fits.get(i), data, config, trace);
        }
        return out;
    }

    /**
     * Post-estimation without a fitted object (the Stata plugin is stateless between calls): the data as for
     * {@link #fit}, the specification and estimation options of the estimate, its parameters and covariance.
     *
     * @param covariance P x P (symmetric, so either order), or length 0 when unavailable
     * @param postOptionsJson {"krinskyRobb": N, "replicates": K, "seed": S}, every field optional
     */
    public static BridgePost post(int[] situation, int[] decisionMaker, double[] chosen, String[] attributeNames,
            double[] attributes, String[] characteristicNames, double[] characteristics, double[] weights,
            String[] alternatives, String[] markets, String specJson, String optionsJson, double[] estimates,
            double[] covariance, String postOptionsJson) {
        ModelSpec spec = ModelSpecJson.read(specJson);
        EstimatorConfig config = EstimationOptions.parse(optionsJson);
        ChoiceData data = BridgeData.build(situation, decisionMaker, chosen, attributeNames, attributes,
                characteristicNames, characteristics, weights, alternatives, markets, true);
        int p = spec.layout().size();
        double[] v = covariance;
        if (v == null || v.length == 0) {
            v = new double[p * p];
            java.util.Arrays.fill(v, Double.NaN);
        }
        FittedModel model = new FittedModel(spec, estimates, v, config.inference().covariance().code(),
                config.integration(), config.inference().level(), config.threads());
        return new BridgePost(new PostEstimation(model, data, BridgePost.options(postOptionsJson)), "");
    }

    /**
     * Post-estimation from the saved form of a fit ({@link BridgeFit#json()}, {@code docs/result-schema.md}) and
     * data: the front end keeps the text and no engine object (R's fit survives saveRDS/readRDS). The saved form is
     * validated (a bad field is an {@link InvalidSpecificationException} naming its JSON path).
     *
     * @param chosen the choices, or length 0 for prediction data (no observed choices)
     * @param estimationData true when the data are claimed to be the estimation data: their fingerprint must then
     *                       equal the saved one, otherwise it is an error saying how they differ; false for new
     *                       data (prediction, post-estimation on other data on purpose)
     * @param threads worker threads (numbers do not depend on them)
     * @param postOptionsJson {"krinskyRobb": N, "replicates": K, "seed": S}, every field optional
     */
    public static BridgePost postSaved(String resultJson, int[] situation, int[] decisionMaker, double[] chosen,
            String[] attributeNames, double[] attributes, String[] characteristicNames, double[] characteristics,
            double[] weights, String[] alternatives, String[] markets, boolean estimationData, int threads,
            String postOptionsJson) {
        SavedResult saved = SavedResult.read(resultJson);
        PostEstimationOptions options = BridgePost.options(postOptionsJson);
        ChoiceData data = BridgeData.build(situation, decisionMaker, chosen == null || chosen.length == 0 ? null
                : chosen, attributeNames, attributes, characteristicNames, characteristics, weights, alternatives,
                markets, true);
        if (estimationData) {
            saved.checkEstimationData(data, "give them as new data (newdata)");
        }
        return new BridgePost(new PostEstimation(saved.fittedModel(threads), data, options), saved.warning());
    }

    /**
     * The distribution of a random coefficient for plots, from the engine's own parameterisation: {@code points}
     * values spanning its 0.1% to 99.5% quantiles (widened to include zero when the distribution has an atom
     * there), then the density at each, then the probability of exactly zero (the censored normal's atom).
     *
     * @param code a distribution code ("n", "ln", ...)
     * @param location the location m (the mean parameter, with heterogeneity evaluated)
     * @param scale the scale s (sd. or spread.; for a member of the correlated block, the sd of its underlying
     *              normal)
     */
    public static double[] distributionCurve(String code, double location, double scale, int points) {
        CoefficientTransform t = Distribution.fromCode(code).transform();
        if (points < 2) {
            throw new InvalidSpecificationException("points is " + points + ": use 2 or more.");
        }
        double mass = t.massAtZero(location, scale);
        double low = t.quantile(0.001, location, scale);
        double high = t.quantile(0.995, location, scale);
        if (mass > 0) {
            low = Math.min(low, 0.0);
        }
        if (!(high > low)) {
            high = low + Math.max(1e-8, Math.abs(low) * 1e-3);
        }
        double pad = 0.02 * (high - low);
        low -= pad;
        high += pad;
        double[] out = new double[2 * points + 1];
        for (int i = 0; i < points; i++) {
            double x = low + (high - low) * i / (points - 1);
            out[i] = x;
            out[points + i] = t.density(x, location, scale);
        }
        out[2 * points] = mass;
        return out;
    }

    /**
     * The population distribution of a random coefficient in numbers (see {@link #distributionSummaryNames()}):
     * min, 25% quantile, median, mean, 75% quantile, max (infinite for an unbounded side), sd, and the shares of
     * the population below zero, exactly at zero and above zero.
     *
     * @param code a random distribution's code ("n", "ln", ...)
     * @param location the location m (heterogeneity evaluated)
     * @param scale the scale s (for a member of the correlated block, the sd of its underlying normal)
     */
    public static double[] distributionSummary(String code, double location, double scale) {
        return DistributionSummary.of(code, location, scale);
    }

    /** The names of {@link #distributionSummary}'s values, in order. */
    public static String[] distributionSummaryNames() {
        return DistributionSummary.NAMES.clone();
    }

    /** The bundled Electricity data (Train; mlogit's Electricity in long format) as CSV text with a header. */
    public static String electricityCsv() {
        StringBuilder b = new StringBuilder();
        try (Reader r = ExampleData.openElectricity()) {
            char[] buffer = new char[8192];
            for (int n = r.read(buffer); n > 0; n = r.read(buffer)) {
                b.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new MixlogitException("Cannot read the bundled Electricity data: " + e.getMessage(), e);
        }
        return b.toString();
    }
}
