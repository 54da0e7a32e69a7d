package org.mixlogit.estimation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.NumericalFailureException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.inference.Covariances;
import org.mixlogit.integration.AdaptiveNodes;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.optim.IterationListener;
import org.mixlogit.optim.Optimizer;
import org.mixlogit.optim.OptimizerStatus;
import org.mixlogit.optim.Optimum;
import org.mixlogit.simulation.Backend;
import org.mixlogit.simulation.LikelihoodEvaluator;
import org.mixlogit.simulation.ScoreSums;
import org.mixlogit.spec.ModelSpec;

/**
 * The method of simulated scores (Hajivassiliou and McFadden 1998; Train 2009, section 10.2.3): solves
 * sum_n s_n(theta) = 0 where s_n is a simulator of d log P_n / d theta, unbiased for any number of draws R, so the
 * estimator is consistent with R fixed (MSLE's log of a simulated probability is not). The score of a person is the
 * posterior expectation of the score of the logit probability of their choices, so it is simulated by the mean over
 * R exact posterior draws, made by accept-reject from the prior ({@code simulation.PosteriorDraws}, Train's
 * suggestion).
 *
 * <p>The accepted set changes discontinuously with theta, which a root finder cannot follow. Each round therefore
 * draws at a centre theta_c and weights the draws by P_n(z; theta) / P_n(z; theta_c) (importance sampling whose
 * proposal is the posterior at theta_c): the reweighted score equals the accept-reject score at theta_c, is smooth in
 * theta, and is the gradient of a simulated log-likelihood, so the optimizer finds its root. The next round draws at
 * that root, with the same proposals (common random numbers); the rounds stop when the root moves less than
 * {@value #ROUND_TOLERANCE} (relative to max(1, |theta|)), where the draws are (to that tolerance) exact posterior
 * draws at the estimate and the estimating equation is the unbiased one. Because the equation is a step function of
 * theta (an acceptance flips), the roots may instead cycle among nearby points: after {@value #MAX_ROUNDS} rounds
 * the estimate solves the round drawn at the mean of the last {@value #AVERAGED} roots, and counts as converged when
 * those roots lie within {@value #CYCLE_TOLERANCE} standard errors of each other. The draw settings are R (accepted draws
 * per person) and the seed of the configuration's pseudo-random draws.
 *
 * <p>Standard errors: the sandwich J^-1 (sum_n s_n s_n') J^-1 of the simulated scores s_n (the Hessian and OPG forms
 * and clusters are available too). Where the simulation enters: the root solves sum_n s_n(theta) = 0 with s_n =
 * S_n + e_n, S_n the person's true score and e_n the simulation error of a mean of R_n exact posterior draws of the
 * logit score g_r (mean 0, variance V_n / R_n with V_n the posterior covariance of g_r, independent across people).
 * Linearised, the estimate's variance is J^-1 Var(sum_n s_n) J^-1 with Var(sum_n s_n) = sum_n (Var S_n + V_n / R_n)
 * (the MSS analogue of MSM's (1 + 1/R)) and J the derivative of the simulated score's expectation, the true Hessian
 * sum_n d2 log P_n. The meat sum_n s_n s_n' estimates sum_n (S_n S_n' + V_n / R_n): it already contains the
 * simulation variance. The Jacobian did not: the Hessian of the round's reweighted log-likelihood at the draws'
 * centre is, per person, the draws' mean logit Hessian plus their covariance of scores with divisor R_n, whose
 * expectation is d2 log P_n - V_n / R_n, more curved than the truth, so the standard errors came out too small at
 * small R (Monte Carlo at R = 10: mean s.e. 0.092 against an sd of 0.125). J is now {@code
 * SimulatedLogLikelihood#scoreJacobian}, the same with the covariance's divisor R_n - 1 (unbiased: adds V-hat_n /
 * R_n per person). Models whose analytic Hessian is not available (truncated normal coefficients) keep the finite-
 * difference Hessian of the reweighted log-likelihood, without that correction. The log-likelihood reported is the
 * configured rule's at the estimate (a diagnostic; MSS does not maximise it).
 *
 * <p>Importance sampling ({@code --draws adaptive-halton} or {@code adaptive-sobol}): accept-reject fails on panels
 * whose posteriors the prior rarely reaches (Electricity, 12 situations per person: one person accepts 2 of 5,000,000
 * proposals). The score simulator is then the self-normalised importance-sampling mean s_n = sum_r w_r g_r, w_r
 * proportional to P_n(z_r; theta) phi(z_r) / q_n(z_r) (exact weights), of the draws' logit scores g_r = d log
 * P_n(beta(z_r; theta)) / d theta, over R quasi-random draws z_r from the adapted proposal q_n (normal or Student t at
 * the person's posterior mode at the round's centre, scaled by its curvature: the nodes of {@code adaptive-halton}).
 * With the nodes fixed for the round, s_n is the gradient of log sum_r P_n(z_r; theta) phi(z_r) / (R q_n(z_r)), so
 * the root finder sees a smooth function; rounds re-centre at the root until it stays put. The estimating equation is
 * therefore the first-order condition of maximum simulated likelihood with the same adapted draws (MSLE with {@code
 * --draws adaptive-halton} reaches the same point, which is where the rounds start): the self-normalised score is a
 * ratio estimator, biased by O(1/R) as MSLE is, and its bias is small because the adapted quasi-random rule is
 * accurate. The Jacobian is the derivative of the round's simulated score, per person sum_r w_r (H_r + g_r g_r') -
 * s_n s_n' (H_r the draws' logit Hessians): the Hessian of the round's log-likelihood, checked against finite
 * differences of the score. Accept-reject's correction of the covariance term (divisor 1 - sum_r w_r^2) is not
 * applied: it assumes independent draws, and on Electricity at R = 10, 25, 50, 100 the uncorrected form is within
 * 6%, 1%, 0.4%, 0.4% of the Hessian computed with adaptive Gauss-Hermite (12 points per dimension) on every diagonal
 * entry, the corrected one 31%, 14%, 7%, 3% less curved.
 */
