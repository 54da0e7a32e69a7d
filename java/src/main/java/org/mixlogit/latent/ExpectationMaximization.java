package org.mixlogit.latent;

import java.util.Arrays;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.spec.ParameterLayout;

/**
 * The EM algorithm of a latent class logit (Train 2008; as Stata's lclogit2): the E-step computes each
 * decision-maker's posterior class probabilities h_nc = pi_nc L_nc / sum_s pi_ns L_ns at the current parameters;
 * the M-step maximizes the expected complete-data log-likelihood, sum_n w_n sum_c h_nc log L_n(beta_c) (weighted
 * conditional logits, one per class, coupled only through common coefficients, solved jointly) plus
 * sum_n w_n sum_c h_nc log pi_nc (the weighted class-share logit), each by an exact Newton step that is halved
 * until it increases its part. A step that increases the expected log-likelihood increases the log-likelihood
 * (generalized EM), so the trace is non-decreasing. Single-threaded and deterministic: the sums run over the
 * data's canonical order of decision-makers. For class models without random coefficients.
 */
public final class ExpectationMaximization {
    private final ModelSpec spec;
    private final ParameterLayout layout;
    private final int classes;
    private final int decisionMakers;
    private final ClassLogit logit;
    private final MembershipLogit membership;
    private final double[] weights;
    private final int[][] classIndex;
    /** Parameters before the class shares' (classes' and common coefficients). */
    private final int coefficientParameters;
    private final int k;
    /**
     * Every row's probability in each class (C x rows) at the coefficients whose log-likelihoods {@link #run} and
     * {@link #mStep} hold in ll, and at a trial step's: the M-step's derivatives reuse them.
     */
    private final double[][] probabilities;
    private final double[][] trialProbabilities;

    public ExpectationMaximization(ChoiceData data, ModelSpec spec) {
        if (!spec.isLatentClass() || spec.randomDimension() > 0) {
            throw new InvalidSpecificationException("The EM algorithm here is for latent class logits (every"
                    + " coefficient fixed within classes); " + spec + " is not one.");
        }
        this.spec = spec;
        this.layout = spec.layout();
        this.classes = spec.classCount();
        this.decisionMakers = data.decisionMakerCount();
        this.logit = new ClassLogit(data, spec.classModel());
        this.membership = new MembershipLogit(data, spec.latentClasses());
        this.weights = data.weightsRef().clone();
        this.k = logit.coefficients();
        this.classIndex = new int[classes][];
        for (int c = 0; c < classes; c++) {
            classIndex[c] = layout.classIndices(c);
        }
        this.coefficientParameters = classes > 1 ? layout.membershipStart() : layout.size();
        this.probabilities = new double[classes][logit.rows()];
        this.trialProbabilities = new double[classes][logit.rows()];
    }

    public ModelSpec spec() {
        return spec;
    }

    /** The log-likelihood sum_n w_n log sum_c pi_nc L_nc. */
    public double logLikelihood(double[] theta) {
        return eStep(theta, new double[decisionMakers * classes]);
    }

    /**
     * Every decision-maker's posterior class probabilities at theta, N x C row-major.
     */
    public double[] posteriors(double[] theta) {
        double[] h = new double[decisionMakers * classes];
        eStep(theta, h);
        return h;
    }

    /**
     * The E-step: posterior class probabilities into h (N x C) and the log-likelihood.
     */
    private double eStep(double[] theta, double[] h) {
        double[][] ll = new double[classes][decisionMakers];
        classLogLikelihoods(theta, ll);
        return eStep(theta, ll, h);
    }

    /**
     * Every class's per-decision-maker log-likelihood at theta's coefficients, into ll (C x N), and its rows'
     * probabilities into {@code rowProbabilities} (C x rows).
     */
    private void classLogLikelihoods(double[] theta, double[][] ll, double[][] rowProbabilities) {
        double[] beta = new double[k];
        for (int c = 0; c < classes; c++) {
            beta(theta, c, beta);
            logit.logLikelihoods(beta, ll[c], rowProbabilities[c]);
        }
    }

    private void classLogLikelihoods(double[] theta, double[][] ll) {
        classLogLikelihoods(theta, ll, probabilities);
    }

    /** The E-step from the classes' log-likelihoods at theta's coefficients. */
    private double eStep(double[] theta, double[][] ll, double[] h) {
        for (int c = 0; c < classes; c++) {
            for (int n = 0; n < decisionMakers; n++) {
                h[n * classes + c] = ll[c][n];
            }
        }
        double[] pi = new double[classes];
        double total = 0;
        for (int n = 0; n < decisionMakers; n++) {
            if (classes > 1) {
                membership.shares(n, theta, layout.membershipStart(), pi, 0);
            } else {
                pi[0] = 1;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                double v = Math.log(pi[c]) + h[n * classes + c];
                h[n * classes + c] = v;
                max = Math.max(max, v);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                double e = Math.exp(h[n * classes + c] - max);
                h[n * classes + c] = e;
                sum += e;
            }
            for (int c = 0; c < classes; c++) {
                h[n * classes + c] /= sum;
            }
            total += weights[n] * (max + Math.log(sum));
        }
        return total;
    }

