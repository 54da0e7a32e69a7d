package org.mixlogit.optim;

/** Limited-memory BFGS: the two-loop recursion over the last m curvature pairs (Nocedal and Wright, Alg. 7.4). */
final class LbfgsDirection implements SearchDirection {
    private final int n;
    private final int m;
    private final double[][] s;
    private final double[][] y;
    private final double[] rho;
    private final double[] alpha;
    private int count;
    private int newest;

    LbfgsDirection(int n, int memory) {
        this.n = n;
        this.m = memory;
        this.s = new double[memory][n];
        this.y = new double[memory][n];
        this.rho = new double[memory];
        this.alpha = new double[memory];
        reset();
    }

    @Override
    public void reset() {
        count = 0;
        newest = -1;
    }

    @Override
    public boolean isFresh() {
        return count == 0;
    }

    @Override
    public boolean isScaled() {
        return count > 0;
    }

    @Override
    public double[] direction(double[] x, double[] g) {
        double[] q = g.clone();
        for (int k = 0; k < count; k++) {
            int i = Math.floorMod(newest - k, m);
            alpha[i] = rho[i] * StrongWolfeLineSearch.dot(s[i], q);
            for (int j = 0; j < n; j++) {
                q[j] -= alpha[i] * y[i][j];
            }
        }
        double gamma = 1.0;
        if (count > 0) {
            gamma = StrongWolfeLineSearch.dot(s[newest], y[newest]) / StrongWolfeLineSearch.dot(y[newest], y[newest]);
        }
        for (int j = 0; j < n; j++) {
            q[j] *= gamma;
        }
        for (int k = count - 1; k >= 0; k--) {
            int i = Math.floorMod(newest - k, m);
            double b = rho[i] * StrongWolfeLineSearch.dot(y[i], q);
            for (int j = 0; j < n; j++) {
                q[j] += s[i][j] * (alpha[i] - b);
            }
        }
        for (int j = 0; j < n; j++) {
            q[j] = -q[j];
        }
        return q;
    }

    @Override
    public void update(double[] step, double[] change) {
        double sy = StrongWolfeLineSearch.dot(step, change);
        if (!(sy > 1e-12 * Math.sqrt(StrongWolfeLineSearch.dot(step, step)
                * StrongWolfeLineSearch.dot(change, change)))) {
            return;
        }
        newest = (newest + 1) % m;
        System.arraycopy(step, 0, s[newest], 0, n);
        System.arraycopy(change, 0, y[newest], 0, n);
        rho[newest] = 1.0 / sy;
        count = Math.min(count + 1, m);
    }
}
