package org.mixlogit.optim;

import java.util.Locale;

import org.mixlogit.InvalidSpecificationException;

/**
 * The iteration shared by BFGS, L-BFGS and BHHH: direction, strong-Wolfe line search, curvature update, progress
 * report, convergence test. A failed line search first resets the curvature information and retries along
 * steepest descent; only a failure from a fresh start is reported, as {@link OptimizerStatus#LINE_SEARCH_FAILED}.
 * Several iterations without a meaningful decrease while the gradient is large are reported as
 * {@link OptimizerStatus#STALLED}, never as convergence. Once the scaled gradient falls below
 * {@link #HESSIAN_SWITCH}, an objective with an exact Hessian ({@link Objective#hessian}) hands it to the direction
 * ({@link SearchDirection#adoptHessian}: BFGS starts again from its inverse), which ends the slow tail of updates;
 * a Hessian that is not positive definite there is offered again once the gradient has fallen tenfold.
 */
final class QuasiNewtonMinimizer implements Optimizer {
    private static final int STALL_ITERATIONS = 5;
    /**
     * Below this scaled gradient the direction is offered the objective's exact Hessian (until it adopts one; an
     * offer it refuses, not positive definite there, is repeated once the scaled gradient has fallen below
     * {@link #HESSIAN_RETRY} of where it was refused). Electricity's six normal coefficients, R = 500: 40 BFGS
     * iterations and 44 evaluations become 14 and 19 (the Hessian counted as one); the synthetic panel of issue 18
     * (N = 2,000): 25 and 28 become 8 and 12. An offer at 3e-2 saves about as much; at 1e-3 half as much.
     */
    static final double HESSIAN_SWITCH = 1e-2;
    /**
     * A refused offer is repeated below this share of the scaled gradient where it was refused. Electricity, six
     * correlated normal coefficients (27 parameters), R = 500: the offer at iteration 12 (scaled gradient 0.008, 115
     * log-likelihood points from the optimum) is refused; repeated below 1e-4, as before, at iteration 81 (82
     * iterations, 100 evaluations), below a tenth of 0.008 at iteration 70 (73 and 91). Requiring also a small
     * decrease of the objective at the first offer (relative 1e-4 or 1e-5) moved the refused offer later or avoided
     * it there, but made the synthetic panel and the six independent coefficients take 2 to 5 evaluations more,
     * whose first offers, adopted, came with relative decreases of 3e-3 and 4e-5.
     */
    static final double HESSIAN_RETRY = 0.1;
    private final OptimizerConfig config;
    private final StrongWolfeLineSearch lineSearch;

    QuasiNewtonMinimizer(OptimizerConfig config) {
        this.config = config;
        this.lineSearch = new StrongWolfeLineSearch(1e-4, 0.9);
    }

