package org.mixlogit.simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mixlogit.InvalidDataException;
import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;

/**
 * The post-estimation side of a simulated log-likelihood: integrated and conditional probabilities, substitution
 * patterns (and their keyed sums for market aggregates), conditional coefficients and willingness to pay, on the
 * likelihood's own workers, kernels and support. Package-private: reached through {@link SimulatedLogLikelihood},
 * whose synchronized methods call these one at a time.
 */
final class Predictions {
    private final ModelDesign design;
    private final SupportFactory supports;
    private final DecisionMakerWorkers workers;
    private final DecisionMakerKernel[] kernels;
    private final BlockReducer reducer;
    private final int decisionMakers;
    /** Collects the kernels' failures into the likelihood's last failure. */
    private final Runnable collectFailures;
    /** The configured memory limit in bytes (0: the Java heap's), for outputs sized by the data. */
    private final long memoryLimit;

    Predictions(ModelDesign design, SupportFactory supports, DecisionMakerWorkers workers,
            DecisionMakerKernel[] kernels, BlockReducer reducer, Runnable collectFailures, long memoryLimit) {
        this.design = design;
        this.memoryLimit = memoryLimit;
        this.supports = supports;
        this.workers = workers;
        this.kernels = kernels;
        this.reducer = reducer;
        this.decisionMakers = design.data.decisionMakerCount();
        this.collectFailures = collectFailures;
    }

    /**
     * Choice probabilities of every row, integrated over the mixing distribution with this likelihood's nodes
     * (unconditional on observed choices), indexed by grouped row.
     */
    double[] probabilities(double[] theta) {
        checkLength(theta);
        double[] out = new double[design.data.rowCount()];
        ProbabilityKernel[] probability = new ProbabilityKernel[workers.threads()];
        for (int w = 0; w < probability.length; w++) {
            probability[w] = new ProbabilityKernel(design, supports.newSupport());
        }
        workers.run(decisionMakers, (worker, from, to) -> {
            for (int n = from; n < to; n++) {
                probability[worker].probabilities(n, theta, out);
            }
        });
        return out;
    }

    /**
     * Willingness to pay for {@code attribute} in units of {@code cost} (-beta_a / beta_c): population
     * distribution over all decision-makers' draws and conditional means per decision-maker. Needs equally
     * weighted simulation draws.
     */
    WillingnessToPay willingnessToPay(double[] theta, String attribute, String cost) {
        checkLength(theta);
        int a = coefficientIndex(attribute);
        int c = coefficientIndex(cost);
        int r = supports.points();
        MemoryLimit.require("the willingness-to-pay draws (" + decisionMakers + " decision-makers x " + r
                + " draws)", (double) decisionMakers * r, memoryLimit, "use fewer draws");
        double[] samples = new double[decisionMakers * r];
        double[] individual = new double[decisionMakers];
        MixingSupport first = supports.newSupport();
        first.prepare(0, theta);
        double[] weights = first.weightsRef();
        int wo = first.weightOffset();
        for (int q = 0; q < r; q++) {
            if (first.weightsDependOnParameters() || Math.abs(weights[wo + q] - weights[wo]) > 1e-15) {
                throw new InvalidSpecificationException("Willingness to pay needs simulation draws with equal"
                        + " weights; this likelihood uses " + supports.describe() + ".");
            }
        }
        workers.run(decisionMakers, (worker, from, to) -> {
            for (int n = from; n < to; n++) {
                individual[n] = PosteriorSummaries.willingnessToPay(kernels[worker], n, theta, a, c, samples,
                        n * r);
            }
        });
        collectFailures();
        checkCostNeverZero(samples, cost, c);
        return new WillingnessToPay(samples, individual);
    }

