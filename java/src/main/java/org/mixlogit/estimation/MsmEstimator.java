package org.mixlogit.estimation;

import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.NumericalFailureException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.inference.Covariances;
import org.mixlogit.inference.PositiveDefinite;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.simulation.LikelihoodEvaluator;
import org.mixlogit.simulation.Backend;
import org.mixlogit.simulation.NodeProvider;
import org.mixlogit.simulation.MomentSums;
import org.mixlogit.msm.GmmDiagnostics;
import org.mixlogit.msm.GmmObjective;
import org.mixlogit.msm.InstrumentChoice;
import org.mixlogit.msm.Instruments;
import org.mixlogit.msm.MsmConfig;
import org.mixlogit.msm.SimulatedMoments;
import org.mixlogit.msm.Weighting;
import org.mixlogit.optim.IterationListener;
import org.mixlogit.optim.Optimizer;
import org.mixlogit.optim.OptimizerStatus;
import org.mixlogit.optim.Optimum;
import org.mixlogit.spec.ModelSpec;

/**
 * The method of simulated moments (McFadden 1989; Pakes and Pollard 1989): minimizes c g(theta)' W g(theta) with
 * g the weighted mean over decision-makers of sum_tj z_tj (y_tj - s_tj(theta)), s_tj simulated with the
 * configured rule (in panels the marginal probability of each situation). The simulated probabilities enter
 * linearly, so the estimator is consistent with a fixed number of draws.
 *
 * <p>Steps: (1) instruments: the optimal ones are the scores d log s_tj / d theta at a first-step MSLE estimate,
 * simulated with a draw set independent of the estimation draws (a new seed, or a seeded scrambling for Halton and
 * Sobol), so their simulation noise is independent of the residuals'; default or user instruments need no first
 * step. (2) One-step GMM with the identity (or the user's) weighting, started at the MSLE estimate or the default
 * start. (3) With two-step weighting and more instruments than parameters, W = Var(g)^-1 estimated at the one-step
 * estimate and the criterion minimized again. (4) Inference at the estimate: the GMM sandwich with moment
 * contributions clustered by decision-maker (or by the configured cluster column, which Var(g) in step 3 uses
 * too). Because the residuals use simulated probabilities whose draws are
 * independent of the choices, the moment covariance Var(g) = V_data + V_simulation contains the simulation noise:
 * for a frequency simulator with R independent draws V_simulation = V_data / R, McFadden's (1 + 1/R) factor, and
 * for a smooth simulator or quasi-random draws the rule's own (smaller) noise. Hansen's J when over-identified and
 * two-step. The simulated log-likelihood at the estimate is reported so likelihood-based comparisons still work.
 */
public final class MsmEstimator implements Estimator {
    /**
     * The moments identify the parameters locally at the start when the smallest eigenvalue of G'G, scaled to unit
     * diagonal ({@link NullDirection}), exceeds this share of the largest; below it G'G is numerically singular.
     */
    static final double IDENTIFICATION_RANK_TOLERANCE = 1e-12;

    private final EstimatorConfig config;
    private final Backend backend;

    /** Estimates on local worker threads ({@code config.threads()}). */
    public MsmEstimator(EstimatorConfig config) {
        this(config, Backend.local(config.threads()));
    }

    /** Estimates with the sums over decision-makers (moments, Jacobian, covariances) computed by {@code backend}. */
    public MsmEstimator(EstimatorConfig config, Backend backend) {
        this.config = config;
        this.backend = backend;
    }

