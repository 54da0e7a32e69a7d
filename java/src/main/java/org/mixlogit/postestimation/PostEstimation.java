package org.mixlogit.postestimation;

import java.util.ArrayList;
import java.util.List;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.simulation.SimulatedLogLikelihood;
import org.mixlogit.simulation.WillingnessToPay;
import org.mixlogit.spec.CoefficientSpec;
import org.mixlogit.spec.Distribution;

/**
 * Post-estimation economics of a fitted model on some data (the estimation data or new data with the model's
 * attributes): probabilities, predicted shares, elasticities, diversion ratios, conditional coefficients and
 * willingness to pay, all integrated with the estimation's rule. Aggregates are by market and alternative (see
 * {@link ChoiceData#alternativeLabels()} and {@link ChoiceData#marketLabels()}) and carry their uncertainty (see
 * {@link QuantityTable}). Immutable; every call computes afresh.
 */
public final class PostEstimation {
    private final FittedModel model;
    private final ChoiceData data;
    private final PostEstimationOptions options;
    private final Markets markets;

    public PostEstimation(FittedModel model, ChoiceData data, PostEstimationOptions options) {
        this.model = model;
        this.data = data;
        this.options = options;
        this.markets = new Markets(data, model.backend());
    }

    /** Integrated (unconditional) choice probabilities by grouped row, computed on the model's backend. */
    public double[] probabilities() {
        return model.perDecisionMaker(data, DecisionMakerOutputs.probabilities(model));
    }

    /**
     * Choice probabilities by grouped row conditional on each decision-maker's observed choices in these data
     * (predictions for known decision-makers), computed on the model's backend.
     */
    public double[] conditionalProbabilities() {
        return model.perDecisionMaker(data, DecisionMakerOutputs.conditionalProbabilities(model));
    }

    /**
     * Choice probabilities of other data's rows (new situations of known decision-makers) conditional on each
     * decision-maker's observed choices in these data, matched by decision-maker id; by the target's grouped row.
     */
    public double[] conditionalProbabilities(ChoiceData target) {
        try (SimulatedLogLikelihood ll = model.likelihood(data)) {
            return ll.conditionalProbabilities(model.estimates(), target);
        }
    }

    /**
     * Integrated (unconditional) choice probabilities of every row with their uncertainty (delta method,
     * Krinsky-Robb on request, simulation error), in the data's input row order ({@link ChoiceData#sourceRow}):
     * row i of the table is input row i, keyed by its market and alternative labels.
     */
    public QuantityTable probabilityTable() {
        return QuantityInference.table("Choice probabilities", RowProbabilities.keys(data),
                (ll, theta) -> RowProbabilities.byInputRow(data, ll, theta), model, data, options);
    }

    /**
     * The population distribution of willingness to pay for {@code attribute} in units of {@code cost},
     * -beta_a / beta_c over all decision-makers' draws, summarised by {@link WtpSummary#STATISTICS} (mean, median,
     * quantiles), each with its uncertainty: delta method, Krinsky-Robb on request, simulation error. Needs equally
     * weighted simulation draws, or no random coefficients.
     */
    public QuantityTable willingnessToPayTable(String attribute, String cost) {
        checkWtpPair(attribute, cost);
        return willingnessToPayInference(attribute, cost).withNote(willingnessToPayNote(cost));
    }

    /**
     * The caveat of a willingness to pay over {@code cost}: when its coefficient's density at zero is positive
     * (normal, truncated normal) the ratio has no finite mean; "" otherwise.
     */
    public String willingnessToPayNote(String cost) {
        Distribution d = model.spec().coefficient(cost).distribution();
        if (d != Distribution.NORMAL && d != Distribution.TRUNCATED_NORMAL) {
            return "";
        }
        return "Note: the coefficient of " + cost + " is " + d.label() + ", whose density at zero is positive, so the"
                + " ratio has no finite mean: its means do not settle as the draws grow; report the median and"
                + " quantiles, or use a cost coefficient bounded away from zero (fixed or lognormal).";
    }

    private QuantityTable willingnessToPayInference(String attribute, String cost) {
        return QuantityInference.table("Willingness to pay for " + attribute + " in units of " + cost
                + ": -b(" + attribute + ") / b(" + cost + ")", WtpSummary.keys(),
                (ll, theta) -> WtpSummary.of(ll.willingnessToPay(theta, attribute, cost)),
                new QuantityInference.Evaluators<SimulatedLogLikelihood>() {
                    @Override
                    public SimulatedLogLikelihood main(ChoiceData d) {
                        return model.likelihood(d);
                    }

                    @Override
                    public SimulatedLogLikelihood replicate(ChoiceData d, int index) {
                        return model.likelihoodReplicate(d, index);
                    }
                }, model, data, options);
    }

    /** Predicted shares by market and alternative. */
    public QuantityTable shares() {
        return QuantityInference.table("Predicted shares", markets.shareKeys(),
                (ll, theta) -> Aggregates.shares(markets, ll, theta), model, data, options);
    }

