package org.mixlogit.estimation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mixlogit.NumericalFailureException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.inference.Covariances;
import org.mixlogit.integration.DrawType;
import org.mixlogit.simulation.Backend;
import org.mixlogit.simulation.NodeProvider;
import org.mixlogit.simulation.LikelihoodEvaluator;
import org.mixlogit.simulation.ScoreSums;
import org.mixlogit.optim.IterationListener;
import org.mixlogit.optim.Optimizer;
import org.mixlogit.optim.OptimizerStatus;
import org.mixlogit.optim.Optimum;
import org.mixlogit.spec.CoefficientSpec;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.spec.ParameterLayout;

/**
 * Maximum simulated likelihood. Fits the plain logit first (its estimates are the default start and its
 * log-likelihood a reported benchmark), runs the optimizer from the default start and from {@code starts - 1}
 * seeded perturbations of it, keeps the best optimum, certifies it (gradient below tolerance, Hessian negative
 * definite), and computes every covariance type there; the shared {@code ResultAssembler} adds the checks and
 * builds the result. When the listener cancels, the result holds the best point so far and no inference. A latent
 * class model goes to {@link LatentClassEstimator}.
 */
public final class MsleEstimator implements Estimator {
    /**
     * Adaptive quadrature is re-centred at each new estimate until the log-likelihood settles, at most this many
     * times.
     */
    static final int ADAPTIVE_ROUNDS = 12;
    /**
     * The log-likelihood has settled when two successive re-centred rounds agree to this relative tolerance
     * (relative to max(1, |LL|)).
     */
    static final double ADAPTIVE_SETTLE_TOLERANCE = 1e-6;
    /** Halvings of a round's step towards its centre when the re-centred log-likelihood fell (see recentre). */
    static final int ADAPTIVE_BACKTRACKS = 6;
    /** See {@link #acceptance}: log-likelihood units. */
    static final double ADAPTIVE_ACCEPT_ABSOLUTE = 0.5;
    /** See {@link #acceptance}: relative to |LL|. */
    static final double ADAPTIVE_ACCEPT_RELATIVE = 1e-5;
    /** Optima of two starts are one when their log-likelihoods agree to this absolute tolerance... */
    static final double OPTIMA_LOGLIK_TOLERANCE = 1e-4;
    /**
     * ... and every parameter (scales in absolute value) agrees to this tolerance relative to max(1, |value|).
     */
    static final double OPTIMA_PARAMETER_TOLERANCE = 1e-3;

    private final EstimatorConfig config;
    private final Backend backend;

    /** Estimates on local worker threads ({@code config.threads()}). */
    public MsleEstimator(EstimatorConfig config) {
        this(config, Backend.local(config.threads()));
    }

    /** Estimates with the sums over decision-makers computed by {@code backend}. */
    public MsleEstimator(EstimatorConfig config, Backend backend) {
        this.config = config;
        this.backend = backend;
    }