public final class MssEstimator implements Estimator {
    /** Rounds stop when no parameter moves more than this, relative to max(1, |theta_j|)... */
    static final double ROUND_TOLERANCE = 1e-4;
    /** ... or after this many rounds... */
    static final int MAX_ROUNDS = 15;
    /** ... when the roots of the last this many rounds are averaged... */
    static final int AVERAGED = 5;
    /**
     * ... and count as converged when they cycle within this many standard errors (sandwich) of each parameter. The
     * cycle is the estimating equation's own discreteness: with R = 10 draws per person the roots of the Monte Carlo
     * study's panel cycle within about 0.7 standard errors, with R = 100 within about 0.2.
     */
    static final double CYCLE_TOLERANCE = 1.0;

    private final EstimatorConfig config;
    private final Backend backend;

    /** Estimates on local worker threads ({@code config.threads()}). */
    public MssEstimator(EstimatorConfig config) {
        this(config, Backend.local(config.threads()));
    }

    /**
     * Estimates with the sums over decision-makers computed by {@code backend}: the posterior draws are made where
     * each decision-maker's data live, keyed by its ordinal, so every backend gives the same numbers.
     */
    public MssEstimator(EstimatorConfig config, Backend backend) {
        this.config = config;
        this.backend = backend;
    }

