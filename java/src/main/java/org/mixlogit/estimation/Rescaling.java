package org.mixlogit.estimation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.optim.IterationListener;
import org.mixlogit.optim.Objective;
import org.mixlogit.optim.Optimizer;
import org.mixlogit.optim.Optimum;
import org.mixlogit.optim.ScoredObjective;
import org.mixlogit.simulation.Backend;
import org.mixlogit.simulation.DataSums;
import org.mixlogit.spec.CoefficientSpec;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.spec.ParameterLayout;

/**
 * Internal scaling of the parameters, as Stata's {@code ml} does: the optimizer works on u with theta = D u, D
 * diagonal, so that an attribute in the millions (or millionths) does not make the search ill-conditioned. The
 * user's parameters theta, and everything computed from them (log-likelihood, gradient, Hessian, covariances), are
 * unchanged: only the optimizer's coordinates move, f(D u) and D grad f, and the optimum is mapped back exactly.
 *
 * <p>D's entries: every parameter of a coefficient whose attribute's within-situation spread s (root mean square of
 * the deviations from the situation means) lies outside [{@value #LOW}, {@value #HIGH}] is divided by the power of
 * two at or below s (so that theta = D u is exact in floating point) — its location, its scale, its row of the
 * Cholesky factor — and a heterogeneity parameter likewise by the spread of its interaction column. Only
 * coefficients whose distribution is homogeneous in (location, scale) are scaled (fixed, normal, triangular,
 * uniform, censored and truncated normal, exponential: beta(c m, c s) = c beta(m, s) for c &gt; 0); a lognormal's
 * location enters through exp (a change of units shifts it by log c, which the optimizer handles as it is). Inside the range D is the identity, so well-scaled data give the very same iterations as without scaling.
 * Immutable.
 */
final class Rescaling {
    /** Spreads from here to {@link #HIGH} are left alone. */
    static final double LOW = 1e-2;
    /** Spreads up to here are left alone. */
    static final double HIGH = 1e2;
    private static final Set<Distribution> HOMOGENEOUS = EnumSet.of(Distribution.FIXED, Distribution.NORMAL,
            Distribution.TRIANGULAR, Distribution.UNIFORM, Distribution.CENSORED_NORMAL, Distribution.TRUNCATED_NORMAL,
            Distribution.EXPONENTIAL);

    private final double[] factor;
    private final boolean identity;

    private Rescaling(double[] factor) {
        this.factor = factor;
        boolean one = true;
        for (double f : factor) {
            one &= f == 1.0;
        }
        this.identity = one;
    }

    /** The scaling for this model on these data (the spreads' sums on this thread). */
    static Rescaling of(ChoiceData data, ModelSpec spec) {
        return of(data, spec, Backend.local(1));
    }

    /**
     * The scaling for this model on these data, the spreads' sums over decision-makers computed by {@code backend}
     * in canonical block order (so every backend scales alike).
     */
    static Rescaling of(ChoiceData data, ModelSpec spec, Backend backend) {
        ParameterLayout layout = spec.layout();
        double[] factor = new double[layout.size()];
        Arrays.fill(factor, 1.0);
        List<CoefficientSpec> cs = spec.coefficients();
        List<int[]> columns = new ArrayList<>(); // {attribute, characteristic or -1}
        for (CoefficientSpec c : cs) {
            if (HOMOGENEOUS.contains(c.distribution())) {
                int a = data.attributeIndex(c.attribute());
                columns.add(new int[] {a, -1});
                for (String h : c.heterogeneity()) {
                    columns.add(new int[] {a, data.characteristicIndex(h)});
                }
            }
        }
        if (columns.isEmpty()) {
            return new Rescaling(factor);
        }
        double[] sums = backend.dataSums(data, columns.size(), spreadTerms(columns.toArray(new int[0][])));
        int at = 0;
        for (int k = 0; k < cs.size(); k++) {
            CoefficientSpec c = cs.get(k);
            if (!HOMOGENEOUS.contains(c.distribution())) {
                continue;
            }
            double f = factorOf(Math.sqrt(sums[at++] / data.rowCount()));
            set(factor, layout.meanIndex(k), f);
            set(factor, layout.scaleIndex(k), f);
            int position = layout.blockPosition(k);
            if (position >= 0) {
                for (int b = 0; b <= position; b++) {
                    set(factor, layout.choleskyIndex(position, b), f);
                }
            }
            for (int h = 0; h < c.heterogeneity().size(); h++) {
                set(factor, layout.heterogeneityStart(k) + h, factorOf(Math.sqrt(sums[at++] / data.rowCount())));
            }
        }
        return new Rescaling(factor);
    }

    private static void set(double[] factor, int index, double f) {
        if (index >= 0) {
            factor[index] = f;
        }
    }

    /** 1 inside [LOW, HIGH], else 1 / (the power of two at or below s). */
    static double factorOf(double spread) {
        if (!(spread > 0) || !Double.isFinite(spread) || (spread >= LOW && spread <= HIGH)) {
            return 1.0;
        }
        return Math.scalb(1.0, -Math.getExponent(spread));
    }

