package org.mixlogit.postestimation;

import java.util.Arrays;
import java.util.Locale;

import org.apache.commons.math3.distribution.MultivariateNormalDistribution;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.simulation.LikelihoodEvaluator;

/**
 * Uncertainty of a smooth function q(theta) of the parameters, computed with the estimation's integration rule:
 * <ul>
 * <li>delta method: Var q = J V J' with J = dq/dtheta by central differences (the nodes are held fixed, so q is
 * smooth in theta and the differences are accurate to about 1e-9);</li>
 * <li>Krinsky-Robb: q at parameter vectors drawn from N(theta, V); their standard deviation and percentile
 * interval;</li>
 * <li>simulation error: the standard deviation of q over independent draw sets at the estimate (for quadrature,
 * the absolute change under a more accurate rule).</li>
 * </ul>
 */
final class QuantityInference {
    /** A vector function of the parameters evaluated with a given likelihood's nodes. */
    @FunctionalInterface
    interface Quantity<E extends LikelihoodEvaluator> {
        double[] at(E ll, double[] theta);
    }

    /**
     * Where a quantity is evaluated: with the estimation's rule on the data, and with independent draw set number
     * {@code index} (1-based; for quadrature, index 1 only, the more accurate rule) for its simulation error.
     */
    interface Evaluators<E extends LikelihoodEvaluator> {
        E main(ChoiceData data);

        E replicate(ChoiceData data, int index);
    }

    private QuantityInference() {
    }

    /** The aggregates' evaluators of a model (unconditional quantities, on the model's backend). */
    static Evaluators<LikelihoodEvaluator> aggregates(FittedModel model) {
        return new Evaluators<LikelihoodEvaluator>() {
            @Override
            public LikelihoodEvaluator main(ChoiceData data) {
                return model.aggregates(data);
            }

            @Override
            public LikelihoodEvaluator replicate(ChoiceData data, int index) {
                return model.aggregatesReplicate(data, index);
            }
        };
    }

    static QuantityTable table(String title, Keys keys, Quantity<LikelihoodEvaluator> quantity, FittedModel model,
            ChoiceData data, PostEstimationOptions options) {
        return table(title, keys, quantity, aggregates(model), model, data, options);
    }

    static <E extends LikelihoodEvaluator> QuantityTable table(String title, Keys keys, Quantity<E> quantity,
            Evaluators<E> evaluators, FittedModel model, ChoiceData data, PostEstimationOptions options) {
        double[] theta = model.estimates();
        int p = theta.length;
        int n = keys.size();
        double[] estimate;
        double[] stderr = nan(n);
        double[] krSd = nan(n);
        double[] krLower = nan(n);
        double[] krUpper = nan(n);
        double[] simulation = nan(n);
        double[] v = model.covariance();
        boolean covariance = allFinite(v);
        StringBuilder notes = new StringBuilder();
        try (E ll = evaluators.main(data)) {
            estimate = keys.select(quantity.at(ll, theta));
            if (covariance) {
                double[][] jacobian = new double[p][];
                for (int j = 0; j < p; j++) {
                    double h = 1e-5 * Math.max(1.0, Math.abs(theta[j]));
                    double[] plus = theta.clone();
                    double[] minus = theta.clone();
                    plus[j] += h;
                    minus[j] -= h;
                    double[] up = keys.select(quantity.at(ll, plus));
                    double[] down = keys.select(quantity.at(ll, minus));
                    jacobian[j] = new double[n];
                    for (int i = 0; i < n; i++) {
                        jacobian[j][i] = (up[i] - down[i]) / (2 * h);
                    }
                }
                for (int i = 0; i < n; i++) {
                    double var = 0;
                    for (int a = 0; a < p; a++) {
                        for (int b = 0; b < p; b++) {
                            var += jacobian[a][i] * v[a * p + b] * jacobian[b][i];
                        }
                    }
                    stderr[i] = Math.sqrt(Math.max(0, var));
                }
                notes.append("Std. err.: delta method with the ").append(model.covarianceName())
                        .append(" covariance.");
            } else {
                notes.append("Std. err.: not available (the ").append(model.covarianceName())
                        .append(" covariance is not).");
            }
            if (options.krinskyRobb() > 0) {
                krinskyRobb(ll, quantity, keys, model, options, krSd, krLower, krUpper, covariance);
                notes.append(String.format(Locale.ROOT, " Krinsky-Robb: %d draws from N(estimate, V), %s%%"
                        + " percentile interval.", options.krinskyRobb(), fmt(model.level())));
            }
        }
        if (options.replicates() > 0 && model.spec().randomDimension() > 0) {
            simulationError(quantity, evaluators, keys, model, data, options, estimate, simulation, notes);
        }
        return new QuantityTable(title, keys, estimate, stderr, krSd, krLower, krUpper, simulation,
                model.level(), notes.toString().trim());
    }

