package org.mixlogit.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An estimation running in its own thread, for front ends that cannot receive callbacks (R): they start it, then
 * poll: {@link #await} waits a short while for the end, {@link #progress()} hands over the iterations reported
 * since the last call, and {@link #cancel()} asks the estimation to stop at its next iteration (it then ends with
 * status CANCELLED, without inference), while {@link #stop()} (R's Ctrl-C) also interrupts the evaluation in
 * progress, so the estimation thread ends within a block of decision-makers' work and no fit is made.
 * {@link #result()} gives the fit, or throws what the estimation threw.
 *
 * <p>The caller's thread never blocks for longer than it asks to; the estimation thread is a daemon, so a job
 * whose caller has gone away (an interrupted R call) cannot keep the JVM alive. Thread-safe.
 */
public final class BridgeFitJob {
    /** What the estimation thread runs: the fit, with the progress callback it must report to. */
    @FunctionalInterface
    interface Work {
        BridgeFit run(MixlogitBridge.Progress progress);
    }

    private final AtomicBoolean cancelled = new AtomicBoolean();
    /** Released by {@link #cancel()}: the estimation waits on it after iteration {@link #holdAt}. */
    private final CountDownLatch released = new CountDownLatch(1);
    /** The iteration after which the estimation waits for {@link #cancel()}; 0 for never. */
    private final int holdAt;
    /** Iterations reported and not yet handed over: {iteration, log-likelihood, scaled gradient} each. */
    private final List<double[]> pending = new ArrayList<>();
    private volatile int iterations;
    /** The estimation in its thread (set as it starts). */
    private volatile BackgroundTask<BridgeFit> task;

    private BridgeFitJob(int holdAt) {
        this.holdAt = holdAt;
    }

    /**
     * Starts an estimation in a new daemon thread; arguments as
     * {@link MixlogitBridge#fit(int[], int[], double[], String[], double[], String[], double[], double[], String[],
     * String[], String, String)} (the arrays are not modified and must not be modified while the job runs).
     */
    public static BridgeFitJob start(int[] situation, int[] decisionMaker, double[] chosen, String[] attributeNames,
            double[] attributes, String[] characteristicNames, double[] characteristics, double[] weights,
            String[] alternatives, String[] markets, String specJson, String optionsJson) {
        return start(situation, decisionMaker, chosen, attributeNames, attributes, characteristicNames,
                characteristics, weights, alternatives, markets, specJson, optionsJson, 0);
    }

    /**
     * As above, for tests of a front end's interrupt handling: after reporting iteration {@code holdAt} (0 for
     * never) the estimation waits (at most a minute) until {@link #cancel()}, so the front end sees a running fit
     * however fast the machine.
     */
    public static BridgeFitJob start(int[] situation, int[] decisionMaker, double[] chosen, String[] attributeNames,
            double[] attributes, String[] characteristicNames, double[] characteristics, double[] weights,
            String[] alternatives, String[] markets, String specJson, String optionsJson, int holdAt) {
        return start(progress -> MixlogitBridge.fit(situation, decisionMaker, chosen, attributeNames, attributes,
                characteristicNames, characteristics, weights, alternatives, markets, specJson, optionsJson,
                progress), holdAt);
    }

    /** Starts {@code work} in a new daemon thread (package-private: tests run simulated estimations). */
    static BridgeFitJob start(Work work) {
        return start(work, 0);
    }

    private static BridgeFitJob start(Work work, int holdAt) {
        BridgeFitJob job = new BridgeFitJob(holdAt);
        job.task = BackgroundTask.start("mixlogit-fit", "estimation", () -> work.run(job::report));
        return job;
    }

    private boolean report(int iteration, double logLikelihood, double gradientNorm) {
        synchronized (pending) {
            pending.add(new double[] {iteration, logLikelihood, gradientNorm});
        }
        iterations++;
        if (holdAt > 0 && iterations == holdAt) {
            try {
                released.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return !cancelled.get();
    }

    /**
     * Waits at most {@code milliseconds} for the estimation to end.
     *
     * @return true when it has ended (with a fit or a failure)
     */
    public boolean await(int milliseconds) {
        return task.await(milliseconds);
    }

    /** True when the estimation has ended. */
    public boolean isDone() {
        return task.isDone();
    }

    /**
     * The iterations reported since the last call, iterations x 3 flat row-major: iteration, log-likelihood (for
     * MSM minus the criterion), scaled gradient; empty when there are none.
     */
    public double[] progress() {
        List<double[]> rows;
        synchronized (pending) {
            rows = new ArrayList<>(pending);
            pending.clear();
        }
        double[] out = new double[3 * rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, out, 3 * i, 3);
        }
        return out;
    }

    /** Iterations reported so far. */
    public int iterations() {
        return iterations;
    }

    /** Asks the estimation to stop at its next iteration; it then ends with status CANCELLED. */
    public void cancel() {
        cancelled.set(true);
        released.countDown();
    }

    /**
     * Stops the estimation as soon as possible: as {@link #cancel()}, and interrupts the estimation thread, whose
     * likelihood evaluations end between blocks of decision-makers. The job then ends (usually within a fraction of
     * a second) with a failure, or with a CANCELLED fit if the estimation was between evaluations; either way the
     * front end discards it. Idempotent.
     */
    public void stop() {
        cancel();
        task.interrupt();
    }

    /** True when {@link #cancel()} or {@link #stop()} was called. */
    public boolean isCancelled() {
        return cancelled.get();
    }

    /**
     * The fit, once the estimation has ended; what the estimation threw (the engine's own exceptions, or an
     * {@link OutOfMemoryError}) is thrown here, in the caller's thread.
     *
     * @throws IllegalStateException when the estimation has not ended (call {@link #await} first)
     */
    public BridgeFit result() {
        return task.result();
    }
}
