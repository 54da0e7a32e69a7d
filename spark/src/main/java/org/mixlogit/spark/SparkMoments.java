package org.mixlogit.spark;

import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.simulation.BlockPartials;
import org.mixlogit.simulation.ClusterPartials;
import org.mixlogit.simulation.MomentSums;
import org.mixlogit.simulation.PartInstruments;
import org.mixlogit.simulation.SimulatedShares;
import org.mixlogit.simulation.Simulators;
import org.mixlogit.spec.ModelSpec;

/**
 * The method of simulated moments' sums on Spark: one cached engine per partition (its shard's simulated shares
 * and its rows' instruments, computed there from the shard by the instruments' recipe), and per evaluation one job
 * that ships the parameter vector and returns the partitions' block partials of the moments, their Jacobian and
 * covariance. Equal to the local sums to the last bit. Close it to release the engines.
 */
final class SparkMoments implements MomentSums {
    /** One partition's simulated shares and the instruments of its rows. */
    static final class Engine {
        final SimulatedShares shares;
        final double[] instruments;

        Engine(Shard shard, ModelSpec spec, IntegrationConfig integration, PartInstruments instruments,
                int threads) {
            ChoiceData part = shard.build();
            this.shares = Simulators.shares(part, spec, integration, threads);
            this.instruments = instruments.values(part);
        }
    }

    private final JavaRDD<Engine> engines;
    private final int p;
    private final int l;
    private final int decisionMakers;
    private final double weightSum;
    private final String description;

    /**
     * @param instruments each partition's rows' instrument values, computed from its shard
     * @param weightSum the decision-makers' weights added in ordinal order (computed by the driver)
     * @param threads each partition's simulator's threads
     */
    SparkMoments(JavaRDD<Shard> shards, PartInstruments instruments, ModelSpec spec, IntegrationConfig integration,
            int l, int decisionMakers, double weightSum, int threads) {
        this.engines = shards.map(shard -> new Engine(shard, spec, integration, instruments, threads))
                .persist(StorageLevel.MEMORY_ONLY());
        this.p = spec.layout().size();
        this.l = l;
        this.decisionMakers = decisionMakers;
        this.weightSum = weightSum;
        List<String> described = engines.map(e -> e.shares.integrationDescription()).take(1);
        this.description = described.isEmpty() ? "" : described.get(0);
    }

    @Override
    public int parameterCount() {
        return p;
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
        return description;
    }

    @Override
    public List<BlockPartials> momentPartials(double[] theta, boolean withJacobian) {
        double[] t = theta.clone();
        int width = l;
        return engines.map(e -> e.shares.momentPartials(t, e.instruments, width, withJacobian)).collect();
    }

    @Override
    public List<ClusterPartials> momentClusterPartials(double[] theta, String clusterCharacteristic) {
        double[] t = theta.clone();
        int width = l;
        return engines.map(e -> e.shares.momentClusterPartials(t, e.instruments, width,
                e.shares.clusterKeys(clusterCharacteristic))).collect();
    }

    @Override
    public void close() {
        engines.unpersist(false);
    }
}
