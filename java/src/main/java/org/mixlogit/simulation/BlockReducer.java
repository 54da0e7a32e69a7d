package org.mixlogit.simulation;

import org.mixlogit.data.ChoiceData;

/**
 * Runs sums over one data object's decision-makers in the canonical order of {@link BlockPartials}: the blocks
 * are spread over the worker threads, and each block's decision-makers are added in ordinal order into the block's
 * own partial. Used by every simulator, so every sum over decision-makers has the same order. Not thread-safe
 * (one reduction at a time).
 */
final class BlockReducer {
    /** Adds decision-maker n's terms to a block partial at {@code partials[at ..]}. */
    @FunctionalInterface
    interface Term {
        void add(int worker, int n, double[] partials, int at);
    }

    /** Writes decision-maker n's vector (of the reduction's width) into {@code out}, overwriting it. */
    @FunctionalInterface
    interface VectorTerm {
        void compute(int worker, int n, double[] out);
    }

    /** Adds decision-maker n's terms to the block's keyed sums. */
    @FunctionalInterface
    interface KeyedTerm {
        void add(int worker, int n, KeyedSums sums);
    }

    private final ChoiceData data;
    private final DecisionMakerWorkers workers;
    private final int decisionMakers;
    private final long firstBlock;
    private final int blocks;

    BlockReducer(ChoiceData data, DecisionMakerWorkers workers) {
        this.data = data;
        this.workers = workers;
        this.decisionMakers = data.decisionMakerCount();
        this.firstBlock = ordinal(0) / BlockPartials.BLOCK_SIZE;
        this.blocks = decisionMakers == 0 ? 0
                : (int) (ordinal(decisionMakers - 1) / BlockPartials.BLOCK_SIZE - firstBlock + 1);
    }

    /** The global ordinal of local decision-maker n: its draw key and its place in the reduction order. */
    long ordinal(int n) {
        return data.firstOrdinal() + n;
    }

    /** Local index of the first decision-maker of local block b. */
    private int start(int b) {
        return (int) Math.max(0, (firstBlock + b) * BlockPartials.BLOCK_SIZE - ordinal(0));
    }

    private int end(int b) {
        return (int) Math.min(decisionMakers, (firstBlock + b + 1) * BlockPartials.BLOCK_SIZE - ordinal(0));
    }

    /** Every block's sum of the term (width values per block). */
    BlockPartials sums(int width, Term term) {
        double[] partials = new double[blocks * width];
        workers.run(blocks, 1, (worker, from, to) -> {
            for (int b = from; b < to; b++) {
                for (int n = start(b); n < end(b); n++) {
                    term.add(worker, n, partials, b * width);
                }
            }
        });
        return new BlockPartials(firstBlock, width, partials);
    }

    /**
     * Every block's per-cluster sums of a vector term.
     *
     * @param clusters Not modified: the cluster key of every decision-maker
     */
    ClusterPartials clusterSums(int width, long[] clusters, VectorTerm term) {
        double[][] scratch = new double[workers.threads()][width];
        return keyedSums(width, (worker, n, sums) -> {
            double[] v = scratch[worker];
            term.compute(worker, n, v);
            double[] u = sums.row(clusters[n]);
            for (int j = 0; j < width; j++) {
                u[j] += v[j];
            }
        });
    }

    /** Every block's sums by key of a keyed term (width values per key). */
    ClusterPartials keyedSums(int width, KeyedTerm term) {
        long[][] keys = new long[blocks][];
        double[][] sums = new double[blocks][];
        workers.run(blocks, 1, (worker, from, to) -> {
            for (int b = from; b < to; b++) {
                KeyedSums inBlock = new KeyedSums(width);
                for (int n = start(b); n < end(b); n++) {
                    term.add(worker, n, inBlock);
                }
                keys[b] = inBlock.sums().keySet().stream().mapToLong(Long::longValue).toArray();
                double[] flat = new double[keys[b].length * width];
                int c = 0;
                for (double[] u : inBlock.sums().values()) {
                    System.arraycopy(u, 0, flat, c++ * width, width);
                }
                sums[b] = flat;
            }
        });
        return new ClusterPartials(firstBlock, width, keys, sums);
    }

    /**
     * The cluster key of every decision-maker: its global ordinal, or the bits of its value of the cluster
     * characteristic (equal values, equal clusters; -0 and +0 are one cluster).
     */
    long[] clusterKeys(String clusterCharacteristic) {
        long[] keys = new long[decisionMakers];
        if (clusterCharacteristic == null) {
            for (int n = 0; n < decisionMakers; n++) {
                keys[n] = ordinal(n);
            }
            return keys;
        }
        int c = data.characteristicIndex(clusterCharacteristic);
        double[] chars = data.characteristicsRef();
        for (int n = 0; n < decisionMakers; n++) {
            keys[n] = Double.doubleToLongBits(chars[n * data.characteristicCount() + c] + 0.0);
        }
        return keys;
    }
}
