package org.mixlogit.estimation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.mixlogit.NumericalFailureException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.inference.Covariances;
import org.mixlogit.integration.DrawType;
import org.mixlogit.likelihood.AdaptiveQuadrature;
import org.mixlogit.likelihood.Contributions;
import org.mixlogit.likelihood.SimulatedLogLikelihood;
import org.mixlogit.optim.IterationListener;
import org.mixlogit.optim.Optimizer;
import org.mixlogit.optim.Optimum;
import org.mixlogit.optim.OptimizerStatus;
import org.mixlogit.spec.CoefficientSpec;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.spec.ParameterLayout;

/**
 * Maximum simulated likelihood. Fits the plain logit first (its estimates are the default start and its
 * log-likelihood a reported benchmark), runs the optimizer from the default start and from {@code starts - 1}
 * seeded perturbations of it, keeps the best optimum, certifies it (gradient below tolerance, Hessian negative
 * definite), and computes every covariance type there.
 */
public final class MsleEstimator implements Estimator {
    private final EstimatorConfig config;

    public MsleEstimator(EstimatorConfig config) {
        this.config = config;
    }

    /** Estimates; the listener sees every iteration of every start and may cancel. */
    @Override
    public EstimationResult estimate(ChoiceData data, ModelSpec spec, IterationListener listener) {
        long began = System.nanoTime();
        PlainLogit plain = PlainLogit.fit(data, spec, config);
        double[] userStart = config.start();
        double[] first = userStart != null ? StartValidation.checked(userStart, spec.layout())
                : StartingValues.defaults(spec, plain.estimates());
        boolean adaptive = config.integration().type() == DrawType.ADAPTIVE_GH && spec.randomDimension() > 0;
        Search search = null;
        SimulatedLogLikelihood ll = null;
        double[] center = first;
        double previous = Double.NaN;
        int iterations = 0;
        int evaluations = 0;
        for (int round = 0; round < (adaptive ? ADAPTIVE_ROUNDS : 1); round++) {
            if (ll != null) {
                ll.close();
            }
            ll = likelihood(data, spec, center, adaptive);
            search = search(ll, round == 0 ? first : center, listener);
            iterations += search.iterations;
            evaluations += search.evaluations;
            double logLik = -search.best.value();
            boolean settled = Math.abs(logLik - previous) < 1e-6 * Math.max(1.0, Math.abs(logLik));
            if (!adaptive || settled || search.best.status() == OptimizerStatus.CANCELLED) {
                break;
            }
            previous = logLik;
            center = search.best.point();
        }
        try {
            return inference(data, spec, ll, search, plain, iterations, evaluations, began);
        } finally {
            ll.close();
        }
    }

    /** Adaptive quadrature is re-centred at each new estimate until the log-likelihood settles. */
    private static final int ADAPTIVE_ROUNDS = 8;

    private SimulatedLogLikelihood likelihood(ChoiceData data, ModelSpec spec, double[] center, boolean adaptive) {
        if (!adaptive) {
            return new SimulatedLogLikelihood(data, spec, config.integration(), config.threads());
        }
        return new SimulatedLogLikelihood(data, spec, AdaptiveQuadrature.rule(data, spec, center,
                config.integration().draws()), config.integration().cacheBytes(), config.threads());
    }

    /** The optimizer's runs from the default start and the perturbed ones. */
    private static final class Search {
        final List<Optimum> runs = new ArrayList<>();
        Optimum best;
        int iterations;
        int evaluations;
    }

    private Search search(SimulatedLogLikelihood ll, double[] first, IterationListener listener) {
        NegativeLogLikelihood objective = new NegativeLogLikelihood(ll);
        Optimizer optimizer = Optimizer.of(config.optimizer());
        Search search = new Search();
        for (int s = 0; s < config.starts(); s++) {
            double[] start = s == 0 ? first : StartingValues.perturbed(ll.layout(), first, config.startSeed(), s);
            Optimum o = optimizer.optimize(objective, start, listener);
            search.iterations += o.iterations();
            search.evaluations += o.evaluations();
            search.runs.add(o);
            if (o.status() == OptimizerStatus.CANCELLED) {
                break;
            }
        }
        search.best = best(search.runs);
        return search;
    }

    private EstimationResult inference(ChoiceData data, ModelSpec spec, SimulatedLogLikelihood ll, Search search,
            PlainLogit plain, int iterations, int evaluations, long began) {
        {
            Optimum best = search.best;
            List<Optimum> runs = search.runs;
            double[] theta = best.point();
            Contributions c = ll.contributions(theta);
            if (!Double.isFinite(c.logLikelihood())) {
                String why = ll.lastFailure() != null ? ll.lastFailure()
                        : "The log-likelihood is not finite at the " + (best.iterations() == 0 ? "starting values"
                        : "last point") + " (" + best.message() + ").";
                throw new NumericalFailureException(why);
            }
            double[] analytic = ll.hessian(theta);
            double[] hessian = analytic != null ? analytic : NumericalHessian.of(ll, theta);
            Covariances cov = Covariances.compute(hessian, c.scoresRef(), weights(c), clusters(data, config.cluster()),
                    theta.length);
            EstimationResult.Parts p = new EstimationResult.Parts();
            p.estimator = "MSLE";
            p.describe(data, spec, config, plain.logLikelihood());
            p.estimates = theta;
            p.gradient = c.gradient();
            p.covariances = cov;
            p.shown = config.covariance();
            p.logLikelihood = c.logLikelihood();
            p.gradientNorm = best.gradientNorm();
            p.status = best.status();
            p.message = best.message();
            p.iterations = iterations;
            p.evaluations = evaluations;
            p.integration = ll.integrationDescription();
            p.optima = distinctOptima(runs, spec.layout());
            certify(p, best, cov);
            p.seconds = (System.nanoTime() - began) / 1e9;
            if (config.checkReplicates() > 0 && spec.randomDimension() > 0) {
                long checkBegan = System.nanoTime();
                p.integrationCheck = IntegrationChecker.check(data, spec, config.integration(),
                        config.checkReplicates(), config.threads(), theta, p.logLikelihood);
                p.checkSeconds = (System.nanoTime() - checkBegan) / 1e9;
            }
            EstimationResult result = new EstimationResult(p);
            boolean simulated = config.integration().type().isSimulation() && spec.randomDimension() > 0;
            if (config.reestimations() > 1 && simulated) {
                p.simulationNoise = SimulationNoiseStudy.run(data, spec, config, result);
            }
            return result;
        }
    }

