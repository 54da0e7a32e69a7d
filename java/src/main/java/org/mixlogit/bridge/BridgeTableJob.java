package org.mixlogit.bridge;

import java.util.function.Supplier;

/**
 * A post-estimation table computed in its own thread, for front ends that cannot block for long (R): a table with
 * Krinsky-Robb draws or simulation replicates takes many evaluations, and R sees Ctrl-C only between calls into Java.
 * The front end starts it ({@link BridgePost#start}), polls {@link #await}, and on Ctrl-C calls {@link #stop()},
 * which interrupts the computation (it ends between blocks of decision-makers) and returns at once. Thread-safe.
 */
public final class BridgeTableJob {
    private final BackgroundTask<BridgeTable> task;

    private BridgeTableJob(BackgroundTask<BridgeTable> task) {
        this.task = task;
    }

    static BridgeTableJob start(String what, Supplier<BridgeTable> work) {
        return new BridgeTableJob(BackgroundTask.start("mixlogit-post", what, work));
    }

    /** Waits at most {@code milliseconds} for the table; true when the computation has ended. */
    public boolean await(int milliseconds) {
        return task.await(milliseconds);
    }

    /** Stops the computation as soon as possible; its table is then never read. Idempotent. */
    public void stop() {
        task.interrupt();
    }

    /**
     * The table, once computed; what the computation threw is thrown here.
     *
     * @throws IllegalStateException when it has not ended (call {@link #await} first)
     */
    public BridgeTable result() {
        return task.result();
    }
}
