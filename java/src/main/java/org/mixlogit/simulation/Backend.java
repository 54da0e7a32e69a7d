package org.mixlogit.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.data.DataFingerprint;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.spec.ModelSpec;

/**
 * Where the sums over decision-makers run: the factory of an estimator's {@link LikelihoodEvaluator}s. The local
 * backend evaluates on worker threads of this process; {@link #sharded(int, int)} splits the data into shards of whole
 * reduction blocks, each built as its own data object (the shape of a distributed backend, in process). All
 * backends reduce in the canonical order of {@link BlockPartials}, so they give the same numbers to the last bit.
 */
public interface Backend {
    /**
     * A simulated log-likelihood of {@code data} (whose choices are observed) under {@code integration}.
     *
     * @param centre Not modified: where adaptive nodes are centred; may be null for rules that do not adapt
     */
    LikelihoodEvaluator likelihood(ChoiceData data, ModelSpec spec, IntegrationConfig integration, double[] centre);

    /**
     * The method of simulated scores' simulator of {@code data} at {@code centre}: {@code draws} exact draws from every
     * decision-maker's posterior by accept-reject ({@link Simulators#posteriorDraws}), each decision-maker's draws
     * keyed by its ordinal, so any split of the data gives the same draws and the same sums to the last bit.
     *
     * @param centre Not modified
     * @param proposals <b>Modified</b> where 0: proposals per decision-maker of {@code data}, recorded by the first
     *     call (see {@link PosteriorDraws})
     * @param bounds <b>Modified</b> with proposals: the envelopes recorded by the first call
     * @throws UnsupportedOperationException from backends that do not provide it
     */
    default LikelihoodEvaluator posteriorDraws(ChoiceData data, ModelSpec spec, double[] centre, int draws, long seed,
            int[] proposals, double[] bounds) {
        throw new UnsupportedOperationException("The " + this + " does not run the method of simulated scores.");
    }

    /**
     * A simulator of {@code data} for quantities that do not condition on its choices (post-estimation
     * probabilities, shares and substitution patterns): adaptive rules use their prior-centred form.
     */
    LikelihoodEvaluator unconditional(ChoiceData data, ModelSpec spec, IntegrationConfig integration);

    /**
     * Simulated shares of {@code data} for the method of simulated moments: one simulator per shard of whole
     * reduction blocks (one for the local backend), in ordinal order. The caller closes them.
     */
    List<SimulatedShares> shares(ChoiceData data, ModelSpec spec, IntegrationConfig integration);

    /**
     * The sums of the method of simulated moments of {@code data} with its instruments bound: by default over the
     * simulators of {@link #shares}, each with its rows' instruments. The caller closes it.
     *
     * @param instruments Not modified: rows x L instrument values by grouped row of {@code data}
     */
    default MomentSums moments(ChoiceData data, ModelSpec spec, IntegrationConfig integration, double[] instruments,
            int l) {
        List<SimulatedShares> shards = shares(data, spec, integration);
        List<double[]> values = new ArrayList<>();
        for (SimulatedShares shard : shards) {
            int from = firstRowIn(data, shard.data());
            values.add(Arrays.copyOfRange(instruments, from * l, (from + shard.data().rowCount()) * l));
        }
        return MomentSums.of(shards, values, l);
    }

    /**
     * The sums of the method of simulated moments of {@code data} with instruments computed where the rows live: by
     * default over the simulators of {@link #shares}, each with its rows' values of {@code instruments}.
     * The caller closes it.
     *
     * @param l the instrument count (the width of {@code instruments}' values)
     */
    default MomentSums moments(ChoiceData data, ModelSpec spec, IntegrationConfig integration,
            PartInstruments instruments, int l) {
        List<SimulatedShares> shards = shares(data, spec, integration);
        List<double[]> values = new ArrayList<>();
        try {
            for (SimulatedShares shard : shards) {
                values.add(instruments.values(shard.data()));
            }
        } catch (RuntimeException e) {
            for (SimulatedShares shard : shards) {
                shard.close();
            }
            throw e;
        }
        return MomentSums.of(shards, values, l);
    }

