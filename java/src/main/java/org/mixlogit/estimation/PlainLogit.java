package org.mixlogit.estimation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mixlogit.MixlogitException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.simulation.Backend;
import org.mixlogit.simulation.LikelihoodEvaluator;
import org.mixlogit.optim.IterationListener;
import org.mixlogit.optim.Optimizer;
import org.mixlogit.optim.OptimizerConfig;
import org.mixlogit.optim.Optimum;
import org.mixlogit.spec.CoefficientSpec;
import org.mixlogit.spec.ModelSpec;

/**
 * The conditional logit on the located coefficients: exact (no draws), the default start and a benchmark. Its fit is
 * checked for separation ({@link Separation}), which every estimator thus goes through. Fitted by Newton's method on
 * its closed form ({@link PlainLogitNewton}), else by the estimator's search through the simulator with one draw;
 * either way its sums run on the estimator's backend.
 */
final class PlainLogit {
    /** The plain logit is concave: it may use at least this many iterations whatever the user's limit. */
    static final int PLAIN_LOGIT_MIN_ITERATIONS = 1000;
    /**
     * The tightest gradient tolerance the plain logit's search takes from the user's: tighter ones may be out of
     * reach of double precision, and it is only a start.
     */
    static final double PLAIN_LOGIT_TIGHTEST_TOLERANCE = 1e-10;

    private final double[] estimates;
    private final double logLikelihood;

    private PlainLogit(double[] estimates, double logLikelihood) {
        this.estimates = estimates;
        this.logLikelihood = logLikelihood;
    }

    static PlainLogit fit(ChoiceData data, ModelSpec spec, EstimatorConfig config, Backend backend) {
        ModelSpec plain = MsleEstimator.plainLogitSpec(spec);
        List<String> attributes = new ArrayList<>();
        for (CoefficientSpec c : plain.coefficients()) {
            attributes.add(c.attribute());
        }
        int[] columns = new int[attributes.size()];
        for (int k = 0; k < columns.length; k++) {
            columns[k] = data.attributeIndex(attributes.get(k));
        }
        // Newton on the closed form first (a few data passes, no simulator); the general search below when it
        // does not settle (collinear or separated data), whose checks and messages then apply
        double[] newton = columns.length == 0 ? null : new PlainLogitNewton(data, columns, backend).fit();
        if (newton != null) {
            double[] beta = Arrays.copyOf(newton, columns.length);
            Separation.require(data, attributes, beta, backend);
            return new PlainLogit(beta, newton[columns.length]);
        }
        try (LikelihoodEvaluator ll = backend.likelihood(data, plain, config.integration().withDraws(1), null)) {
            // the plain logit is concave: the user's iteration limit is for the mixed logit, not for this; plain BFGS
            // (no exact Hessian)
            // nor is a loose or an unreachable tolerance: the start takes the user's within [1e-10, the default]
            OptimizerConfig optimizer = config.search().optimizer();
            optimizer = optimizer.withGradientTolerance(Math.min(Math.max(optimizer.gradientTolerance(),
                    PLAIN_LOGIT_TIGHTEST_TOLERANCE), OptimizerConfig.DEFAULT_GRADIENT_TOLERANCE));
            Rescaling scaling = Rescaling.of(data, plain, backend);
            Optimum o = scaling.optimize(Optimizer.of(optimizer.withMaxIterations(Math.max(PLAIN_LOGIT_MIN_ITERATIONS,
                    optimizer.maxIterations()))), new NegativeLogLikelihood(ll, false), new double[ll.parameterCount()],
                    IterationListener.NONE);
            // a diverging plain logit (separation) may still stop with a small gradient: refuse it either way
            Separation.require(data, attributes, o.point(), backend);
            if (!o.isConverged()) {
                throw new MixlogitException("The plain logit used for starting values did not converge: "
                        + o.message() + " Check the attributes for collinearity or extreme scaling.");
            }
            return new PlainLogit(o.point(), -o.value());
        }
    }

    double[] estimates() {
        return estimates.clone();
    }

    double logLikelihood() {
        return logLikelihood;
    }
}
