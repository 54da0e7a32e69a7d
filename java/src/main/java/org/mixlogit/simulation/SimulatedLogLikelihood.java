package org.mixlogit.simulation;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.IntegrationRule;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.spec.ParameterLayout;

/**
 * The simulated log-likelihood of a mixed logit,
 * {@code LL(theta) = sum_n w_n log( sum_r omega_r prod_t P_nt(beta_nr) )}, with its exact analytic gradient.
 *
 * <p>In a panel one draw of beta is shared by all of a decision-maker's situations; without a panel each
 * situation is its own decision-maker. The points integrated over come from a {@link MixingSupport}. Evaluation
 * runs on {@code threads} workers over decision-makers; every sum (value, gradient, information, meat, cluster
 * sums, Hessian, post-estimation aggregates) is reduced in the canonical order of {@link BlockPartials}, so the
 * results are bit-identical for any thread count and for any split into shards of whole blocks, whose partials
 * the {@code ...Partials} methods return. Predictions (probabilities, substitution, conditionals, WTP) are
 * delegated to the package's {@code Predictions}.
 *
 * <p>A non-finite value (NaN or -infinity) means the parameters are outside the region where the likelihood can
 * be computed (e.g. overflowing utilities); optimizers treat it as a rejected step. Evaluation methods are
 * synchronized: one evaluation at a time per instance. Close the instance to stop its worker threads.
 */
public final class SimulatedLogLikelihood implements LikelihoodEvaluator {
    private final ModelDesign design;
    /** The rule's node store, or null when the support is not a rule's nodes. */
    private final VariateStore store;
    private final SupportFactory supports;
    private final DecisionMakerWorkers workers;
    private final DecisionMakerKernel[] kernels;
    private final int decisionMakers;
    /** Per worker: one decision-maker's score. */
    private final double[][] score;
    private final BlockReducer reducer;
    private final Predictions predictions;
    private String lastFailure;

    /**
     * Binds a specification to data and a rule; build instances through {@link Simulators}, which chooses the rule.
     *
     * @param cacheBytes memory that may hold the rule's nodes for all decision-makers
     * @param threads worker threads (1 or more); results do not depend on it
     */
    SimulatedLogLikelihood(ChoiceData data, ModelSpec spec, IntegrationRule rule, long cacheBytes, int threads) {
        this(data, spec, NodePlan.of(rule, cacheBytes), threads);
    }

    /** Binds a specification to data and planned nodes: the memory they need is checked before they are built. */
    SimulatedLogLikelihood(ChoiceData data, ModelSpec spec, NodePlan plan, int threads) {
        this(new ModelDesign(data, spec), threads, plan::store, null, plan.configuredLimit());
    }

    /** The parts a rule's node store is built from, once the workers exist. */
    @FunctionalInterface
    interface StoreBuilder {
        VariateStore build(ModelDesign design, DecisionMakerWorkers workers);
    }

    /**
     * Binds a specification to data and a mixing support of another kind (latent classes, or a test's support).
     */
    SimulatedLogLikelihood(ChoiceData data, ModelSpec spec, java.util.function.Function<ModelDesign,
            SupportFactory> support, int threads) {
        this(data, spec, support, threads, 0);
    }

    /** As above, with the memory limit of post-estimation's arrays (0: the Java heap's). */
    SimulatedLogLikelihood(ChoiceData data, ModelSpec spec, java.util.function.Function<ModelDesign,
            SupportFactory> support, int threads, long memoryLimit) {
        this(new ModelDesign(data, spec), threads, null, support, memoryLimit);
    }

    private SimulatedLogLikelihood(ModelDesign design, int threads, StoreBuilder nodes,
            java.util.function.Function<ModelDesign, SupportFactory> support, long memoryLimit) {
        if (threads < 1) {
            throw new InvalidSpecificationException("threads is " + threads + ": use 1 or more.");
        }
        this.design = design;
        this.decisionMakers = design.data.decisionMakerCount();
        this.workers = new DecisionMakerWorkers(threads);
        this.store = nodes == null ? null : nodes.build(design, workers);
        this.supports = store != null ? new DrawSupports(design, store, store.describe()) : support.apply(design);
        this.kernels = new DecisionMakerKernel[threads];
        for (int w = 0; w < threads; w++) {
            kernels[w] = new DecisionMakerKernel(design, supports.newSupport());
        }
        this.score = new double[threads][design.p];
        this.reducer = new BlockReducer(design.data, workers);
        this.predictions = new Predictions(design, supports, workers, kernels, reducer, this::collectFailures,
                memoryLimit);
    }

