package org.mixlogit.simulation;

import java.util.Arrays;

import org.mixlogit.spec.LatentClasses;
import org.mixlogit.spec.ParameterLayout;

/**
 * The support of a latent class model for one decision-maker: C classes times R nodes, point (c, r) at index
 * {@code c R + r}, with coefficients beta_c(node r) from class c's parameters (a class's random coefficients are
 * integrated with the rule's nodes, the same nodes in every class; without random coefficients R = 1) and weight
 * pi_nc omega_r, where pi_nc = exp(gamma_c' z_n) / sum_s exp(gamma_s' z_n) is the class share (gamma_1 = 0,
 * z_n = (1, membership characteristics)) and omega_r the node's weight.
 *
 * <p>The chain rule maps each class's coefficients to its parameters of the class layout
 * ({@link ParameterLayout#classIndex}; common parameters collect every class's terms) and adds the class shares'
 * term: with S_c = sum_r c_(c,r), d/d gamma_(j,z) = (S_j - pi_nj sum_c S_c) z_nz. One instance per worker; not
 * thread-safe.
 */
final class LatentClassSupport implements MixingSupport {
    private final ModelDesign m;
    private final int classes;
    private final int r;
    private final int k;
    private final int q;
    private final int[][] classIndex;
    /** Mean index (class layout) of every coefficient, for classes without random coefficients. */
    private final int[] meanIndex;
    private final int membershipStart;
    private final int width;
    /** Characteristic index of each membership variable (after the constant). */
    private final int[] membershipColumns;
    /** Per class: the rule's support with class c's parameters, or null when the class model has no random part. */
    private final DrawSupport[] draws;
    private final double[][] thetaClass;
    private final double[][] beta;
    private final double[] weights;
    private final double[] share;
    private final double[] classTerm;
    private final double[][] classG;
    private final double[] classOut;

    /**
     * @param classDesign the class model bound to the same data
     * @param store the rule's nodes, or null when the class model has no random coefficients
     */
    LatentClassSupport(ModelDesign design, ModelDesign classDesign, VariateStore store) {
        this.m = design;
        ParameterLayout layout = design.layout;
        LatentClasses lc = design.spec.latentClasses();
        this.classes = lc.count();
        this.k = design.k;
        this.q = classDesign.p;
        this.r = store == null ? 1 : store.nodeCount();
        this.classIndex = new int[classes][];
        for (int c = 0; c < classes; c++) {
            classIndex[c] = layout.classIndices(c);
        }
        this.meanIndex = classDesign.meanIndex.clone();
        this.membershipStart = layout.membershipStart();
        this.width = lc.membershipWidth();
        this.membershipColumns = new int[lc.membership().size()];
        for (int z = 0; z < membershipColumns.length; z++) {
            membershipColumns[z] = design.data.characteristicIndex(lc.membership().get(z));
        }
        this.draws = new DrawSupport[store == null ? 0 : classes];
        for (int c = 0; c < draws.length; c++) {
            draws[c] = new DrawSupport(classDesign, store, false);
        }
        this.thetaClass = new double[classes][q];
        this.beta = new double[k][classes * r];
        this.weights = new double[classes * r];
        this.share = new double[classes];
        this.classTerm = new double[classes];
        this.classG = new double[k][r];
        this.classOut = new double[q];
    }

    @Override
    public int points() {
        return classes * r;
    }

    @Override
    public void prepare(int n, double[] theta) {
        for (int c = 0; c < classes; c++) {
            int[] index = classIndex[c];
            double[] t = thetaClass[c];
            for (int j = 0; j < q; j++) {
                t[j] = theta[index[j]];
            }
        }
        shares(n, theta);
        if (draws.length == 0) {
            for (int c = 0; c < classes; c++) {
                for (int i = 0; i < k; i++) {
                    beta[i][c] = thetaClass[c][meanIndex[i]];
                }
                weights[c] = share[c];
            }
            return;
        }
        for (int c = 0; c < classes; c++) {
            DrawSupport d = draws[c];
            d.prepare(n, thetaClass[c]);
            double[][] b = d.betaRef();
            for (int i = 0; i < k; i++) {
                System.arraycopy(b[i], 0, beta[i], c * r, r);
            }
            double[] w = d.weightsRef();
            int wo = d.weightOffset();
            for (int s = 0; s < r; s++) {
                weights[c * r + s] = share[c] * w[wo + s];
            }
        }
    }

    /** The class shares pi_nc at theta, into {@link #share}. */
    private void shares(int n, double[] theta) {
        share[0] = 0;
        double max = 0;
        double[] characteristics = m.data.characteristicsRef();
        int cc = m.data.characteristicCount();
        for (int c = 1; c < classes; c++) {
            int at = membershipStart + (c - 1) * width;
            double eta = theta[at];
            for (int z = 0; z < membershipColumns.length; z++) {
                eta += theta[at + 1 + z] * characteristics[n * cc + membershipColumns[z]];
            }
            share[c] = eta;
            max = Math.max(max, eta);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            share[c] = Math.exp(share[c] - max);
            sum += share[c];
        }
        for (int c = 0; c < classes; c++) {
            share[c] /= sum;
        }
    }

    @Override
    public double[][] betaRef() {
        return beta;
    }

    @Override
    public double[] weightsRef() {
        return weights;
    }

    @Override
    public int weightOffset() {
        return 0;
    }

    @Override
    public boolean weightsDependOnParameters() {
        return classes > 1;
    }

    @Override
    public void toParameters(int n, double[][] g, double[] c, double[] out, int at) {
        Arrays.fill(out, at, at + m.p, 0.0);
        for (int s = 0; s < classes; s++) {
            int[] index = classIndex[s];
            if (draws.length == 0) {
                for (int i = 0; i < k; i++) {
                    out[at + index[meanIndex[i]]] += g[i][s];
                }
                continue;
            }
            for (int i = 0; i < k; i++) {
                System.arraycopy(g[i], s * r, classG[i], 0, r);
            }
            draws[s].toParameters(n, classG, null, classOut, 0);
            for (int j = 0; j < q; j++) {
                out[at + index[j]] += classOut[j];
            }
        }
        if (classes == 1 || c == null) {
            return;
        }
        double total = 0;
        for (int s = 0; s < classes; s++) {
            double sum = 0;
            for (int t = 0; t < r; t++) {
                sum += c[s * r + t];
            }
            classTerm[s] = sum;
            total += sum;
        }
        double[] characteristics = m.data.characteristicsRef();
        int cc = m.data.characteristicCount();
        for (int s = 1; s < classes; s++) {
            double term = classTerm[s] - share[s] * total;
            int from = at + membershipStart + (s - 1) * width;
            out[from] += term;
            for (int z = 0; z < membershipColumns.length; z++) {
                out[from + 1 + z] += term * characteristics[n * cc + membershipColumns[z]];
            }
        }
    }
}
