package org.mixlogit.estimation;

import org.mixlogit.InvalidSpecificationException;

/**
 * Where the sums over decision-makers run: the number of worker threads. Results are bit-identical for every
 * thread count. Immutable; change with the {@code withX} copies. Default ({@link #defaults()}): all available
 * processors.
 */
public final class ExecutionConfig {
    /**
     * Most worker threads: each is a native thread with its own scratch, and far more threads than processors only
     * cost memory (100,000 took 46 s to fail with "Failed to start the native thread" reported as a full heap).
     */
    public static final int MAX_THREADS = 1024;

    private final int threads;

    private ExecutionConfig(int threads) {
        if (threads < 1) {
            throw new InvalidSpecificationException("threads is " + threads + ": use 1 or more.");
        }
        if (threads > MAX_THREADS) {
            throw new InvalidSpecificationException("threads is " + threads + ": use at most " + MAX_THREADS
                    + " (this machine has " + Runtime.getRuntime().availableProcessors() + " processors; more"
                    + " threads than processors do not make a fit faster, and the results are the same for any"
                    + " number).");
        }
        this.threads = threads;
    }

    /** As many threads as available processors (at most {@link #MAX_THREADS}). */
    public static ExecutionConfig defaults() {
        return new ExecutionConfig(Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    }

    public static ExecutionConfig threads(int threads) {
        return new ExecutionConfig(threads);
    }

    public int threads() {
        return threads;
    }

    public ExecutionConfig withThreads(int n) {
        return new ExecutionConfig(n);
    }

    @Override
    public String toString() {
        return "ExecutionConfig[threads=" + threads + "]";
    }
}