    @Override
    public EstimationResult estimate(ChoiceData data, ModelSpec spec, IterationListener listener) {
        if (spec.isLatentClass()) {
            throw new org.mixlogit.InvalidSpecificationException("Latent class models are estimated by maximum"
                    + " likelihood (EM, then direct maximization), not by simulated moments: use the method msle.");
        }
        ResultAssembler tail = new ResultAssembler(data, spec, config, backend);
        if (config.inference().frequencyWeights() && data.isWeighted()) {
            throw new InvalidSpecificationException("Frequency weights are not available with the method of simulated"
                    + " moments, whose moment covariance (and so its two-step weighting and standard errors) treats"
                    + " weights as sampling weights: expand the data (one decision-maker per copy), use sampling"
                    + " weights, or estimate by maximum simulated likelihood.");
        }
        if (config.integration().type().isAdaptive() && spec.randomDimension() > 0) {
            throw new InvalidSpecificationException("Adaptive rules (" + config.integration().type().code() + ")"
                    + " centre their nodes at each person's"
                    + " posterior mode, which the method of simulated moments does not use: choose simulation draws"
                    + " (halton, sobol, mlhs, random), gh or sparse for MSM.");
        }
        PlainLogit plain = PlainLogit.fit(data, spec, config, backend);
        List<String> names = spec.layout().names();
        int p = names.size();
        MsmConfig mc = config.method().msm();
        Counter counter = new Counter();
        Instruments z;
        double[] start;
        String firstStep = "none";
        double[] userStart = config.search().start() == null ? null
                : StartValidation.checked(config.search().start(), spec.layout());
        if (mc.instruments() == InstrumentChoice.OPTIMAL) {
            double[] theta;
            if (mc.firstStep() != null) {
                theta = StartValidation.checked(mc.firstStep(), spec.layout());
                firstStep = "given by the caller";
            } else {
                EstimatorConfig msle = config.withMethod(MethodConfig.of(EstimationMethod.MSLE))
                        .withDiagnostics(DiagnosticsConfig.defaults());
                EstimationResult first = new MsleEstimator(msle, backend).estimate(data, spec, listener);
                counter.add(first.iterations(), first.evaluations());
                if (first.isCancelled()) {
                    return tail.cancelled(tail.describe(EstimationMethod.MSM, plain.logLikelihood())
                            .estimates(first.estimates()).gradient(ResultAssembler.unknown(p))
                            .logLikelihood(first.logLikelihood()).covarianceType(shownCovariance())
                            .effort(counter.iterations, counter.evaluations).integration(first.integration())
                            .optima(first.optima()), first.message(), first.gradientNorm());
                }
                theta = first.estimates();
                firstStep = String.format(Locale.ROOT, "MSLE with %s: log-likelihood %.4f, %s", first.integration(),
                        first.logLikelihood(), first.isConverged() ? "converged" : "NOT converged");
            }
            IntegrationConfig independent = config.integration().type().isSimulation()
                    ? IntegrationChecker.replicate(config.integration(), 1) : config.integration();
            String rule = NodeProvider.of(independent).priorRule(spec).describe();
            z = Instruments.scores(data, spec, independent, theta, backend.partThreads(config.threads()),
                    "optimal: d log s/d theta at the MSLE first step, simulated with "
                    + (spec.randomDimension() == 0 ? "exact probabilities"
                    : rule + " (independent of the estimation draws)"), backend);
            start = userStart != null ? userStart : theta;
        } else {
            z = mc.instruments() == InstrumentChoice.DEFAULT ? Instruments.defaults(data, spec, backend)
                    : Instruments.columns(data, mc.columns(), backend);
            start = userStart != null ? userStart : Rescaling.of(data, spec, backend).defaultStart(spec, plain.estimates());
        }
        z.requireOrderCondition(names);
        try (MomentSums sums = backend.moments(data, spec, config.integration(), z.part(), z.count())) {
            SimulatedMoments moments = new SimulatedMoments(sums, z);
            return fit(tail, data, spec, sums.integrationDescription(), moments, start, plain, firstStep, counter,
                    listener);
        }
    }

    private static final class Counter {
        int iterations;
        int evaluations;

        void add(int i, int e) {
            iterations += i;
            evaluations += e;
        }
    }