    /**
     * Elasticities of each alternative's share (from) with respect to the attribute of each alternative (to), own
     * on the diagonal; market aggregates of the situation elasticities, weighted by shares.
     */
    public QuantityTable elasticities(String attribute) {
        checkAttribute(attribute);
        return QuantityInference.table("Elasticities of the share of 'from' with respect to " + attribute
                + " of 'to'", markets.pairKeys(true),
                (ll, theta) -> Aggregates.elasticities(markets, ll, theta, attribute), model, data,
                options);
    }

    /** Marginal (price-change) diversion from j to k for a change in {@code attribute} of j. */
    public QuantityTable marginalDiversion(String attribute) {
        checkAttribute(attribute);
        return QuantityInference.table("Marginal diversion ratios (change in " + attribute + " of 'from')",
                markets.pairKeys(false),
                (ll, theta) -> Aggregates.marginalDiversion(markets, ll, theta, attribute), model,
                data, options);
    }

    /** Product-removal (second-choice) diversion from j to k. */
    public QuantityTable removalDiversion() {
        String any = model.spec().coefficients().get(0).attribute();
        return QuantityInference.table("Product-removal (second-choice) diversion ratios",
                markets.pairKeys(false),
                (ll, theta) -> Aggregates.removalDiversion(markets, ll, theta, any), model, data,
                options);
    }

    /** Situation-level diversions, plain-logit diversions and aggregation weights, at the estimate. */
    public DiversionDecomposition decomposition(String attribute) {
        checkAttribute(attribute);
        double[] theta = model.estimates();
        try (SimulatedLogLikelihood ll = model.unconditional(data)) {
            double[] sums = DiversionDecomposition.marketSums(ll, theta, attribute, data.marketLabels().size(),
                    data.alternativeLabels().size());
            return DiversionDecomposition.of(data, ll.substitution(theta, attribute), sums);
        }
    }

    /**
     * Conditional means and standard deviations of every coefficient for every decision-maker, computed on the
     * model's backend.
     */
    public ConditionalCoefficients conditionals() {
        int n = data.decisionMakerCount();
        List<String> names = new ArrayList<>();
        for (CoefficientSpec c : model.spec().coefficients()) {
            names.add(c.attribute());
        }
        int k = names.size();
        double[] both = model.perDecisionMaker(data, DecisionMakerOutputs.conditionalCoefficients(model));
        long[] ids = new long[n];
        double[] mean = new double[n * k];
        double[] sd = new double[n * k];
        for (int i = 0; i < n; i++) {
            ids[i] = data.decisionMakerId(i);
            System.arraycopy(both, i * 2 * k, mean, i * k, k);
            System.arraycopy(both, i * 2 * k + k, sd, i * k, k);
        }
        return new ConditionalCoefficients(ids, names, mean, sd);
    }

    /**
     * Willingness to pay for {@code attribute} in units of {@code cost}: population and individual, computed on the
     * model's backend.
     */
    public WillingnessToPay willingnessToPay(String attribute, String cost) {
        checkWtpPair(attribute, cost);
        return DecisionMakerOutputs.gather(model.perDecisionMaker(data, DecisionMakerOutputs.willingnessToPay(model,
                attribute, cost)), data.decisionMakerCount());
    }

    /** A latent class model's posterior class probabilities and modal class of every decision-maker. */
    public LatentClassPosterior classPosteriors() {
        if (!model.spec().isLatentClass()) {
            throw new org.mixlogit.InvalidSpecificationException("Posterior class probabilities need a latent class"
                    + " model; this one has no classes.");
        }
        return new LatentClassPosterior(model, data);
    }

    /**
     * A latent class model's willingness to pay for {@code attribute} in units of {@code cost}, per class: a value
     * per class, or with random coefficients within classes each class's distribution (mean, median, quantiles).
     */
    public ClassWillingnessToPay classWillingnessToPay(String attribute, String cost) {
        checkWtpPair(attribute, cost);
        return new ClassWillingnessToPay(model, data, attribute, cost);
    }

    public ChoiceData data() {
        return data;
    }

    public FittedModel model() {
        return model;
    }

    /** A willingness to pay needs two coefficients: the ratio of one to itself is -1, whatever the fit. */
    private static void checkWtpPair(String attribute, String cost) {
        if (attribute != null && attribute.equals(cost)) {
            throw new org.mixlogit.InvalidSpecificationException("Willingness to pay for '" + attribute + "' in units"
                    + " of '" + cost + "': the attribute and the cost are the same coefficient (the ratio is -1 for"
                    + " every fit); give as the cost another attribute, such as the price.");
        }
    }

    private void checkAttribute(String attribute) {
        for (CoefficientSpec c : model.spec().coefficients()) {
            if (c.attribute().equals(attribute)) {
                return;
            }
        }
        List<String> known = new ArrayList<>();
        for (CoefficientSpec c : model.spec().coefficients()) {
            known.add(c.attribute());
        }
        throw new org.mixlogit.InvalidSpecificationException("'" + attribute + "' is not an attribute of the model;"
                + " its attributes are " + known + ". Elasticities and diversion are with respect to one of them.");
    }
}
