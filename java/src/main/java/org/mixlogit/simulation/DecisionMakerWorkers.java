package org.mixlogit.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.mixlogit.MixlogitException;

/**
 * Runs a task over all decision-makers on a fixed number of worker threads. Decision-makers are handed out in
 * chunks; each worker index owns its own scratch, and a task writes only to its decision-makers' slots, so the
 * results do not depend on the thread count or on scheduling.
 *
 * <p>An interrupt of the calling thread (a front end stopping a fit: {@code bridge.BridgeFitJob#stop}) ends a run
 * between chunks, with or without worker threads, so an evaluation stops within a chunk's work instead of at the end
 * of the optimizer's iteration; the run then throws a {@link MixlogitException} and the thread stays interrupted.
 */
final class DecisionMakerWorkers implements AutoCloseable {
    /** Decision-makers per chunk handed to a worker. */
    private static final int CHUNK = 16;

    /** Work done for decision-makers from..to-1 by worker {@code worker}. */
    @FunctionalInterface
    interface RangeTask {
        void run(int worker, int from, int to);
    }

    private final int threads;
    private final ExecutorService pool;

    DecisionMakerWorkers(int threads) {
        this.threads = threads;
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, runnable -> {
            Thread t = new Thread(runnable, "mixlogit-worker");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    int threads() {
        return threads;
    }

    void run(int count, RangeTask task) {
        run(count, CHUNK, task);
    }

    /** As {@link #run(int, RangeTask)}, handing out {@code chunk} indices at a time. */
    void run(int count, int chunk, RangeTask task) {
        stopIfInterrupted();
        if (pool == null) {
            for (int from = 0; from < count; from += chunk) {
                stopIfInterrupted();
                task.run(0, from, Math.min(count, from + chunk));
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        List<Callable<Void>> jobs = new ArrayList<>(threads);
        for (int w = 0; w < threads; w++) {
            final int worker = w;
            jobs.add(() -> {
                for (int from = next.getAndAdd(chunk); from < count; from = next.getAndAdd(chunk)) {
                    if (Thread.currentThread().isInterrupted()) {
                        return null; // cancelled by invokeAll after the caller's interrupt
                    }
                    task.run(worker, from, Math.min(count, from + chunk));
                }
                return null;
            });
        }
        try {
            for (Future<Void> f : pool.invokeAll(jobs)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new MixlogitException("Likelihood evaluation failed: " + cause, cause);
        }
    }

    /** Throws when the calling thread has been interrupted (its interrupt status is kept). */
    private static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw interrupted(null);
        }
    }

    private static MixlogitException interrupted(Throwable cause) {
        return new MixlogitException("The evaluation was interrupted (the estimation was stopped).", cause);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