    @Override
    public Optimum optimize(Objective f, double[] start, IterationListener listener) {
        int n = f.dimension();
        if (start.length != n) {
            throw new InvalidSpecificationException("The starting vector has " + start.length + " values; the"
                    + " objective has " + n + " parameters.");
        }
        SearchDirection directions = newDirection(f, n);
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = directions.start(f, x, g);
        int evaluations = 1;
        if (!Double.isFinite(fx) || !allFinite(g)) {
            return new Optimum(x, fx, g, Double.NaN, 0, evaluations, OptimizerStatus.NON_FINITE_START,
                    "The objective or its gradient is not finite at the starting values (objective " + fx
                    + "); choose other starting values.");
        }
        double gradientNorm = scaledGradient(x, g, fx);
        if (gradientNorm < config.gradientTolerance()) {
            return new Optimum(x, fx, g, gradientNorm, 0, evaluations, OptimizerStatus.CONVERGED_GRADIENT,
                    "The starting values already satisfy the gradient tolerance.");
        }
        int stalled = 0;
        double hessianBelow = HESSIAN_SWITCH;
        for (int iteration = 1; iteration <= config.maxIterations(); iteration++) {
            double[] d = directions.direction(x, g);
            if (!(StrongWolfeLineSearch.dot(d, g) < 0) || !allFinite(d)) {
                directions.reset();
                d = directions.direction(x, g);
            }
            LineSearchResult step = lineSearch.search(f, x, fx, g, d, initialStep(directions, d, iteration));
            evaluations += step.evaluations;
            if (step.step == 0 || step.gradient == null) {
                if (!directions.isFresh()) {
                    directions.reset();
                    iteration--;
                    continue;
                }
                return finish(x, fx, g, gradientNorm, iteration - 1, evaluations + directions.evaluations(),
                        OptimizerStatus.LINE_SEARCH_FAILED, String.format(Locale.ROOT, "The line search found no"
                        + " step that decreases the objective (scaled gradient %.3g); the function may be"
                        + " non-smooth or badly scaled here: try other starting values or another optimizer.",
                        gradientNorm));
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int j = 0; j < n; j++) {
                s[j] = step.point[j] - x[j];
                y[j] = step.gradient[j] - g[j];
            }
            directions.update(s, y);
            double change = (fx - step.value) / Math.max(Math.abs(fx), 1.0);
            x = step.point;
            fx = step.value;
            g = step.gradient;
            gradientNorm = scaledGradient(x, g, fx);
            int used = evaluations + directions.evaluations();
            if (!listener.iteration(new IterationReport(iteration, fx, gradientNorm, step.step, used))) {
                return finish(x, fx, g, gradientNorm, iteration, used, OptimizerStatus.CANCELLED,
                        "Cancelled at iteration " + iteration + ".");
            }
            if (gradientNorm < config.gradientTolerance()) {
                return finish(x, fx, g, gradientNorm, iteration, used, OptimizerStatus.CONVERGED_GRADIENT,
                        String.format(Locale.ROOT, "Converged: scaled gradient %.3g below %.3g.", gradientNorm,
                                config.gradientTolerance()));
            }
            if (change <= config.objectiveTolerance()) {
                if (gradientNorm < Math.sqrt(config.gradientTolerance())) {
                    return finish(x, fx, g, gradientNorm, iteration, used, OptimizerStatus.CONVERGED_OBJECTIVE,
                            String.format(Locale.ROOT, "Converged: relative change of the objective %.3g below"
                            + " %.3g with scaled gradient %.3g.", change, config.objectiveTolerance(),
                            gradientNorm));
                }
                if (++stalled >= STALL_ITERATIONS) {
                    return finish(x, fx, g, gradientNorm, iteration, used, OptimizerStatus.STALLED,
                            String.format(Locale.ROOT, "Stalled: the objective stopped decreasing for %d iterations"
                            + " while the scaled gradient is still %.3g; try other starting values, another"
                            + " optimizer, or rescale the variables.", STALL_ITERATIONS, gradientNorm));
                }
            } else {
                stalled = 0;
            }
            if (gradientNorm < hessianBelow) {
                hessianBelow = directions.adoptHessian(f, x) ? 0 : gradientNorm * HESSIAN_RETRY;
            }
        }
        return finish(x, fx, g, gradientNorm, config.maxIterations(), evaluations + directions.evaluations(),
                OptimizerStatus.MAX_ITERATIONS, String.format(Locale.ROOT, "Not converged: the limit of %d"
                + " iterations was reached with scaled gradient %.3g; raise the limit or try other starting"
                + " values.", config.maxIterations(), gradientNorm));
    }

    private SearchDirection newDirection(Objective f, int n) {
        switch (config.algorithm()) {
            case LBFGS:
                return new LbfgsDirection(n, config.memory());
            case BHHH:
                if (!(f instanceof ScoredObjective)) {
                    throw new InvalidSpecificationException("BHHH needs per-observation scores, which this"
                            + " objective does not provide; use bfgs or lbfgs.");
                }
                return new BhhhDirection((ScoredObjective) f);
            default:
                return new BfgsDirection(n, f instanceof ScoredObjective
                        ? new OuterProductOfScores((ScoredObjective) f) : null);
        }
    }

    /** Unit step for a scaled quasi-Newton direction; a cautious step for raw steepest descent. */
    private static double initialStep(SearchDirection directions, double[] d, int iteration) {
        if (directions.isScaled()) {
            return 1.0;
        }
        double norm = Math.sqrt(StrongWolfeLineSearch.dot(d, d));
        return Math.min(1.0, 1.0 / Math.max(norm, 1e-300));
    }

    /** max_i |g_i| max(|x_i|, 1) / max(|f|, 1): the relative gradient of Dennis and Schnabel. */
    static double scaledGradient(double[] x, double[] g, double f) {
        double max = 0;
        double scale = Math.max(Math.abs(f), 1.0);
        for (int i = 0; i < x.length; i++) {
            max = Math.max(max, Math.abs(g[i]) * Math.max(Math.abs(x[i]), 1.0) / scale);
        }
        return max;
    }

    private static boolean allFinite(double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }

    private static Optimum finish(double[] x, double fx, double[] g, double norm, int iterations, int evaluations,
            OptimizerStatus status, String message) {
        return new Optimum(x, fx, g, norm, iterations, evaluations, status, message);
    }
}
