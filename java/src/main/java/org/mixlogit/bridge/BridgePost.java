package org.mixlogit.bridge;

import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.io.JsonValue;
import org.mixlogit.simulation.WillingnessToPay;
import org.mixlogit.postestimation.ClassWillingnessToPay;
import org.mixlogit.postestimation.ConditionalCoefficients;
import org.mixlogit.postestimation.PostEstimation;
import org.mixlogit.postestimation.PostEstimationOptions;

/**
 * Post-estimation through the facade on one data set: tables of shares, elasticities and diversion, the diversion
 * decomposition as CSV, probabilities in the caller's row order, conditional coefficients and willingness to pay.
 * Matrices are flat column-major (decision-makers x coefficients), as R and Stata store them.
 */
public final class BridgePost {
    private static final List<String> FIELDS = java.util.Arrays.asList("krinskyRobb", "replicates", "seed");
    private static final String[] WTP_NAMES = {"mean", "median", "q05", "q25", "q75", "q95"};
    private final PostEstimation post;
    /** Computed once on first use: front ends ask for means, sds and names in separate calls. */
    private ConditionalCoefficients conditionals;
    private WillingnessToPay wtp;
    private String wtpKey;

    private final String warning;

    /** @param warning what is doubtful about the fit (not converged, not certified), or "" */
    BridgePost(PostEstimation post, String warning) {
        this.post = post;
        this.warning = warning;
    }

    /**
     * What is doubtful about the fit these numbers come from ("" when it converged to a certified optimum): front
     * ends warn and flag their tables with it.
     */
    public String fitWarning() {
        return warning;
    }

    private synchronized ConditionalCoefficients conditionals() {
        if (conditionals == null) {
            conditionals = post.conditionals();
        }
        return conditionals;
    }

    private synchronized WillingnessToPay wtp(String attribute, String cost) {
        String key = attribute + "\u0000" + cost;
        if (wtp == null || !key.equals(wtpKey)) {
            wtp = post.willingnessToPay(attribute, cost);
            wtpKey = key;
        }
        return wtp;
    }

    /** {"krinskyRobb": 0, "replicates": 5, "seed": 20200101}, every field optional. */
    static PostEstimationOptions options(String json) {
        JsonValue root;
        try {
            root = JsonValue.parse(json == null || json.trim().isEmpty() ? "{}" : json);
        } catch (JsonProcessingException e) {
            throw new InvalidSpecificationException("The post-estimation options are not valid JSON: "
                    + JsonValue.problem(e) + ".");
        }
        for (String f : root.fieldNames()) {
            if (!FIELDS.contains(f)) {
                throw new InvalidSpecificationException("Unknown post-estimation option \"" + f + "\": known are "
                        + FIELDS + ".");
            }
        }
        PostEstimationOptions o = PostEstimationOptions.defaults();
        if (root.has("krinskyRobb")) {
            o = o.withKrinskyRobb((int) whole(root, "krinskyRobb", Integer.MAX_VALUE));
        }
        if (root.has("replicates")) {
            o = o.withReplicates((int) whole(root, "replicates", Integer.MAX_VALUE));
        }
        if (root.has("seed")) {
            o = o.withSeed(whole(root, "seed", Long.MAX_VALUE));
        }
        return o;
    }

    /** A whole-number option; text, fractions and out-of-range numbers are errors naming the option. */
    private static long whole(JsonValue root, String field, long max) {
        JsonValue v = root.get(field);
        if (!v.isIntegralNumber() && !(v.isNumber() && v.asDouble() == Math.rint(v.asDouble()))
                || !v.canConvertToLong() || Math.abs(v.asLong()) > max) {
            throw new InvalidSpecificationException("Post-estimation option \"" + field + "\" must be a whole number,"
                    + " not " + v + ".");
        }
        return v.asLong();
    }

    /** Latent classes C of the model (1 for a model of one population). */
    public int classCount() {
        return post.model().spec().classCount();
    }

    /**
     * Posterior class probabilities of every decision-maker given their choices, N x C row-major (decision-makers
     * in the order of {@link #decisionMakerIds()}); a latent class model only.
     */
    public double[] classPosteriors() {
        return post.classPosteriors().probabilities();
    }