    private static <E extends LikelihoodEvaluator> void krinskyRobb(E ll, Quantity<E> quantity, Keys keys,
            FittedModel model, PostEstimationOptions options, double[] sd, double[] lower, double[] upper,
            boolean covariance) {
        if (!covariance) {
            throw new InvalidSpecificationException("Krinsky-Robb draws need the covariance of the estimates, but"
                    + " the " + model.covarianceName() + " covariance is not available: choose another vce.");
        }
        int p = model.estimates().length;
        double[] flat = model.covariance();
        double[][] cov = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                cov[a][b] = 0.5 * (flat[a * p + b] + flat[b * p + a]);
            }
        }
        MultivariateNormalDistribution normal;
        try {
            normal = new MultivariateNormalDistribution(new Well19937c(options.seed()), model.estimates(), cov);
        } catch (MathIllegalArgumentException e) {
            throw new InvalidSpecificationException("Krinsky-Robb draws need a positive definite covariance of the"
                    + " estimates; the " + model.covarianceName() + " covariance is not (" + e.getMessage()
                    + "). Use the delta method, or another vce.");
        }
        int draws = options.krinskyRobb();
        int n = keys.size();
        double[][] values = new double[n][draws];
        for (int d = 0; d < draws; d++) {
            double[] q = keys.select(quantity.at(ll, normal.sample()));
            for (int i = 0; i < n; i++) {
                values[i][d] = q[i];
            }
        }
        double tail = (100 - model.level()) / 2;
        for (int i = 0; i < n; i++) {
            double[] finite = Arrays.stream(values[i]).filter(Double::isFinite).toArray();
            if (finite.length < 2) {
                continue;
            }
            sd[i] = sd(finite);
            Percentile percentile = new Percentile();
            percentile.setData(finite);
            lower[i] = percentile.evaluate(Math.max(tail, 1e-9));
            upper[i] = percentile.evaluate(Math.min(100 - tail, 100));
        }
    }

    private static <E extends LikelihoodEvaluator> void simulationError(Quantity<E> quantity,
            Evaluators<E> evaluators, Keys keys, FittedModel model, ChoiceData data,
            PostEstimationOptions options, double[] estimate, double[] out, StringBuilder notes) {
        double[] theta = model.estimates();
        int n = keys.size();
        if (model.isSimulated()) {
            int sets = options.replicates();
            double[][] values = new double[n][sets];
            for (int s = 0; s < sets; s++) {
                try (E ll = evaluators.replicate(data, s + 1)) {
                    double[] q = keys.select(quantity.at(ll, theta));
                    for (int i = 0; i < n; i++) {
                        values[i][s] = q[i];
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                out[i] = sd(values[i]);
            }
            notes.append(" Sim. err.: standard deviation over ").append(sets)
                    .append(" independent draw sets at the estimate.");
        } else {
            try (E ll = evaluators.replicate(data, 1)) {
                double[] q = keys.select(quantity.at(ll, theta));
                for (int i = 0; i < n; i++) {
                    out[i] = Math.abs(q[i] - estimate[i]);
                }
                notes.append(" Sim. err.: change under a more accurate rule (").append(ll.integrationDescription())
                        .append(").");
            }
        }
    }

    private static double sd(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (v.length - 1));
    }

    private static double[] nan(int n) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        return out;
    }

    private static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return v.length > 0;
    }

    private static String fmt(double level) {
        return level == Math.rint(level) ? Integer.toString((int) level) : Double.toString(level);
    }
}