    @Override
    public ParameterLayout layout() {
        return design.layout;
    }

    @Override
    public int parameterCount() {
        return design.p;
    }

    public ChoiceData data() {
        return design.data;
    }

    @Override
    public int decisionMakerCount() {
        return decisionMakers;
    }

    @Override
    public ModelSpec spec() {
        return design.spec;
    }

    /** True when all nodes were precomputed within the integration config's cache budget. */
    public boolean nodesCached() {
        return store != null && store.isCached();
    }

    /** The integration rule in words, e.g. "halton, 100 draws, burn 100". */
    @Override
    public String integrationDescription() {
        return supports.describe();
    }

    /**
     * Why the last evaluation returned NaN because an integrated probability was not positive (rules with
     * negative weights), naming the first such decision-maker; null when the last evaluation had no such problem.
     */
    @Override
    public synchronized String lastFailure() {
        return lastFailure;
    }

    private void collectFailures() {
        lastFailure = null;
        int first = Integer.MAX_VALUE;
        for (DecisionMakerKernel k : kernels) {
            if (k.failure() != null && k.failedDecisionMaker() < first) {
                first = k.failedDecisionMaker();
                lastFailure = k.failure();
            }
            k.clearFailure();
        }
    }

    /** The weighted simulated log-likelihood, reduced in the canonical order of {@link BlockPartials}. */
    @Override
    public synchronized double value(double[] theta) {
        return valuePartials(theta).total()[0];
    }

    /** Block partials of the weighted log-likelihood (width 1), for combining shards. */
    public synchronized BlockPartials valuePartials(double[] theta) {
        checkLength(theta);
        double[] w = design.data.weightsRef();
        BlockPartials partials = reducer.sums(1, (worker, n, acc, at) -> {
            acc[at] += w[n] * kernels[worker].evaluate(n, theta, null, 0);
        });
        collectFailures();
        return partials;
    }

    /**
     * The weighted simulated log-likelihood and its gradient.
     *
     * @param theta Not modified
     * @param gradient <b>Modified</b>: receives the gradient (length {@link #parameterCount()})
     */
    @Override
    public synchronized double valueAndGradient(double[] theta, double[] gradient) {
        if (gradient.length != design.p) {
            throw new IllegalArgumentException("gradient has length " + gradient.length + ", expected " + design.p);
        }
        double[] total = gradientPartials(theta).total();
        System.arraycopy(total, 1, gradient, 0, design.p);
        return total[0];
    }

    /** Block partials of {@code [value, gradient]} (width 1 + P), for combining shards. */
    public synchronized BlockPartials gradientPartials(double[] theta) {
        checkLength(theta);
        int p = design.p;
        double[] w = design.data.weightsRef();
        BlockPartials partials = reducer.sums(1 + p, (worker, n, acc, at) -> {
            double[] s = score[worker];
            double wn = w[n];
            acc[at] += wn * kernels[worker].evaluate(n, theta, s, 0);
            for (int j = 0; j < p; j++) {
                acc[at + 1 + j] += wn * s[j];
            }
        });
        collectFailures();
        return partials;
    }

    @Override
    public synchronized ScoreSums scoreSums(double[] theta, String clusterCharacteristic) {
        double[] total = scorePartials(theta).total();
        if (clusterCharacteristic == null) {
            return ScoreSums.of(design.p, total, null, decisionMakers);
        }
        long[] clusters = clusterKeys(clusterCharacteristic);
        return ScoreSums.of(design.p, total, clusterPartials(theta, clusters).total(), decisionMakers);
    }

    /**
     * Block partials of {@code [value, gradient, information, meat]} (see {@link ScoreSums}), for combining
     * shards.
     */
    public synchronized BlockPartials scorePartials(double[] theta) {
        checkLength(theta);
        int p = design.p;
        double[] w = design.data.weightsRef();
        BlockPartials partials = reducer.sums(ScoreSums.width(p), (worker, n, acc, at) -> {
            double[] s = score[worker];
            ScoreSums.accumulate(acc, at, p, w[n], kernels[worker].evaluate(n, theta, s, 0), s);
        });
        collectFailures();
        return partials;
    }

