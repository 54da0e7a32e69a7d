package org.mixlogit.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixlogit.MixlogitException;

/**
 * The workers cover every index once in chunks, and an interrupt of the calling thread (a front end stopping a
 * fit) ends a run between chunks with an exception, keeping the thread's interrupt status.
 */
class DecisionMakerWorkersTest {

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 3})
    @DisplayName("every index is handed out exactly once")
    void coversEveryIndex(int threads) {
        int[] seen = new int[1000];
        try (DecisionMakerWorkers workers = new DecisionMakerWorkers(threads)) {
            workers.run(seen.length, 7, (worker, from, to) -> {
                for (int n = from; n < to; n++) {
                    seen[n]++;
                }
            });
        }
        int[] once = new int[seen.length];
        Arrays.fill(once, 1);
        assertArrayEquals(once, seen);
    }

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    @DisplayName("an interrupt of the caller during a run stops it after the chunks in progress, with an exception")
    void interruptStopsTheRun(int threads) {
        AtomicInteger chunks = new AtomicInteger();
        Thread caller = Thread.currentThread();
        try (DecisionMakerWorkers workers = new DecisionMakerWorkers(threads)) {
            MixlogitException e = assertThrows(MixlogitException.class, () -> workers.run(10_000, 1, (w, from, to) -> {
                if (chunks.incrementAndGet() == 3) {
                    caller.interrupt();
                }
                if (threads > 1) {
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException x) {
                        Thread.currentThread().interrupt();
                    }
                }
            }));
            assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
            assertTrue(Thread.interrupted(), "the caller stays interrupted (cleared here)");
            assertTrue(chunks.get() < 100, "stopped after " + chunks.get() + " of 10000 chunks");
            if (threads == 1) {
                assertEquals(3, chunks.get(), "one thread stops before the next chunk");
            }
        } finally {
            Thread.interrupted();
        }
    }

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    @DisplayName("a caller interrupted before the run does no work; the workers then serve the next run normally")
    void interruptedBefore(int threads) {
        AtomicInteger chunks = new AtomicInteger();
        try (DecisionMakerWorkers workers = new DecisionMakerWorkers(threads)) {
            Thread.currentThread().interrupt();
            assertThrows(MixlogitException.class, () -> workers.run(100, 1, (w, from, to) -> chunks.incrementAndGet()));
            assertTrue(Thread.interrupted());
            assertEquals(0, chunks.get(), "no chunk ran");
            chunks.set(0);
            workers.run(100, 1, (w, from, to) -> chunks.incrementAndGet());
            assertEquals(100, chunks.get());
        } finally {
            Thread.interrupted();
        }
    }
}
