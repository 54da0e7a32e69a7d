package org.mixlogit.spark;

import java.io.Serializable;

import org.apache.spark.TaskContext;
import org.mixlogit.simulation.BlockPartials;
import org.mixlogit.simulation.ClusterPartials;

/**
 * What one partition returns from one evaluation: its block partials (or its per-block keyed sums), why its last
 * evaluation failed (or null), and which task attempt computed it. Only these travel back to the driver: (1 + P)
 * doubles per block for a value and gradient. Immutable.
 */
final class Partial implements Serializable {
    private static final long serialVersionUID = 1L;

    final BlockPartials blocks;
    final ClusterPartials keyed;
    final String failure;
    final int partition;
    final int attempt;

    private Partial(BlockPartials blocks, ClusterPartials keyed, String failure) {
        this.blocks = blocks;
        this.keyed = keyed;
        this.failure = failure;
        TaskContext task = TaskContext.get();
        this.partition = task == null ? -1 : task.partitionId();
        this.attempt = task == null ? 0 : task.attemptNumber();
    }

    static Partial of(BlockPartials blocks, String failure) {
        return new Partial(blocks, null, failure);
    }

    static Partial keyed(ClusterPartials keyed, String failure) {
        return new Partial(null, keyed, failure);
    }
}