    /**
     * Refuses ratios over a cost coefficient that is zero in some draws (a censored normal is zero wherever its
     * underlying normal is negative; a fixed one may be estimated at zero): there the ratio is infinite or 0/0, and
     * the mean, the tail quantiles and every person's conditional mean would be NaN or infinite without a word.
     *
     * @param samples Not modified: the ratios of the draws
     */
    private void checkCostNeverZero(double[] samples, String cost, int c) {
        long undefined = 0;
        for (double ratio : samples) {
            if (!Double.isFinite(ratio)) {
                undefined++;
            }
        }
        if (undefined > 0) {
            throw new InvalidSpecificationException(String.format(java.util.Locale.ROOT, "Willingness to pay in"
                    + " units of '%s' divides by its coefficient (%s), which is zero in %d of the %d draws examined"
                    + " (%.1f%%):"
                    + " there the ratio is infinite or undefined, and so would be its mean, its tail quantiles and the"
                    + " decision-makers' conditional means. Give a cost coefficient that is never zero: fixed (and"
                    + " not estimated at zero), or lognormal of the negated cost.", cost,
                    design.spec.coefficients().get(c).distribution().label(), undefined, samples.length,
                    100.0 * undefined / samples.length));
        }
    }

    private int coefficientIndex(String attribute) {
        for (int i = 0; i < design.k; i++) {
            if (design.spec.coefficients().get(i).attribute().equals(attribute)) {
                return i;
            }
        }
        throw new InvalidSpecificationException("'" + attribute + "' is not an attribute of the model: "
                + design.layout.names() + ".");
    }

    /**
     * Conditional means and standard deviations of every coefficient for every decision-maker given that
     * person's choices (E[beta_n | y_n]), as {means, sds}, each decision-makers x coefficients row-major in
     * coefficient (declaration) order.
     */
    double[][] conditionalCoefficients(double[] theta) {
        checkLength(theta);
        int k = design.k;
        double[] mean = new double[decisionMakers * k];
        double[] sd = new double[decisionMakers * k];
        workers.run(decisionMakers, (worker, from, to) -> {
            for (int n = from; n < to; n++) {
                PosteriorSummaries.conditional(kernels[worker], n, theta, mean, sd, n * k);
            }
        });
        collectFailures();
        return new double[][] {mean, sd};
    }

    /**
     * Choice probabilities of every row conditional on its decision-maker's observed choices (the posterior over
     * the random coefficients given all of the person's situations), indexed by grouped row. These are the
     * predictions for known decision-makers; {@link #probabilities} are the unconditional ones.
     */
    double[] conditionalProbabilities(double[] theta) {
        int[][] self = new int[decisionMakers][];
        for (int n = 0; n < decisionMakers; n++) {
            self[n] = new int[] {n};
        }
        return conditional(theta, design, self);
    }

    /**
     * Choice probabilities of the rows of other data (new situations, other attribute values) for decision-makers
     * known from this likelihood's data, conditional on their observed choices here, indexed by the target's
     * grouped row. Each target decision-maker is matched to this data's decision-maker with the same id; an id
     * not found here is an error. The target needs this model's attributes; its chosen column is ignored, and so
     * are its values of heterogeneity characteristics: a known person's coefficients (and their posterior) are
     * those of the estimation data.
     */
    double[] conditionalProbabilities(double[] theta, ChoiceData target) {
        checkLength(theta);
        ModelDesign other = new ModelDesign(target, design.spec);
        Map<Long, Integer> known = new HashMap<>();
        for (int n = 0; n < decisionMakers; n++) {
            known.put(design.data.decisionMakerId(n), n);
        }
        List<List<Integer>> byKnown = new ArrayList<>();
        for (int n = 0; n < decisionMakers; n++) {
            byKnown.add(new ArrayList<>());
        }
        for (int m = 0; m < target.decisionMakerCount(); m++) {
            Integer n = known.get(target.decisionMakerId(m));
            if (n == null) {
                throw new InvalidDataException("Decision-maker " + target.decisionMakerId(m) + " of the new data"
                        + " is not in the estimation data, so there are no observed choices to condition on: use"
                        + " unconditional probabilities for new decision-makers.");
            }
            byKnown.get(n).add(m);
        }
        int[][] targets = new int[decisionMakers][];
        for (int n = 0; n < decisionMakers; n++) {
            targets[n] = byKnown.get(n).stream().mapToInt(Integer::intValue).toArray();
        }
        return conditional(theta, other, targets);
    }

