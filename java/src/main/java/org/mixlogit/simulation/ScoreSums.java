package org.mixlogit.simulation;

import java.util.Map;
import java.util.TreeMap;

/**
 * What standard errors and BHHH need of the per-decision-maker scores s_n, reduced over decision-makers in the
 * canonical order: the weighted log-likelihood sum w_n l_n, its gradient sum w_n s_n, the information
 * sum w_n s_n s_n', the sandwich meat sum (w_n s_n)(w_n s_n)', and the cluster meat sum_c u_c u_c' with u_c the
 * sum of w_n s_n over cluster c (clusters in ascending key order). All P x P, never N x P. Immutable; accessors copy.
 */
public final class ScoreSums {
    private final int p;
    private final double logLikelihood;
    private final double[] gradient;
    private final double[] information;
    private final double[] meat;
    private final double[] clusterMeat;
    private final int clusterCount;

    private ScoreSums(int p, double logLikelihood, double[] gradient, double[] information, double[] meat,
            double[] clusterMeat, int clusterCount) {
        this.p = p;
        this.logLikelihood = logLikelihood;
        this.gradient = gradient;
        this.information = information;
        this.meat = meat;
        this.clusterMeat = clusterMeat;
        this.clusterCount = clusterCount;
    }

    /**
     * From one flat canonical total laid out as {@code [value, gradient (P), information (P x P), meat (P x P)]}
     * and the cluster sums (null for one cluster per decision-maker, whose cluster meat is the meat).
     *
     * @param decisionMakers the number of decision-makers (clusters when {@code clusters} is null)
     */
    public static ScoreSums of(int p, double[] total, Map<Long, double[]> clusters, int decisionMakers) {
        double[] g = new double[p];
        double[] info = new double[p * p];
        double[] meat = new double[p * p];
        System.arraycopy(total, 1, g, 0, p);
        System.arraycopy(total, 1 + p, info, 0, p * p);
        System.arraycopy(total, 1 + p + p * p, meat, 0, p * p);
        if (clusters == null) {
            return new ScoreSums(p, total[0], g, info, meat, meat, decisionMakers);
        }
        double[] clusterMeat = new double[p * p];
        for (double[] u : new TreeMap<>(clusters).values()) {
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    clusterMeat[i * p + j] += u[i] * u[j];
                }
            }
        }
        return new ScoreSums(p, total[0], g, info, meat, clusterMeat, clusters.size());
    }

    /**
     * Adds one decision-maker's terms to a flat layout that {@link #of} reads: {@code w l}, {@code w s}, the
     * information {@code w s s'} and the meat {@code w^2 s s'} at {@code acc[at..at + width(p))}. A method of its own
     * so that its loops are compiled on their own: C2 compiles the caller (a worker's loop over decision-makers,
     * which calls the kernel) without counting these loops' iterations towards that compilation.
     *
     * @param acc <b>Modified</b>
     * @param s Not modified: the decision-maker's score, length p
     */
    static void accumulate(double[] acc, int at, int p, double w, double logLikelihood, double[] s) {
        acc[at] += w * logLikelihood;
        int info = at + 1 + p;
        int meat = info + p * p;
        for (int i = 0; i < p; i++) {
            double si = s[i];
            acc[at + 1 + i] += w * si;
            for (int j = 0; j < p; j++) {
                double product = si * s[j];
                acc[info + i * p + j] += w * product;
                acc[meat + i * p + j] += w * w * product;
            }
        }
    }

    /** Width of the flat layout {@link #of} reads. */
    public static int width(int p) {
        return 1 + p + 2 * p * p;
    }

    public int parameterCount() {
        return p;
    }

    public double logLikelihood() {
        return logLikelihood;
    }

    public double[] gradient() {
        return gradient.clone();
    }

    /** sum_n w_n s_n s_n', P x P row-major. */
    public double[] information() {
        return information.clone();
    }

    /** sum_n w_n^2 s_n s_n', P x P row-major. */
    public double[] meat() {
        return meat.clone();
    }

    /** Number of clusters. */
    public int clusterCount() {
        return clusterCount;
    }

    /** sum_c u_c u_c' with u_c the sum of w_n s_n over cluster c's decision-makers, P x P row-major. */
    public double[] clusterMeat() {
        return clusterMeat.clone();
    }
}