    /**
     * The threads each part's own simulator may use when a computation builds one where the part lives (the method
     * of simulated moments' optimal instruments): by default {@code threads}; a distributed backend gives the cores
     * one of its tasks holds. The numbers do not depend on it.
     */
    default int partThreads(int threads) {
        return threads;
    }

    /**
     * A per-decision-maker output of {@code data}: the decision-makers' values one after the other in ordinal order
     * (for values per row, the grouped rows' order). By default computed on one local thread.
     */
    default double[] perDecisionMaker(ChoiceData data, PerDecisionMaker output) {
        return output.values(data, 1);
    }

    /**
     * The block partials of a sum over {@code data}'s decision-makers that reads the data alone ({@link DataSums}):
     * computed where the data live, one partial per reduction block, for the caller to reduce in block order
     * ({@link BlockPartials#total}, or {@link BlockPartials#maximum} for running maxima). By default on this thread.
     */
    default List<BlockPartials> dataPartials(ChoiceData data, int width, DataSums terms) {
        return partials(data, part -> DataSums.partials(part, width, terms));
    }

    /**
     * The block partials of a data-only sum that prepares per part ({@link PartSums}), computed where the data live,
     * one list entry per part in ordinal order. By default on this thread, the data as one part.
     */
    default List<BlockPartials> partials(ChoiceData data, PartSums sums) {
        return List.of(sums.partials(data));
    }

    /** The total of a data-only sum over {@code data}'s decision-makers in canonical block order. */
    default double[] dataSums(ChoiceData data, int width, DataSums terms) {
        return BlockPartials.total(dataPartials(data, width, terms));
    }

    /**
     * The fingerprint of {@code data} over these columns ({@link DataFingerprint#of}); a backend that holds the rows
     * elsewhere streams its shards' checksum inputs in ordinal order ({@link DataFingerprint#ofParts}).
     */
    default DataFingerprint fingerprint(ChoiceData data, Collection<String> attributes,
            Collection<String> characteristics) {
        return DataFingerprint.of(data, attributes, characteristics);
    }

    /** Local worker threads (1 or more): the default backend. */
    static Backend local(int threads) {
        return new Backend() {
            @Override
            public LikelihoodEvaluator likelihood(ChoiceData data, ModelSpec spec, IntegrationConfig integration,
                    double[] centre) {
                return Simulators.likelihood(data, spec, integration, centre, threads);
            }

            @Override
            public LikelihoodEvaluator posteriorDraws(ChoiceData data, ModelSpec spec, double[] centre, int draws,
                    long seed, int[] proposals, double[] bounds) {
                return Simulators.posteriorDraws(data, spec, centre, draws, seed, proposals, bounds, threads);
            }

            @Override
            public LikelihoodEvaluator unconditional(ChoiceData data, ModelSpec spec, IntegrationConfig integration) {
                return Simulators.unconditional(data, spec, integration, threads);
            }

            @Override
            public List<SimulatedShares> shares(ChoiceData data, ModelSpec spec, IntegrationConfig integration) {
                return List.of(Simulators.shares(data, spec, integration, threads));
            }

            @Override
            public double[] perDecisionMaker(ChoiceData data, PerDecisionMaker output) {
                return output.values(data, threads);
            }

            @Override
            public String toString() {
                return "local backend, " + threads + " threads";
            }
        };
    }