    /** The modal class (1-based) of every decision-maker; a latent class model only. */
    public int[] modalClasses() {
        return post.classPosteriors().modalClasses();
    }

    /**
     * Willingness to pay for {@code attribute} in units of {@code cost} per class: C estimates then their C
     * delta-method standard errors (with random coefficients within classes, each class's mean willingness to pay;
     * {@link #classWtpTable} has its median and quantiles).
     */
    public double[] classWtp(String attribute, String cost) {
        ClassWillingnessToPay w = post.classWillingnessToPay(attribute, cost);
        double[] e = w.estimates();
        double[] s = w.standardErrors();
        double[] out = new double[2 * e.length];
        System.arraycopy(e, 0, out, 0, e.length);
        System.arraycopy(s, 0, out, e.length, s.length);
        return out;
    }

    /**
     * Willingness to pay per class as a table: the statistics of {@link #classWtpStatistics} for each class, C x S
     * row-major, then their delta-method standard errors in the same layout (with coefficients fixed within classes
     * S = 1, the value).
     */
    public double[] classWtpTable(String attribute, String cost) {
        ClassWillingnessToPay w = post.classWillingnessToPay(attribute, cost);
        double[] e = w.table();
        double[] s = w.tableStandardErrors();
        double[] out = new double[2 * e.length];
        System.arraycopy(e, 0, out, 0, e.length);
        System.arraycopy(s, 0, out, e.length, s.length);
        return out;
    }

    /**
     * The statistics of {@link #classWtpTable}: "mean" alone, or mean, median, q05, q25, q75, q95 (read from the
     * model, without computing the table).
     */
    public String[] classWtpStatistics(String attribute, String cost) {
        if (!post.model().spec().isLatentClass()) {
            throw new InvalidSpecificationException("Willingness to pay per class needs a latent class model; this"
                    + " one has no classes: use the willingness to pay of the mixed logit.");
        }
        return ClassWillingnessToPay.statistics(post.model().spec(), attribute, cost).toArray(new String[0]);
    }

    /** The distinct alternatives in the order of the tables (numeric labels in numeric order). */
    public String[] alternativeLabels() {
        return post.data().alternativeLabels().toArray(new String[0]);
    }

    /** The distinct markets in the order of the tables ("all" when no market was given). */
    public String[] marketLabels() {
        return post.data().marketLabels().toArray(new String[0]);
    }

    public BridgeTable shares() {
        return new BridgeTable(post.shares());
    }

    /**
     * Starts computing a table in its own thread (for R, which polls it so that Ctrl-C returns at once): "shares",
     * "elasticities" (of {@code attribute}), "removalDiversion", "marginalDiversion" (in {@code attribute}) or
     * "wtpInference" (of {@code attribute} in units of {@code cost}); arguments a table does not take are ignored.
     *
     * @throws IllegalArgumentException for another table name
     */
    public BridgeTableJob start(String table, String attribute, String cost) {
        Supplier<BridgeTable> work;
        switch (table) {
            case "shares":
                work = this::shares;
                break;
            case "elasticities":
                work = () -> elasticities(attribute);
                break;
            case "removalDiversion":
                work = this::removalDiversion;
                break;
            case "marginalDiversion":
                work = () -> marginalDiversion(attribute);
                break;
            case "wtpInference":
                work = () -> wtpInference(attribute, cost);
                break;
            default:
                throw new IllegalArgumentException("No post-estimation table \"" + table + "\": use shares,"
                        + " elasticities, removalDiversion, marginalDiversion or wtpInference.");
        }
        return BridgeTableJob.start(table, work);
    }

    public BridgeTable elasticities(String attribute) {
        return new BridgeTable(post.elasticities(attribute));
    }

    public BridgeTable marginalDiversion(String attribute) {
        return new BridgeTable(post.marginalDiversion(attribute));
    }

    public BridgeTable removalDiversion() {
        return new BridgeTable(post.removalDiversion());
    }

    /** Situation-level diversions, logit diversions and aggregation weights, as CSV text with a header. */
    public String decompositionCsv(String attribute) {
        return post.decomposition(attribute).csv();
    }

