package org.mixlogit.optim;

/** BHHH: the direction -(sum_n s_n s_n')^-1 g with the per-observation gradients at the current point. */
final class BhhhDirection implements SearchDirection {
    private final OuterProductOfScores outer;

    BhhhDirection(ScoredObjective objective) {
        this.outer = new OuterProductOfScores(objective);
    }

    /** With the outer product of the scores at x, which the first direction uses. */
    @Override
    public double start(Objective f, double[] x, double[] gradient) {
        return outer.valueAndGradientAt(x, gradient);
    }

    @Override
    public void reset() {
        // no memory: every direction uses the scores at the current point
    }

    @Override
    public boolean isFresh() {
        return true;
    }

    @Override
    public boolean isScaled() {
        return true;
    }

    @Override
    public double[] direction(double[] x, double[] g) {
        int n = g.length;
        double[] inverse = outer.inverseAt(x);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += (inverse == null ? (i == j ? 1 : 0) : inverse[i * n + j]) * g[j];
            }
            d[i] = -s;
        }
        return d;
    }

    @Override
    public void update(double[] s, double[] y) {
        // BHHH needs no curvature pairs
    }

    @Override
    public int evaluations() {
        return outer.evaluations();
    }
}