    /** Cluster id of every decision-maker: its own index, or the value of the cluster characteristic. */
    static long[] clusters(ChoiceData data, String cluster) {
        long[] ids = new long[data.decisionMakerCount()];
        if (cluster == null) {
            for (int n = 0; n < ids.length; n++) {
                ids[n] = n;
            }
            return ids;
        }
        int c = data.characteristicIndex(cluster);
        double[] chars = data.characteristicsRef();
        for (int n = 0; n < ids.length; n++) {
            ids[n] = Double.doubleToLongBits(chars[n * data.characteristicCount() + c]);
        }
        return ids;
    }

    private static double[] weights(Contributions c) {
        double[] w = new double[c.decisionMakerCount()];
        for (int n = 0; n < w.length; n++) {
            w[n] = c.weight(n);
        }
        return w;
    }

    /** The best converged optimum, or the best of all when none converged. */
    private static Optimum best(List<Optimum> runs) {
        Optimum best = null;
        for (Optimum o : runs) {
            boolean better = best == null
                    || (o.isConverged() && !best.isConverged())
                    || (o.isConverged() == best.isConverged() && o.value() < best.value());
            if (better && Double.isFinite(o.value())) {
                best = o;
            }
        }
        return best != null ? best : runs.get(0);
    }

    /**
     * Optima grouped when their log-likelihoods agree to 1e-4 and parameters to 1e-3, in absolute value for those
     * whose sign is not identified (most scales and the Cholesky elements; see
     * {@link ParameterLayout#isSignIdentified}).
     */
    private static List<LocalOptimum> distinctOptima(List<Optimum> runs, ParameterLayout layout) {
        List<LocalOptimum> out = new ArrayList<>();
        for (Optimum o : runs) {
            double ll = -o.value();
            boolean merged = false;
            for (int i = 0; i < out.size() && !merged; i++) {
                LocalOptimum known = out.get(i);
                if (Math.abs(known.logLikelihood() - ll) < 1e-4 && close(known.point(), o.point(), layout)) {
                    out.set(i, known.plusOne());
                    merged = true;
                }
            }
            if (!merged) {
                out.add(new LocalOptimum(ll, 1, o.gradientNorm(), o.isConverged(), o.point()));
            }
        }
        out.sort((a, b) -> Double.compare(b.logLikelihood(), a.logLikelihood()));
        return Collections.unmodifiableList(out);
    }

    static boolean close(double[] a, double[] b, ParameterLayout layout) {
        for (int i = 0; i < a.length; i++) {
            boolean signed = layout.isSignIdentified(i);
            double x = signed ? a[i] : Math.abs(a[i]);
            double y = signed ? b[i] : Math.abs(b[i]);
            if (Math.abs(x - y) > 1e-3 * Math.max(1, Math.abs(a[i]))) {
                return false;
            }
        }
        return true;
    }

    private void certify(EstimationResult.Parts p, Optimum best, Covariances cov) {
        List<String> failures = new ArrayList<>();
        if (!best.isConverged()) {
            failures.add("the optimizer did not converge (" + best.status() + ")");
        }
        if (!(best.gradientNorm() < Math.sqrt(config.optimizer().gradientTolerance()))) {
            failures.add(String.format(Locale.ROOT, "the scaled gradient %.3g is above tolerance",
                    best.gradientNorm()));
        }
        if (!cov.isHessianNegativeDefinite()) {
            double[] e = cov.hessianEigenvalues();
            failures.add(String.format(Locale.ROOT, "the Hessian is not negative definite (largest eigenvalue %.3g):"
                    + " not a strict local maximum, or a parameter is not identified", e[e.length - 1]));
        }
        p.certified = failures.isEmpty();
        if (p.certified) {
            double[] e = cov.hessianEigenvalues();
            p.certification = String.format(Locale.ROOT, "Certified local maximum: scaled gradient %.3g, Hessian"
                    + " eigenvalues in [%.4g, %.4g].", best.gradientNorm(), e.length == 0 ? 0 : e[0],
                    e.length == 0 ? 0 : e[e.length - 1]);
        } else {
            p.certification = "Not certified: " + String.join("; ", failures) + ".";
        }
    }

    /** sum over situations of w_n log(1 / J_s). */
    static double nullLogLikelihood(ChoiceData data) {
        double total = 0;
        int[] dmStart = data.decisionMakerStartRef();
        for (int n = 0; n < data.decisionMakerCount(); n++) {
            for (int s = dmStart[n]; s < dmStart[n + 1]; s++) {
                total -= data.weight(n) * Math.log(data.alternatives(s));
            }
        }
        return total;
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
