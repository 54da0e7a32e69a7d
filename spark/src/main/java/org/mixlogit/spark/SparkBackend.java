package org.mixlogit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.data.DataFingerprint;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.simulation.Backend;
import org.mixlogit.simulation.BlockPartials;
import org.mixlogit.simulation.PartSums;
import org.mixlogit.simulation.LikelihoodEvaluator;
import org.mixlogit.simulation.MomentSums;
import org.mixlogit.simulation.PartInstruments;
import org.mixlogit.simulation.PerDecisionMaker;
import org.mixlogit.simulation.ShardedLikelihood;
import org.mixlogit.simulation.SimulatedShares;
import org.mixlogit.simulation.Simulators;
import org.mixlogit.spec.ModelSpec;

/**
 * The Spark backend: every sum over decision-makers of the estimators and of post-estimation runs on a Spark
 * cluster (or a local Spark), over partitions of whole reduction blocks, and is reduced by the driver in the
 * canonical block order, so the numbers are the local engine's to the last bit.
 *
 * <p>Data: a partition holds a shard, decision-makers {@code ranges(N, partitions)} of the identity order
 * ({@link ShardedLikelihood#ranges}), kept in executor memory. Data read from a Spark source
 * ({@link SparkChoiceData#read}) are registered here with shards that the executors built from their own rows;
 * any other data (post-estimation on new data, the Java API) are cut by the driver ({@link ChoiceData#slice}) and
 * shipped once. Per evaluator, each partition builds its simulator once and keeps it across iterations; an
 * evaluation ships only the parameter vector. A cluster covariance needs no co-location of a cluster's
 * decision-makers: cluster sums are keyed by the cluster's value and added in block order, so a cluster split
 * across partitions gives the same numbers.
 *
 * <p>Every estimator's sums run here: the optimizer's, the plain-logit start's, the integration check's, the
 * estimators' data checks, a latent class model's EM passes and its k-means-like starting split ({@link #partials}:
 * data-only sums over each partition's built shard), the method of simulated moments' (its instruments computed by
 * each partition for its rows, {@link #moments}; which are kept is decided from {@link #partials}) and those of latent
 * class models, whose partitions build the classes' simulator ({@code Simulators} binds a latent
 * class specification to its classes' support). Per-decision-maker outputs ({@link #perDecisionMaker},
 * {@link SparkOutputs}: conditional coefficients, willingness to pay, posterior class probabilities) are computed on
 * the partitions too, and the data's fingerprint is streamed from them ({@link #fingerprint}). Data read from a Spark
 * source are known on the driver by their summary ({@link ChoiceData#isSummary()}), with which post-estimation's
 * aggregates (shares, elasticities, diversion ratios) run too, and the command line's tables by decision-maker, row
 * or situation ({@link SparkPostEstimationOutputs}). Each partition's simulators use the cores of one task
 * ({@link #partThreads}).
 */
public final class SparkBackend implements Backend {
    private final JavaSparkContext context;
    private final int partitions;
    /** The threads of each partition's simulator: the cores one Spark task holds ({@code spark.task.cpus}). */
    private final int taskThreads;
    /** Shards of data this backend has distributed, by the driver's data object. */
    private final Map<ChoiceData, JavaRDD<Shard>> distributed = new IdentityHashMap<>();
    /** Each partition's shard built as choice data, for the data-only sums (checks, the EM), by data object. */
    private final Map<ChoiceData, JavaRDD<ChoiceData>> built = new IdentityHashMap<>();
    /** The cached RDD behind each entry of {@link #built}, released with the data. */
    private final Map<ChoiceData, JavaRDD<?>> cachedBuilt = new IdentityHashMap<>();

    /**
     * @param partitions the number of partitions (at most one per reduction block of 32 decision-makers is used)
     */
    public SparkBackend(SparkSession spark, int partitions) {
        this(spark, partitions, JavaSparkContext.fromSparkContext(spark.sparkContext()).getConf()
                .getInt("spark.task.cpus", 1));
    }

    /** With each partition's simulator on {@code taskThreads} threads (tests; otherwise {@code spark.task.cpus}). */
    SparkBackend(SparkSession spark, int partitions, int taskThreads) {
        if (partitions < 1) {
            throw new InvalidSpecificationException("partitions is " + partitions + ": use 1 or more (e.g. two or"
                    + " three per executor core).");
        }
        this.context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.partitions = partitions;
        this.taskThreads = Math.max(1, taskThreads);
    }

    public int partitions() {
        return partitions;
    }

    /**
     * The cores one Spark task holds ({@code spark.task.cpus}, by default 1), whatever {@code threads} the command
     * line asked for: Spark runs as many tasks on an executor as its cores allow, so each partition's simulator (the
     * likelihood's, the post-estimation outputs', the method of simulated moments' optimal instruments) uses that
     * many threads. The numbers do not depend on it.
     */
    @Override
    public int partThreads(int threads) {
        return taskThreads;
    }