    private EstimationResult fit(ResultAssembler tail, ChoiceData data, ModelSpec spec, String integration,
            SimulatedMoments moments, double[] start, PlainLogit plain, String firstStep, Counter counter,
            IterationListener listener) {
        int l = moments.instrumentCount();
        int p = moments.parameterCount();
        MsmConfig mc = config.method().msm();
        requireLocalIdentification(moments, start, spec.layout().names());
        double[] w1 = firstStepWeighting(mc, moments);
        Optimizer optimizer = Optimizer.of(config.search().optimizer());
        GmmObjective objective = new GmmObjective(moments, w1, moments.weightSum());
        Rescaling scaling = Rescaling.of(data, spec, backend);
        Optimum o = scaling.optimize(optimizer, objective, start, listener);
        counter.add(o.iterations(), o.evaluations());
        Weighting used = Weighting.ONE_STEP;
        boolean overIdentified = l > p;
        if (mc.weighting() == Weighting.TWO_STEP && overIdentified && o.status() != OptimizerStatus.CANCELLED) {
            moments.evaluate(o.point(), false);
            double[] w2 = PositiveDefinite.inverse(moments.momentCovariance(config.inference().cluster()).covariance(), l);
            if (w2 == null) {
                throw new NumericalFailureException("The covariance of the moments at the one-step estimate is"
                        + " singular, so the efficient weighting matrix does not exist: drop redundant instruments or"
                        + " use --weighting one-step.");
            }
            objective = new GmmObjective(moments, w2, 1.0);
            o = scaling.optimize(optimizer, objective, o.point(), listener);
            counter.add(o.iterations(), o.evaluations());
            used = Weighting.TWO_STEP;
        }
        EstimationResultBuilder b = tail.describe(EstimationMethod.MSM, plain.logLikelihood())
                .covarianceType(shownCovariance())
                .effort(counter.iterations, counter.evaluations)
                .integration(integration);
        if (o.status() == OptimizerStatus.CANCELLED) {
            // no criterion, covariance or log-likelihood evaluation after a cancellation
            return tail.cancelled(b.estimates(o.point()).gradient(o.gradient()).logLikelihood(Double.NaN)
                    .optima(Collections.singletonList(new LocalOptimum(Double.NaN, 1, o.gradientNorm(), false,
                    o.point()))), o.message(), o.gradientNorm());
        }
        double[] theta = o.point();
        double[] gradient = new double[p];
        double q = objective.valueAndGradient(theta, gradient);
        if (!Double.isFinite(q)) {
            throw new NumericalFailureException("The simulated probabilities are not finite at the " + (o.iterations()
                    == 0 ? "starting values" : "last point") + " (" + o.message() + ").");
        }
        double[] w = objective.weighting();
        SimulatedMoments.ClusteredCovariance clustered = moments.momentCovariance(config.inference().cluster());
        Covariances cov = Covariances.gmm(moments.jacobianRef(), w, moments.momentCovariance(),
                clustered.covariance(), clustered.clusters(), l, p);
        requireIdentifiedAtEstimate(cov, spec.layout().names(), o);
        int df = l - p;
        double j = Double.NaN;
        double pValue = Double.NaN;
        if (used == Weighting.TWO_STEP) {
            j = q;
            pValue = 1 - new ChiSquaredDistribution(df).cumulativeProbability(j);
        }
        GmmDiagnostics gmm = new GmmDiagnostics(q, j, df, pValue, overIdentified ? used : Weighting.ONE_STEP,
                moments.instruments().names(), moments.instruments().dropped(), moments.instruments().description(),
                PositiveDefinite.conditionNumber(w, l), firstStep, moments.momentsRef());
        double logLik;
        try (LikelihoodEvaluator ll = backend.likelihood(data, spec, config.integration(), theta)) {
            logLik = ll.value(theta);
        }
        b.gmm(gmm).estimates(theta).gradient(gradient).logLikelihood(logLik)
                .optima(Collections.singletonList(new LocalOptimum(logLik, 1, o.gradientNorm(), o.isConverged(),
                theta)));
        return tail.finish(b, o, cov, Certification.Criterion.GMM, logLik);
    }

