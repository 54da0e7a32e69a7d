package org.mixlogit.msm;

import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.mixlogit.simulation.BlockPartials;
import org.mixlogit.simulation.ClusterPartials;
import org.mixlogit.simulation.MomentSums;
import org.mixlogit.simulation.SimulatedShares;

/**
 * The simulated moments g(theta) = sum_n w_n m_n(theta) / sum_n w_n, with one contribution per decision-maker
 * m_n = sum over n's situations t and alternatives j of z_tj (y_tj - s_tj(theta)) (so contributions are clustered
 * by decision-maker in panels), and their Jacobian G = dg / dtheta' = -sum_n w_n sum_tj z_tj ds_tj/dtheta' /
 * sum_n w_n, exact from the simulator's analytic derivatives. The sums run in the engine's canonical reduction
 * order ({@link BlockPartials}) over one simulator or over shards of whole blocks, each with its own rows'
 * instruments, with identical results; only L, L x P and L x L sums are held, never the rows x P Jacobian or the
 * N x L contributions. Owns its buffers; not thread-safe.
 */
public final class SimulatedMoments {
    /** One data object's simulator and the instrument values of its rows. */
    public static final class Shard {
        final SimulatedShares shares;
        final double[] instruments;

        /** @param instruments Not modified: the shard's rows x L instrument values by grouped row */
        public Shard(SimulatedShares shares, double[] instruments) {
            this.shares = shares;
            this.instruments = instruments;
        }
    }

    private final MomentSums sums;
    private final Instruments instruments;
    private final int l;
    private final int p;
    private final double weightSum;
    private final double[] g;
    private final double[] bigG;
    private final double[] covariance;
    private double[] lastTheta;

    /** Moments of one simulator's data with the instruments of its rows. */
    public SimulatedMoments(SimulatedShares shares, Instruments instruments) {
        this(List.of(new Shard(shares, checked(shares, instruments))), instruments);
    }

    /**
     * Moments over shards of whole reduction blocks.
     *
     * @param instruments the instruments' names and count (their values are the shards')
     */
    public SimulatedMoments(List<Shard> shards, Instruments instruments) {
        this(MomentSums.of(shards.stream().map(s -> s.shares).collect(Collectors.toList()),
                shards.stream().map(s -> s.instruments).collect(Collectors.toList()), instruments.count()),
                instruments);
    }

    /**
     * Moments whose sums run where {@code sums} computes them (a backend's {@link MomentSums}, local or
     * distributed); the caller closes {@code sums}.
     *
     * @param instruments the instruments' names and count (their values are bound in {@code sums})
     */
    public SimulatedMoments(MomentSums sums, Instruments instruments) {
        if (sums.instrumentCount() != instruments.count()) {
            throw new IllegalArgumentException("The moment sums have " + sums.instrumentCount()
                    + " instruments; the instruments " + instruments.count());
        }
        this.sums = sums;
        this.instruments = instruments;
        this.l = instruments.count();
        this.p = sums.parameterCount();
        this.weightSum = sums.weightSum();
        this.g = new double[l];
        this.bigG = new double[l * p];
        this.covariance = new double[l * l];
    }

    private static double[] checked(SimulatedShares shares, Instruments instruments) {
        if (instruments.rows() != shares.data().rowCount()) {
            throw new IllegalArgumentException("The instruments have " + instruments.rows() + " rows; the data "
                    + shares.data().rowCount());
        }
        return instruments.valuesRef();
    }

    /**
     * Evaluates the moments (and with {@code withJacobian} their Jacobian) at theta; read them with the Ref
     * accessors until the next evaluation.
     *
     * @param theta Not modified
     * @return false when a simulated probability is not finite (the parameters are outside the computable region)
     */
    public boolean evaluate(double[] theta, boolean withJacobian) {
        double[] total = BlockPartials.total(sums.momentPartials(theta, withJacobian));
        lastTheta = theta.clone();
        for (int a = 0; a < l; a++) {
            g[a] = total[a] / weightSum;
        }
        if (withJacobian) {
            for (int i = 0; i < l * p; i++) {
                bigG[i] = total[l + i] / weightSum;
            }
        }
        double squared = weightSum * weightSum;
        for (int i = 0; i < l * l; i++) {
            covariance[i] = total[l + l * p + i] / squared;
        }
        return total[total.length - 1] == 0 && allFinite(g);
    }

    private static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Estimated covariance of g: sum_n w_n^2 m_n m_n' / (sum_n w_n)^2 (uncentred, one cluster per decision-maker),
     * at the last evaluation. The residuals contain the simulation error of s, independent of y, so this estimates
     * the data's and the simulator's variance together (see {@code MsmEstimator}).
     */
    public double[] momentCovariance() {
        return covariance.clone();
    }

    /**
     * As {@link #momentCovariance()} with the contributions summed within clusters first (decision-makers with the
     * same value of the characteristic), as the clustered sandwich does, at the last evaluation: sum_c u_c u_c' /
     * (sum_n w_n)^2 with u_c = sum over c's decision-makers of w_n m_n, clusters in ascending key order.
     *
     * @param clusterCharacteristic null for one cluster per decision-maker
     */
    public ClusteredCovariance momentCovariance(String clusterCharacteristic) {
        if (lastTheta == null) {
            throw new IllegalStateException("Evaluate the moments before asking for their covariance.");
        }
        if (clusterCharacteristic == null) {
            return new ClusteredCovariance(covariance.clone(), sums.decisionMakerCount());
        }
        TreeMap<Long, double[]> clusters = ClusterPartials.total(sums.momentClusterPartials(lastTheta,
                clusterCharacteristic));
        double[] v = new double[l * l];
        double squared = weightSum * weightSum;
        for (double[] u : clusters.values()) {
            for (int a = 0; a < l; a++) {
                for (int b = 0; b < l; b++) {
                    v[a * l + b] += u[a] * u[b];
                }
            }
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= squared;
        }
        return new ClusteredCovariance(v, clusters.size());
    }

    /** A moment covariance and the number of clusters it was summed over. */
    public static final class ClusteredCovariance {
        private final double[] covariance;
        private final int clusters;

        ClusteredCovariance(double[] covariance, int clusters) {
            this.covariance = covariance;
            this.clusters = clusters;
        }

        /** L x L row-major. */
        public double[] covariance() {
            return covariance.clone();
        }

        public int clusters() {
            return clusters;
        }
    }

    /** Moments g (length L) of the last evaluation. Not to be modified. */
    public double[] momentsRef() {
        return g;
    }

    /** Jacobian G, L x P row-major, of the last evaluation with Jacobian. Not to be modified. */
    public double[] jacobianRef() {
        return bigG;
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
