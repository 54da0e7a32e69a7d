package org.mixlogit.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Post-estimation tables in their own thread (what R polls so that Ctrl-C returns at once): the same numbers as
 * the direct calls, the computation's exception rethrown in the caller's thread, and stop() ending a long table.
 */
class BridgeTableJobTest {
    private static final String[] NAMES = ElectricityColumns.NAMES;
    private static final String SPEC = BridgeFitJobTest.SPEC;
    private final ElectricityColumns data = new ElectricityColumns(20);
    private final BridgeFit fit = MixlogitBridge.fit(data.situation, data.person, data.chosen, NAMES, data.attributes,
            new String[0], new double[0], new double[0], data.alternative, new String[0], SPEC,
            "{\"R\": 20, \"threads\": 2}");

    private static BridgeTable finished(BridgeTableJob job) {
        assertTrue(job.await(60_000), "the table is computed");
        return job.result();
    }

    @Test
    @DisplayName("every table through a job equals the direct call's, bit for bit")
    void sameNumbers() {
        BridgePost post = fit.post("{\"replicates\": 2}");
        assertArrayEquals(post.shares().estimates(), finished(post.start("shares", "", "")).estimates(), 0.0);
        assertArrayEquals(post.elasticities("pf").standardErrors(),
                finished(post.start("elasticities", "pf", "")).standardErrors(), 0.0);
        assertArrayEquals(post.removalDiversion().estimates(),
                finished(post.start("removalDiversion", "", "")).estimates(), 0.0);
        assertArrayEquals(post.marginalDiversion("pf").estimates(),
                finished(post.start("marginalDiversion", "pf", "")).estimates(), 0.0);
        assertArrayEquals(post.wtpInference("cl", "pf").estimates(),
                finished(post.start("wtpInference", "cl", "pf")).estimates(), 0.0);
    }

    @Test
    @DisplayName("the computation's exception is thrown by result(); an unknown table name at once; stop() ends a"
            + " long table quickly")
    void failuresAndStop() {
        BridgePost post = fit.post("{\"replicates\": 0}");
        BridgeTableJob bad = post.start("elasticities", "nosuch", "");
        assertTrue(bad.await(60_000));
        RuntimeException e = assertThrows(RuntimeException.class, bad::result);
        assertTrue(e.getMessage().contains("nosuch"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> post.start("tables", "", ""));
        BridgeTableJob job = fit.post("{\"krinskyRobb\": 100000, \"replicates\": 0}").start("elasticities", "pf", "");
        job.stop();
        assertTrue(job.await(20_000), "a stopped table ends within its current block of work");
        job.stop();
    }
}
