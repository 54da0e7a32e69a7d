package org.mixlogit.simulation;

/**
 * The support of a continuous mixing distribution: a rule's nodes (simulation draws or quadrature nodes, with
 * weights that do not depend on the parameters) mapped through each coefficient's distribution, location, scale
 * and the correlated block's Cholesky factor ({@link CoefficientDraws}); the chain rule runs through
 * d beta / d (location, scale) and the nodes ({@link ChainRule}). One instance per worker; not thread-safe.
 */
final class DrawSupport implements MixingSupport {
    private final ModelDesign m;
    private final VariateStore.Source source;
    private final CoefficientDraws draws;
    private final int r;
    private final double[] locationSum;
    private final double[] scaleSum;

    /** @param secondOrder with room for the coefficients' second derivatives (the analytic Hessian) */
    DrawSupport(ModelDesign design, VariateStore store, boolean secondOrder) {
        this.m = design;
        this.source = store.newSource();
        this.r = store.nodeCount();
        this.draws = new CoefficientDraws(design, r, secondOrder);
        this.locationSum = new double[design.k];
        this.scaleSum = new double[design.k];
    }

    @Override
    public int points() {
        return r;
    }

    @Override
    public void prepare(int n, double[] theta) {
        source.load(n);
        draws.compute(n, theta, source.variates, source.variateOffset);
    }

    @Override
    public double[][] betaRef() {
        return draws.beta;
    }

    @Override
    public double[] weightsRef() {
        return source.weights;
    }

    @Override
    public int weightOffset() {
        return source.weightOffset;
    }

    @Override
    public boolean weightsDependOnParameters() {
        return false;
    }

    @Override
    public void toParameters(int n, double[][] g, double[] c, double[] out, int at) {
        for (int i = 0; i < m.k; i++) {
            sums(i, g[i], draws.dLocation[i], draws.dScale[i]);
        }
        ChainRule.toParameters(m, n, locationSum, scaleSum, g, source.variates, source.variateOffset, r, out, at);
    }

    /**
     * Coefficient i: h becomes h dl (draw by draw) and locationSum[i], scaleSum[i] the sums of h dl and h ds, in
     * four partial sums each (a fixed order, so results do not depend on threads), for instruction-level
     * parallelism: a single running sum waits for each addition. (A loop of its own, so that the JIT's compilation
     * of a long-running loop on the stack covers this small method, not the caller.)
     *
     * @param h <b>Modified</b>
     */
    private void sums(int i, double[] h, double[] dl, double[] ds) {
        double la0 = 0;
        double la1 = 0;
        double la2 = 0;
        double la3 = 0;
        double sa0 = 0;
        double sa1 = 0;
        double sa2 = 0;
        double sa3 = 0;
        int q = 0;
        for (; q + 4 <= r; q += 4) {
            double h0 = h[q];
            double h1 = h[q + 1];
            double h2 = h[q + 2];
            double h3 = h[q + 3];
            h[q] = h0 * dl[q];
            h[q + 1] = h1 * dl[q + 1];
            h[q + 2] = h2 * dl[q + 2];
            h[q + 3] = h3 * dl[q + 3];
            la0 += h[q];
            la1 += h[q + 1];
            la2 += h[q + 2];
            la3 += h[q + 3];
            sa0 += h0 * ds[q];
            sa1 += h1 * ds[q + 1];
            sa2 += h2 * ds[q + 2];
            sa3 += h3 * ds[q + 3];
        }
        for (; q < r; q++) {
            double hq = h[q];
            h[q] = hq * dl[q];
            la0 += h[q];
            sa0 += hq * ds[q];
        }
        locationSum[i] = (la0 + la1) + (la2 + la3);
        scaleSum[i] = (sa0 + sa1) + (sa2 + sa3);
    }

    /** The coefficient draws with their derivatives, for the analytic Hessian. */
    CoefficientDraws coefficientDraws() {
        return draws;
    }

    /** The decision-maker's standard variates after {@link #prepare}, from {@link #variateOffset()}. */
    double[] variatesRef() {
        return source.variates;
    }

    int variateOffset() {
        return source.variateOffset;
    }
}
