package org.mixlogit.bridge;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One computation in its own daemon thread, for front ends that poll instead of blocking (R, whose Ctrl-C is seen
 * only between calls into Java): {@link #await} waits a short while for the end, {@link #interrupt()} interrupts
 * the computation (the engine's evaluations end between blocks of decision-makers), {@link #result()} gives the
 * value or throws what the computation threw, in the caller's thread. A daemon thread: a task whose caller has gone
 * away cannot keep the JVM alive. Thread-safe.
 *
 * @param <T> what the computation returns
 */
final class BackgroundTask<T> {
    private final CountDownLatch done = new CountDownLatch(1);
    private final String what;
    private final Thread thread;
    private volatile T value;
    private volatile Throwable failure;

    /**
     * @param name the thread's name
     * @param what the computation in words, for the message of {@link #result()} called too early
     */
    private BackgroundTask(String name, String what, Supplier<T> work) {
        this.what = what;
        this.thread = new Thread(() -> run(work), name);
        thread.setDaemon(true);
    }

    /** Starts {@code work} in a new daemon thread named {@code name}. */
    static <T> BackgroundTask<T> start(String name, String what, Supplier<T> work) {
        BackgroundTask<T> task = new BackgroundTask<>(name, what, work);
        task.thread.start();
        return task;
    }

    private void run(Supplier<T> work) {
        try {
            value = work.get();
        } catch (Throwable t) {
            failure = t;
        } finally {
            done.countDown();
        }
    }

    /** Waits at most {@code milliseconds} for the end; true when it has ended (with a value or a failure). */
    boolean await(int milliseconds) {
        try {
            return done.await(Math.max(0, milliseconds), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return isDone();
        }
    }

    boolean isDone() {
        return done.getCount() == 0;
    }

    /** Interrupts the computation's thread unless it has ended. Idempotent. */
    void interrupt() {
        if (!isDone()) {
            thread.interrupt();
        }
    }

    /**
     * The value, once the computation has ended; what it threw (the engine's own exceptions, or an
     * {@link OutOfMemoryError}) is thrown here.
     *
     * @throws IllegalStateException when it has not ended (call {@link #await} first)
     */
    T result() {
        if (!isDone()) {
            throw new IllegalStateException("The " + what + " is still running: wait for it with await().");
        }
        Throwable t = failure;
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        if (t != null) {
            throw new IllegalStateException("The " + what + " failed: " + t, t);
        }
        return value;
    }
}
