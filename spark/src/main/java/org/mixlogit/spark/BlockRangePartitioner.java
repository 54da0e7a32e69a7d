package org.mixlogit.spark;

import java.util.Arrays;

import org.apache.spark.Partitioner;

/**
 * Sends a row, keyed by its decision-maker's ordinal, to the partition whose range of whole reduction blocks holds
 * that ordinal: partition k holds ordinals {@code starts[k] .. starts[k+1]-1}. Immutable.
 */
final class BlockRangePartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;

    private final long[] starts;

    /** @param starts Not modified: the first ordinal of every partition, ascending, from 0 */
    BlockRangePartitioner(long[] starts) {
        this.starts = starts.clone();
    }

    @Override
    public int numPartitions() {
        return starts.length;
    }

    @Override
    public int getPartition(Object key) {
        long ordinal = (Long) key;
        int at = Arrays.binarySearch(starts, ordinal);
        return at >= 0 ? at : -at - 2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockRangePartitioner && Arrays.equals(starts, ((BlockRangePartitioner) o).starts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(starts);
    }
}
