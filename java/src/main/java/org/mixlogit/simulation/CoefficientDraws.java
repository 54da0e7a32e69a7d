package org.mixlogit.simulation;

import org.mixlogit.NumericalFailureException;
import org.mixlogit.spec.CoefficientTransform;

/**
 * One worker's coefficients for every draw of one decision-maker, with their derivatives in each coefficient's
 * location and scale. Coefficient k's {@link CoefficientTransform} does the arithmetic, one call per coefficient
 * over a whole row of draws (so the loop over draws stays inside one class and vectorizes): an independent
 * coefficient gets {@code apply(location, scale, e)} with e its standard variates; a member of the correlated block
 * gets {@code apply(0, 1, u)} with u = location + (L z)_k its underlying normal, so d beta / d location is
 * f'(u). Arrays are one row per coefficient ({@code beta[k][r]}) starting at index 0. Not thread-safe.
 */
final class CoefficientDraws {
    private final ModelDesign m;
    private final int k;
    private final int d;
    private final int r;
    private final int b;
    private final CoefficientTransform[] transform;
    private final boolean[] curved;
    private final double[] characteristics;
    private final int characteristicCount;
    private final double[] location;
    private final double[] scale;
    private final double[] cholesky;
    /** input[k][r]: what the transform received, the standard variates or (block members) the underlying normal. */
    private final double[][] input;
    /** beta[k][r]: coefficient k in draw r. */
    final double[][] beta;
    /** d beta / d location (for a block member d beta / d u). */
    final double[][] dLocation;
    /** d beta / d scale (independent coefficients). */
    final double[][] dScale;
    /** Second derivatives after {@link #computeSecondDerivatives()}, rows only for curved coefficients; else null. */
    final double[][] dLocationLocation;
    final double[][] dLocationScale;
    final double[][] dScaleScale;

    /** First derivatives only. */
    CoefficientDraws(ModelDesign design, int draws) {
        this(design, draws, false);
    }

    /** With {@code secondOrder}, also room for the second derivatives of coefficients that are not piecewise linear. */
    CoefficientDraws(ModelDesign design, int draws, boolean secondOrder) {
        this.m = design;
        this.k = design.k;
        this.d = design.d;
        this.r = draws;
        this.b = design.blockMembers.length;
        this.transform = new CoefficientTransform[k];
        this.curved = new boolean[k];
        for (int i = 0; i < k; i++) {
            transform[i] = design.distribution[i].transform();
            curved[i] = !transform[i].isPiecewiseLinear();
        }
        this.characteristics = design.data.characteristicsRef();
        this.characteristicCount = design.data.characteristicCount();
        location = new double[k];
        scale = new double[k];
        cholesky = new double[b * b];
        input = new double[k][r];
        beta = new double[k][r];
        dLocation = new double[k][r];
        dScale = new double[k][r];
        dLocationLocation = secondOrder ? new double[k][] : null;
        dLocationScale = secondOrder ? new double[k][] : null;
        dScaleScale = secondOrder ? new double[k][] : null;
        if (secondOrder) {
            for (int i = 0; i < k; i++) {
                if (curved[i]) {
                    dLocationLocation[i] = new double[r];
                    dLocationScale[i] = new double[r];
                    dScaleScale[i] = new double[r];
                }
            }
        }
    }

    /** True when coefficient i's second derivatives do not all vanish (rows exist in the second-order arrays). */
    boolean isCurved(int i) {
        return curved[i];
    }

    /**
     * Fills beta, dLocation and dScale for decision-maker n.
     *
     * @param theta Not modified: parameters
     * @param v Not modified: standard variates, {@code v[vo + r * D + dimension]}
     */
    void compute(int n, double[] theta, double[] v, int vo) {
        prepare(n, theta);
        for (int i = 0; i < k; i++) {
            double[] in = input[i];
            int pos = m.blockPosition[i];
            if (pos >= 0) {
                underlyingNormal(location[i], pos, v, vo, in);
                transform[i].apply(0.0, 1.0, in, r, beta[i], dLocation[i], dScale[i]);
                continue;
            }
            int dim = m.dimension[i];
            if (dim >= 0) {
                variates(v, vo + dim, in);
            }
            transform[i].apply(location[i], scale[i], in, r, beta[i], dLocation[i], dScale[i]);
        }
    }

    // The loops over draws are methods of their own, so that the JIT's compilation of a long-running loop on the
    // stack covers these small methods, not compute, which is then compiled once.

    /**
     * in[q] = location + (L z_q) at the block position pos: the underlying normal of a block member.
     *
     * @param in <b>Modified</b>
     */
    private void underlyingNormal(double loc, int pos, double[] v, int vo, double[] in) {
        for (int q = 0; q < r; q++) {
            int vq = vo + q * d;
            double u = loc;
            for (int c = 0; c <= pos; c++) {
                u += cholesky[pos * b + c] * v[vq + m.dimension[m.blockMembers[c]]];
            }
            in[q] = u;
        }
    }

    /**
     * in[q] = v[from + q d]: one dimension's standard variates.
     *
     * @param in <b>Modified</b>
     */
    private void variates(double[] v, int from, double[] in) {
        for (int q = 0; q < r; q++) {
            in[q] = v[from + q * d];
        }
    }

    /**
     * After {@link #compute}: the second derivatives in (location, scale) of every curved coefficient (for a block
     * member, the location-location row is f''(u)). Needs the second-order constructor.
     */
    void computeSecondDerivatives() {
        for (int i = 0; i < k; i++) {
            if (!curved[i]) {
                continue;
            }
            boolean block = m.blockPosition[i] >= 0;
            transform[i].secondDerivatives(block ? 0.0 : location[i], block ? 1.0 : scale[i], input[i], beta[i], r,
                    dLocationLocation[i], dLocationScale[i], dScaleScale[i]);
        }
    }

    /** Locations (with heterogeneity), scales and Cholesky factor of decision-maker n. */
    private void prepare(int n, double[] theta) {
        for (int i = 0; i < k; i++) {
            int mi = m.meanIndex[i];
            double loc = mi >= 0 ? theta[mi] : 0.0;
            int[] cols = m.heterogeneityColumns[i];
            int hs = m.heterogeneityStart[i];
            for (int h = 0; h < cols.length; h++) {
                loc += theta[hs + h] * characteristics[n * characteristicCount + cols[h]];
            }
            location[i] = loc;
            int si = m.scaleIndex[i];
            scale[i] = si >= 0 ? theta[si] : 0.0;
            if (m.blockPosition[i] < 0) {
                String undefined = transform[i].undefinedAt(loc, scale[i]);
                if (undefined != null) {
                    throw new NumericalFailureException("The " + transform[i].label() + " coefficient of '"
                            + m.spec.coefficients().get(i).attribute() + "' for decision-maker "
                            + m.data.decisionMakerId(n) + " is undefined: " + undefined + ".");
                }
            }
        }
        for (int a = 0; a < b; a++) {
            for (int c = 0; c <= a; c++) {
                cholesky[a * b + c] = theta[m.choleskyIndex[a * b + c]];
            }
        }
    }
}