    JavaSparkContext context() {
        return context;
    }

    /**
     * Registers shards built by the executors for the driver's object of the same data (its summary), with the
     * partitions' shards already built as choice data (cached, for the data-only sums).
     */
    synchronized void register(ChoiceData data, JavaRDD<Shard> shards, JavaRDD<PartitionChecks.Built> builtShards) {
        JavaRDD<Shard> old = distributed.put(data, shards);
        if (old != null && old != shards) {
            old.unpersist(false);
        }
        unpersistBuilt(data);
        built.put(data, builtShards.map(b -> b.data));
        cachedBuilt.put(data, builtShards);
    }

    /**
     * The whole data of a summary this backend registered, built on the driver from its shards (streamed one
     * partition at a time), and registered with the same shards: for tests ({@link SparkChoiceData#gather}).
     */
    synchronized ChoiceData gather(ChoiceData summary) {
        JavaRDD<Shard> shards = distributed.get(summary);
        ColumnRoles roles = ((ShardColumns) shards.first()).roles();
        ShardColumns whole = ShardColumns.gather(roles, summary.rowCount(), shards.toLocalIterator());
        if (((ShardColumns) shards.first()).isForPrediction()) {
            whole.forPrediction();
        }
        ChoiceData data = whole.build();
        distributed.put(data, shards);
        built.put(data, built.get(summary));
        cachedBuilt.put(data, cachedBuilt.get(summary));
        return data;
    }

    /** The data's shards in partition order: registered ones, or cut by the driver and cached on first use. */
    synchronized JavaRDD<Shard> shards(ChoiceData data) {
        JavaRDD<Shard> shards = distributed.get(data);
        if (shards == null) {
            List<Shard> cut = new ArrayList<>();
            for (int[] range : ShardedLikelihood.ranges(data.decisionMakerCount(), partitions)) {
                cut.add(new SliceShard(data, range[0], range[1]));
            }
            shards = context.parallelize(cut, cut.size()).persist(StorageLevel.MEMORY_ONLY());
            distributed.put(data, shards);
        }
        return shards;
    }

    /**
     * Releases the shards of {@code data} from executor memory (those it shares with a gathered copy or its summary
     * when both are released).
     */
    public synchronized void release(ChoiceData data) {
        JavaRDD<Shard> shards = distributed.remove(data);
        if (shards != null && !distributed.containsValue(shards)) {
            shards.unpersist(false);
        }
        unpersistBuilt(data);
    }

    /** Forgets the data's built shards, releasing the cached RDD unless other data (a gathered copy) share it. */
    private void unpersistBuilt(ChoiceData data) {
        JavaRDD<ChoiceData> parts = built.remove(data);
        JavaRDD<?> cached = cachedBuilt.remove(data);
        if (cached != null && !cachedBuilt.containsValue(cached) && !built.containsValue(parts)) {
            cached.unpersist(false);
        }
    }

    /** Every partition's shard as choice data, built once where the partition lives and cached there. */
    private synchronized JavaRDD<ChoiceData> built(ChoiceData data) {
        JavaRDD<ChoiceData> parts = built.get(data);
        if (parts == null) {
            parts = shards(data).map(Shard::build).persist(StorageLevel.MEMORY_ONLY());
            built.put(data, parts);
            cachedBuilt.put(data, parts);
        }
        return parts;
    }

    /**
     * Each partition computes its blocks' partials from its built shard (one job, the sums' closure shipped: the
     * model and parameters, never data) and returns them; the caller reduces them in block order.
     */
    @Override
    public List<BlockPartials> partials(ChoiceData data, PartSums sums) {
        return built(data).map(sums::partials).collect();
    }

    @Override
    public LikelihoodEvaluator likelihood(ChoiceData data, ModelSpec spec, IntegrationConfig integration,
            double[] centre) {
        return new SparkLikelihood(shards(data), spec, integration, centre, true, data.decisionMakerCount(),
                taskThreads);
    }

