package org.mixlogit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;
import org.mixlogit.NumericalFailureException;
import org.mixlogit.cli.Main;

class SparkMainTest {
    @Test
    void anExecutorsMixlogitFailureIsReportedAsTheLocalEngineReportsIt() {
        NumericalFailureException inTask = new NumericalFailureException("Accept-reject sampling failed for 35.");
        SparkException job = new SparkException("Job aborted due to stage failure",
                new RuntimeException("task wrapper", inTask));
        assertSame(inTask, SparkMain.taskCause(job));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = Main.guarded(err, false, () -> {
            throw SparkMain.taskCause(job);
        });
        assertEquals(3, code);
        assertEquals("mixlogit: Accept-reject sampling failed for 35.", bytes.toString(StandardCharsets.UTF_8).trim());
    }

    @Test
    void anyOtherJobFailureIsAnInternalError() {
        SparkException job = new SparkException("Job aborted: executor lost");
        RuntimeException cause = SparkMain.taskCause(job);
        assertTrue(cause instanceof IllegalStateException);
        assertSame(job, cause.getCause());
    }
}
