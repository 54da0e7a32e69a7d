package org.mixlogit.latent;

import java.util.Arrays;
import java.util.List;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.simulation.Backend;
import org.mixlogit.simulation.BlockPartials;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.spec.ParameterLayout;

/**
 * The EM algorithm of a latent class logit (Train 2008; as Stata's lclogit2): the E-step computes each
 * decision-maker's posterior class probabilities h_nc = pi_nc L_nc / sum_s pi_ns L_ns at the current parameters;
 * the M-step maximizes the expected complete-data log-likelihood, sum_n w_n sum_c h_nc log L_n(beta_c) (weighted
 * conditional logits, one per class, coupled only through common coefficients, solved jointly) plus
 * sum_n w_n sum_c h_nc log pi_nc (the weighted class-share logit), each by an exact Newton step that is halved
 * until it increases its part (with constants only, the class shares' maximum in closed form,
 * gamma_c = log(S_c / S_1), S_c = sum_n w_n h_nc). A step that increases the expected log-likelihood increases the
 * log-likelihood (generalized EM), so the trace is non-decreasing. For class models without random coefficients.
 *
 * <p>Every sum over decision-makers is a pass of {@link EmPass} on the backend: the posteriors are recomputed
 * where the data live in each pass (nothing per decision-maker is kept between passes), and the block partials are
 * reduced in block order, so the EM is the same to the last bit on the local, sharded and Spark backends. A driver
 * holding only a summary of the data runs it unchanged.
 */
public final class ExpectationMaximization {
    private final ChoiceData data;
    private final ModelSpec spec;
    private final Backend backend;
    private final ParameterLayout layout;
    private final int classes;
    /** Parameters before the class shares' (classes' and common coefficients). */
    private final int p;
    /** Parameters of the class shares. */
    private final int pm;
    private final int width;

    /** EM with its sums on this thread. */
    public ExpectationMaximization(ChoiceData data, ModelSpec spec) {
        this(data, spec, Backend.local(1));
    }

    /** EM with its sums over decision-makers computed by {@code backend}. */
    public ExpectationMaximization(ChoiceData data, ModelSpec spec, Backend backend) {
        if (!spec.isLatentClass() || spec.randomDimension() > 0) {
            throw new InvalidSpecificationException("The EM algorithm here is for latent class logits (every"
                    + " coefficient fixed within classes); " + spec + " is not one.");
        }
        this.data = data;
        this.spec = spec;
        this.backend = backend;
        this.layout = spec.layout();
        this.classes = spec.classCount();
        this.p = EmPass.coefficientParameters(spec);
        this.width = spec.latentClasses().membershipWidth();
        this.pm = (classes - 1) * width;
    }

    public ModelSpec spec() {
        return spec;
    }

    ChoiceData data() {
        return data;
    }

    Backend backend() {
        return backend;
    }

    /** The log-likelihood sum_n w_n log sum_c pi_nc L_nc. */
    public double logLikelihood(double[] theta) {
        return statistics(theta, null).logLikelihood;
    }

    /**
     * Every decision-maker's posterior class probabilities at theta, N x C row-major (computed by the backend and
     * gathered in ordinal order).
     */
    public double[] posteriors(double[] theta) {
        ModelSpec s = spec;
        double[] t = theta.clone();
        return backend.perDecisionMaker(data, (part, threads) -> ClassPosteriors.ofLogit(part, s, t));
    }

    /**
     * Runs EM from {@code start} until the log-likelihood changes by less than {@code tolerance} x max(1, |LL|)
     * or {@code maxIterations} iterations.
     */
    public EmRun run(double[] start, int maxIterations, double tolerance) {
        double[] theta = start.clone();
        Statistics s = statistics(theta, null);
        double current = s.logLikelihood;
        double[] trace = new double[maxIterations + 1];
        trace[0] = current;
        boolean converged = false;
        int iterations = 0;
        while (iterations < maxIterations && Double.isFinite(current)) {
            theta = mStep(theta, s, null);
            s = statistics(theta, null);
            double next = s.logLikelihood;
            trace[++iterations] = next;
            boolean small = Math.abs(next - current) < tolerance * Math.max(1, Math.abs(next));
            current = next;
            if (small) {
                converged = true;
                break;
            }
        }
        return new EmRun(theta, current, Arrays.copyOf(trace, iterations + 1), converged);
    }

