package org.mixlogit.simulation;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

import org.mixlogit.MixlogitException;

/**
 * Per-cluster sums of weighted scores, in the canonical reduction order of {@link BlockPartials}: within a block,
 * each cluster's decision-makers are added in ordinal order from zero; across blocks, a cluster's block sums are
 * added in block order. The result does not depend on threads or on a split into shards of whole blocks.
 * Immutable.
 */
public final class ClusterPartials implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long firstBlock;
    private final int width;
    /** Per block: the cluster keys it holds, ascending. */
    private final long[][] keys;
    /** Per block: keys.length x width sums, row-major. */
    private final double[][] sums;

    ClusterPartials(long firstBlock, int width, long[][] keys, double[][] sums) {
        this.firstBlock = firstBlock;
        this.width = width;
        this.keys = keys;
        this.sums = sums;
    }

    public long firstBlock() {
        return firstBlock;
    }

    /**
     * The sums of every cluster over one or more shards, by ascending cluster key.
     *
     * @return cluster key to its sum (a new array per cluster)
     */
    public static TreeMap<Long, double[]> total(List<ClusterPartials> shards) {
        List<ClusterPartials> ordered = new ArrayList<>(shards);
        ordered.sort(Comparator.comparingLong(ClusterPartials::firstBlock));
        TreeMap<Long, double[]> total = new TreeMap<>();
        long next = Long.MIN_VALUE;
        for (ClusterPartials part : ordered) {
            if (part.firstBlock < next) {
                throw new MixlogitException("Two shards both hold reduction block " + part.firstBlock + ": shards"
                        + " must be made of whole blocks.");
            }
            for (int b = 0; b < part.keys.length; b++) {
                for (int c = 0; c < part.keys[b].length; c++) {
                    double[] sum = total.computeIfAbsent(part.keys[b][c], key -> new double[part.width]);
                    for (int i = 0; i < part.width; i++) {
                        sum[i] += part.sums[b][c * part.width + i];
                    }
                }
            }
            next = part.firstBlock + part.keys.length;
        }
        return total;
    }

    /** The sums of one data object's clusters. */
    public TreeMap<Long, double[]> total() {
        return total(List.of(this));
    }
}
