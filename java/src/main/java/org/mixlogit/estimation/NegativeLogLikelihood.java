package org.mixlogit.estimation;

import java.util.Arrays;

import org.mixlogit.simulation.BlockPartials;
import org.mixlogit.simulation.LikelihoodEvaluator;
import org.mixlogit.simulation.ScoreSums;
import org.mixlogit.optim.ScoredObjective;

/**
 * The simulated log-likelihood turned into an objective to minimize, with weighted per-decision-maker scores and,
 * unless withheld, the simulator's exact Hessian (which BFGS adopts once near the optimum). The last Hessian computed
 * is remembered with its point, so that inference at bit for bit that point does not compute it again
 * ({@link #rememberedHessian}); so are, when asked for, the score sums of the last evaluation
 * ({@link #rememberedScores}). Not thread-safe: one optimizer at a time.
 */
final class NegativeLogLikelihood implements ScoredObjective {
    /**
     * {@link #keepingScores} keeps the score sums when one evaluation's block partials of them take at most this many
     * bytes (Electricity's 12 parameters: 29 KB; the synthetic panel N = 10,000 with 10 parameters: 0.5 MB).
     */
    static final long SCORE_PARTIALS_BYTES = 1L << 20;
    private final LikelihoodEvaluator likelihood;
    private final boolean exactHessian;
    private final boolean keepScores;
    /** Where the last Hessian was computed, and the log-likelihood's Hessian there; null before any. */
    private double[] hessianPoint;
    private double[] logLikelihoodHessian;
    /** Where the last kept score sums were computed, and the sums; null before any. */
    private double[] scoresPoint;
    private ScoreSums scores;

    NegativeLogLikelihood(LikelihoodEvaluator likelihood) {
        this(likelihood, true, false);
    }

    /** @param exactHessian false to withhold the Hessian ({@link #hessian} returns null) */
    NegativeLogLikelihood(LikelihoodEvaluator likelihood, boolean exactHessian) {
        this(likelihood, exactHessian, false);
    }

    private NegativeLogLikelihood(LikelihoodEvaluator likelihood, boolean exactHessian, boolean keepScores) {
        this.likelihood = likelihood;
        this.exactHessian = exactHessian;
        this.keepScores = keepScores;
    }

    /**
     * The objective with the exact Hessian that evaluates its value and gradient together with the outer products of
     * the scores (the same value and gradient to the last bit: the same terms in the same order) when those sums are
     * small ({@value #SCORE_PARTIALS_BYTES} bytes of block partials at most), and remembers the last: the
     * search's last evaluation is normally at the estimate, where inference needs them
     * ({@link #rememberedScores}), which saves that evaluation. The outer products add about 3 P^2 operations per
     * decision-maker to the simulation's work.
     */
    static NegativeLogLikelihood keepingScores(LikelihoodEvaluator likelihood) {
        int p = likelihood.parameterCount();
        long blocks = likelihood.decisionMakerCount() / BlockPartials.BLOCK_SIZE + 1;
        return new NegativeLogLikelihood(likelihood, true,
                blocks * ScoreSums.width(p) * Double.BYTES <= SCORE_PARTIALS_BYTES);
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
        if (gradient.length != dimension()) {
            throw new IllegalArgumentException("gradient has length " + gradient.length + ", expected "
                    + dimension());
        }
        if (keepScores) {
            ScoreSums sums = likelihood.scoreSums(x, null);
            scoresPoint = x.clone();
            scores = sums;
            double[] g = sums.gradient();
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] = -g[i];
            }
            return -sums.logLikelihood();
        }
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

    /**
     * The score sums (without clusters) of {@code ll} at theta as this objective last computed them in
     * {@link #valueAndGradient}, when it keeps them, that was for {@code ll} and at bit for bit theta; otherwise null,
     * and the caller computes them.
     *
     * @param theta Not modified
     */
    ScoreSums rememberedScores(LikelihoodEvaluator ll, double[] theta) {
        if (ll != likelihood || scoresPoint == null || !Arrays.equals(scoresPoint, theta)) {
            return null;
        }
        return scores;
    }

    @Override
    public double valueGradientAndOuterProduct(double[] x, double[] gradient, double[] outerProduct) {
        // BHHH's approximation of the Hessian of -LL = -sum w_n l_n is the weighted outer product of the scores,
        // sum w_n s_n s_n' (the information identity per decision-maker, weighted as the log-likelihood is); with
        // weights that is not the sampling sandwich's meat sum w_n^2 s_n s_n'
        ScoreSums sums = likelihood.scoreSums(x, null);
        double[] g = sums.gradient();
        for (int j = 0; j < gradient.length; j++) {
            gradient[j] = -g[j];
        }
        System.arraycopy(sums.information(), 0, outerProduct, 0, outerProduct.length);
        return -sums.logLikelihood();
    }
}
