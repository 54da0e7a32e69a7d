package org.mixlogit.simulation;

import java.util.ArrayList;
import java.util.List;

/**
 * The seam between the method of simulated moments and where its sums over decision-makers run: the block partials
 * of the weighted moments, their Jacobian and covariance ({@link SimulatedShares#momentPartials}) and the per-cluster
 * moment sums, with the instruments bound, over one data object or over shards of whole reduction blocks (local
 * shards, or the partitions of a cluster). The caller adds the partials in the canonical order of
 * {@link BlockPartials}, so every implementation gives the same numbers to the last bit.
 */
public interface MomentSums extends AutoCloseable {
    int parameterCount();

    int instrumentCount();

    /** Decision-makers in the data. */
    int decisionMakerCount();

    /** The decision-makers' weights added in ordinal order from zero. */
    double weightSum();

    /** The integration rule in words. */
    String integrationDescription();

    /** Every shard's partials of {@link SimulatedShares#momentPartials} at theta (theta not modified). */
    List<BlockPartials> momentPartials(double[] theta, boolean withJacobian);

    /**
     * Every shard's per-cluster sums of w_n m_n ({@link SimulatedShares#momentClusterPartials}).
     *
     * @param clusterCharacteristic the characteristic whose values are the clusters
     */
    List<ClusterPartials> momentClusterPartials(double[] theta, String clusterCharacteristic);

    /** Closes the simulators (not closed by the consumer of the sums). */
    @Override
    void close();

    /**
     * Sums over local simulators of shards of whole blocks.
     *
     * @param instruments Not modified: per shard, its rows x L instrument values by grouped row
     */
    static MomentSums of(List<SimulatedShares> shards, List<double[]> instruments, int l) {
        if (shards.isEmpty() || shards.size() != instruments.size()) {
            throw new IllegalArgumentException(shards.size() + " shards and " + instruments.size()
                    + " instrument blocks: give one per shard.");
        }
        List<SimulatedShares> sims = List.copyOf(shards);
        List<double[]> values = List.copyOf(instruments);
        int n = 0;
        double sum = 0;
        for (SimulatedShares s : sims) {
            n += s.data().decisionMakerCount();
            for (double w : s.data().weightsRef()) {
                sum += w;
            }
        }
        int decisionMakers = n;
        double weightSum = sum;
        return new MomentSums() {
            @Override
            public int parameterCount() {
                return sims.get(0).parameterCount();
            }

            @Override
            public int instrumentCount() {
                return l;
            }

            @Override
            public int decisionMakerCount() {
                return decisionMakers;
            }

            @Override
            public double weightSum() {
                return weightSum;
            }

            @Override
            public String integrationDescription() {
                return sims.get(0).integrationDescription();
            }

            @Override
            public List<BlockPartials> momentPartials(double[] theta, boolean withJacobian) {
                List<BlockPartials> out = new ArrayList<>();
                for (int s = 0; s < sims.size(); s++) {
                    out.add(sims.get(s).momentPartials(theta, values.get(s), l, withJacobian));
                }
                return out;
            }

            @Override
            public List<ClusterPartials> momentClusterPartials(double[] theta, String clusterCharacteristic) {
                List<ClusterPartials> out = new ArrayList<>();
                for (int s = 0; s < sims.size(); s++) {
                    SimulatedShares shard = sims.get(s);
                    out.add(shard.momentClusterPartials(theta, values.get(s), l,
                            shard.clusterKeys(clusterCharacteristic)));
                }
                return out;
            }

            @Override
            public void close() {
                sims.forEach(SimulatedShares::close);
            }
        };
    }
}
