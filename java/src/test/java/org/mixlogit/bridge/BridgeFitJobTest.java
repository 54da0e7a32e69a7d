package org.mixlogit.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.InvalidDataException;
import org.mixlogit.MixlogitException;

/**
 * A fit running in its own thread (what R polls): progress handed over once, cancellation at the next iteration,
 * the estimation's exception rethrown in the caller's thread, and the same numbers as a direct fit.
 */
class BridgeFitJobTest {
    private static final String[] NAMES = ElectricityColumns.NAMES;
    /** Electricity's six attributes, cl normal and the others fixed. */
    static final String SPEC = "{\"coefficients\": [{\"attribute\": \"pf\", \"distribution\": \"f\"},"
            + " {\"attribute\": \"cl\", \"distribution\": \"n\"}, {\"attribute\": \"loc\", \"distribution\": \"f\"},"
            + " {\"attribute\": \"wk\", \"distribution\": \"f\"}, {\"attribute\": \"tod\", \"distribution\": \"f\"},"
            + " {\"attribute\": \"seas\", \"distribution\": \"f\"}]}";
    private static final String OPTIONS = "{\"R\": 20, \"threads\": 2}";
    private final ElectricityColumns data = new ElectricityColumns(20);

    private BridgeFitJob start(double[] attributes, String options) {
        return BridgeFitJob.start(data.situation, data.person, data.chosen, NAMES, attributes, new String[0],
                new double[0], new double[0], new String[0], new String[0], SPEC, options);
    }

    @Test
    @DisplayName("a simulated estimation hands over each iteration once and stops at the iteration after cancel()")
    void simulatedCancellation() throws InterruptedException {
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        int[] reached = new int[1];
        BridgeFitJob job = BridgeFitJob.start(progress -> {
            for (int i = 1; i <= 1000; i++) {
                reached[0] = i;
                if (!progress.iteration(i, -100.0 / i, 1.0 / i)) {
                    return null;
                }
                if (i == 1) {
                    first.countDown();
                    awaitQuietly(proceed);
                }
            }
            return null;
        });
        assertTrue(first.await(10, TimeUnit.SECONDS));
        assertArrayEquals(new double[] {1, -100, 1}, job.progress(), 0.0);
        assertEquals(0, job.progress().length, "each iteration is handed over once");
        assertFalse(job.isDone());
        assertFalse(job.await(10), "await returns when its time is up");
        job.cancel();
        proceed.countDown();
        assertTrue(job.await(10_000));
        assertTrue(job.isCancelled());
        assertEquals(2, reached[0], "the estimation stops at the first iteration after cancel()");
        assertArrayEquals(new double[] {2, -50, 0.5}, job.progress(), 0.0);
        assertEquals(2, job.iterations());
    }

    @Test
    @DisplayName("the estimation's exception is thrown by result(), in the caller's thread; result() before the end is an error")
    void failure() {
        CountDownLatch hold = new CountDownLatch(1);
        BridgeFitJob running = BridgeFitJob.start(progress -> {
            awaitQuietly(hold);
            return null;
        });
        assertThrows(IllegalStateException.class, running::result);
        hold.countDown();
        double[] x = data.attributes.clone();
        java.util.Arrays.fill(x, 5 * data.n, 6 * data.n, 0.0);
        BridgeFitJob job = start(x, OPTIONS);
        assertTrue(job.await(60_000));
        InvalidDataException e = assertThrows(InvalidDataException.class, job::result);
        assertTrue(e.getMessage().contains("'seas'"), e.getMessage());
    }

    @Test
    @DisplayName("a job's fit equals the direct fit to the bit, with its trace; a cancelled real fit ends CANCELLED")
    void realFit() {
        BridgeFitJob job = start(data.attributes, OPTIONS);
        assertTrue(job.await(120_000));
        BridgeFit fit = job.result();
        assertSame(fit, job.result());
        BridgeFit direct = MixlogitBridge.fit(data.situation, data.person, data.chosen, NAMES, data.attributes,
                new String[0], new double[0], new double[0], SPEC, OPTIONS);
        assertArrayEquals(direct.estimates(), fit.estimates(), 0.0);
        assertArrayEquals(direct.covariance("hessian"), fit.covariance("hessian"), 0.0);
        assertArrayEquals(direct.trace(), job.progress(), 0.0);

        BridgeFitJob cancelled = start(data.attributes, OPTIONS);
        cancelled.cancel();
        assertTrue(cancelled.await(120_000));
        BridgeFit stopped = cancelled.result();
        assertEquals("CANCELLED", stopped.description("status"));
        assertEquals(0.0, stopped.statistic("converged"), 0.0);
        assertEquals(1.0, stopped.statistic("iterations"), 0.0, "stopped at the first iteration");
    }

    @Test
    @DisplayName("a fit held after its first iteration (for front ends' interrupt tests) waits for cancel() and stops there")
    void held() {
        BridgeFitJob job = BridgeFitJob.start(data.situation, data.person, data.chosen, NAMES, data.attributes,
                new String[0], new double[0], new double[0], new String[0], new String[0], SPEC, OPTIONS, 1);
        for (int waited = 0; job.iterations() < 1 && waited < 600; waited++) {
            job.await(100);
        }
        assertFalse(job.await(300), "held, not finished");
        assertEquals(1, job.iterations(), "held after the first iteration");
        job.cancel();
        assertTrue(job.await(60_000));
        assertEquals("CANCELLED", job.result().description("status"));
        assertEquals(1.0, job.result().statistic("iterations"), 0.0);
    }

    @Test
    @DisplayName("stop() interrupts the estimation thread (cancel() does not), so work in progress ends at once")
    void stopInterrupts() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        boolean[] interrupted = new boolean[1];
        BridgeFitJob job = BridgeFitJob.start(progress -> {
            started.countDown();
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                interrupted[0] = true;
                throw new MixlogitException("interrupted");
            }
            return null;
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        job.cancel();
        assertFalse(job.await(200), "cancel() waits for the next iteration");
        job.stop();
        assertTrue(job.await(60_000), "stop() ends the work in progress");
        assertTrue(interrupted[0]);
        assertTrue(job.isCancelled());
        assertThrows(MixlogitException.class, job::result);
        job.stop();
    }

    @Test
    @DisplayName("a real fit stopped during its iterations ends without a fit or CANCELLED; the next fit is unaffected")
    void stopRealFit() {
        BridgeFitJob job = BridgeFitJob.start(data.situation, data.person, data.chosen, NAMES, data.attributes,
                new String[0], new double[0], new double[0], new String[0], new String[0], SPEC, OPTIONS, 1);
        for (int waited = 0; job.iterations() < 1 && waited < 600; waited++) {
            job.await(100);
        }
        job.stop();
        assertTrue(job.await(60_000));
        try {
            assertEquals("CANCELLED", job.result().description("status"));
        } catch (MixlogitException e) {
            assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
        }
        BridgeFitJob next = start(data.attributes, OPTIONS);
        assertTrue(next.await(120_000));
        BridgeFit direct = MixlogitBridge.fit(data.situation, data.person, data.chosen, NAMES, data.attributes,
                new String[0], new double[0], new double[0], SPEC, OPTIONS);
        assertArrayEquals(direct.estimates(), next.result().estimates(), 0.0);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
