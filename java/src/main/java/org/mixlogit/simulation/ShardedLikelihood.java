package org.mixlogit.simulation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.spec.ParameterLayout;

/**
 * A simulated log-likelihood over shards of the data, each a data object of whole reduction blocks with its own
 * simulator, whose block partials are added in the canonical order of {@link BlockPartials}: the in-process shape
 * of a distributed backend (a Spark partition holds exactly such a shard and returns exactly these partials). Its
 * value, gradient, score sums and Hessian equal those of one simulator over the whole data to the last bit.
 */
public final class ShardedLikelihood implements LikelihoodEvaluator {
    private final List<SimulatedLogLikelihood> shards;
    private final int decisionMakers;

    /** @param shards simulators of shards of whole blocks (any order); closed with this instance */
    public ShardedLikelihood(List<SimulatedLogLikelihood> shards) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("No shards.");
        }
        this.shards = Collections.unmodifiableList(new ArrayList<>(shards));
        int n = 0;
        for (SimulatedLogLikelihood s : shards) {
            n += s.decisionMakerCount();
        }
        this.decisionMakers = n;
    }

    /**
     * Splits {@code data} into {@code count} shards of whole blocks (as equal as the blocks allow), each built as
     * its own data object by {@link ChoiceData#slice}, with its own simulator on {@code threads} threads.
     *
     * @param centre Not modified: where adaptive nodes are centred (may be null for fixed rules)
     */
    public static ShardedLikelihood split(ChoiceData data, ModelSpec spec, IntegrationConfig integration,
            double[] centre, int count, int threads) {
        return split(data, count, shard -> Simulators.likelihood(shard, spec, integration, centre, threads));
    }

    /** Splits {@code data} as {@link #split(ChoiceData, ModelSpec, IntegrationConfig, double[], int, int)} does,
     * with each shard's simulator made by {@code simulator}. */
    public static ShardedLikelihood split(ChoiceData data, int count,
            java.util.function.Function<ChoiceData, SimulatedLogLikelihood> simulator) {
        List<SimulatedLogLikelihood> out = new ArrayList<>();
        for (int[] range : ranges(data.decisionMakerCount(), count)) {
            out.add(simulator.apply(data.slice(range[0], range[1])));
        }
        return new ShardedLikelihood(out);
    }

    /**
     * Decision-maker ranges {from, to} of up to {@code count} shards of whole reduction blocks, as equal as the
     * blocks allow (empty shards are left out).
     */
    public static List<int[]> ranges(int decisionMakers, int count) {
        if (count < 1) {
            throw new InvalidSpecificationException("shards is " + count + ": use 1 or more.");
        }
        int n = decisionMakers;
        int blocks = (n + BlockPartials.BLOCK_SIZE - 1) / BlockPartials.BLOCK_SIZE;
        List<int[]> out = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            int from = Math.min(n, (int) ((long) blocks * s / count) * BlockPartials.BLOCK_SIZE);
            int to = Math.min(n, (int) ((long) blocks * (s + 1) / count) * BlockPartials.BLOCK_SIZE);
            if (to > from) {
                out.add(new int[] {from, to});
            }
        }
        return out;
    }

    /** The number of shards. */
    public int shardCount() {
        return shards.size();
    }

    @Override
    public ModelSpec spec() {
        return shards.get(0).spec();
    }

    @Override
    public ParameterLayout layout() {
        return shards.get(0).layout();
    }

    @Override
    public int parameterCount() {
        return shards.get(0).parameterCount();
    }

    @Override
    public int decisionMakerCount() {
        return decisionMakers;
    }

    @Override
    public String integrationDescription() {
        return shards.get(0).integrationDescription();
    }

    @Override
    public String lastFailure() {
        for (SimulatedLogLikelihood s : shards) {
            if (s.lastFailure() != null) {
                return s.lastFailure();
            }
        }
        return null;
    }

    @Override
    public double value(double[] theta) {
        List<BlockPartials> parts = new ArrayList<>();
        for (SimulatedLogLikelihood s : shards) {
            parts.add(s.valuePartials(theta));
        }
        return BlockPartials.total(parts)[0];
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        List<BlockPartials> parts = new ArrayList<>();
        for (SimulatedLogLikelihood s : shards) {
            parts.add(s.gradientPartials(theta));
        }
        double[] total = BlockPartials.total(parts);
        System.arraycopy(total, 1, gradient, 0, gradient.length);
        return total[0];
    }

    @Override
    public ScoreSums scoreSums(double[] theta, String clusterCharacteristic) {
        List<BlockPartials> parts = new ArrayList<>();
        for (SimulatedLogLikelihood s : shards) {
            parts.add(s.scorePartials(theta));
        }
        double[] total = BlockPartials.total(parts);
        if (clusterCharacteristic == null) {
            return ScoreSums.of(parameterCount(), total, null, decisionMakers);
        }
        List<ClusterPartials> clusters = new ArrayList<>();
        for (SimulatedLogLikelihood s : shards) {
            clusters.add(s.clusterPartials(theta, s.clusterKeys(clusterCharacteristic)));
        }
        TreeMap<Long, double[]> sums = ClusterPartials.total(clusters);
        return ScoreSums.of(parameterCount(), total, sums, decisionMakers);
    }

    @Override
    public double[] hessian(double[] theta) {
        List<BlockPartials> parts = new ArrayList<>();
        for (SimulatedLogLikelihood s : shards) {
            BlockPartials part = s.hessianPartials(theta);
            if (part == null) {
                return null;
            }
            parts.add(part);
        }
        return SimulatedLogLikelihood.symmetricHessian(parts, parameterCount());
    }

    @Override
    public double[] scoreJacobian(double[] theta) {
        List<BlockPartials> parts = new ArrayList<>();
        for (SimulatedLogLikelihood s : shards) {
            BlockPartials part = s.scoreJacobianPartials(theta);
            if (part == null) {
                return null;
            }
            parts.add(part);
        }
        return SimulatedLogLikelihood.symmetricHessian(parts, parameterCount());
    }

    @Override
    public TreeMap<Long, double[]> probabilitySums(double[] theta, int width, ProbabilityAggregator aggregator) {
        List<ClusterPartials> parts = new ArrayList<>();
        for (SimulatedLogLikelihood s : shards) {
            parts.add(s.probabilityPartials(theta, width, aggregator));
        }
        return ClusterPartials.total(parts);
    }

    @Override
    public TreeMap<Long, double[]> substitutionSums(double[] theta, String attribute, int width,
            SubstitutionAggregator aggregator) {
        List<ClusterPartials> parts = new ArrayList<>();
        for (SimulatedLogLikelihood s : shards) {
            parts.add(s.substitutionPartials(theta, attribute, width, aggregator));
        }
        return ClusterPartials.total(parts);
    }

    @Override
    public void close() {
        for (SimulatedLogLikelihood s : shards) {
            s.close();
        }
    }

    @Override
    public String toString() {
        return "ShardedLikelihood[" + shards.size() + " shards, " + decisionMakers + " decision-makers]";
    }
}