    /**
     * The parameters of a hard assignment of decision-makers to classes: M-steps with the assignment's indicators as
     * posteriors, from {@code start} (the classes' coefficients; equal shares).
     */
    double[] fromAssignment(Assignment assignment, double[] start, int steps) {
        double[] theta = start.clone();
        for (int s = 0; s < steps; s++) {
            theta = mStep(theta, statistics(theta, assignment), assignment);
        }
        return theta;
    }

    /** An {@link EmPass#at} pass, reduced. */
    private Statistics statistics(double[] theta, Assignment assignment) {
        return new Statistics(total(EmPass.at(spec, theta, assignment)));
    }

    private double total(EmPass pass, int entry) {
        return total(pass)[entry];
    }

    private double[] total(EmPass pass) {
        List<BlockPartials> parts = backend.partials(data, pass);
        return BlockPartials.total(parts);
    }

    /**
     * The parameters that maximize (by one Newton step each, halved until it helps) the expected complete-data
     * log-likelihood given the posteriors at theta (or the assignment): every class's coefficients and the common
     * ones jointly, then the shares.
     */
    private double[] mStep(double[] theta, Statistics s, Assignment assignment) {
        double[] next = coefficientStep(theta, s, assignment);
        if (classes > 1) {
            int at = layout.membershipStart();
            double[] fitted = membershipStep(theta, Arrays.copyOfRange(next, at, layout.size()), s, assignment);
            System.arraycopy(fitted, 0, next, at, fitted.length);
        }
        return next;
    }

    private double[] coefficientStep(double[] theta, Statistics s, Assignment assignment) {
        double[] d = NewtonStep.direction(s.hessian, s.gradient);
        double slope = 0;
        for (int j = 0; j < p; j++) {
            slope += d[j] * s.gradient[j];
        }
        if (slope > 0) {
            double t = 1;
            for (int halving = 0; halving < 30; halving++, t *= 0.5) {
                double[] trial = theta.clone();
                for (int j = 0; j < p; j++) {
                    trial[j] += t * d[j];
                }
                if (total(EmPass.coefficientTrial(spec, theta, trial, assignment), 0) >= s.expected) {
                    return trial;
                }
            }
        }
        return theta.clone();
    }

    /** One Newton step on the class shares from gamma (theta's), or their closed form with constants only. */
    private double[] membershipStep(double[] theta, double[] gamma, Statistics s, Assignment assignment) {
        if (width == 1) {
            double[] exact = new double[classes - 1];
            boolean finite = true;
            for (int c = 1; c < classes; c++) {
                exact[c - 1] = Math.log(s.sizes[c] / s.sizes[0]);
                finite &= Double.isFinite(exact[c - 1]);
            }
            if (finite) {
                return exact;
            }
        }
        double current = s.membershipObjective;
        double[] d = NewtonStep.direction(s.membershipHessian, s.membershipGradient);
        double slope = 0;
        for (int j = 0; j < pm; j++) {
            slope += d[j] * s.membershipGradient[j];
        }
        if (!(slope > 1e-12 * Math.max(1, Math.abs(current)))) {
            return gamma;
        }
        double t = 1;
        for (int halving = 0; halving < 30; halving++, t *= 0.5) {
            double[] trial = gamma.clone();
            for (int j = 0; j < pm; j++) {
                trial[j] += t * d[j];
            }
            if (total(EmPass.membershipTrial(spec, theta, trial, assignment), 0) >= current) {
                return trial;
            }
        }
        return gamma;
    }

    /** The reduced sums of an {@link EmPass#at} pass, by name. */
    private final class Statistics {
        final double logLikelihood;
        final double expected;
        final double[] gradient;
        final double[] hessian;
        final double[] sizes;
        final double membershipObjective;
        final double[] membershipGradient;
        final double[] membershipHessian;

        Statistics(double[] total) {
            this.logLikelihood = total[0];
            this.expected = total[1];
            int at = 2;
            this.gradient = Arrays.copyOfRange(total, at, at + p);
            at += p;
            this.hessian = Arrays.copyOfRange(total, at, at + p * p);
            at += p * p;
            if (classes > 1) {
                this.sizes = Arrays.copyOfRange(total, at, at + classes);
                at += classes;
                this.membershipObjective = total[at++];
                this.membershipGradient = Arrays.copyOfRange(total, at, at + pm);
                at += pm;
                this.membershipHessian = Arrays.copyOfRange(total, at, at + pm * pm);
            } else {
                this.sizes = new double[] {1};
                this.membershipObjective = 0;
                this.membershipGradient = new double[0];
                this.membershipHessian = new double[0];
            }
        }
    }
}