    /**
     * Rank condition at the estimate: G'WG (minus the stored Gauss-Newton Hessian) must be non-singular by the
     * certification's relative test ({@link Certification#RELATIVE_EIGENVALUE_TOLERANCE} at unit diagonal);
     * otherwise the estimate is refused, naming the parameters along the null direction, rather than reported as a
     * converged fit without standard errors.
     */
    private static void requireIdentifiedAtEstimate(Covariances cov, List<String> names, Optimum o) {
        double[] h = cov.hessian();
        double[] gwg = new double[h.length];
        for (int i = 0; i < h.length; i++) {
            gwg[i] = -h[i];
        }
        NullDirection flat = NullDirection.of(gwg, names);
        if (!names.isEmpty() && !(flat.ratio() > Certification.RELATIVE_EIGENVALUE_TOLERANCE)) {
            boolean one = flat.parameters().size() == 1;
            throw new InvalidSpecificationException(String.format(Locale.ROOT, "The moments do not identify %s at"
                    + " the estimate: G'WG is singular (smallest over largest eigenvalue %.3g at unit diagonal) after"
                    + " the optimizer stopped (%s), so the estimate is not a certified minimum and has no standard"
                    + " errors. The moments do not move with %s there (for example a scale at zero or a censored"
                    + " coefficient censored for every draw): fix or drop %s, give other starting values, or add"
                    + " instruments.", flat.named(), flat.ratio(), o.status(), one ? "this parameter" : "these"
                    + " parameters", one ? "it" : "them"));
        }
    }

    /** The user's weighting matrix, checked against the instruments, or the identity. */
    private static double[] firstStepWeighting(MsmConfig mc, SimulatedMoments moments) {
        int l = moments.instrumentCount();
        double[] w1 = mc.weights();
        if (w1 == null) {
            w1 = new double[l * l];
            for (int a = 0; a < l; a++) {
                w1[a * l + a] = 1.0;
            }
        } else if (w1.length != l * l) {
            throw new InvalidSpecificationException("The weighting matrix is " + (int) Math.round(Math.sqrt(
                    w1.length)) + " x " + (int) Math.round(Math.sqrt(w1.length)) + " but there are " + l
                    + " instruments (" + String.join(", ", moments.instruments().names()) + ").");
        } else if (PositiveDefinite.inverse(w1, l) == null) {
            throw new InvalidSpecificationException("The user weighting matrix is not positive definite: give a"
                    + " symmetric positive definite L x L matrix.");
        }
        return w1;
    }

    /** Likelihood covariance types (the configuration's default is the Hessian) become the GMM sandwich. */
    private CovarianceType shownCovariance() {
        CovarianceType asked = config.inference().covariance();
        return asked == CovarianceType.HESSIAN || asked == CovarianceType.OPG ? CovarianceType.GMM : asked;
    }

    /**
     * Rank condition at the start: G'G must be non-singular. Otherwise the error names the parameters the null
     * direction moves most.
     */
    private static void requireLocalIdentification(SimulatedMoments moments, double[] start, List<String> names) {
        int l = moments.instrumentCount();
        int p = moments.parameterCount();
        if (!moments.evaluate(start, true)) {
            throw new NumericalFailureException("The simulated probabilities are not finite at the starting values:"
                    + " choose other starting values.");
        }
        double[] g = moments.jacobianRef();
        double[] gg = new double[p * p];
        for (int a = 0; a < l; a++) {
            for (int i = 0; i < p; i++) {
                for (int k = 0; k < p; k++) {
                    gg[i * p + k] += g[a * p + i] * g[a * p + k];
                }
            }
        }
        NullDirection flat = NullDirection.of(gg, names);
        if (p > 0 && !(flat.ratio() > IDENTIFICATION_RANK_TOLERANCE)) {
            List<String> involved = flat.parameters();
            throw new InvalidSpecificationException("The moments do not identify " + String.join(" and ", involved)
                    + ": the Jacobian of the moments has rank below " + p + " at the starting values (the"
                    + " instruments " + moments.instruments().names() + " do not move with "
                    + (involved.size() == 1 ? "this parameter" : "these parameters") + "). Add instruments that"
                    + " respond to " + (involved.size() == 1 ? "it" : "them") + ", e.g. squares of the attributes for"
                    + " standard deviations, or use the optimal instruments.");
        }
    }
}