    private double[] conditional(double[] theta, ModelDesign target, int[][] targets) {
        checkLength(theta);
        double[] out = new double[target.data.rowCount()];
        int jmax = Math.max(2, target.data.maxAlternatives());
        workers.run(decisionMakers, (worker, from, to) -> {
            double[] scratch = new double[jmax];
            for (int n = from; n < to; n++) {
                if (targets[n].length > 0) {
                    PosteriorSummaries.conditionalProbabilities(kernels[worker], n, theta, target, targets[n],
                            scratch, out);
                }
            }
        });
        collectFailures();
        return out;
    }

    /**
     * Substitution patterns of every situation with respect to one attribute of the model, integrated with this
     * likelihood's nodes (unconditional on observed choices).
     */
    Substitution substitution(double[] theta, String attribute) {
        checkLength(theta);
        SubstitutionWork work = new SubstitutionWork(attribute);
        workers.run(decisionMakers, (worker, from, to) -> {
            for (int n = from; n < to; n++) {
                work.add(worker, n, theta);
            }
        });
        return work.result;
    }

    /** The block partials of {@link #substitutionSums}, for combining shards. */
    ClusterPartials substitutionPartials(double[] theta, String attribute, int width,
            SubstitutionAggregator aggregator) {
        checkLength(theta);
        SubstitutionWork work = new SubstitutionWork(attribute);
        return reducer.keyedSums(width, (worker, n, sums) -> {
            work.add(worker, n, theta);
            aggregator.add(design.data, n, work.result, sums);
        });
    }

    /** The block partials of {@link #probabilitySums}, for combining shards. */
    ClusterPartials probabilityPartials(double[] theta, int width,
            ProbabilityAggregator aggregator) {
        checkLength(theta);
        double[] out = new double[design.data.rowCount()];
        ProbabilityKernel[] probability = new ProbabilityKernel[workers.threads()];
        for (int w = 0; w < probability.length; w++) {
            probability[w] = new ProbabilityKernel(design, supports.newSupport());
        }
        return reducer.keyedSums(width, (worker, n, sums) -> {
            probability[worker].probabilities(n, theta, out);
            aggregator.add(design.data, n, out, sums);
        });
    }

    /** One evaluation's substitution arrays, filled decision-maker by decision-maker by the workers' kernels. */
    private final class SubstitutionWork {
        final int coefficient;
        final int[] offset;
        final double[] shares;
        final double[] derivative;
        final double[] removal;
        final SubstitutionKernel[] kernel;
        final Substitution result;

        SubstitutionWork(String attribute) {
            coefficient = coefficientIndex(attribute);
            int situations = design.data.situationCount();
            int[] start = design.data.situationStartRef();
            offset = new int[2 * situations];
            int[] alternatives = new int[situations];
            long squares = 0;
            for (int s = 0; s < situations; s++) {
                alternatives[s] = start[s + 1] - start[s];
                squares += (long) alternatives[s] * alternatives[s];
            }
            MemoryLimit.require("the substitution patterns (" + squares + " alternative pairs over " + situations
                    + " situations, twice)", 2.0 * squares + design.data.rowCount(), memoryLimit,
                    "compute them on fewer situations or markets");
            int pairs = 0;
            for (int s = 0; s < situations; s++) {
                offset[s] = start[s];
                offset[situations + s] = pairs;
                pairs += alternatives[s] * alternatives[s];
            }
            shares = new double[design.data.rowCount()];
            derivative = new double[pairs];
            removal = new double[pairs];
            kernel = new SubstitutionKernel[workers.threads()];
            for (int w = 0; w < kernel.length; w++) {
                kernel[w] = new SubstitutionKernel(design, supports.newSupport());
            }
            double[] values = new double[design.data.rowCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = design.x[i * design.k + coefficient];
            }
            result = new Substitution(offset, alternatives, shares, derivative, removal, values);
        }

        void add(int worker, int n, double[] theta) {
            kernel[worker].add(n, theta, coefficient, offset, shares, derivative, removal);
        }
    }

    private void collectFailures() {
        collectFailures.run();
    }

    private void checkLength(double[] theta) {
        if (theta.length != design.p) {
            throw new InvalidSpecificationException("The parameter vector has " + theta.length + " values but the"
                    + " model has " + design.p + " parameters " + design.layout.names() + ".");
        }
    }
}