    /** Estimates; the listener sees every iteration of every start and may cancel. */
    @Override
    public EstimationResult estimate(ChoiceData data, ModelSpec spec, IterationListener listener) {
        if (spec.isLatentClass()) {
            return new LatentClassEstimator(config, backend).estimate(data, spec, listener);
        }
        ResultAssembler tail = new ResultAssembler(data, spec, config, backend);
        PlainLogit plain = PlainLogit.fit(data, spec, config, backend);
        double[] userStart = Starts.user(config, spec.layout());
        Rescaling scaling = Rescaling.of(data, spec, backend);
        double[] first = userStart != null ? userStart : scaling.defaultStart(spec, plain.estimates());
        boolean adaptive = NodeProvider.of(config.integration()).adapts(spec);
        Search search = null;
        LikelihoodEvaluator ll = likelihood(data, spec, first);
        double[] center = first;
        double centreValue = adaptive ? ll.value(center) : Double.NaN;
        double previous = Double.NaN;
        int iterations = 0;
        int evaluations = 0;
        String unsettled = null;
        for (int round = 0; round < (adaptive ? ADAPTIVE_ROUNDS : 1); round++) {
            search = search(ll, scaling, center, listener);
            iterations += search.iterations;
            evaluations += search.evaluations;
            double logLik = -search.best.value();
            double change = Math.abs(logLik - previous);
            boolean settled = change < ADAPTIVE_SETTLE_TOLERANCE * Math.max(1.0, Math.abs(logLik));
            if (!adaptive || settled || search.isCancelled()) {
                break;
            }
            previous = logLik;
            Recentred next = recentre(data, spec, center, centreValue, search.best.point());
            if (next != null && round == ADAPTIVE_ROUNDS - 1 && change < acceptance(logLik)
                    && next.step == 1.0 && Math.abs(logLik - next.value) < acceptance(logLik)) {
                // the last round moved the log-likelihood by less than the acceptance tolerance, and re-centring at
                // its optimum changes it by less: settled to that tolerance, reported as the round found it
                next.likelihood.close();
                break;
            }
            if (next == null || round == ADAPTIVE_ROUNDS - 1) {
                unsettled = unsettled(round + 1, logLik, next == null ? centreValue : next.value, next == null);
            }
            if (next != null) {
                ll.close();
                ll = next.likelihood;
                center = next.centre;
                centreValue = next.value;
            }
            if (unsettled != null) {
                search.best = stalled(ll, center, search.best, unsettled);
                search.runs.clear();
                search.runs.add(search.best);
                break;
            }
        }
        try {
            EstimationResultBuilder b = tail.describe(EstimationMethod.MSLE, plain.logLikelihood())
                    .covarianceType(config.inference().covariance())
                    .effort(iterations, evaluations)
                    .integration(ll.integrationDescription())
                    .optima(distinctOptima(search.runs, spec.layout()));
            if (search.isCancelled()) {
                return cancelled(tail, b, search);
            }
            return inference(tail, b, data, ll, search);
        } finally {
            ll.close();
        }
    }

    private LikelihoodEvaluator likelihood(ChoiceData data, ModelSpec spec, double[] center) {
        return backend.likelihood(data, spec, config.integration(), center);
    }

    /**
     * The next round's likelihood, its centre, the log-likelihood there with nodes centred there, and the fraction
     * of the round's step taken (1, 1/2, 1/4, ...).
     */
    private static final class Recentred {
        final LikelihoodEvaluator likelihood;
        final double[] centre;
        final double value;
        final double step;

        Recentred(LikelihoodEvaluator likelihood, double[] centre, double value, double step) {
            this.likelihood = likelihood;
            this.centre = centre;
            this.value = value;
            this.step = step;
        }
    }

    /**
     * How far the log-likelihood with nodes centred where it is evaluated may fall over a round before the round's
     * step counts as exploiting the rule's error: {@value #ADAPTIVE_ACCEPT_ABSOLUTE} or {@value
     * #ADAPTIVE_ACCEPT_RELATIVE} of |LL|, whichever is larger.
     */
    static double acceptance(double logLik) {
        return Math.max(ADAPTIVE_ACCEPT_ABSOLUTE, ADAPTIVE_ACCEPT_RELATIVE * Math.abs(logLik));
    }

    /**
     * Re-centres adaptive nodes after a round that moved the estimate from {@code centre} to {@code point}: the
     * nodes at {@code point}, accepted when the log-likelihood with nodes centred where it is evaluated (the rule's
     * own approximation of the integral) is not lower there than at the round's centre; otherwise at the points
     * halfway back towards the centre, {@value #ADAPTIVE_BACKTRACKS} times at most. A round's optimum can lie where
     * its fixed nodes, centred elsewhere, overestimate the integral (rules with negative weights, such as the
     * adaptive sparse grid, allow large overestimates): such a step is not taken.
     *
     * @param centre Not modified
     * @param point Not modified
     * @return null when no point along the way improves on the centre
     */
    private Recentred recentre(ChoiceData data, ModelSpec spec, double[] centre, double centreValue,
            double[] point) {
        double[] trial = point.clone();
        double step = 1.0;
        for (int halving = 0; halving <= ADAPTIVE_BACKTRACKS; halving++) {
            LikelihoodEvaluator candidate = likelihood(data, spec, trial);
            double value = candidate.value(trial);
            if (value >= centreValue - acceptance(centreValue)) {
                return new Recentred(candidate, trial, value, step);
            }
            candidate.close();
            step *= 0.5;
            for (int j = 0; j < trial.length; j++) {
                trial[j] = centre[j] + 0.5 * (trial[j] - centre[j]);
            }
        }
        return null;
    }

