package org.mixlogit.spark;

import java.io.Serializable;

import org.apache.spark.TaskContext;

/**
 * A test's way to make an executor fail in the middle of an evaluation: the first attempt of the task of one
 * partition throws, as a lost executor or a killed task would, and Spark runs the task again (in local mode when
 * the master allows retries, e.g. {@code local[2,3]}). The retried task reads the partition's cached engine (or
 * rebuilds it from its lineage) and returns the same partials. {@link #NONE} never fails. Immutable.
 */
final class FaultPlan implements Serializable {
    private static final long serialVersionUID = 1L;
    static final FaultPlan NONE = new FaultPlan(-1);

    private final int partition;

    private FaultPlan(int partition) {
        this.partition = partition;
    }

    /** The first attempt of every task of {@code partition} fails. */
    static FaultPlan failFirstAttempt(int partition) {
        return new FaultPlan(partition);
    }

    /** Throws when the running task is the planned failure. */
    void check() {
        TaskContext task = TaskContext.get();
        if (task != null && task.partitionId() == partition && task.attemptNumber() == 0) {
            throw new IllegalStateException("Injected executor failure in partition " + partition
                    + " (first attempt of stage " + task.stageId() + "): Spark retries the task.");
        }
    }
}