    /**
     * The terms of the sums of squared within-situation deviations of each column: attribute a (times
     * characteristic c when c >= 0), whose root mean square over the rows is the column's spread.
     *
     * @param columns Not modified: {a, c} per column
     */
    private static DataSums spreadTerms(int[][] columns) {
        return (data, n, sums, at) -> {
            int[] dm = data.decisionMakerStartRef();
            int[] st = data.situationStartRef();
            double[] z = data.characteristicsRef();
            int chars = data.characteristicCount();
            for (int i = 0; i < columns.length; i++) {
                int a = columns[i][0];
                int c = columns[i][1];
                double times = c < 0 ? 1.0 : z[n * chars + c];
                for (int t = dm[n]; t < dm[n + 1]; t++) {
                    double mean = 0;
                    for (int r = st[t]; r < st[t + 1]; r++) {
                        mean += data.attribute(r, a) * times;
                    }
                    mean /= st[t + 1] - st[t];
                    for (int r = st[t]; r < st[t + 1]; r++) {
                        double d = data.attribute(r, a) * times - mean;
                        sums[at + i] += d * d;
                    }
                }
            }
        };
    }

    /** True when D is the identity (the data are well scaled). */
    boolean isIdentity() {
        return identity;
    }

    /** D's diagonal. */
    double[] factors() {
        return factor.clone();
    }

    /**
     * The default start ({@link StartingValues#defaults}) taken in internal units and returned in the user's: the
     * scales' default size and the Cholesky diagonal are {@link StartingValues#SCALE} in internal units, so an
     * attribute in millions does not start with a standard deviation a million times too large.
     *
     * @param plainLogit Not modified: the plain-logit estimates of the located coefficients, user units
     */
    double[] defaultStart(ModelSpec spec, double[] plainLogit) {
        ParameterLayout layout = spec.layout();
        double[] b = plainLogit.clone();
        int next = 0;
        for (int k = 0; k < spec.coefficients().size(); k++) {
            if (!spec.coefficients().get(k).hasZeroMean()) {
                b[next++] /= factor[layout.meanIndex(k)];
            }
        }
        return toUser(StartingValues.defaults(spec, b));
    }

    /** Start {@code index} of the multiple starts ({@link StartingValues#perturbed}), perturbed in internal units. */
    double[] perturbedStart(ParameterLayout layout, double[] first, long seed, int index) {
        double[] u = first.clone();
        for (int j = 0; j < u.length; j++) {
            u[j] /= factor[j];
        }
        return toUser(StartingValues.perturbed(layout, u, seed, index));
    }

    private double[] toUser(double[] u) {
        for (int j = 0; j < u.length; j++) {
            u[j] *= factor[j];
        }
        return u;
    }

    /**
     * Minimizes f over theta from {@code start} (user units), searching in u = D^-1 theta; the optimum is returned in
     * user units: its point D u and gradient D^-1 grad_u (the gradient of f in theta); its value, status, message and
     * scaled gradient norm are the optimizer's. With D the identity this is {@code optimizer.optimize} itself.
     *
     * @param start Not modified
     */
    Optimum optimize(Optimizer optimizer, Objective f, double[] start, IterationListener listener) {
        if (identity) {
            return optimizer.optimize(f, start, listener);
        }
        Objective inner = f instanceof ScoredObjective ? new Scored((ScoredObjective) f) : new Plain(f);
        double[] u = new double[start.length];
        for (int j = 0; j < u.length; j++) {
            u[j] = start[j] / factor[j];
        }
        Optimum o = optimizer.optimize(inner, u, listener);
        double[] x = o.point();
        double[] g = o.gradient();
        for (int j = 0; j < x.length; j++) {
            x[j] *= factor[j];
            g[j] /= factor[j];
        }
        return new Optimum(x, o.value(), g, o.gradientNorm(), o.iterations(), o.evaluations(), o.status(),
                o.message());
    }

    /** f(D u) with gradient D grad f; one scratch vector, so one caller at a time (the optimizer). */
    private class Plain implements Objective {
        final Objective f;
        final double[] x;

        Plain(Objective f) {
            this.f = f;
            this.x = new double[f.dimension()];
        }

        void toUser(double[] u) {
            for (int j = 0; j < x.length; j++) {
                x[j] = u[j] * factor[j];
            }
        }

        void toInternal(double[] gradient) {
            for (int j = 0; j < gradient.length; j++) {
                gradient[j] *= factor[j];
            }
        }

        @Override
        public int dimension() {
            return f.dimension();
        }

        @Override
        public double value(double[] u) {
            toUser(u);
            return f.value(x);
        }

        @Override
        public double valueAndGradient(double[] u, double[] gradient) {
            toUser(u);
            double v = f.valueAndGradient(x, gradient);
            toInternal(gradient);
            return v;
        }

        /** D H D, H the Hessian of f in theta. */
        @Override
        public double[] hessian(double[] u) {
            toUser(u);
            double[] h = f.hessian(x);
            if (h != null) {
                int p = x.length;
                for (int i = 0; i < p; i++) {
                    for (int k = 0; k < p; k++) {
                        h[i * p + k] *= factor[i] * factor[k];
                    }
                }
            }
            return h;
        }
    }

    /** As {@link Plain}, with the outer product of the scores D S D. */
    private final class Scored extends Plain implements ScoredObjective {
        Scored(ScoredObjective f) {
            super(f);
        }

        @Override
        public double valueGradientAndOuterProduct(double[] u, double[] gradient, double[] outerProduct) {
            toUser(u);
            double v = ((ScoredObjective) f).valueGradientAndOuterProduct(x, gradient, outerProduct);
            toInternal(gradient);
            int p = gradient.length;
            for (int i = 0; i < p; i++) {
                for (int k = 0; k < p; k++) {
                    outerProduct[i * p + k] *= factor[i] * factor[k];
                }
            }
            return v;
        }
    }
}