    /**
     * Why the adaptive rounds did not settle, for the result's status: the rule, the last round's maximum (with
     * nodes centred at its start) and the log-likelihood with nodes centred at the estimate reported.
     */
    private String unsettled(int rounds, double roundMaximum, double centredValue, boolean blocked) {
        DrawType type = config.integration().type();
        String rule = type.code() + " (" + type.sizeKind() + " " + config.integration().draws() + ")";
        String what = String.format(Locale.ROOT, blocked
                ? "after %d round(s) the last round reached %.4f with nodes centred at its start, and no point towards"
                + " it improved on the log-likelihood with nodes centred where it is evaluated (%.4f at the estimate"
                + " reported)"
                : "after %d rounds the log-likelihood still moves when the nodes are re-centred (last round's maximum"
                + " %.4f with nodes centred at its start; %.4f with nodes centred at the estimate reported)",
                rounds, roundMaximum, centredValue);
        return "The adaptive nodes of " + rule + " did not settle: " + what + ". Each round maximises with nodes"
                + " fixed where the round began; where the rule is inaccurate away from that centre" + (type
                == DrawType.ADAPTIVE_SPARSE ? " (the sparse grid's negative weights allow large overestimates)" : "")
                + ", or along a nearly flat direction of a weakly identified model, the rounds' optima keep moving,"
                + " so this is not a maximum of the integrated likelihood. Use --draws adaptive-halton (importance"
                + " sampling, positive weights; --R 100 or more), or another " + type.sizeKind() + ", and compare.";
    }

    /** The reported point of adaptive rounds that did not settle: not converged, with the reason. */
    private static Optimum stalled(LikelihoodEvaluator ll, double[] point, Optimum last, String why) {
        double[] gradient = new double[point.length];
        double value = ll.valueAndGradient(point, gradient);
        double norm = 0;
        double scale = Math.max(Math.abs(value), 1.0);
        for (int i = 0; i < point.length; i++) {
            norm = Math.max(norm, Math.abs(gradient[i]) * Math.max(Math.abs(point[i]), 1.0) / scale);
            gradient[i] = -gradient[i];
        }
        return new Optimum(point, -value, gradient, norm, last.iterations(), last.evaluations(),
                OptimizerStatus.STALLED, why);
    }

    /** The optimizer's runs from the default start and the perturbed ones. */
    private static final class Search {
        final List<Optimum> runs = new ArrayList<>();
        /** The objective the runs minimized (it remembers its last exact Hessian). */
        NegativeLogLikelihood objective;
        Optimum best;
        int iterations;
        int evaluations;

        /** True when the listener stopped the last run (and so the search). */
        boolean isCancelled() {
            return runs.get(runs.size() - 1).status() == OptimizerStatus.CANCELLED;
        }
    }

    private Search search(LikelihoodEvaluator ll, Rescaling scaling, double[] first, IterationListener listener) {
        NegativeLogLikelihood objective = NegativeLogLikelihood.keepingScores(ll);
        SearchConfig settings = config.search();
        Optimizer optimizer = Optimizer.of(settings.optimizer());
        Search search = new Search();
        search.objective = objective;
        for (int s = 0; s < settings.starts(); s++) {
            double[] start = s == 0 ? first : scaling.perturbedStart(ll.layout(), first, settings.startSeed(), s);
            Optimum o = scaling.optimize(optimizer, objective, start, listener);
            search.iterations += o.iterations();
            search.evaluations += o.evaluations();
            search.runs.add(o);
            if (o.status() == OptimizerStatus.CANCELLED) {
                break;
            }
        }
        search.best = Starts.best(search.runs, search.runs.get(0));
        return search;
    }