    /**
     * Per-cluster sums of the weighted scores in each block.
     *
     * @param clusters Not modified: the cluster key of every decision-maker (see {@link #clusterKeys})
     */
    public synchronized ClusterPartials clusterPartials(double[] theta, long[] clusters) {
        checkLength(theta);
        int p = design.p;
        double[] w = design.data.weightsRef();
        ClusterPartials partials = reducer.clusterSums(p, clusters, (worker, n, out) -> {
            kernels[worker].evaluate(n, theta, out, 0);
            for (int j = 0; j < p; j++) {
                out[j] *= w[n];
            }
        });
        collectFailures();
        return partials;
    }

    /**
     * The cluster key of every decision-maker: its global ordinal, or the bits of its value of the cluster
     * characteristic (equal values, equal clusters).
     */
    public long[] clusterKeys(String clusterCharacteristic) {
        return reducer.clusterKeys(clusterCharacteristic);
    }

    /**
     * Per-decision-maker contributions and scores (for per-person diagnostics; estimators use
     * {@link #scoreSums}, which needs no N x P memory). The total and gradient are the canonical ones.
     */
    public synchronized Contributions contributions(double[] theta) {
        checkLength(theta);
        int p = design.p;
        double[] logLik = new double[decisionMakers];
        double[] scores = new double[decisionMakers * p];
        workers.run(decisionMakers, (worker, from, to) -> {
            for (int n = from; n < to; n++) {
                logLik[n] = kernels[worker].evaluate(n, theta, scores, n * p);
            }
        });
        collectFailures();
        double[] gradient = new double[p];
        double total = valueAndGradient(theta, gradient);
        return new Contributions(theta.clone(), logLik, scores, design.data.weightsRef().clone(), total, gradient);
    }





    /**
     * The exact Hessian of the (weighted) log-likelihood, P x P row-major, or null when the model has a
     * coefficient whose transformation the analytic Hessian does not cover: then use finite differences of the
     * gradient. NaN entries when a decision-maker's likelihood is not positive.
     */
    @Override
    public synchronized double[] hessian(double[] theta) {
        BlockPartials partials = hessianPartials(theta);
        return partials == null ? null : symmetricHessian(List.of(partials), design.p);
    }

