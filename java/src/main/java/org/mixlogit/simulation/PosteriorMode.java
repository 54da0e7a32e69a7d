package org.mixlogit.simulation;

import java.util.Arrays;

import org.mixlogit.NumericalFailureException;
import org.mixlogit.spec.CoefficientTransform;

/**
 * Where one decision-maker's posterior over the standard normal variates z (D of them) sits at given parameters:
 * the mode of h(z) = sum_t log P_nt(beta(z)) - |z|^2 / 2 and the lower Cholesky factor of the inverse of the
 * curvature there. beta(z) is the model's map from the variates to the coefficients (locations with heterogeneity,
 * scales, the correlated block's Cholesky factor, then each coefficient's distribution), so any distribution that
 * is a function of normal variates is covered: the adaptive rules move and scale z, and the coefficients follow.
 *
 * <p>The curvature is the Gauss-Newton one, I + J' H J with J = d beta / d z and H = sum_t Cov_t(x) the logit
 * information: positive definite always, and exact when beta is linear in z (normal coefficients, correlated or
 * not), where h is strictly concave and Newton's method with step halving finds the mode. For curved coefficients
 * (lognormal, ...) the same iteration finds a stationary point that serves as the centre: the adaptive rules are
 * exact changes of variables at any centre and scale, so the centre decides only how few nodes suffice.
 *
 * <p>J comes from each transform: s for a normal coefficient, s f'(m + s z) for a function of an underlying normal,
 * f'(u) times the block's Cholesky row for a block member, and a central difference of the standard variate
 * otherwise. One instance per thread; not thread-safe.
 */
final class PosteriorMode {
    private static final int MAX_NEWTON = 100;
    private static final double STEP_TOLERANCE = 1e-10;
    private static final double DIFFERENCE_STEP = 1e-6;

    private final ModelDesign m;
    private final double[] theta;
    private final int k;
    private final int d;
    private final int b;
    private final CoefficientTransform[] transform;
    private final double[] location;
    private final double[] scale;
    private final double[] beta;
    /** d beta_i / d z_j, K x D row-major. */
    private final double[] jacobian;
    private final double[] utility;
    private final double[] mean;
    private final double[] gBeta;
    private final double[] hBeta;
    private final double[] point;
    private final double[] one = new double[1];
    private final double[] outBeta = new double[1];
    private final double[] outLocation = new double[1];
    private final double[] outScale = new double[1];

    /** @param theta Not modified: the parameters */
    PosteriorMode(ModelDesign design, double[] theta) {
        this.m = design;
        this.theta = theta.clone();
        this.k = design.k;
        this.d = design.d;
        this.b = design.blockMembers.length;
        this.transform = new CoefficientTransform[k];
        for (int i = 0; i < k; i++) {
            transform[i] = design.distribution[i].transform();
        }
        this.location = new double[k];
        this.scale = new double[k];
        this.beta = new double[k];
        this.jacobian = new double[k * d];
        this.utility = new double[Math.max(2, design.data.maxAlternatives())];
        this.mean = new double[k];
        this.gBeta = new double[k];
        this.hBeta = new double[k * k];
        this.point = new double[d];
    }