    /**
     * In-process shards of whole reduction blocks, each its own data object and simulator on {@code threads}
     * threads: the reference a distributed backend must match bit for bit.
     */
    static Backend sharded(int shards, int threads) {
        return new Backend() {
            @Override
            public LikelihoodEvaluator likelihood(ChoiceData data, ModelSpec spec, IntegrationConfig integration,
                    double[] centre) {
                return ShardedLikelihood.split(data, spec, integration, centre, shards, threads);
            }

            @Override
            public LikelihoodEvaluator posteriorDraws(ChoiceData data, ModelSpec spec, double[] centre, int draws,
                    long seed, int[] proposals, double[] bounds) {
                List<SimulatedLogLikelihood> out = new ArrayList<>();
                for (int[] range : ShardedLikelihood.ranges(data.decisionMakerCount(), shards)) {
                    // each shard records into its slice of the state, copied back into the caller's arrays
                    int[] p = Arrays.copyOfRange(proposals, range[0], range[1]);
                    double[] b = Arrays.copyOfRange(bounds, range[0], range[1]);
                    out.add(Simulators.posteriorDraws(data.slice(range[0], range[1]), spec, centre, draws, seed, p, b,
                            threads));
                    System.arraycopy(p, 0, proposals, range[0], p.length);
                    System.arraycopy(b, 0, bounds, range[0], b.length);
                }
                return new ShardedLikelihood(out);
            }

            @Override
            public LikelihoodEvaluator unconditional(ChoiceData data, ModelSpec spec, IntegrationConfig integration) {
                return ShardedLikelihood.split(data, shards,
                        shard -> Simulators.unconditional(shard, spec, integration, threads));
            }

            @Override
            public List<SimulatedShares> shares(ChoiceData data, ModelSpec spec, IntegrationConfig integration) {
                List<SimulatedShares> out = new ArrayList<>();
                for (int[] range : ShardedLikelihood.ranges(data.decisionMakerCount(), shards)) {
                    out.add(Simulators.shares(data.slice(range[0], range[1]), spec, integration, threads));
                }
                return out;
            }

            @Override
            public double[] perDecisionMaker(ChoiceData data, PerDecisionMaker output) {
                List<double[]> parts = new ArrayList<>();
                for (int[] range : ShardedLikelihood.ranges(data.decisionMakerCount(), shards)) {
                    parts.add(output.values(data.slice(range[0], range[1]), threads));
                }
                return concatenate(parts);
            }

            @Override
            public List<BlockPartials> partials(ChoiceData data, PartSums sums) {
                List<BlockPartials> parts = new ArrayList<>();
                for (int[] range : ShardedLikelihood.ranges(data.decisionMakerCount(), shards)) {
                    parts.add(sums.partials(data.slice(range[0], range[1])));
                }
                return parts;
            }

            @Override
            public DataFingerprint fingerprint(ChoiceData data, Collection<String> attributes,
                    Collection<String> characteristics) {
                List<byte[]> parts = new ArrayList<>();
                for (int[] range : ShardedLikelihood.ranges(data.decisionMakerCount(), shards)) {
                    parts.add(DataFingerprint.input(data.slice(range[0], range[1]), attributes, characteristics));
                }
                return DataFingerprint.ofParts(data.rowCount(), data.situationCount(), data.decisionMakerCount(),
                        attributes, characteristics, parts.iterator());
            }

            @Override
            public String toString() {
                return "in-process backend, " + shards + " shards of " + threads + " threads";
            }
        };
    }

    /** The shards' values one after the other (a per-decision-maker output of shards in ordinal order). */
    static double[] concatenate(List<double[]> parts) {
        int length = 0;
        for (double[] part : parts) {
            length += part.length;
        }
        double[] out = new double[length];
        int at = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /**
     * The first grouped row of a shard within the data it was cut from: where the shard's rows (and their
     * instruments) start in the whole data's grouped rows.
     */
    static int firstRowIn(ChoiceData whole, ChoiceData shard) {
        long from = shard.firstOrdinal() - whole.firstOrdinal();
        if (from < 0 || from + shard.decisionMakerCount() > whole.decisionMakerCount()) {
            throw new IllegalArgumentException("The shard's decision-makers " + shard.firstOrdinal() + ".."
                    + (shard.firstOrdinal() + shard.decisionMakerCount() - 1) + " are not in the data.");
        }
        return whole.situationStartRef()[whole.decisionMakerStartRef()[(int) from]];
    }
}
