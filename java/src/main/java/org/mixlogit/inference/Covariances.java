package org.mixlogit.inference;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * All covariance matrices of one estimate, computed from the Hessian of the log-likelihood and the
 * per-decision-maker scores. With weights w_n: OPG = (sum w_n s_n s_n')^-1; robust = H^-1 M H^-1 with the meat M
 * the caller passes, sum (w_n s_n)(w_n s_n)' for sampling weights or sum w_n s_n s_n' for frequency weights
 * (the estimators choose by their InferenceConfig; {@link #compute} takes sampling weights); cluster =
 * H^-1 (G/(G-1) sum_c u_c u_c') H^-1 with u_c the weighted score sum of cluster c. A matrix that cannot be
 * inverted leaves its covariance unavailable with a reason. Immutable; accessors copy.
 */
public final class Covariances {
    private final int p;
    private final double[] hessian;
    private final double[] hessianEigenvalues;
    private final int clusterCount;
    private final Map<CovarianceType, double[]> matrices;
    private final Map<CovarianceType, String> problems;

    private Covariances(int p, double[] hessian, double[] eigen, int clusterCount,
            Map<CovarianceType, double[]> matrices, Map<CovarianceType, String> problems) {
        this.p = p;
        this.hessian = hessian;
        this.hessianEigenvalues = eigen;
        this.clusterCount = clusterCount;
        this.matrices = matrices;
        this.problems = problems;
    }

    /**
     * @param hessian Not modified: P x P Hessian of the log-likelihood (symmetrised)
     * @param scores Not modified: N x P unweighted per-decision-maker scores
     * @param weights Not modified: N decision-maker weights
     * @param cluster Not modified: N cluster ids (the decision-maker's own index for clustering by decision-maker)
     */
    public static Covariances compute(double[] hessian, double[] scores, double[] weights, long[] cluster, int p) {
        int n = weights.length;
        double[] information = new double[p * p];
        double[] meat = new double[p * p];
        Map<Long, double[]> clusterSums = new TreeMap<>();
        for (int o = 0; o < n; o++) {
            double w = weights[o];
            double[] u = clusterSums.computeIfAbsent(cluster[o], c -> new double[p]);
            for (int i = 0; i < p; i++) {
                double si = scores[o * p + i];
                u[i] += w * si;
                for (int j = 0; j < p; j++) {
                    double sj = scores[o * p + j];
                    information[i * p + j] += w * si * sj;
                    meat[i * p + j] += w * w * si * sj;
                }
            }
        }
        double[] clusterMeat = new double[p * p];
        for (double[] u : clusterSums.values()) {
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    clusterMeat[i * p + j] += u[i] * u[j];
                }
            }
        }
        return fromSums(hessian, information, meat, clusterMeat, clusterSums.size(), p);
    }

    /**
     * From the reduced sums of the scores (what a likelihood evaluator returns), never N x P.
     *
     * @param hessian Not modified: P x P Hessian of the log-likelihood
     * @param information Not modified: sum_n w_n s_n s_n'
     * @param meat Not modified: the robust sandwich's meat (sum_n w_n^2 s_n s_n' for sampling weights,
     *             sum_n w_n s_n s_n' for frequency weights)
     * @param clusterMeat Not modified: sum_c u_c u_c', u_c the weighted score sum of cluster c
     * @param clusterCount the number of clusters G
     */
    public static Covariances fromSums(double[] hessian, double[] information, double[] meat, double[] clusterMeat,
            int clusterCount, int p) {
        double[] h = Matrices.symmetrize(hessian, p);
        double[] negative = new double[p * p];
        for (int i = 0; i < p * p; i++) {
            negative[i] = -h[i];
        }
        int g = clusterCount;
        double correction = g > 1 ? g / (g - 1.0) : Double.NaN;
        double[] corrected = new double[p * p];
        for (int i = 0; i < p * p; i++) {
            corrected[i] = clusterMeat[i] * correction;
        }
        clusterMeat = corrected;
        Map<CovarianceType, double[]> matrices = new EnumMap<>(CovarianceType.class);
        Map<CovarianceType, String> problems = new EnumMap<>(CovarianceType.class);
        double[] bread = Matrices.inverseOfPositiveDefinite(negative, p);
        if (bread == null) {
            String why = "the Hessian is not negative definite, so the estimate is not a strict local maximum (or a"
                    + " parameter is not identified)";
            problems.put(CovarianceType.HESSIAN, why);
            problems.put(CovarianceType.ROBUST, why);
            problems.put(CovarianceType.CLUSTER, why);
        } else {
            matrices.put(CovarianceType.HESSIAN, bread);
            matrices.put(CovarianceType.ROBUST, Matrices.sandwich(bread, meat, p));
            if (g > 1) {
                matrices.put(CovarianceType.CLUSTER, Matrices.sandwich(bread, clusterMeat, p));
            } else {
                problems.put(CovarianceType.CLUSTER, "there is only one cluster");
            }
        }
        double[] opg = Matrices.inverseOfPositiveDefinite(information, p);
        if (opg == null) {
            problems.put(CovarianceType.OPG, "the outer product of the scores is singular");
        } else {
            matrices.put(CovarianceType.OPG, opg);
        }
        problems.put(CovarianceType.GMM, "the GMM sandwich belongs to method-of-simulated-moments estimates");
        return new Covariances(p, h, Matrices.eigenvalues(h, p), g, matrices, problems);
    }

    /**
     * Covariances of a GMM (method of simulated moments) estimate. With bread A = G'WG and the moment covariance
     * V = sum_n (w_n m_n)(w_n m_n)' / (sum_n w_n)^2 (one cluster per decision-maker), GMM = ROBUST =
     * A^-1 G'W V W G A^-1; CLUSTER sums the weighted contributions within the given clusters and scales by
     * C/(C-1). HESSIAN and OPG (likelihood covariances) are unavailable. The stored "Hessian" is -A, the
     * Gauss-Newton Hessian of -Q/2, so it is negative definite when the parameters are locally identified.
     *
     * @param jacobian Not modified: G, L x P row-major
     * @param weighting Not modified: W, L x L
     * @param momentCovariance Not modified: V = sum_n w_n^2 m_n m_n' / (sum_n w_n)^2, L x L
     * @param clusterCovariance Not modified: sum_c u_c u_c' / (sum_n w_n)^2, u_c the sum of w_n m_n over cluster c
     * @param clusterCount the number of clusters C
     */
    public static Covariances gmm(double[] jacobian, double[] weighting, double[] momentCovariance,
            double[] clusterCovariance, int clusterCount, int l, int p) {
        double[] wgm = new double[l * p];
        for (int a = 0; a < l; a++) {
            for (int b = 0; b < l; b++) {
                double w = weighting[a * l + b];
                for (int k = 0; k < p; k++) {
                    wgm[a * p + k] += w * jacobian[b * p + k];
                }
            }
        }
        double[] bread = new double[p * p];
        for (int a = 0; a < l; a++) {
            for (int i = 0; i < p; i++) {
                double gi = jacobian[a * p + i];
                for (int j = 0; j < p; j++) {
                    bread[i * p + j] += gi * wgm[a * p + j];
                }
            }
        }
        bread = Matrices.symmetrize(bread, p);
        double[] v = momentCovariance.clone();
        int g = clusterCount;
        double correction = g > 1 ? g / (g - 1.0) : Double.NaN;
        double[] vc = new double[l * l];
        for (int i = 0; i < l * l; i++) {
            vc[i] = clusterCovariance[i] * correction;
        }
        double[] negative = new double[p * p];
        for (int i = 0; i < p * p; i++) {
            negative[i] = -bread[i];
        }
        Map<CovarianceType, double[]> matrices = new EnumMap<>(CovarianceType.class);
        Map<CovarianceType, String> problems = new EnumMap<>(CovarianceType.class);
        String likelihood = "a method-of-simulated-moments estimate has no likelihood Hessian or scores: use the GMM"
                + " sandwich (gmm, robust or cluster)";
        problems.put(CovarianceType.HESSIAN, likelihood);
        problems.put(CovarianceType.OPG, likelihood);
        double[] inverse = Matrices.inverseOfPositiveDefinite(bread, p);
        if (inverse == null) {
            String why = "G'WG is singular: the moments do not identify every parameter at the estimate (weak or"
                    + " redundant instruments, or a parameter the data cannot pin down)";
            problems.put(CovarianceType.GMM, why);
            problems.put(CovarianceType.ROBUST, why);
            problems.put(CovarianceType.CLUSTER, why);
        } else {
            double[] sandwich = Matrices.sandwich(inverse, meat(wgm, v, l, p), p);
            matrices.put(CovarianceType.GMM, sandwich);
            matrices.put(CovarianceType.ROBUST, sandwich.clone());
            if (g > 1) {
                matrices.put(CovarianceType.CLUSTER, Matrices.sandwich(inverse, meat(wgm, vc, l, p), p));
            } else {
                problems.put(CovarianceType.CLUSTER, "there is only one cluster");
            }
        }
        return new Covariances(p, negative, Matrices.eigenvalues(negative, p), g, matrices, problems);
    }

    /** (WG)' V (WG). */
    private static double[] meat(double[] wgm, double[] v, int l, int p) {
        double[] vb = new double[l * p];
        for (int a = 0; a < l; a++) {
            for (int b = 0; b < l; b++) {
                double x = v[a * l + b];
                for (int k = 0; k < p; k++) {
                    vb[a * p + k] += x * wgm[b * p + k];
                }
            }
        }
        double[] out = new double[p * p];
        for (int a = 0; a < l; a++) {
            for (int i = 0; i < p; i++) {
                double bi = wgm[a * p + i];
                for (int j = 0; j < p; j++) {
                    out[i * p + j] += bi * vb[a * p + j];
                }
            }
        }
        return Matrices.symmetrize(out, p);
    }

    /** Whether the covariance of this type could be computed. */
    public boolean isAvailable(CovarianceType type) {
        return matrices.containsKey(type);
    }

    /** The P x P covariance, row-major; all NaN when unavailable (see {@link #problem(CovarianceType)}). */
    public double[] matrix(CovarianceType type) {
        double[] m = matrices.get(type);
        if (m == null) {
            double[] nan = new double[p * p];
            java.util.Arrays.fill(nan, Double.NaN);
            return nan;
        }
        return m.clone();
    }

    /** Why the covariance of this type is unavailable, or null. */
    public String problem(CovarianceType type) {
        return problems.get(type);
    }

    /** Standard errors of this type (NaN when unavailable). */
    public double[] standardErrors(CovarianceType type) {
        double[] v = matrix(type);
        double[] se = new double[p];
        for (int i = 0; i < p; i++) {
            se[i] = Math.sqrt(v[i * p + i]);
        }
        return se;
    }

    /** The Hessian of the log-likelihood, row-major. */
    public double[] hessian() {
        return hessian.clone();
    }

    /** Eigenvalues of the Hessian, ascending; all negative at a strict local maximum. */
    public double[] hessianEigenvalues() {
        return hessianEigenvalues.clone();
    }

    /** True when every eigenvalue of the Hessian is negative. */
    public boolean isHessianNegativeDefinite() {
        return p == 0 || hessianEigenvalues[p - 1] < 0;
    }

    public int clusterCount() {
        return clusterCount;
    }

    public int parameterCount() {
        return p;
    }
}