    private void beta(double[] theta, int c, double[] out) {
        for (int j = 0; j < k; j++) {
            out[j] = theta[classIndex[c][j]];
        }
    }

    /**
     * Runs EM from {@code start} until the log-likelihood changes by less than {@code tolerance} x max(1, |LL|)
     * or {@code maxIterations} iterations.
     */
    public EmRun run(double[] start, int maxIterations, double tolerance) {
        double[] theta = start.clone();
        double[] h = new double[decisionMakers * classes];
        double[][] ll = new double[classes][decisionMakers];
        classLogLikelihoods(theta, ll);
        double current = eStep(theta, ll, h);
        double[] trace = new double[maxIterations + 1];
        trace[0] = current;
        boolean converged = false;
        int iterations = 0;
        while (iterations < maxIterations && Double.isFinite(current)) {
            theta = mStep(theta, h, ll);
            double next = eStep(theta, ll, h);
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
     * The parameters that maximize (by one Newton step each, halved until it helps) the expected complete-data
     * log-likelihood given posteriors h: every class's coefficients and the common ones jointly, then the shares.
     * ll holds the classes' log-likelihoods at theta on entry (and {@link #probabilities} their rows'), at the
     * returned parameters on return.
     */
    double[] mStep(double[] theta, double[] h, double[][] ll) {
        double[] next = coefficientStep(theta, h, ll);
        if (classes > 1) {
            int at = layout.membershipStart();
            double[] gamma = Arrays.copyOfRange(next, at, layout.size());
            double[] fitted = membership.fit(h, weights, gamma, 1);
            System.arraycopy(fitted, 0, next, at, fitted.length);
        }
        return next;
    }

    /** The classes' weights a_nc = w_n h_nc, one array per class. */
    private double[][] classWeights(double[] h) {
        double[][] a = new double[classes][decisionMakers];
        for (int c = 0; c < classes; c++) {
            for (int n = 0; n < decisionMakers; n++) {
                a[c][n] = weights[n] * h[n * classes + c];
            }
        }
        return a;
    }

    /**
     * The expected complete-data log-likelihood of the coefficients, with the classes' log-likelihoods into ll and
     * their rows' probabilities into {@link #trialProbabilities}.
     */
    private double expected(double[] theta, double[][] a, double[][] ll) {
        classLogLikelihoods(theta, ll, trialProbabilities);
        double total = 0;
        for (int c = 0; c < classes; c++) {
            for (int n = 0; n < decisionMakers; n++) {
                total += a[c][n] * ll[c][n];
            }
        }
        return total;
    }

    /**
     * One Newton step on the classes' and common coefficients, halved until it increases the expected
     * log-likelihood; ll (C x N) holds the classes' log-likelihoods at theta on entry (with {@link #probabilities})
     * and at the returned coefficients on return.
     */
    private double[] coefficientStep(double[] theta, double[] h, double[][] ll) {
        int p = coefficientParameters;
        double[][] a = classWeights(h);
        double[] gradient = new double[p];
        double[] hessian = new double[p * p];
        double[] g = new double[k];
        double[] hk = new double[k * k];
        double current = 0;
        for (int c = 0; c < classes; c++) {
            for (int n = 0; n < decisionMakers; n++) {
                current += a[c][n] * ll[c][n];
            }
        }
        for (int c = 0; c < classes; c++) {
            Arrays.fill(g, 0.0);
            Arrays.fill(hk, 0.0);
            logit.weightedDerivatives(probabilities[c], a[c], g, hk);
            int[] index = classIndex[c];
            for (int i = 0; i < k; i++) {
                gradient[index[i]] += g[i];
                for (int j = 0; j < k; j++) {
                    hessian[index[i] * p + index[j]] += hk[i * k + j];
                }
            }
        }
        double[] d = NewtonStep.direction(hessian, gradient);
        double slope = 0;
        for (int j = 0; j < p; j++) {
            slope += d[j] * gradient[j];
        }
        if (slope > 0) {
            double t = 1;
            double[][] trialLl = new double[classes][decisionMakers];
            for (int halving = 0; halving < 30; halving++, t *= 0.5) {
                double[] trial = theta.clone();
                for (int j = 0; j < p; j++) {
                    trial[j] += t * d[j];
                }
                if (expected(trial, a, trialLl) >= current) {
                    for (int c = 0; c < classes; c++) {
                        System.arraycopy(trialLl[c], 0, ll[c], 0, decisionMakers);
                        System.arraycopy(trialProbabilities[c], 0, probabilities[c], 0, probabilities[c].length);
                    }
                    return trial;
                }
            }
        }
        return theta.clone();
    }

    /**
     * The parameters of a hard or soft assignment of decision-makers to classes: the M-step from posteriors h
     * (N x C), starting from {@code coefficients} for the classes' coefficients and equal shares, with a few
     * Newton steps.
     */
    public double[] fromAssignment(double[] h, double[] start, int steps) {
        double[] theta = start.clone();
        double[][] ll = new double[classes][decisionMakers];
        classLogLikelihoods(theta, ll);
        for (int s = 0; s < steps; s++) {
            theta = mStep(theta, h, ll);
        }
        return theta;
    }

    int decisionMakers() {
        return decisionMakers;
    }
}
