package org.mixlogit.estimation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.MixlogitException;
import org.mixlogit.NumericalFailureException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.inference.Covariances;
import org.mixlogit.inference.DeltaMethod;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.latent.ClassPosteriors;
import org.mixlogit.latent.ClassShares;
import org.mixlogit.latent.EmRun;
import org.mixlogit.latent.ExpectationMaximization;
import org.mixlogit.latent.LatentClassSummary;
import org.mixlogit.latent.ModelSelection;
import org.mixlogit.latent.StartingPoints;
import org.mixlogit.optim.IterationListener;
import org.mixlogit.optim.Optimizer;
import org.mixlogit.optim.OptimizerStatus;
import org.mixlogit.optim.Optimum;
import org.mixlogit.simulation.Backend;
import org.mixlogit.simulation.BlockPartials;
import org.mixlogit.simulation.LikelihoodEvaluator;
import org.mixlogit.simulation.ScoreSums;
import org.mixlogit.spec.CoefficientSpec;
import org.mixlogit.spec.LatentClasses;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.spec.ParameterLayout;

/**
 * Maximum likelihood of a latent class model (logit or mixed logit within classes), as users of lclogit2 and
 * apollo_lc expect: the plain logit first; then, for C &gt;= 2, {@value #DEFAULT_STARTS} starting points (or
 * {@code starts} when more than one is configured; {@link StartingPoints}) each run by the EM algorithm on the
 * latent class logit (the class model with every located coefficient fixed); the EM endpoints grouped into distinct
 * optima (EM stops after {@value #EM_MAX_ITERATIONS} iterations at most: it finds basins, direct ML climbs them); each
 * optimum polished by direct maximum likelihood (the engine's quasi-Newton optimizer on the exact
 * analytic gradient, through the backend; for a mixed logit within classes only the best EM optimum is polished,
 * random coefficients starting at the engine's default scales). The best is reported with its classes sorted by
 * share ({@link ClassShares}), certified (Hessian by finite differences of the exact gradient), with every
 * covariance type, the class shares at the mean characteristics with delta-method standard errors, and the
 * boundaries met (a share below {@value #SMALL_SHARE}, a coefficient beyond {@value #DIVERGING} in size or with a
 * standard error above 100 (1 + |value|), a class-share parameter beyond {@value #DIVERGING_SHARE}).
 */
public final class LatentClassEstimator implements Estimator {
    /** Starting points for two classes or more unless the search asks for more than one. */
    public static final int DEFAULT_STARTS = 10;
    /**
     * The starts' EM (a cheap search for basins; direct ML then polishes) stops when the log-likelihood changes by
     * less than this times max(1, |LL|)...
     */
    static final double EM_TOLERANCE = 1e-6;
    /** ... or after this many iterations. */
    static final int EM_MAX_ITERATIONS = 25;
    /**
     * EM endpoints within this log-likelihood of each other, and parameters within 5 times this (relative to
     * max(1, |value|)), are taken for one optimum and polished once.
     */
    static final double EM_GROUP_TOLERANCE = 1e-2;
    static final double SMALL_SHARE = 0.01;
    static final double DIVERGING = 25;
    static final double DIVERGING_SHARE = 15;

    private final EstimatorConfig config;
    private final Backend backend;

    public LatentClassEstimator(EstimatorConfig config) {
        this(config, Backend.local(config.threads()));
    }

    public LatentClassEstimator(EstimatorConfig config, Backend backend) {
        this.config = config;
        this.backend = backend;
    }

