package org.mixlogit.msm;

import java.util.Arrays;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.likelihood.SimulatedShares;

/**
 * The simulated moments g(theta) = sum_n w_n m_n(theta) / sum_n w_n, with one contribution per decision-maker
 * m_n = sum over n's situations t and alternatives j of z_tj (y_tj - s_tj(theta)) (so contributions are clustered
 * by decision-maker in panels), and their Jacobian G = dg / dtheta' = -sum_n w_n sum_tj z_tj ds_tj/dtheta' /
 * sum_n w_n, exact from the simulator's analytic derivatives. Sums run over rows in grouped order on one thread, so
 * the results do not depend on the simulator's thread count. Owns its buffers; not thread-safe.
 */
public final class SimulatedMoments {
    private final SimulatedShares shares;
    private final Instruments instruments;
    private final ChoiceData data;
    private final int l;
    private final int p;
    private final int rows;
    private final int decisionMakers;
    private final double[] chosen;
    private final double[] weights;
    private final double weightSum;
    private final double[] s;
    private final double[] jacobian;
    private final double[] contributions;
    private final double[] g;
    private final double[] bigG;

    public SimulatedMoments(SimulatedShares shares, Instruments instruments) {
        this.shares = shares;
        this.instruments = instruments;
        this.data = shares.data();
        this.l = instruments.count();
        this.p = shares.parameterCount();
        this.rows = data.rowCount();
        if (instruments.rows() != rows) {
            throw new IllegalArgumentException("The instruments have " + instruments.rows() + " rows; the data "
                    + rows);
        }
        this.decisionMakers = data.decisionMakerCount();
        this.chosen = new double[rows];
        for (int c : data.chosenRowRef()) {
            chosen[c] = 1.0;
        }
        this.weights = data.weightsRef();
        double sum = 0;
        for (int n = 0; n < decisionMakers; n++) {
            sum += weights[n];
        }
        this.weightSum = sum;
        this.s = new double[rows];
        this.jacobian = new double[rows * p];
        this.contributions = new double[decisionMakers * l];
        this.g = new double[l];
        this.bigG = new double[l * p];
    }

    /**
     * Evaluates the moments (and with {@code withJacobian} their Jacobian) at theta; read them with the Ref
     * accessors until the next evaluation.
     *
     * @param theta Not modified
     * @return false when a simulated probability is not finite (the parameters are outside the computable region)
     */
    public boolean evaluate(double[] theta, boolean withJacobian) {
        shares.evaluate(theta, s, withJacobian ? jacobian : null);
        double[] z = instruments.valuesRef();
        int[] dmStart = data.decisionMakerStartRef();
        int[] situationStart = data.situationStartRef();
        Arrays.fill(contributions, 0.0);
        Arrays.fill(g, 0.0);
        boolean finite = true;
        for (int n = 0; n < decisionMakers; n++) {
            int co = n * l;
            for (int i = situationStart[dmStart[n]]; i < situationStart[dmStart[n + 1]]; i++) {
                double residual = chosen[i] - s[i];
                finite &= Double.isFinite(residual);
                int zo = i * l;
                for (int c = 0; c < l; c++) {
                    contributions[co + c] += z[zo + c] * residual;
                }
            }
            double w = weights[n] / weightSum;
            for (int c = 0; c < l; c++) {
                g[c] += w * contributions[co + c];
            }
        }
        if (withJacobian) {
            Arrays.fill(bigG, 0.0);
            for (int n = 0; n < decisionMakers; n++) {
                double w = -weights[n] / weightSum;
                for (int i = situationStart[dmStart[n]]; i < situationStart[dmStart[n + 1]]; i++) {
                    int zo = i * l;
                    int jo = i * p;
                    for (int c = 0; c < l; c++) {
                        double wz = w * z[zo + c];
                        if (wz == 0) {
                            continue;
                        }
                        int go = c * p;
                        for (int k = 0; k < p; k++) {
                            bigG[go + k] += wz * jacobian[jo + k];
                        }
                    }
                }
            }
        }
        return finite;
    }

    /**
     * Estimated covariance of g: sum_n w_n^2 m_n m_n' / (sum_n w_n)^2 (uncentred, one cluster per decision-maker),
     * at the last evaluation. The residuals contain the simulation error of s, independent of y, so this estimates
     * the data's and the simulator's variance together (see {@code MsmEstimator}).
     */
    public double[] momentCovariance() {
        long[] own = new long[decisionMakers];
        for (int n = 0; n < decisionMakers; n++) {
            own[n] = n;
        }
        return momentCovariance(own);
    }

    /**
     * As {@link #momentCovariance()} with the contributions summed within clusters first (decision-makers with the
     * same {@code cluster} value), as the clustered sandwich does.
     */
    public double[] momentCovariance(long[] cluster) {
        java.util.Map<Long, double[]> sums = new java.util.LinkedHashMap<>();
        for (int n = 0; n < decisionMakers; n++) {
            double[] sum = sums.computeIfAbsent(cluster[n], key -> new double[l]);
            double w = weights[n] / weightSum;
            for (int a = 0; a < l; a++) {
                sum[a] += w * contributions[n * l + a];
            }
        }
        double[] v = new double[l * l];
        for (double[] sum : sums.values()) {
            for (int a = 0; a < l; a++) {
                for (int b = 0; b < l; b++) {
                    v[a * l + b] += sum[a] * sum[b];
                }
            }
        }
        return v;
    }

    /** Moments g (length L) of the last evaluation. Not to be modified. */
    public double[] momentsRef() {
        return g;
    }

    /** Jacobian G, L x P row-major, of the last evaluation with Jacobian. Not to be modified. */
    public double[] jacobianRef() {
        return bigG;
    }

    /** Per-decision-maker contributions m_n (unweighted), N x L row-major. Not to be modified. */
    public double[] contributionsRef() {
        return contributions;
    }

    /** Simulated probabilities of the last evaluation, per grouped row. Not to be modified. */
    public double[] sharesRef() {
        return s;
    }

    /** Sum of the decision-maker weights (the number of decision-makers when unweighted). */
    public double weightSum() {
        return weightSum;
    }

    public int instrumentCount() {
        return l;
    }

    public int parameterCount() {
        return p;
    }

    public Instruments instruments() {
        return instruments;
    }
}