    private EstimationResult inference(ResultAssembler tail, EstimationResultBuilder b, ChoiceData data,
            LikelihoodEvaluator ll, Search search) {
        {
            Optimum best = search.best;
            double[] theta = best.point();
            // the search's last evaluation when it was at the estimate itself (and no clusters), else computed here
            String cluster = config.inference().cluster();
            ScoreSums c = cluster == null ? search.objective.rememberedScores(ll, theta) : null;
            if (c == null) {
                c = ll.scoreSums(theta, cluster);
            }
            if (!Double.isFinite(c.logLikelihood())) {
                String why = ll.lastFailure() != null ? ll.lastFailure()
                        : "The log-likelihood is not finite at the " + (best.iterations() == 0 ? "starting values"
                        : "last point") + " (" + best.message() + ").";
                throw new NumericalFailureException(why);
            }
            // the search's last exact Hessian when it was computed at the estimate itself, else computed here
            double[] analytic = search.objective.rememberedHessian(ll, theta);
            if (analytic == null) {
                analytic = ll.hessian(theta);
            }
            double[] hessian = analytic != null ? analytic : NumericalHessian.of(ll, theta);
            Covariances cov = config.inference().covariances(hessian, c, data.totalWeight(), theta.length);
            b.estimates(theta).gradient(c.gradient()).logLikelihood(c.logLikelihood());
            return tail.finish(b, best, cov, Certification.Criterion.LOG_LIKELIHOOD, c.logLikelihood());
        }
    }

    /**
     * The listener stopped the search: the best point so far, its log-likelihood and gradient as the optimizer
     * saw them, and no inference.
     */
    private static EstimationResult cancelled(ResultAssembler tail, EstimationResultBuilder b, Search search) {
        Optimum best = search.best;
        Optimum stopped = search.runs.get(search.runs.size() - 1);
        double[] gradient = best.gradient();
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] = -gradient[i];
        }
        b.estimates(best.point()).gradient(gradient).logLikelihood(-best.value());
        return tail.cancelled(b, stopped.message(), best.gradientNorm());
    }

    /** Optima grouped by {@link Starts#distinct}, one start each. */
    private static List<LocalOptimum> distinctOptima(List<Optimum> runs, ParameterLayout layout) {
        int[] ones = new int[runs.size()];
        java.util.Arrays.fill(ones, 1);
        return Starts.distinct(runs, ones, layout);
    }

    /**
     * Two points are one optimum when every parameter of their canonical forms ({@link ParameterLayout#canonical}:
     * free scales in absolute value, each Cholesky column signed by its diagonal) agrees to
     * {@link #OPTIMA_PARAMETER_TOLERANCE} relative to max(1, |value|).
     */
    static boolean close(double[] a, double[] b, ParameterLayout layout) {
        double[] ca = layout.canonical(a);
        double[] cb = layout.canonical(b);
        for (int i = 0; i < a.length; i++) {
            double x = ca[i];
            double y = cb[i];
            if (Math.abs(x - y) > OPTIMA_PARAMETER_TOLERANCE * Math.max(1, Math.abs(a[i]))) {
                return false;
            }
        }
        return true;
    }

    /** The plain-logit specification: every located coefficient fixed, in declaration order. */
    static ModelSpec plainLogitSpec(ModelSpec spec) {
        ModelSpec.Builder b = ModelSpec.builder();
        for (CoefficientSpec c : spec.coefficients()) {
            if (!c.hasZeroMean()) {
                b.fixed(c.attribute());
            }
        }
        return b.build();
    }
}
