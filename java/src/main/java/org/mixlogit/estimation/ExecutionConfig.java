package org.mixlogit.estimation;

import org.mixlogit.InvalidSpecificationException;

/**
 * Where the sums over decision-makers run: the number of worker threads. Results are bit-identical for every
 * thread count. Immutable; change with the {@code withX} copies. Default ({@link #defaults()}): all available
 * processors.
 */
public final class ExecutionConfig {
    private final int threads;

    private ExecutionConfig(int threads) {
        if (threads < 1) {
            throw new InvalidSpecificationException("threads is " + threads + ": use 1 or more.");
        }
        this.threads = threads;
    }

    /** As many threads as available processors. */
    public static ExecutionConfig defaults() {
        return new ExecutionConfig(Runtime.getRuntime().availableProcessors());
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
