package org.mixlogit.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.storage.StorageLevel;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.simulation.BlockPartials;
import org.mixlogit.simulation.ClusterPartials;
import org.mixlogit.simulation.LikelihoodEvaluator;
import org.mixlogit.simulation.ProbabilityAggregator;
import org.mixlogit.simulation.ScoreSums;
import org.mixlogit.simulation.SimulatedLogLikelihood;
import org.mixlogit.simulation.SubstitutionAggregator;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.spec.ParameterLayout;

/**
 * A simulated log-likelihood whose sums over decision-makers run on Spark: one cached engine per partition (a
 * shard of whole reduction blocks with its simulator, built once where the partition lives), and per evaluation
 * one job that ships the parameter vector and returns each partition's block partials, which the driver adds in
 * canonical block order ({@link BlockPartials#total}). The numbers equal the local engine's to the last bit, for
 * any number of partitions, and a task that Spark retries after a failure returns the same partials. Close it to
 * release the engines' executor memory.
 */
final class SparkLikelihood implements LikelihoodEvaluator {
    private final JavaRDD<LikelihoodEngine> engines;
    private final ModelSpec spec;
    private final ParameterLayout layout;
    private final int decisionMakers;
    private final String description;
    private FaultPlan faults = FaultPlan.NONE;
    private String lastFailure;
    private List<Partial> lastPartials = List.of();

    /**
     * Builds (and caches) every partition's engine from its shard.
     *
     * @param shards one shard per partition (cached by the caller)
     * @param centre Not modified: where adaptive nodes are centred; may be null
     * @param conditional see {@link LikelihoodEngine}
     * @param threads each engine's simulator's threads
     */
    SparkLikelihood(JavaRDD<Shard> shards, ModelSpec spec, IntegrationConfig integration, double[] centre,
            boolean conditional, int decisionMakers, int threads) {
        this(shards, spec, decisionMakers, engine(spec, integration, centre == null ? null : centre.clone(),
                conditional, threads));
    }

    private static Function<Shard, LikelihoodEngine> engine(ModelSpec spec, IntegrationConfig integration,
            double[] at, boolean conditional, int threads) {
        return shard -> new LikelihoodEngine(shard, spec, integration, at, conditional, threads);
    }

    /** Every partition's engine made from its shard by {@code engine} (built and cached where it lives). */
    SparkLikelihood(JavaRDD<Shard> shards, ModelSpec spec, int decisionMakers,
            Function<Shard, LikelihoodEngine> engine) {
        this.engines = shards.map(engine).persist(StorageLevel.MEMORY_ONLY());
        this.spec = spec;
        this.layout = spec.layout();
        this.decisionMakers = decisionMakers;
        List<String> described = engines.map(e -> e.simulator.integrationDescription()).take(1);
        this.description = described.isEmpty() ? "" : described.get(0);
    }

    /** Makes the first attempt of every task of one partition fail (tests of Spark's retries). */
    void injectFailures(FaultPlan plan) {
        this.faults = plan;
    }

    /** Partition and attempt of each partial of the last evaluation (tests of Spark's retries). */
    List<int[]> lastAttempts() {
        List<int[]> out = new ArrayList<>();
        for (Partial p : lastPartials) {
            out.add(new int[] {p.partition, p.attempt});
        }
        return out;
    }

    int partitionCount() {
        return engines.getNumPartitions();
    }

    /** Runs one evaluation on every partition and keeps the failures it reports. */
    private synchronized List<Partial> run(Function<SimulatedLogLikelihood, Partial> evaluation) {
        FaultPlan plan = faults;
        List<Partial> parts = engines.map(e -> {
            plan.check();
            return evaluation.call(e.simulator);
        }).collect();
        lastPartials = parts;
        lastFailure = null;
        for (Partial p : parts) {
            if (p.failure != null && lastFailure == null) {
                lastFailure = p.failure;
            }
        }
        return parts;
    }

    private static List<BlockPartials> blocks(List<Partial> parts) {
        List<BlockPartials> out = new ArrayList<>();
        for (Partial p : parts) {
            if (p.blocks == null) {
                return null;
            }
            out.add(p.blocks);
        }
        return out;
    }

    private static List<ClusterPartials> keyed(List<Partial> parts) {
        List<ClusterPartials> out = new ArrayList<>();
        for (Partial p : parts) {
            out.add(p.keyed);
        }
        return out;
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public ParameterLayout layout() {
        return layout;
    }

    @Override
    public int parameterCount() {
        return layout.size();
    }

    @Override
    public int decisionMakerCount() {
        return decisionMakers;
    }

    @Override
    public String integrationDescription() {
        return description;
    }

    @Override
    public synchronized String lastFailure() {
        return lastFailure;
    }

    @Override
    public double value(double[] theta) {
        double[] t = theta.clone();
        return BlockPartials.total(blocks(run(s -> Partial.of(s.valuePartials(t), s.lastFailure()))))[0];
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        double[] t = theta.clone();
        double[] total = BlockPartials.total(blocks(run(s -> Partial.of(s.gradientPartials(t), s.lastFailure()))));
        System.arraycopy(total, 1, gradient, 0, gradient.length);
        return total[0];
    }

    @Override
    public ScoreSums scoreSums(double[] theta, String clusterCharacteristic) {
        double[] t = theta.clone();
        double[] total = BlockPartials.total(blocks(run(s -> Partial.of(s.scorePartials(t), s.lastFailure()))));
        if (clusterCharacteristic == null) {
            return ScoreSums.of(parameterCount(), total, null, decisionMakers);
        }
        TreeMap<Long, double[]> clusters = ClusterPartials.total(keyed(run(s -> Partial.keyed(
                s.clusterPartials(t, s.clusterKeys(clusterCharacteristic)), s.lastFailure()))));
        return ScoreSums.of(parameterCount(), total, clusters, decisionMakers);
    }

    @Override
    public double[] hessian(double[] theta) {
        double[] t = theta.clone();
        List<BlockPartials> parts = blocks(run(s -> Partial.of(s.hessianPartials(t), s.lastFailure())));
        return parts == null ? null : SimulatedLogLikelihood.symmetricHessian(parts, parameterCount());
    }

    @Override
    public double[] scoreJacobian(double[] theta) {
        double[] t = theta.clone();
        List<BlockPartials> parts = blocks(run(s -> Partial.of(s.scoreJacobianPartials(t), s.lastFailure())));
        return parts == null ? null : SimulatedLogLikelihood.symmetricHessian(parts, parameterCount());
    }

    @Override
    public TreeMap<Long, double[]> probabilitySums(double[] theta, int width, ProbabilityAggregator aggregator) {
        double[] t = theta.clone();
        return ClusterPartials.total(keyed(run(s -> Partial.keyed(s.probabilityPartials(t, width, aggregator),
                s.lastFailure()))));
    }

    @Override
    public TreeMap<Long, double[]> substitutionSums(double[] theta, String attribute, int width,
            SubstitutionAggregator aggregator) {
        double[] t = theta.clone();
        return ClusterPartials.total(keyed(run(s -> Partial.keyed(s.substitutionPartials(t, attribute, width,
                aggregator), s.lastFailure()))));
    }

    @Override
    public void close() {
        engines.unpersist(false);
    }

    @Override
    public String toString() {
        return "SparkLikelihood[" + engines.getNumPartitions() + " partitions, " + decisionMakers
                + " decision-makers]";
    }
}