    /**
     * The Hessian of shards' partials: summed in canonical order, then symmetrised; all NaN when a block failed.
     */
    public static double[] symmetricHessian(List<BlockPartials> shards, int p) {
        double[] total = BlockPartials.total(shards);
        double[] out = new double[p * p];
        if (total[p * p] != 0) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        System.arraycopy(total, 0, out, 0, p * p);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                double mean = 0.5 * (out[i * p + j] + out[j * p + i]);
                out[i * p + j] = mean;
                out[j * p + i] = mean;
            }
        }
        return out;
    }

    /**
     * Block partials of the Hessian (P x P, then a failure count), or null when the analytic Hessian does not
     * cover the model.
     */
    public synchronized BlockPartials hessianPartials(double[] theta) {
        return secondOrderPartials(theta, false);
    }

    /**
     * The Jacobian of the simulated score for the method of simulated scores: the Hessian of this log-likelihood
     * with each decision-maker's covariance of the draws' scores made unbiased (divided by 1 - sum_r pi_r^2, R / (R -
     * 1) for R equal posterior weights). With exact posterior draws at theta ({@link Simulators#posteriorDraws}) the
     * Hessian of log of the reweighted mean is, per person, the draws' mean logit Hessian plus their covariance of
     * scores with divisor R, whose expectation falls short of the true d2 log P_n by the simulation variance of the
     * mean score, V_n / R; this estimate's expectation is the true d2 log P_n, the derivative of the simulated score's
     * expectation, which is what the estimating equation's linearisation needs. Null when the analytic Hessian does
     * not cover the model. NaN entries when a decision-maker's likelihood is not positive.
     *
     * @param theta Not modified
     */
    @Override
    public synchronized double[] scoreJacobian(double[] theta) {
        BlockPartials partials = scoreJacobianPartials(theta);
        return partials == null ? null : symmetricHessian(List.of(partials), design.p);
    }

    /** Block partials of {@link #scoreJacobian} (P x P, then a failure count), or null as there. */
    public synchronized BlockPartials scoreJacobianPartials(double[] theta) {
        return secondOrderPartials(theta, true);
    }

    private BlockPartials secondOrderPartials(double[] theta, boolean unbiasedCovariance) {
        checkLength(theta);
        if (!HessianKernel.supports(design)) {
            return null;
        }
        int p = design.p;
        HessianKernel[] kernel = new HessianKernel[workers.threads()];
        for (int w = 0; w < kernel.length; w++) {
            DrawSupport second = supports.newSecondOrderSupport();
            if (second == null) {
                return null;
            }
            kernel[w] = new HessianKernel(design, second);
        }
        double[] weights = design.data.weightsRef();
        double[][] sum = new double[kernel.length][p * p];
        return reducer.sums(p * p + 1, (worker, n, acc, at) -> {
            // the kernel adds into its own P x P array; moved into the block partial decision-maker by
            // decision-maker so that the partial's order of addition is the decision-makers' order
            double[] mine = sum[worker];
            Arrays.fill(mine, 0.0);
            if (!kernel[worker].add(n, theta, weights[n], mine, unbiasedCovariance)) {
                acc[at + p * p] += 1;
            }
            for (int i = 0; i < p * p; i++) {
                acc[at + i] += mine[i];
            }
        });
    }





    /**
     * Post-estimation aggregates of the substitution patterns with respect to {@code attribute}: each
     * decision-maker's situations are given to the aggregator, whose keyed sums are reduced in canonical order.
     */
    @Override
    public synchronized TreeMap<Long, double[]> substitutionSums(double[] theta, String attribute, int width,
            SubstitutionAggregator aggregator) {
        return substitutionPartials(theta, attribute, width, aggregator).total();
    }


    /**
     * Post-estimation aggregates of the integrated (unconditional) probabilities: each decision-maker's rows are
     * given to the aggregator, whose keyed sums are reduced in canonical order.
     */
    @Override
    public synchronized TreeMap<Long, double[]> probabilitySums(double[] theta, int width,
            ProbabilityAggregator aggregator) {
        return probabilityPartials(theta, width, aggregator).total();
    }



    /**
     * Choice probabilities of every row, integrated over the mixing distribution with this likelihood's nodes
     * (unconditional on observed choices), indexed by grouped row.
     */
    public synchronized double[] probabilities(double[] theta) {
        return predictions.probabilities(theta);
    }

    /**
     * Willingness to pay for {@code attribute} in units of {@code cost} (-beta_a / beta_c): population
     * distribution over all decision-makers' draws and conditional means per decision-maker. Needs equally
     * weighted simulation draws.
     */
    public synchronized WillingnessToPay willingnessToPay(double[] theta, String attribute, String cost) {
        return predictions.willingnessToPay(theta, attribute, cost);
    }

    /**
     * Conditional means and standard deviations of every coefficient for every decision-maker given that
     * person's choices (E[beta_n | y_n]), as {means, sds}, each decision-makers x coefficients row-major in
     * coefficient (declaration) order.
     */
    public synchronized double[][] conditionalCoefficients(double[] theta) {
        return predictions.conditionalCoefficients(theta);
    }

    /**
     * Choice probabilities of every row conditional on its decision-maker's observed choices (the posterior over
     * the random coefficients given all of the person's situations), indexed by grouped row.
     */
    public synchronized double[] conditionalProbabilities(double[] theta) {
        return predictions.conditionalProbabilities(theta);
    }

    /**
     * Choice probabilities of the rows of other data (new situations of decision-makers known from this data,
     * matched by id), conditional on their observed choices here, indexed by the target's grouped row.
     */
    public synchronized double[] conditionalProbabilities(double[] theta, ChoiceData target) {
        return predictions.conditionalProbabilities(theta, target);
    }

    /**
     * Substitution patterns of every situation with respect to one attribute of the model, integrated with this
     * likelihood's nodes (unconditional on observed choices).
     */
    public synchronized Substitution substitution(double[] theta, String attribute) {
        return predictions.substitution(theta, attribute);
    }

    /** The block partials of {@link #substitutionSums}, for combining shards. */
    public synchronized ClusterPartials substitutionPartials(double[] theta, String attribute, int width,
            SubstitutionAggregator aggregator) {
        return predictions.substitutionPartials(theta, attribute, width, aggregator);
    }

    /** The block partials of {@link #probabilitySums}, for combining shards. */
    public synchronized ClusterPartials probabilityPartials(double[] theta, int width,
            ProbabilityAggregator aggregator) {
        return predictions.probabilityPartials(theta, width, aggregator);
    }

    private void checkLength(double[] theta) {
        if (theta.length != design.p) {
            throw new InvalidSpecificationException("The parameter vector has " + theta.length + " values but the"
                    + " model has " + design.p + " parameters " + design.layout.names() + ".");
        }
    }

    @Override
    public void close() {
        workers.close();
    }

    @Override
    public String toString() {
        return "SimulatedLogLikelihood[" + design.spec + ", " + supports.describe() + ", " + workers.threads()
                + " threads, nodes " + (nodesCached() ? "cached" : "on demand") + "]";
    }
}