    @Override
    public EstimationResult estimate(ChoiceData data, ModelSpec spec, IterationListener listener) {
        if (!spec.isLatentClass()) {
            throw new InvalidSpecificationException(spec + " has no latent classes: use MsleEstimator.");
        }
        if (config.method().type() != EstimationMethod.MSLE) {
            throw new InvalidSpecificationException("Latent class models are estimated by maximum likelihood (EM,"
                    + " then direct maximization): use --method msle.");
        }
        ResultAssembler tail = new ResultAssembler(data, spec, config, backend);
        requireMembershipVariation(data, spec.latentClasses(), backend);
        PlainLogit plain = PlainLogit.fit(data, spec.classModel(), config, backend);
        double[] zbar = ClassShares.meanCharacteristics(data, spec.latentClasses(), backend);
        double[] userStart = Starts.user(config, spec.layout());
        Search search = userStart != null ? new Search(List.of(userStart), null, 1)
                : emSearch(data, spec, plain.estimates(), zbar);
        try (LikelihoodEvaluator ll = backend.likelihood(data, spec, config.integration(), null)) {
            List<Optimum> polished = new ArrayList<>();
            for (double[] start : search.candidates) {
                Optimum o = polish(ll, spec, start, zbar, listener);
                polished.add(o);
                if (o.status() == OptimizerStatus.CANCELLED) {
                    break;
                }
            }
            Optimum best = Starts.best(polished, polished.get(polished.size() - 1));
            EstimationResultBuilder b = tail.describe(EstimationMethod.MSLE, plain.logLikelihood())
                    .covarianceType(config.inference().covariance())
                    .effort(iterations(polished), evaluations(polished))
                    .integration(ll.integrationDescription())
                    .optima(optima(search, polished, spec.layout()));
            if (best.status() == OptimizerStatus.CANCELLED) {
                double[] gradient = best.gradient();
                for (int i = 0; i < gradient.length; i++) {
                    gradient[i] = -gradient[i];
                }
                b.estimates(best.point()).gradient(gradient).logLikelihood(-best.value());
                return tail.cancelled(b, best.message(), best.gradientNorm());
            }
            return inference(tail, b, data, spec, ll, best, search, zbar);
        }
    }

    /**
     * Fits each number of classes from {@code from} to {@code to} (the same model otherwise) and returns the fits in
     * order; {@link #selection} makes lclogit2's table of them.
     */
    public List<EstimationResult> estimateRange(ChoiceData data, ModelSpec spec, int from, int to,
            IterationListener listener) {
        if (from < 1 || to < from) {
            throw new InvalidSpecificationException("The range of classes " + from + ":" + to + " is empty: give"
                    + " A:B with 1 <= A <= B.");
        }
        LatentClasses lc = spec.latentClasses();
        List<EstimationResult> out = new ArrayList<>();
        for (int c = from; c <= to; c++) {
            List<String> common = c == 1 ? List.of() : lc.common();
            ModelSpec withC = spec.withLatentClasses(new LatentClasses(c, lc.membership(), common));
            out.add(estimate(data, withC, listener));
        }
        return out;
    }

    /** The model-selection table of fits with different numbers of classes. */
    public static ModelSelection selection(List<EstimationResult> fits) {
        List<ModelSelection.Row> rows = new ArrayList<>();
        for (EstimationResult r : fits) {
            double smallest = r.latentClasses().map(LatentClassSummary::smallestShare).orElse(1.0);
            rows.add(new ModelSelection.Row(r.spec().classCount(), r.logLikelihood(), r.parameterCount(),
                    r.decisionMakers(), smallest, r.isConverged()));
        }
        return new ModelSelection(rows);
    }

    /** The EM stage's outcome: the starts to polish by direct ML, the EM runs and their groups. */
    private static final class Search {
        final List<double[]> candidates;
        /** Per candidate: the EM runs of its group (null when started from the user's values). */
        final List<List<EmRun>> groups;
        final int starts;

        Search(List<double[]> candidates, List<List<EmRun>> groups, int starts) {
            this.candidates = candidates;
            this.groups = groups;
            this.starts = starts;
        }

        EmRun bestRun() {
            return groups == null ? null : groups.get(0).get(0);
        }
    }

