package org.mixlogit.simulation;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.mixlogit.MixlogitException;

/**
 * Partial sums over decision-makers in the engine's canonical reduction order, for the blocks one data object
 * holds (all the data, or one shard of whole blocks).
 *
 * <p>The canonical order: decision-makers are numbered by their global ordinal (their position in the identity
 * order of the whole data set, {@code ChoiceData.decisionMakerOrdinal}); block {@code b} holds ordinals
 * {@code b * BLOCK_SIZE .. (b + 1) * BLOCK_SIZE - 1}; each block's partial is the sum of its decision-makers'
 * terms in ordinal order starting from zero; the total is the sum of the block partials in block order starting
 * from zero. Any split of the data into shards made of whole blocks therefore reproduces the total of the whole
 * data bit for bit, whatever the number of threads or machines. Immutable.
 */
public final class BlockPartials implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Decision-makers per block of the canonical reduction. */
    public static final int BLOCK_SIZE = 32;

    private final long firstBlock;
    private final int width;
    private final double[] sums;

    /**
     * @param sums Not copied (the caller hands it over): {@code blocks x width} partials, row-major
     */
    BlockPartials(long firstBlock, int width, double[] sums) {
        if (width < 1 || sums.length % width != 0) {
            throw new IllegalArgumentException("partials of width " + width + " cannot have " + sums.length
                    + " values");
        }
        this.firstBlock = firstBlock;
        this.width = width;
        this.sums = sums;
    }

    /** Global index of the first block held. */
    public long firstBlock() {
        return firstBlock;
    }

    public int blockCount() {
        return sums.length / width;
    }

    /** Values per block. */
    public int width() {
        return width;
    }

    /** Partial {@code i} of block {@code firstBlock() + b}. */
    public double get(int b, int i) {
        return sums[b * width + i];
    }

    /**
     * The total of the partials of one or more data objects (shards) in canonical block order. The shards may be
     * given in any order; their blocks must not overlap (a block split between two shards cannot be reproduced).
     */
    public static double[] total(List<BlockPartials> shards) {
        List<BlockPartials> ordered = new ArrayList<>(shards);
        ordered.sort(Comparator.comparingLong(BlockPartials::firstBlock));
        int width = ordered.isEmpty() ? 0 : ordered.get(0).width;
        double[] total = new double[width];
        long next = Long.MIN_VALUE;
        for (BlockPartials part : ordered) {
            if (part.width != width) {
                throw new IllegalArgumentException("Block partials of widths " + width + " and " + part.width
                        + " cannot be added.");
            }
            if (part.firstBlock < next) {
                throw new MixlogitException("Two shards both hold reduction block " + part.firstBlock + ": shards"
                        + " must be made of whole blocks of " + BLOCK_SIZE + " decision-makers in identity order.");
            }
            for (int b = 0; b < part.blockCount(); b++) {
                for (int i = 0; i < width; i++) {
                    total[i] += part.sums[b * width + i];
                }
            }
            next = part.firstBlock + part.blockCount();
        }
        return total;
    }

    /**
     * The largest value of each entry over every block of the shards (terms that keep a running maximum in their
     * block's partial): exact, so independent of the order; NaN when any entry is NaN.
     */
    public static double[] maximum(List<BlockPartials> shards) {
        int width = shards.isEmpty() ? 0 : shards.get(0).width;
        double[] max = new double[width];
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (BlockPartials part : shards) {
            for (int b = 0; b < part.blockCount(); b++) {
                for (int i = 0; i < width; i++) {
                    max[i] = Math.max(max[i], part.sums[b * width + i]);
                }
            }
        }
        return max;
    }

    /** The total of one data object's partials. */
    public double[] total() {
        return total(List.of(this));
    }
}
