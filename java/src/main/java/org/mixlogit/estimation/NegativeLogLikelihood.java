package org.mixlogit.estimation;

import java.util.Arrays;

import org.mixlogit.simulation.LikelihoodEvaluator;
import org.mixlogit.simulation.ScoreSums;
import org.mixlogit.optim.ScoredObjective;

/**
 * The simulated log-likelihood turned into an objective to minimize, with weighted per-decision-maker scores and,
 * unless withheld, the simulator's exact Hessian (which BFGS adopts once near the optimum). The last Hessian computed
 * is remembered with its point, so that inference at bit for bit that point does not compute it again
 * ({@link #rememberedHessian}). Not thread-safe: one optimizer at a time.
 */
final class NegativeLogLikelihood implements ScoredObjective {
    private final LikelihoodEvaluator likelihood;
    private final boolean exactHessian;
    /** Where the last Hessian was computed, and the log-likelihood's Hessian there; null before any. */
    private double[] hessianPoint;
    private double[] logLikelihoodHessian;

    NegativeLogLikelihood(LikelihoodEvaluator likelihood) {
        this(likelihood, true);
    }

    /** @param exactHessian false to withhold the Hessian ({@link #hessian} returns null) */
    NegativeLogLikelihood(LikelihoodEvaluator likelihood, boolean exactHessian) {
        this.likelihood = likelihood;
        this.exactHessian = exactHessian;
    }

    @Override
    public int dimension() {
        return likelihood.parameterCount();
    }

    @Override
    public double value(double[] x) {
        return -likelihood.value(x);
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        double v = likelihood.valueAndGradient(x, gradient);
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] = -gradient[i];
        }
        return -v;
    }

    /** The Hessian of -LL, when the simulator has an analytic one and it is not withheld (else null). */
    @Override
    public double[] hessian(double[] x) {
        double[] h = exactHessian ? likelihood.hessian(x) : null;
        if (h == null) {
            return null;
        }
        hessianPoint = x.clone();
        logLikelihoodHessian = h.clone();
        for (int i = 0; i < h.length; i++) {
            h[i] = -h[i];
        }
        return h;
    }

    /**
     * The Hessian of the log-likelihood of {@code ll} at theta as this objective last computed it, when that was
     * for {@code ll} and at bit for bit theta (a copy); otherwise null, and the caller computes it. So a covariance
     * never comes from a Hessian at another point.
     *
     * @param theta Not modified
     */
    double[] rememberedHessian(LikelihoodEvaluator ll, double[] theta) {
        if (ll != likelihood || hessianPoint == null || !Arrays.equals(hessianPoint, theta)) {
            return null;
        }
        return logLikelihoodHessian.clone();
    }

    @Override
    public double valueGradientAndOuterProduct(double[] x, double[] gradient, double[] outerProduct) {
        // the observations' gradients of -LL are -w_n s_n: their outer products are the sandwich meat
        ScoreSums sums = likelihood.scoreSums(x, null);
        double[] g = sums.gradient();
        for (int j = 0; j < gradient.length; j++) {
            gradient[j] = -g[j];
        }
        System.arraycopy(sums.meat(), 0, outerProduct, 0, outerProduct.length);
        return -sums.logLikelihood();
    }
}