    /**
     * The mode of decision-maker n's posterior over z and the lower Cholesky factor of the inverse curvature there.
     *
     * @param mode <b>Modified</b>: D values
     * @param cholesky <b>Modified</b>: D x D row-major, lower triangle (upper set to 0)
     * @throws NumericalFailureException when no finite mode exists (utilities overflow at these parameters)
     */
    void find(int n, double[] mode, double[] cholesky) {
        prepare(n);
        double[] z = new double[d];
        double[] gradient = new double[d];
        double[] curvature = new double[d * d];
        double value = evaluate(n, z, gradient, curvature);
        double[] step = new double[d];
        double[] trial = new double[d];
        double[] trialGradient = new double[d];
        double[] trialCurvature = new double[d * d];
        double[] factor = new double[d * d];
        for (int iteration = 0; iteration < MAX_NEWTON && Double.isFinite(value); iteration++) {
            cholesky(curvature, factor);
            solve(factor, gradient, step);
            double size = 0;
            for (double s : step) {
                size = Math.max(size, Math.abs(s));
            }
            if (size < STEP_TOLERANCE) {
                break;
            }
            double t = 1.0;
            double trialValue;
            boolean improved;
            do {
                for (int j = 0; j < d; j++) {
                    trial[j] = z[j] + t * step[j];
                }
                trialValue = evaluate(n, trial, trialGradient, trialCurvature);
                improved = trialValue >= value - 1e-12 * Math.abs(value);
                t *= 0.5;
            } while (!improved && t > 1e-10);
            if (!improved) {
                break;
            }
            System.arraycopy(trial, 0, z, 0, d);
            System.arraycopy(trialGradient, 0, gradient, 0, d);
            System.arraycopy(trialCurvature, 0, curvature, 0, d * d);
            value = trialValue;
        }
        if (!Double.isFinite(value)) {
            throw new NumericalFailureException("Adaptive nodes: no posterior mode for decision-maker "
                    + m.data.decisionMakerId(n) + " (log-density " + value + " at these parameters); use"
                    + " simulation draws (halton) or a fixed sparse grid.");
        }
        System.arraycopy(z, 0, mode, 0, d);
        // the factor of the inverse: L L' = C^-1 with C = R R' (R lower): C^-1 = R'^-1 R^-1; take the Cholesky of the
        // explicit inverse (D is small)
        cholesky(curvature, factor);
        double[] inverse = new double[d * d];
        double[] unit = new double[d];
        double[] column = new double[d];
        for (int c = 0; c < d; c++) {
            Arrays.fill(unit, 0.0);
            unit[c] = 1.0;
            solve(factor, unit, column);
            for (int r = 0; r < d; r++) {
                inverse[r * d + c] = column[r];
            }
        }
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < r; c++) {
                double avg = 0.5 * (inverse[r * d + c] + inverse[c * d + r]);
                inverse[r * d + c] = avg;
                inverse[c * d + r] = avg;
            }
        }
        cholesky(inverse, cholesky);
    }

    /**
     * sum_t log P_nt(beta(z)) of decision-maker n: the log-probability of the person's choices at one point.
     *
     * @param z Not modified: D variates from {@code at}
     */
    double logKernel(int n, double[] z, int at) {
        prepare(n);
        System.arraycopy(z, at, point, 0, d);
        double normZ = 0;
        for (double v : point) {
            normZ += v * v;
        }
        return evaluate(n, point, null, null) + 0.5 * normZ;
    }

    /**
     * An upper bound on log P_n(beta(z)) over all z, for accept-reject with the envelope max P_n times the prior: the
     * maximum found by Newton's method when every random coefficient is linear in z (normal, correlated or not; then
     * log P_n is concave in z and an interior maximum with positive definite curvature is the global one, raised by
     * 1e-6 for the gradient left at convergence), otherwise 0 (P_n is at most 1).
     */
    double logLikelihoodBound(int n) {
        for (int i = 0; i < k; i++) {
            if (m.dimension[i] >= 0 && !transform[i].isGaussian()) {
                return 0.0;
            }
        }
        prepare(n);
        double[] z = new double[d];
        double[] gradient = new double[d];
        double[] curvature = new double[d * d];
        double[] step = new double[d];
        double[] trial = new double[d];
        double[] factor = new double[d * d];
        double value = likelihood(n, z, gradient, curvature);
        for (int iteration = 0; iteration < MAX_NEWTON; iteration++) {
            double norm = 0;
            for (double g : gradient) {
                norm = Math.max(norm, Math.abs(g));
            }
            try {
                cholesky(curvature, factor);
            } catch (NumericalFailureException flat) {
                return 0.0;
            }
            if (norm < 1e-9) {
                return Math.min(0.0, value + 1e-6);
            }
            solve(factor, gradient, step);
            double t = 1.0;
            double trialValue;
            do {
                for (int j = 0; j < d; j++) {
                    trial[j] = z[j] + t * step[j];
                }
                trialValue = likelihood(n, trial, gradient, curvature);
                t *= 0.5;
            } while (!(trialValue >= value) && t > 1e-10);
            if (!(trialValue >= value)) {
                return 0.0;
            }
            System.arraycopy(trial, 0, z, 0, d);
            value = trialValue;
        }
        return 0.0;
    }

    /** log P_n(beta(z)) with its gradient and the negative of its Hessian (J' H J) in z. */
    private double likelihood(int n, double[] z, double[] gradient, double[] curvature) {
        double normZ = 0;
        for (double v : z) {
            normZ += v * v;
        }
        double h = evaluate(n, z, gradient, curvature) + 0.5 * normZ;
        for (int a = 0; a < d; a++) {
            gradient[a] += z[a];
            curvature[a * d + a] -= 1.0;
        }
        return h;
    }

    /** Locations with heterogeneity and scales of decision-maker n. */
    private void prepare(int n) {
        double[] chars = m.data.characteristicsRef();
        int cc = m.data.characteristicCount();
        for (int i = 0; i < k; i++) {
            double loc = m.meanIndex[i] >= 0 ? theta[m.meanIndex[i]] : 0.0;
            int[] cols = m.heterogeneityColumns[i];
            for (int h = 0; h < cols.length; h++) {
                loc += theta[m.heterogeneityStart[i] + h] * chars[n * cc + cols[h]];
            }
            location[i] = loc;
            scale[i] = m.scaleIndex[i] >= 0 ? theta[m.scaleIndex[i]] : 0.0;
        }
    }

    /** beta(z) and J = d beta / d z. */
    private void coefficients(double[] z) {
        Arrays.fill(jacobian, 0.0);
        for (int i = 0; i < k; i++) {
            int pos = m.blockPosition[i];
            CoefficientTransform f = transform[i];
            if (pos >= 0) {
                double u = location[i];
                for (int c = 0; c <= pos; c++) {
                    u += theta[m.choleskyIndex[pos * b + c]] * z[m.dimension[m.blockMembers[c]]];
                }
                apply(f, 0.0, 1.0, u);
                beta[i] = outBeta[0];
                for (int c = 0; c <= pos; c++) {
                    jacobian[i * d + m.dimension[m.blockMembers[c]]] = outLocation[0]
                            * theta[m.choleskyIndex[pos * b + c]];
                }
                continue;
            }
            int dim = m.dimension[i];
            if (dim < 0) {
                apply(f, location[i], scale[i], 0.0);
                beta[i] = outBeta[0];
                continue;
            }
            double zi = z[dim];
            if (f.isGaussian()) {
                beta[i] = location[i] + scale[i] * zi;
                jacobian[i * d + dim] = scale[i];
            } else if (f.mayJoinCorrelatedBlock()) {
                apply(f, location[i], scale[i], zi);
                beta[i] = outBeta[0];
                jacobian[i * d + dim] = scale[i] * outLocation[0];
            } else {
                apply(f, location[i], scale[i], f.variate(zi));
                beta[i] = outBeta[0];
                apply(f, location[i], scale[i], f.variate(zi + DIFFERENCE_STEP));
                double up = outBeta[0];
                apply(f, location[i], scale[i], f.variate(zi - DIFFERENCE_STEP));
                jacobian[i * d + dim] = (up - outBeta[0]) / (2 * DIFFERENCE_STEP);
            }
        }
    }

    private void apply(CoefficientTransform f, double loc, double s, double variate) {
        one[0] = variate;
        f.apply(loc, s, one, 1, outBeta, outLocation, outScale);
    }

    /** h(z); its gradient and the Gauss-Newton curvature -h'' into the arrays unless they are null. */
    private double evaluate(int n, double[] z, double[] gradient, double[] curvature) {
        coefficients(z);
        Arrays.fill(gBeta, 0.0);
        Arrays.fill(hBeta, 0.0);
        double value = 0;
        int[] start = m.data.situationStartRef();
        int[] dmStart = m.data.decisionMakerStartRef();
        int[] chosen = m.data.chosenRowRef();
        double[] x = m.x;
        for (int t = dmStart[n]; t < dmStart[n + 1]; t++) {
            int first = start[t];
            int end = start[t + 1];
            double max = utilities(x, k, beta, first, end, utility);
            double den = 0;
            for (int j = 0; j < end - first; j++) {
                utility[j] = Math.exp(utility[j] - max);
                den += utility[j];
            }
            value += Math.log(utility[chosen[t] - first] / den);
            if (gradient == null) {
                continue;
            }
            Arrays.fill(mean, 0.0);
            for (int row = first; row < end; row++) {
                double p = utility[row - first] / den;
                for (int i = 0; i < k; i++) {
                    mean[i] += p * x[row * k + i];
                }
            }
            for (int i = 0; i < k; i++) {
                gBeta[i] += x[chosen[t] * k + i] - mean[i];
            }
            for (int row = first; row < end; row++) {
                double p = utility[row - first] / den;
                for (int i = 0; i < k; i++) {
                    double di = p * (x[row * k + i] - mean[i]);
                    if (di == 0) {
                        continue;
                    }
                    for (int j = 0; j < k; j++) {
                        hBeta[i * k + j] += di * (x[row * k + j] - mean[j]);
                    }
                }
            }
        }
        double normZ = 0;
        for (int a = 0; a < d; a++) {
            normZ += z[a] * z[a];
        }
        if (gradient == null) {
            return value - 0.5 * normZ;
        }
        for (int a = 0; a < d; a++) {
            double g = -z[a];
            for (int i = 0; i < k; i++) {
                g += jacobian[i * d + a] * gBeta[i];
            }
            gradient[a] = g;
        }
        for (int a = 0; a < d; a++) {
            for (int c = 0; c <= a; c++) {
                double h = a == c ? 1.0 : 0.0;
                for (int i = 0; i < k; i++) {
                    double ja = jacobian[i * d + a];
                    if (ja == 0) {
                        continue;
                    }
                    double row = 0;
                    for (int j = 0; j < k; j++) {
                        row += hBeta[i * k + j] * jacobian[j * d + c];
                    }
                    h += ja * row;
                }
                curvature[a * d + c] = h;
                curvature[c * d + a] = h;
            }
        }
        return value - 0.5 * normZ;
    }

    /**
     * Lower Cholesky factor of a symmetric positive definite D x D matrix.
     *
     * @param a Not modified
     * @param out <b>Modified</b>: the factor, upper triangle zero
     */
    private void cholesky(double[] a, double[] out) {
        Arrays.fill(out, 0.0);
        for (int r = 0; r < d; r++) {
            for (int c = 0; c <= r; c++) {
                double s = a[r * d + c];
                for (int j = 0; j < c; j++) {
                    s -= out[r * d + j] * out[c * d + j];
                }
                if (r == c) {
                    if (!(s > 0)) {
                        throw new NumericalFailureException("Adaptive nodes: the posterior's curvature is not"
                                + " positive definite (pivot " + s + "); use simulation draws (halton).");
                    }
                    out[r * d + r] = Math.sqrt(s);
                } else {
                    out[r * d + c] = s / out[c * d + c];
                }
            }
        }
    }

    /** Solves L L' x = rhs. */
    private void solve(double[] factor, double[] rhs, double[] x) {
        for (int r = 0; r < d; r++) {
            double s = rhs[r];
            for (int c = 0; c < r; c++) {
                s -= factor[r * d + c] * x[c];
            }
            x[r] = s / factor[r * d + r];
        }
        for (int r = d - 1; r >= 0; r--) {
            double s = x[r];
            for (int c = r + 1; c < d; c++) {
                s -= factor[c * d + r] * x[c];
            }
            x[r] = s / factor[r * d + r];
        }
    }

    /**
     * The utilities x_row . beta of rows first..end-1 into utility[0..end-first) (x row-major with k columns); returns
     * their maximum. Modified: {@code utility}. Not modified: {@code x}, {@code beta}.
     */
    static double utilities(double[] x, int k, double[] beta, int first, int end, double[] utility) {
        double max = Double.NEGATIVE_INFINITY;
        for (int row = first; row < end; row++) {
            double v = 0;
            for (int i = 0; i < k; i++) {
                v += x[row * k + i] * beta[i];
            }
            utility[row - first] = v;
            max = Math.max(max, v);
        }
        return max;
    }
}
