package org.mixlogit.estimation;

import java.util.ArrayList;
import java.util.List;

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
    static final int ADAPTIVE_ROUNDS = 8;
    /**
     * The log-likelihood has settled when two successive re-centred rounds agree to this relative tolerance
     * (relative to max(1, |LL|)).
     */
    static final double ADAPTIVE_SETTLE_TOLERANCE = 1e-6;
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
        LikelihoodEvaluator ll = null;
        double[] center = first;
        double previous = Double.NaN;
        int iterations = 0;
        int evaluations = 0;
        for (int round = 0; round < (adaptive ? ADAPTIVE_ROUNDS : 1); round++) {
            if (ll != null) {
                ll.close();
            }
            ll = likelihood(data, spec, center, adaptive);
            search = search(ll, scaling, round == 0 ? first : center, listener);
            iterations += search.iterations;
            evaluations += search.evaluations;
            double logLik = -search.best.value();
            boolean settled = Math.abs(logLik - previous)
                    < ADAPTIVE_SETTLE_TOLERANCE * Math.max(1.0, Math.abs(logLik));
            if (!adaptive || settled || search.isCancelled()) {
                break;
            }
            previous = logLik;
            center = search.best.point();
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

    private LikelihoodEvaluator likelihood(ChoiceData data, ModelSpec spec, double[] center, boolean adaptive) {
        return backend.likelihood(data, spec, config.integration(), center);
    }

    /** The optimizer's runs from the default start and the perturbed ones. */
    private static final class Search {
        final List<Optimum> runs = new ArrayList<>();
        Optimum best;
        int iterations;
        int evaluations;

        /** True when the listener stopped the last run (and so the search). */
        boolean isCancelled() {
            return runs.get(runs.size() - 1).status() == OptimizerStatus.CANCELLED;
        }
    }

    private Search search(LikelihoodEvaluator ll, Rescaling scaling, double[] first, IterationListener listener) {
        NegativeLogLikelihood objective = new NegativeLogLikelihood(ll);
        SearchConfig settings = config.search();
        Optimizer optimizer = Optimizer.of(settings.optimizer());
        Search search = new Search();
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
            ScoreSums c = ll.scoreSums(theta, config.inference().cluster());
            if (!Double.isFinite(c.logLikelihood())) {
                String why = ll.lastFailure() != null ? ll.lastFailure()
                        : "The log-likelihood is not finite at the " + (best.iterations() == 0 ? "starting values"
                        : "last point") + " (" + best.message() + ").";
                throw new NumericalFailureException(why);
            }
            double[] analytic = ll.hessian(theta);
            double[] hessian = analytic != null ? analytic : NumericalHessian.of(ll, theta);
            Covariances cov = Covariances.fromSums(hessian, c.information(), c.meat(), c.clusterMeat(),
                    c.clusterCount(), theta.length);
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
     * Two points are one optimum when every parameter agrees to {@link #OPTIMA_PARAMETER_TOLERANCE} relative to
     * max(1, |value|), in absolute value for those whose sign is not identified (most scales and the Cholesky
     * elements; see {@link ParameterLayout#isSignIdentified}).
     */
    static boolean close(double[] a, double[] b, ParameterLayout layout) {
        for (int i = 0; i < a.length; i++) {
            boolean signed = layout.isSignIdentified(i);
            double x = signed ? a[i] : Math.abs(a[i]);
            double y = signed ? b[i] : Math.abs(b[i]);
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