    /**
     * The method of simulated scores' posterior draws on the partitions. The accept-reject state (proposals and
     * envelopes per decision-maker) lives in the caller's arrays on the driver: when some of it is still to be
     * recorded, one job samples every partition's decision-makers with its slice and returns the slice, which the
     * driver writes back; then every partition builds its simulator with the complete state, which replays exactly
     * the recorded proposals (the same accepted draws as a first call, {@code simulation.PosteriorDraws}). Each
     * decision-maker's proposals are keyed by its ordinal and the node tables' zero-weight padding takes no part in
     * any sum, so the numbers equal the local engine's bit for bit.
     */
    @Override
    public LikelihoodEvaluator posteriorDraws(ChoiceData data, ModelSpec spec, double[] centre, int draws, long seed,
            int[] proposals, double[] bounds) {
        double[] at = centre.clone();
        long first = data.firstOrdinal();
        int threads = taskThreads;
        JavaRDD<Shard> shards = shards(data);
        boolean recorded = true;
        for (int count : proposals) {
            recorded &= count != 0;
        }
        if (!recorded) {
            int[] p0 = proposals.clone();
            double[] b0 = bounds.clone();
            List<PosteriorState> states = shards.map(shard -> {
                ChoiceData part = shard.build();
                int from = (int) (part.firstOrdinal() - first);
                PosteriorState state = new PosteriorState(from, Arrays.copyOfRange(p0, from,
                        from + part.decisionMakerCount()), Arrays.copyOfRange(b0, from, from + part.decisionMakerCount()));
                Simulators.posteriorDraws(part, spec, at, draws, seed, state.proposals, state.bounds, threads).close();
                return state;
            }).collect();
            for (PosteriorState state : states) {
                System.arraycopy(state.proposals, 0, proposals, state.from, state.proposals.length);
                System.arraycopy(state.bounds, 0, bounds, state.from, state.bounds.length);
            }
        }
        int[] p = proposals.clone();
        double[] b = bounds.clone();
        return new SparkLikelihood(shards, spec, data.decisionMakerCount(), shard -> {
            ChoiceData part = shard.build();
            int from = (int) (part.firstOrdinal() - first);
            int to = from + part.decisionMakerCount();
            return new LikelihoodEngine(part, Simulators.posteriorDraws(part, spec, at, draws, seed,
                    Arrays.copyOfRange(p, from, to), Arrays.copyOfRange(b, from, to), threads));
        });
    }

    /** One partition's accept-reject state: its first decision-maker's index in the data, proposals, envelopes. */
    private static final class PosteriorState implements Serializable {
        private static final long serialVersionUID = 1L;
        final int from;
        final int[] proposals;
        final double[] bounds;

        PosteriorState(int from, int[] proposals, double[] bounds) {
            this.from = from;
            this.proposals = proposals;
            this.bounds = bounds;
        }
    }

    @Override
    public LikelihoodEvaluator unconditional(ChoiceData data, ModelSpec spec, IntegrationConfig integration) {
        return new SparkLikelihood(shards(data), spec, integration, null, false, data.decisionMakerCount(),
                taskThreads);
    }

    /** Not used on Spark: the method of simulated moments runs through {@link #moments} with a recipe of instruments. */
    @Override
    public List<SimulatedShares> shares(ChoiceData data, ModelSpec spec, IntegrationConfig integration) {
        throw new UnsupportedOperationException("The Spark backend keeps its simulated shares on the executors:"
                + " use moments(..., PartInstruments, l), as MsmEstimator does.");
    }

    /**
     * Each partition builds its simulator and its rows' instrument values from its own shard (the instruments' recipe
     * shipped, never values); the decision-makers' weights are added on the driver in ordinal order (streamed one
     * partition at a time), as the local sums add them.
     */
    @Override
    public MomentSums moments(ChoiceData data, ModelSpec spec, IntegrationConfig integration,
            PartInstruments instruments, int l) {
        double weightSum = 0;
        if (!data.isWeighted()) {
            weightSum = data.decisionMakerCount();
        } else {
            // added in ordinal order from zero, as the local sums do: streamed one partition at a time
            java.util.Iterator<double[]> parts = built(data).map(part -> part.weightsRef().clone()).toLocalIterator();
            while (parts.hasNext()) {
                for (double w : parts.next()) {
                    weightSum += w;
                }
            }
        }
        return new SparkMoments(shards(data), instruments, spec, integration, l, data.decisionMakerCount(),
                weightSum, taskThreads);
    }

    /**
     * Each partition computes its decision-makers' values from its shard (one job) and the driver places them in
     * ordinal order. For outputs too large to gather, {@link SparkOutputs} writes the same values as a DataFrame.
     */
    @Override
    public double[] perDecisionMaker(ChoiceData data, PerDecisionMaker output) {
        int threads = taskThreads;
        return Backend.concatenate(shards(data).map(shard -> output.values(shard.build(), threads)).collect());
    }

    /**
     * The checksum is sequential: each partition computes its shard's input where it lives, and the driver streams
     * them in partition (ordinal) order, holding one partition's at a time.
     */
    @Override
    public DataFingerprint fingerprint(ChoiceData data, Collection<String> attributes,
            Collection<String> characteristics) {
        List<String> a = new ArrayList<>(attributes);
        List<String> c = new ArrayList<>(characteristics);
        return DataFingerprint.ofParts(data.rowCount(), data.situationCount(), data.decisionMakerCount(), a, c,
                built(data).map(part -> DataFingerprint.input(part, a, c)).toLocalIterator());
    }

    @Override
    public String toString() {
        return "Spark backend, " + partitions + " partitions on " + context.master();
    }
}
