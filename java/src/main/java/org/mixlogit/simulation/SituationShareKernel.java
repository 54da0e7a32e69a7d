package org.mixlogit.simulation;

/**
 * One worker's simulated choice probabilities of every situation of a decision-maker, s_tj = sum_r w_r P_tj(beta_r)
 * (marginal over the mixing distribution, unconditional on the person's other choices), and their exact Jacobian
 * d s_tj / d theta. With dP_jr / d beta_k = P_jr (x_jk - sum_i P_ir x_ik), the chain rule to the parameters is the
 * {@link MixingSupport}'s, as for the log-likelihood score. Work arrays are one row per alternative or coefficient and one column per draw, so the
 * inner loops run over draws; an evaluation allocates nothing. Not thread-safe.
 */
final class SituationShareKernel {
    private final ModelDesign m;
    private final RowStructure rows;
    private final MixingSupport support;
    /** The support's coefficients of the decision-maker being evaluated. */
    private double[][] beta;
    private final int k;
    private final int r;
    private final int[] situationStart;
    private final int[] decisionMakerStart;
    /** prob[j][q]: probability of the situation's alternative j in draw q. */
    private final double[][] prob;
    private final double[] max;
    private final double[] denominator;
    private final double[] expWork;
    /** xbar[k][q]: expected attribute k in draw q. */
    private final double[][] xbar;
    /** term[k][q]: w_q dP_jq / d u_kq (u the coefficient before its transformation) for the current row. */
    private final double[][] term;
    /** w_r P_jr for the current row: the weights' terms of the chain rule. */
    private final double[] weighted;

    SituationShareKernel(ModelDesign design, MixingSupport support) {
        this.m = design;
        this.rows = design.rows;
        this.support = support;
        this.k = design.k;
        this.r = support.points();
        this.situationStart = design.data.situationStartRef();
        this.decisionMakerStart = design.data.decisionMakerStartRef();
        int jmax = Math.max(2, design.data.maxAlternatives());
        prob = new double[jmax][r];
        max = new double[r];
        denominator = new double[r];
        expWork = new double[r];
        xbar = new double[k][r];
        term = new double[k][r];
        weighted = new double[r];
    }

    /**
     * Simulated probabilities of decision-maker n's rows and, when {@code jacobian != null}, their derivatives.
     *
     * @param theta Not modified: parameters
     * @param shares <b>Modified</b>: the entries of n's grouped rows
     * @param jacobian <b>Modified</b> when non-null: rows x P row-major, the rows of n's grouped rows
     */
    void evaluate(int n, double[] theta, double[] shares, double[] jacobian) {
        evaluate(n, theta, shares, jacobian, 0);
    }

    /**
     * As {@link #evaluate(int, double[], double[], double[])}, with grouped row i written at {@code i - rowBase}
     * (so a caller can pass scratch arrays holding one decision-maker's rows).
     */
    void evaluate(int n, double[] theta, double[] shares, double[] jacobian, int rowBase) {
        support.prepare(n, theta);
        beta = support.betaRef();
        double[] w = support.weightsRef();
        int wo = support.weightOffset();
        for (int t = decisionMakerStart[n]; t < decisionMakerStart[n + 1]; t++) {
            int first = situationStart[t];
            int end = situationStart[t + 1];
            drawProbabilities(first, end);
            for (int j = 0; j < end - first; j++) {
                double[] pj = prob[j];
                double s = 0;
                for (int q = 0; q < r; q++) {
                    s += w[wo + q] * pj[q];
                }
                shares[first + j - rowBase] = s;
            }
            if (jacobian != null) {
                expectedAttributes(first, end);
                for (int j = 0; j < end - first; j++) {
                    rowJacobian(n, first + j, prob[j], w, wo, jacobian, (first + j - rowBase) * m.p);
                }
            }
        }
    }

    /** prob[j][q] for the situation's rows first..end-1, utilities shifted by their maximum per draw. */
    private void drawProbabilities(int first, int end) {
        DrawUtilities.probabilities(rows, beta, first, end, r, prob, max, denominator, expWork);
    }

    /** xbar[k][q] = sum_j P_jq x_jk. */
    private void expectedAttributes(int first, int end) {
        for (double[] row : xbar) {
            java.util.Arrays.fill(row, 0.0);
        }
        for (int j = 0; j < end - first; j++) {
            double[] pj = prob[j];
            for (int e = rows.nonZeroStart[first + j]; e < rows.nonZeroStart[first + j + 1]; e++) {
                double value = rows.value[e];
                double[] out = xbar[rows.attribute[e]];
                for (int q = 0; q < r; q++) {
                    out[q] += value * pj[q];
                }
            }
        }
    }

    /**
     * d s_row / d theta into jacobian[at ..]: sum_r w_r P_jr (x_jk - xbar_kr) d beta_kr / d theta through the
     * support's chain rule, plus sum_r w_r P_jr d log w_r / d theta when the weights depend on the parameters.
     */
    private void rowJacobian(int n, int row, double[] pj, double[] w, int wo, double[] jacobian, int at) {
        for (int i = 0; i < k; i++) {
            double x = m.x[row * k + i];
            double[] xb = xbar[i];
            double[] t = term[i];
            for (int q = 0; q < r; q++) {
                t[q] = w[wo + q] * pj[q] * (x - xb[q]);
            }
        }
        double[] c = null;
        if (support.weightsDependOnParameters()) {
            c = weighted;
            for (int q = 0; q < r; q++) {
                c[q] = w[wo + q] * pj[q];
            }
        }
        support.toParameters(n, term, c, jacobian, at);
    }
}