    /**
     * Unconditional integrated probabilities with their uncertainty (delta-method standard errors and intervals,
     * Krinsky-Robb and simulation errors as the options ask), one entry per row in the caller's row order; the
     * markets and alternatives are the rows' labels.
     */
    public BridgeTable probabilityTable() {
        return new BridgeTable(post.probabilityTable());
    }

    /**
     * Population willingness to pay for {@code attribute} in units of {@code cost} with its uncertainty: one entry
     * per statistic (mean, median, q05, q25, q75, q95; the alternatives of the table), each with delta-method
     * standard error and interval, Krinsky-Robb and simulation errors as the options ask.
     */
    public BridgeTable wtpInference(String attribute, String cost) {
        return new BridgeTable(post.willingnessToPayTable(attribute, cost));
    }

    /** Unconditional integrated probabilities in the caller's row order. */
    public double[] probabilities() {
        return BridgeData.inputOrder(post.data(), post.probabilities());
    }

    /** Probabilities conditional on each decision-maker's observed choices, in the caller's row order. */
    public double[] conditionalProbabilities() {
        return BridgeData.inputOrder(post.data(), post.conditionalProbabilities());
    }

    /**
     * Probabilities of new situations of known decision-makers (ids of the estimation data) conditional on their
     * observed choices, in the new data's row order; columns as for {@link MixlogitBridge#fit}.
     */
    public double[] conditionalProbabilitiesOn(int[] situation, int[] decisionMaker, String[] attributeNames,
            double[] attributes, String[] characteristicNames, double[] characteristics) {
        ChoiceData target = BridgeData.build(situation, decisionMaker, null, attributeNames, attributes,
                characteristicNames, characteristics, new double[0]);
        return BridgeData.inputOrder(target, post.conditionalProbabilities(target));
    }

    /** Decision-maker ids in the order of the conditional-coefficient rows. */
    public double[] decisionMakerIds() {
        ChoiceData data = post.data();
        double[] ids = new double[data.decisionMakerCount()];
        for (int n = 0; n < ids.length; n++) {
            ids[n] = data.decisionMakerId(n);
        }
        return ids;
    }

    public String[] coefficientNames() {
        return post.model().spec().coefficients().stream().map(c -> c.attribute()).toArray(String[]::new);
    }

    /** Conditional means, decision-makers x coefficients, column-major. */
    public double[] conditionalMeans() {
        ConditionalCoefficients c = conditionals();
        return columnMajor(c.means(), c.decisionMakerIds().length, c.coefficients().size());
    }

    /** Conditional standard deviations, decision-makers x coefficients, column-major. */
    public double[] conditionalSds() {
        ConditionalCoefficients c = conditionals();
        return columnMajor(c.standardDeviations(), c.decisionMakerIds().length, c.coefficients().size());
    }

    /**
     * Population willingness to pay by name (see {@link #wtpSummaryNames()}): mean, median, q05, q25, q75, q95
     * (the 5, 25, 75 and 95 percent quantiles).
     */
    public double[] wtpSummary(String attribute, String cost) {
        return wtpTable(attribute, cost).values();
    }

    /** The names of {@link #wtpSummary}, in the same order. */
    public String[] wtpSummaryNames() {
        return WTP_NAMES.clone();
    }

    private NamedNumbers wtpTable(String attribute, String cost) {
        WillingnessToPay w = wtp(attribute, cost);
        return NamedNumbers.builder().put(WTP_NAMES[0], w.mean()).put(WTP_NAMES[1], w.median())
                .put(WTP_NAMES[2], w.quantile(0.05)).put(WTP_NAMES[3], w.quantile(0.25))
                .put(WTP_NAMES[4], w.quantile(0.75)).put(WTP_NAMES[5], w.quantile(0.95)).build();
    }

    /** Each decision-maker's conditional mean willingness to pay, in the order of {@link #decisionMakerIds()}. */
    public double[] wtpIndividual(String attribute, String cost) {
        return wtp(attribute, cost).individual();
    }

    private static double[] columnMajor(double[] rowMajor, int rows, int columns) {
        double[] out = new double[rowMajor.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                out[j * rows + i] = rowMajor[i * columns + j];
            }
        }
        return out;
    }
}
