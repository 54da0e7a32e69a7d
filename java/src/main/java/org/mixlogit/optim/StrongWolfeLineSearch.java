package org.mixlogit.optim;

/**
 * A line search returning a step that satisfies the strong Wolfe conditions
 * f(x + a d) &lt;= f(x) + c1 a g'd and |g(x + a d)'d| &lt;= c2 |g'd| (Nocedal and Wright, Numerical
 * Optimization, 2nd ed., Algorithms 3.5 and 3.6: bracketing, then zoom with safeguarded cubic interpolation).
 * A non-finite trial value is treated as a step that went too far. Stateless apart from its constants.
 */
final class StrongWolfeLineSearch {
    private static final int MAX_EVALUATIONS = 40;
    private static final double MAX_STEP = 1e10;
    /** A change of the objective up to this fraction of it is taken as rounding ({@link #approximatelyWolfe}). */
    static final double ROUNDING = 1e-12;
    private final double c1;
    private final double c2;

    StrongWolfeLineSearch(double c1, double c2) {
        if (!(0 < c1 && c1 < c2 && c2 < 1)) {
            throw new IllegalArgumentException("need 0 < c1 < c2 < 1, got " + c1 + ", " + c2);
        }
        this.c1 = c1;
        this.c2 = c2;
    }

    /** Searches along d from x (value f0, gradient g0) starting with step a1; d must be a descent direction. */
    LineSearchResult search(Objective f, double[] x, double f0, double[] g0, double[] d, double a1) {
        int n = x.length;
        double slope0 = dot(g0, d);
        if (!(slope0 < 0)) {
            return new LineSearchResult(false, 0, x, f0, g0, 0);
        }
        Trial previous = new Trial(0, f0, slope0, x, g0);
        double a = a1;
        int evaluations = 0;
        for (int i = 0; evaluations < MAX_EVALUATIONS; i++) {
            Trial t = evaluate(f, x, d, a, n);
            evaluations++;
            if (i == 0 && approximatelyWolfe(f0, slope0, t)) {
                return t.accept(evaluations);
            }
            if (!Double.isFinite(t.value) || t.value > f0 + c1 * a * slope0
                    || (i > 0 && t.value >= previous.value)) {
                return zoom(f, x, f0, slope0, d, previous, t, evaluations);
            }
            if (Math.abs(t.slope) <= -c2 * slope0) {
                return t.accept(evaluations);
            }
            if (t.slope >= 0) {
                return zoom(f, x, f0, slope0, d, t, previous, evaluations);
            }
            previous = t;
            a = Math.min(2 * a, MAX_STEP);
        }
        return new LineSearchResult(false, 0, x, f0, g0, evaluations);
    }

    /**
     * Hager and Zhang's approximate Wolfe conditions (SIAM J. Optim. 16, 2005, eq. 4.1), for a first trial where
     * the sufficient decrease asked for and the trial's change of the objective are both within rounding of f0
     * ({@value #ROUNDING} relative), so that they cannot be told apart: accepted when its slope is
     * (2 c1 - 1) g'd &gt;= g(x + a d)'d &gt;= c2 g'd. Near the optimum a
     * Newton step predicts a decrease below the objective's last digits, so the exact test fails at random; this
     * lets such a step end the search at the gradient tolerance instead of failing the line search.
     */
    private boolean approximatelyWolfe(double f0, double slope0, Trial t) {
        double allowance = ROUNDING * Math.abs(f0);
        return Double.isFinite(t.value) && t.value > f0 + c1 * t.step * slope0
                && -c1 * t.step * slope0 <= allowance && t.value <= f0 + allowance
                && t.slope <= (2 * c1 - 1) * slope0 && t.slope >= c2 * slope0;
    }

    private LineSearchResult zoom(Objective f, double[] x, double f0, double slope0, double[] d, Trial lo, Trial hi,
            int evaluationsSoFar) {
        int evaluations = evaluationsSoFar;
        int n = x.length;
        while (evaluations < MAX_EVALUATIONS) {
            double a = interpolate(lo, hi);
            Trial t = evaluate(f, x, d, a, n);
            evaluations++;
            if (!Double.isFinite(t.value) || t.value > f0 + c1 * a * slope0 || t.value >= lo.value) {
                hi = t;
            } else {
                if (Math.abs(t.slope) <= -c2 * slope0) {
                    return t.accept(evaluations);
                }
                if (t.slope * (hi.step - lo.step) >= 0) {
                    hi = lo;
                }
                lo = t;
            }
            if (Math.abs(hi.step - lo.step) <= 1e-14 * Math.max(1.0, Math.abs(lo.step))) {
                break;
            }
        }
        // No strong-Wolfe point; a strict decrease is still progress the caller may take.
        if (lo.step > 0 && lo.value < f0) {
            return new LineSearchResult(false, lo.step, lo.point, lo.value, lo.gradient, evaluations);
        }
        return new LineSearchResult(false, 0, x, f0, null, evaluations);
    }

    /** Minimizer of the cubic through both ends, kept inside the middle 80% of the interval; bisection otherwise. */
    private static double interpolate(Trial lo, Trial hi) {
        double a0 = lo.step;
        double a1 = hi.step;
        double left = Math.min(a0, a1);
        double width = Math.abs(a1 - a0);
        double candidate = Double.NaN;
        if (Double.isFinite(hi.value) && Double.isFinite(hi.slope)) {
            double d1 = lo.slope + hi.slope - 3 * (lo.value - hi.value) / (a0 - a1);
            double disc = d1 * d1 - lo.slope * hi.slope;
            if (disc >= 0) {
                double d2 = Math.signum(a1 - a0) * Math.sqrt(disc);
                candidate = a1 - (a1 - a0) * (hi.slope + d2 - d1) / (hi.slope - lo.slope + 2 * d2);
            }
        }
        if (!Double.isFinite(candidate) || candidate < left + 0.1 * width || candidate > left + 0.9 * width) {
            candidate = 0.5 * (a0 + a1);
        }
        return candidate;
    }

    private static Trial evaluate(Objective f, double[] x, double[] d, double a, int n) {
        double[] point = new double[n];
        for (int j = 0; j < n; j++) {
            point[j] = x[j] + a * d[j];
        }
        double[] gradient = new double[n];
        double value = f.valueAndGradient(point, gradient);
        double slope = Double.isFinite(value) ? dot(gradient, d) : Double.NaN;
        return new Trial(a, value, slope, point, gradient);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** One evaluated step. */
    private static final class Trial {
        final double step;
        final double value;
        final double slope;
        final double[] point;
        final double[] gradient;

        Trial(double step, double value, double slope, double[] point, double[] gradient) {
            this.step = step;
            this.value = value;
            this.slope = slope;
            this.point = point;
            this.gradient = gradient;
        }

        LineSearchResult accept(int evaluations) {
            return new LineSearchResult(true, step, point, value, gradient, evaluations);
        }
    }
}