    private Search emSearch(ChoiceData data, ModelSpec spec, double[] plainLogit, double[] zbar) {
        ModelSpec logit = logitVersion(spec);
        int classes = spec.classCount();
        int starts = classes == 1 ? 1 : config.search().starts() > 1 ? config.search().starts() : DEFAULT_STARTS;
        List<double[]> points = StartingPoints.of(new ExpectationMaximization(data, logit, backend), plainLogit,
                starts, config.search().startSeed());
        List<EmRun> runs = runAll(data, logit, points);
        // group the endpoints, best first; each group's best run is its representative
        List<List<EmRun>> groups = new ArrayList<>();
        List<double[]> sorted = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(runs.get(b).logLikelihood(), runs.get(a).logLikelihood()));
        for (int i : order) {
            EmRun run = runs.get(i);
            if (!Double.isFinite(run.logLikelihood())) {
                continue;
            }
            double[] theta = ClassShares.sorted(logit, run.theta(), zbar);
            boolean merged = false;
            for (int g = 0; g < groups.size() && !merged; g++) {
                if (Math.abs(groups.get(g).get(0).logLikelihood() - run.logLikelihood()) < EM_GROUP_TOLERANCE
                        && near(sorted.get(g), theta)) {
                    groups.get(g).add(run);
                    merged = true;
                }
            }
            if (!merged) {
                groups.add(new ArrayList<>(List.of(run)));
                sorted.add(theta);
            }
        }
        if (groups.isEmpty()) {
            throw new NumericalFailureException("Every EM run of the " + classes + "-class model ended at a"
                    + " non-finite log-likelihood: check the attributes' scaling.");
        }
        boolean mixed = spec.randomDimension() > 0;
        int polish = mixed ? 1 : groups.size();
        List<double[]> candidates = new ArrayList<>();
        for (int g = 0; g < polish; g++) {
            candidates.add(fromLogit(spec, logit, sorted.get(g)));
        }
        return new Search(candidates, groups, starts);
    }

    private static boolean near(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > 5 * EM_GROUP_TOLERANCE * Math.max(1, Math.abs(a[i]))) {
                return false;
            }
        }
        return true;
    }

    /**
     * EM from every start, on the configured threads (each run's passes on the backend, reduced in block order: the
     * same numbers on any thread count and backend).
     */
    private List<EmRun> runAll(ChoiceData data, ModelSpec logit, List<double[]> points) {
        int threads = Math.max(1, Math.min(config.threads(), points.size()));
        if (threads == 1) {
            ExpectationMaximization em = new ExpectationMaximization(data, logit, backend);
            List<EmRun> out = new ArrayList<>();
            for (double[] p : points) {
                out.add(em.run(p, EM_MAX_ITERATIONS, EM_TOLERANCE));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mixlogit-em");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<EmRun>> futures = new ArrayList<>();
            for (double[] p : points) {
                futures.add(pool.submit(() -> new ExpectationMaximization(data, logit, backend).run(p,
                        EM_MAX_ITERATIONS, EM_TOLERANCE)));
            }
            List<EmRun> out = new ArrayList<>();
            for (Future<EmRun> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MixlogitException("The EM search was interrupted.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new MixlogitException("An EM run failed: " + cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The latent class logit of a specification: every located coefficient fixed, the same classes. */
    static ModelSpec logitVersion(ModelSpec spec) {
        ModelSpec.Builder b = ModelSpec.builder();
        List<String> common = new ArrayList<>();
        for (CoefficientSpec c : spec.coefficients()) {
            if (!c.hasZeroMean()) {
                b.fixed(c.attribute());
                if (spec.latentClasses().isCommon(c.attribute())) {
                    common.add(c.attribute());
                }
            }
        }
        LatentClasses lc = spec.latentClasses();
        return b.latentClasses(new LatentClasses(lc.count(), lc.membership(), common)).build();
    }

    /** A start of the specification from a point of its latent class logit (engine defaults for the scales). */
    static double[] fromLogit(ModelSpec spec, ModelSpec logit, double[] point) {
        if (spec.randomDimension() == 0 && spec.layout().size() == point.length) {
            return point.clone();
        }
        ParameterLayout layout = spec.layout();
        ParameterLayout logitLayout = logit.layout();
        double[] theta = new double[layout.size()];
        int k = logit.coefficients().size();
        for (int c = 0; c < spec.classCount(); c++) {
            double[] beta = new double[k];
            for (int j = 0; j < k; j++) {
                beta[j] = point[logitLayout.classIndex(c, j)];
            }
            double[] own = StartingValues.defaults(spec.classModel(), beta);
            for (int j = 0; j < own.length; j++) {
                theta[layout.classIndex(c, j)] = own[j];
            }
        }
        for (int c = 1; c < spec.classCount(); c++) {
            for (int v = 0; v < spec.latentClasses().membershipWidth(); v++) {
                theta[layout.membershipIndex(c, v)] = point[logitLayout.membershipIndex(c, v)];
            }
        }
        return theta;
    }

    /** Direct maximum likelihood from a start; re-polished when the optimum's classes are out of share order. */
    private Optimum polish(LikelihoodEvaluator ll, ModelSpec spec, double[] start, double[] zbar,
            IterationListener listener) {
        Optimizer optimizer = Optimizer.of(config.search().optimizer());
        NegativeLogLikelihood objective = new NegativeLogLikelihood(ll);
        Optimum o = optimizer.optimize(objective, start, listener);
        if (o.status() == OptimizerStatus.CANCELLED || spec.classCount() == 1) {
            return o;
        }
        int[] order = ClassShares.order(spec, o.point(), zbar);
        for (int c = 0; c < order.length; c++) {
            if (order[c] != c) {
                return optimizer.optimize(objective, ClassShares.permuted(spec, o.point(), order), listener);
            }
        }
        return o;
    }

    private static int iterations(List<Optimum> runs) {
        int total = 0;
        for (Optimum o : runs) {
            total += o.iterations();
        }
        return total;
    }

    private static int evaluations(List<Optimum> runs) {
        int total = 0;
        for (Optimum o : runs) {
            total += o.evaluations();
        }
        return total;
    }

    /**
     * The distinct optima: each polished optimum with the number of EM starts that led to it (polished optima that
     * coincide are merged), best first; for a mixed logit within classes the one polished optimum.
     */
    private static List<LocalOptimum> optima(Search search, List<Optimum> polished, ParameterLayout layout) {
        int[] starts = new int[polished.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = search.groups == null ? 1 : search.groups.get(i).size();
        }
        return Starts.distinct(polished, starts, layout);
    }

    private EstimationResult inference(ResultAssembler tail, EstimationResultBuilder b, ChoiceData data,
            ModelSpec spec, LikelihoodEvaluator ll, Optimum best, Search search, double[] zbar) {
        double[] theta = best.point();
        ScoreSums c = ll.scoreSums(theta, config.inference().cluster());
        if (!Double.isFinite(c.logLikelihood())) {
            String why = ll.lastFailure() != null ? ll.lastFailure()
                    : "The log-likelihood is not finite at the latent class estimate (" + best.message() + ").";
            throw new NumericalFailureException(why);
        }
        double[] analytic = ll.hessian(theta);
        double[] hessian = analytic != null ? analytic : NumericalHessian.of(ll, theta);
        Covariances cov = config.inference().covariances(hessian, c, data.totalWeight(), theta.length);
        b.estimates(theta).gradient(c.gradient()).logLikelihood(c.logLikelihood());
        b.latentClasses(summary(data, spec, theta, cov, search, zbar));
        return tail.finish(b, best, cov, Certification.Criterion.LOG_LIKELIHOOD, c.logLikelihood());
    }

    private LatentClassSummary summary(ChoiceData data, ModelSpec spec, double[] theta, Covariances cov,
            Search search, double[] zbar) {
        int classes = spec.classCount();
        double[] shares = ClassShares.at(spec, theta, zbar);
        double[] errors = new double[classes];
        CovarianceType type = config.inference().covariance();
        double[] se = new double[theta.length];
        java.util.Arrays.fill(se, Double.NaN);
        if (cov.isAvailable(type)) {
            double[] v = DeltaMethod.covariance(t -> ClassShares.at(spec, t, zbar), theta, cov.matrix(type));
            for (int s = 0; s < classes; s++) {
                errors[s] = Math.sqrt(v[s * classes + s]);
            }
            se = cov.standardErrors(type);
        } else {
            java.util.Arrays.fill(errors, Double.NaN);
        }
        IntegrationConfig integration = config.integration();
        double[] posterior = ClassPosteriors.mean(data, spec, theta, integration, backend);
        EmRun bestRun = search.bestRun();
        return new LatentClassSummary(shares, errors, posterior, zbar, search.starts,
                bestRun == null ? 0 : bestRun.iterations(), bestRun == null ? Double.NaN : bestRun.logLikelihood(),
                boundaries(spec, theta, se, shares));
    }

    /** The boundaries met, each named. */
    private static List<String> boundaries(ModelSpec spec, double[] theta, double[] se, double[] shares) {
        List<String> out = new ArrayList<>();
        ParameterLayout layout = spec.layout();
        for (int s = 0; s < shares.length; s++) {
            if (shares.length > 1 && shares[s] < SMALL_SHARE) {
                out.add(String.format(java.util.Locale.ROOT, "class %d's share is %.4g (below %.2g): the class is"
                        + " nearly empty; fewer classes may fit as well (compare BIC with --classes 1:%d).", s + 1,
                        shares[s], SMALL_SHARE, shares.length));
            }
        }
        for (int j = 0; j < theta.length; j++) {
            String name = layout.names().get(j);
            boolean membership = j >= layout.membershipStart() && layout.membershipStart() >= 0;
            double limit = membership ? DIVERGING_SHARE : DIVERGING;
            boolean large = Math.abs(theta[j]) > limit;
            boolean loose = Double.isFinite(se[j]) && se[j] > 100 * (1 + Math.abs(theta[j]));
            if (large || loose) {
                out.add(String.format(java.util.Locale.ROOT, "%s = %.4g (se %.3g) is diverging: %s", name,
                        theta[j], se[j], membership ? "a class share is tending to 0 or 1."
                        : "the class's choices may be perfectly predicted by this attribute (separation within the"
                        + " class)."));
            }
        }
        return out;
    }

    /** Every membership characteristic must vary over the decision-makers (its range from sums on the backend). */
    private static void requireMembershipVariation(ChoiceData data, LatentClasses lc, Backend backend) {
        int m = lc.membership().size();
        if (m == 0) {
            return;
        }
        int[] columns = new int[m];
        for (int v = 0; v < m; v++) {
            columns[v] = data.characteristicIndex(lc.membership().get(v));
        }
        // running maxima of z and -z: each characteristic's largest and smallest value
        double[] range = BlockPartials.maximum(backend.dataPartials(data, 2 * m, (part, n, out, at) -> {
            int cc = part.characteristicCount();
            boolean first = n == 0 || part.decisionMakerOrdinal(n) % BlockPartials.BLOCK_SIZE == 0;
            for (int v = 0; v < columns.length; v++) {
                double z = part.characteristicsRef()[n * cc + columns[v]];
                out[at + 2 * v] = first ? z : Math.max(out[at + 2 * v], z);
                out[at + 2 * v + 1] = first ? -z : Math.max(out[at + 2 * v + 1], -z);
            }
        }));
        for (int v = 0; v < m; v++) {
            if (range[2 * v] == -range[2 * v + 1]) {
                throw new InvalidSpecificationException("The membership characteristic '" + lc.membership().get(v)
                        + "' is " + range[2 * v] + " for every decision-maker: it cannot explain class shares beyond"
                        + " their constants; drop it from --membership.");
            }
        }
    }
}