    @Override
    public EstimationResult estimate(ChoiceData data, ModelSpec spec, IterationListener listener) {
        if (spec.isLatentClass()) {
            throw new InvalidSpecificationException("Latent class models are estimated by maximum likelihood (EM,"
                    + " then direct maximization), not by simulated scores: use the method msle.");
        }
        IntegrationConfig integration = config.integration();
        boolean importance = importanceSampling(integration);
        if (!integration.type().isSimulation() && !importance) {
            throw new InvalidSpecificationException("The method of simulated scores simulates each person's"
                    + " posterior by accept-reject from pseudo-random proposals (simulation draws: the default halton,"
                    + " or random) or by importance sampling from the adapted proposal (adaptive-halton or"
                    + " adaptive-sobol), not " + integration.type().code() + ".");
        }
        ResultAssembler tail = new ResultAssembler(data, spec, config, backend);
        PlainLogit plain = PlainLogit.fit(data, spec, config, backend);
        Rescaling scaling = Rescaling.of(data, spec, backend);
        double[] userStart = config.search().start();
        int iterations = 0;
        int evaluations = 0;
        double[] centre;
        if (userStart != null) {
            centre = StartValidation.checked(userStart, spec.layout());
        } else {
            // accept-reject needs posteriors the prior can reach: start at an MSLE estimate with the same draws (for
            // importance sampling, the same proposals: its re-centred rounds end near MSS's first root)
            EstimatorConfig first = config.withMethod(MethodConfig.of(EstimationMethod.MSLE))
                    .withDiagnostics(DiagnosticsConfig.defaults().withCheckReplicates(0));
            EstimationResult msle = new MsleEstimator(first, backend).estimate(data, spec, listener);
            iterations += msle.iterations();
            evaluations += msle.evaluations();
            centre = msle.isConverged() ? msle.estimates() : scaling.defaultStart(spec, plain.estimates());
        }
        Optimizer optimizer = Optimizer.of(config.search().optimizer());
        PosteriorState proposals = new PosteriorState(data.decisionMakerCount());
        List<double[]> roots = new ArrayList<>();
        int rounds = 0;
        double move = Double.POSITIVE_INFINITY;
        Optimum round = null;
        while (rounds < MAX_ROUNDS && move >= ROUND_TOLERANCE) {
            rounds++;
            round = solve(data, spec, centre, proposals, optimizer, scaling, listener);
            iterations += round.iterations();
            evaluations += round.evaluations();
            if (round.status() == OptimizerStatus.CANCELLED || !acceptable(round)) {
                break;
            }
            move = largestMove(centre, round.point());
            centre = round.point();
            roots.add(centre);
        }
        double[] range = null;
        if (acceptable(round) && move >= ROUND_TOLERANCE && roots.size() >= AVERAGED) {
            // the roots cycle among nearby points (each flip of an acceptance moves them a step): solve once more
            // with the draws made at the mean of the last rounds' roots
            List<double[]> last = roots.subList(roots.size() - AVERAGED, roots.size());
            double[] mean = new double[centre.length];
            range = new double[centre.length];
            for (int j = 0; j < mean.length; j++) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (double[] r : last) {
                    mean[j] += r[j] / AVERAGED;
                    lo = Math.min(lo, r[j]);
                    hi = Math.max(hi, r[j]);
                }
                range[j] = hi - lo;
            }
            rounds++;
            round = solve(data, spec, mean, proposals, optimizer, scaling, listener);
            iterations += round.iterations();
            evaluations += round.evaluations();
        }
        double[] theta = round.point();
        String rule = importance ? String.format(Locale.ROOT, "posterior scores by importance sampling, %s; %d"
                + " rounds", roundDescription(spec), rounds) : String.format(Locale.ROOT, "posterior draws"
                + " by accept-reject, %d per decision-maker, seed %d; %d rounds", integration.draws(),
                integration.seed(), rounds);
        EstimationResultBuilder b = tail.describe(EstimationMethod.MSS, plain.logLikelihood())
                .covarianceType(shownCovariance())
                .effort(iterations, evaluations)
                .integration(rule);
        if (round.status() == OptimizerStatus.CANCELLED) {
            double[] gradient = round.gradient();
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] = -gradient[i];
            }
            return tail.cancelled(b.estimates(theta).gradient(gradient).logLikelihood(Double.NaN)
                    .optima(Collections.singletonList(new LocalOptimum(Double.NaN, 1, round.gradientNorm(), false,
                    theta))), round.message(), round.gradientNorm());
        }
        return inference(tail, b, data, spec, theta, round, rounds, move, range, proposals, iterations, evaluations);
    }

    private Optimum solve(ChoiceData data, ModelSpec spec, double[] centre, PosteriorState proposals, Optimizer optimizer,
            Rescaling scaling, IterationListener listener) {
        try (LikelihoodEvaluator ll = simulator(data, spec, centre, proposals)) {
            return scaling.optimize(optimizer, new NegativeLogLikelihood(ll), centre, listener);
        }
    }

    /**
     * Covariances and the outcome: settled rounds, or roots that cycle within {@value #CYCLE_TOLERANCE} standard
     * errors (the estimate then solves the round drawn at their mean), count as converged.
     *
     * @param range Not modified: the spread of the last rounds' roots, or null when the rounds settled
     */
    private EstimationResult inference(ResultAssembler tail, EstimationResultBuilder b, ChoiceData data,
            ModelSpec spec, double[] theta, Optimum round, int rounds, double move, double[] range, PosteriorState proposals,
            int iterations, int evaluations) {
        int p = theta.length;
        Covariances cov;
        double[] score;
        // the simulated scores with draws made at the estimate: their sum is the estimating equation's residual
        try (LikelihoodEvaluator ll = simulator(data, spec, theta, proposals)) {
            ScoreSums c = ll.scoreSums(theta, config.inference().cluster());
            // importance sampling: the derivative of the round's simulated score (see the class comment)
            double[] analytic = importanceSampling(config.integration()) ? ll.hessian(theta) : ll.scoreJacobian(theta);
            double[] jacobian = analytic != null ? analytic : NumericalHessian.of(ll, theta);
            for (double v : jacobian) {
                if (!Double.isFinite(v)) {
                    throw new NumericalFailureException("The Jacobian of the simulated score is not finite at the"
                            + " estimate; try more draws (R) or other starting values.");
                }
            }
            cov = config.inference().covariances(jacobian, c, data.totalWeight(), p);
            score = c.gradient();
        }
        double[] se = cov.standardErrors(org.mixlogit.inference.CovarianceType.ROBUST);
        double cycle = 0;
        if (range != null) {
            for (int j = 0; j < p; j++) {
                cycle = Math.max(cycle, range[j] / se[j]);
            }
        }
        Optimum outcome = round;
        if (acceptable(round)) {
            boolean settled = range == null ? move < ROUND_TOLERANCE : cycle < CYCLE_TOLERANCE;
            String how = range == null ? String.format(Locale.ROOT, "the root moved by %.2g (relative) in the last of"
                    + " %d rounds of posterior draws", move, rounds) : String.format(Locale.ROOT, "the roots of the"
                    + " last %d of %d rounds cycle within %.3g standard errors; the estimate solves the round drawn at"
                    + " their mean", AVERAGED, rounds, cycle);
            outcome = new Optimum(theta, round.value(), round.gradient(), round.gradientNorm(), iterations,
                    evaluations, !settled ? OptimizerStatus.MAX_ITERATIONS : round.isConverged() ? round.status()
                    : OptimizerStatus.CONVERGED_GRADIENT, settled
                    ? "Converged: " + how + "; " + round.message()
                    : "Not converged: " + how + "; raise R or try other starting values.");
        }
        String vanished = vanishedScores(spec, se);
        if (vanished != null) {
            outcome = new Optimum(theta, round.value(), round.gradient(), round.gradientNorm(), iterations,
                    evaluations, OptimizerStatus.STALLED, "Not converged: the simulated scores vanish at the"
                    + " estimate (standard errors of zero for " + vanished + "): the rounds' posterior draws predict"
                    + " every choice, so the parameters ran off towards infinity instead of reaching a root. Use"
                    + " maximum simulated likelihood (msle), or more data per parameter.");
        }
        double logLik;
        try (LikelihoodEvaluator ll = backend.likelihood(data, spec, config.integration(), theta)) {
            logLik = ll.value(theta);
        }
        b.estimates(theta).gradient(score).logLikelihood(logLik)
                .optima(Collections.singletonList(new LocalOptimum(logLik, 1, outcome.gradientNorm(),
                outcome.isConverged(), theta)));
        return tail.finish(b, outcome, cov, Certification.Criterion.LOG_LIKELIHOOD, logLik);
    }

    /**
     * The parameters whose sandwich standard error is zero (or not a number), joined by ", ", or null when there
     * are none. A zero means that every decision-maker's simulated score is zero along that parameter, not only
     * their sum: the estimating equation is met trivially where the probabilities saturate (the root finder
     * followed the round's score to infinity), which is no root.
     *
     * @param se Not modified: the standard errors in the layout's order
     */
    static String vanishedScores(ModelSpec spec, double[] se) {
        List<String> names = spec.layout().names();
        List<String> vanished = new ArrayList<>();
        for (int j = 0; j < se.length; j++) {
            if (!(se[j] > 0)) {
                vanished.add(names.get(j));
            }
        }
        return vanished.isEmpty() ? null : String.join(", ", vanished);
    }

    private LikelihoodEvaluator simulator(ChoiceData data, ModelSpec spec, double[] centre, PosteriorState proposals) {
        if (spec.randomDimension() == 0) {
            // nothing to simulate: the score is exact and MSS is maximum likelihood
            return backend.likelihood(data, spec, config.integration(), null);
        }
        if (importanceSampling(config.integration())) {
            // the adapted proposal centred at each person's posterior mode at the centre, fixed for the round: the
            // gradient of its log-likelihood is the self-normalised importance-sampling score
            return backend.likelihood(data, spec, config.integration(), centre);
        }
        return backend.posteriorDraws(data, spec, centre, config.integration().draws(), config.integration().seed(),
                proposals.proposals, proposals.bounds);
    }

    /**
     * Whether the draws ask for the importance-sampling score simulator: the adapted quasi-random proposals
     * ({@code adaptive-halton}, {@code adaptive-sobol}).
     */
    static boolean importanceSampling(IntegrationConfig integration) {
        DrawType type = integration.type();
        return type == DrawType.ADAPTIVE_HALTON || type == DrawType.ADAPTIVE_SOBOL;
    }

    /** The importance sampler's rule in words (its proposal and draws). */
    private String roundDescription(ModelSpec spec) {
        if (spec.randomDimension() == 0) {
            return "no random coefficient";
        }
        return new AdaptiveNodes(config.integration(), spec.randomDimension()).describe();
    }

    /** The covariance shown: the sandwich unless the configuration asks for OPG or clusters. */
    private org.mixlogit.inference.CovarianceType shownCovariance() {
        org.mixlogit.inference.CovarianceType asked = config.inference().covariance();
        return asked == org.mixlogit.inference.CovarianceType.HESSIAN ? org.mixlogit.inference.CovarianceType.ROBUST
                : asked;
    }

    /**
     * A round's root is usable when the optimizer converged, or stopped (line search) with the scaled gradient below
     * the square root of its tolerance, the certification's test.
     */
    private boolean acceptable(Optimum round) {
        return round.isConverged() || (round.status() != OptimizerStatus.CANCELLED
                && round.gradientNorm() < Math.sqrt(config.search().optimizer().gradientTolerance()));
    }

    /** What the posterior sampler keeps from round to round: proposals per person and envelopes. */
    private static final class PosteriorState {
        final int[] proposals;
        final double[] bounds;

        PosteriorState(int people) {
            proposals = new int[people];
            bounds = new double[people];
        }
    }

    /** max_j |b_j - a_j| / max(1, |a_j|). */
    static double largestMove(double[] a, double[] b) {
        double max = 0;
        for (int j = 0; j < a.length; j++) {
            max = Math.max(max, Math.abs(b[j] - a[j]) / Math.max(1.0, Math.abs(a[j])));
        }
        return max;
    }
}
