package org.mixlogit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.simulation.LikelihoodEvaluator;
import org.mixlogit.simulation.ScoreSums;
import org.mixlogit.simulation.SimulatedLogLikelihood;
import org.mixlogit.simulation.Simulators;
import org.mixlogit.spec.ModelSpec;

/**
 * The Spark backend's log-likelihood sums equal the local engine's to the last bit on Electricity (361
 * respondents, 12 blocks of 32), for 1, 2 and 4 partitions, for data read from a Spark source (shards built by the
 * executors) and for data cut by the driver: value, gradient, OPG (information and meat), the analytic Hessian, and
 * cluster sums by a characteristic whose clusters are split across every partition; and a task that fails and is
 * retried by Spark returns the same partials.
 */
class SparkLikelihoodTest {
    @TempDir
    static Path dir;
    private static SparkSession spark;
    private static Path file;
    private static ChoiceData local;
    private static final ModelSpec SPEC = Electricity.spec();
    private static final IntegrationConfig DRAWS = Electricity.draws(25);
    private static final double[] THETA = Electricity.theta();

    @BeforeAll
    static void start() {
        spark = SparkTestSession.start();
        file = Electricity.write(dir);
        local = Electricity.local(file);
    }


    /** What the local engine computes (two threads): the reference. */
    private static final class Reference {
        final double value;
        final double[] gradient;
        final ScoreSums scores;
        final ScoreSums clustered;
        final double[] hessian;

        Reference(LikelihoodEvaluator ll) {
            value = ll.value(THETA);
            gradient = new double[THETA.length];
            ll.valueAndGradient(THETA, gradient);
            scores = ll.scoreSums(THETA, null);
            clustered = ll.scoreSums(THETA, "region");
            hessian = ll.hessian(THETA);
        }
    }

    private static Reference reference;

    private static synchronized Reference reference() {
        if (reference == null) {
            try (SimulatedLogLikelihood ll = Simulators.likelihood(local, SPEC, DRAWS, null, 2)) {
                reference = new Reference(ll);
            }
        }
        return reference;
    }

    static void assertBits(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]),
                    what + "[" + i + "]: " + expected[i] + " vs " + actual[i]);
        }
    }

    static void assertBits(double expected, double actual, String what) {
        assertBits(new double[] {expected}, new double[] {actual}, what);
    }

    private static void assertSameSums(Reference r, LikelihoodEvaluator ll, String where) {
        assertBits(r.value, ll.value(THETA), where + " value");
        double[] gradient = new double[THETA.length];
        assertBits(r.value, ll.valueAndGradient(THETA, gradient), where + " value with gradient");
        assertBits(r.gradient, gradient, where + " gradient");
        ScoreSums s = ll.scoreSums(THETA, null);
        assertBits(r.scores.information(), s.information(), where + " OPG");
        assertBits(r.scores.meat(), s.meat(), where + " meat");
        ScoreSums c = ll.scoreSums(THETA, "region");
        assertEquals(7, c.clusterCount(), where + " clusters");
        assertBits(r.clustered.clusterMeat(), c.clusterMeat(), where + " cluster meat");
        assertBits(r.hessian, ll.hessian(THETA), where + " Hessian");
    }

    @ParameterizedTest(name = "{0} partition(s), shards built by the executors from a Spark CSV source")
    @ValueSource(ints = {1, 2, 4})
    void executorShardsEqualLocal(int partitions) {
        SparkBackend backend = new SparkBackend(spark, partitions);
        ChoiceData data = SparkChoiceData.read(backend, SparkChoiceData.load(spark, file.toString(), null),
                Electricity.layout(), file.toString());
        assertEquals(local.rowCount(), data.rowCount());
        assertEquals(local.alternativeLabels(), data.alternativeLabels());
        assertEquals(List.of("north", "south", "west"), data.marketLabels());
        try (SparkLikelihood ll = (SparkLikelihood) backend.likelihood(data, SPEC, DRAWS, null)) {
            assertEquals(Math.min(partitions, 12), ll.partitionCount());
            assertSameSums(reference(), ll, partitions + " partitions");
        } finally {
            backend.release(data);
        }
    }

    @ParameterizedTest(name = "{0} partition(s), shards cut by the driver from its data")
    @ValueSource(ints = {1, 2, 4})
    void driverShardsEqualLocal(int partitions) {
        SparkBackend backend = new SparkBackend(spark, partitions);
        try (LikelihoodEvaluator ll = backend.likelihood(local, SPEC, DRAWS, null)) {
            assertSameSums(reference(), ll, partitions + " driver shards");
        } finally {
            backend.release(local);
        }
    }

    @Test
    @DisplayName("each partition's simulator on two threads (a task of two cores) gives the same sums")
    void taskThreadsGiveTheSameSums() {
        assertEquals(1, new SparkBackend(spark, 2).partThreads(8), "spark.task.cpus (1), not --threads");
        SparkBackend backend = new SparkBackend(spark, 2, 2);
        assertEquals(2, backend.partThreads(8));
        try (LikelihoodEvaluator ll = backend.likelihood(local, SPEC, DRAWS, null)) {
            assertSameSums(reference(), ll, "two threads per task");
        } finally {
            backend.release(local);
        }
    }

    @Test
    @DisplayName("a task that fails mid-evaluation is retried by Spark and the sums are still bit-identical")
    void retriedTaskGivesTheSameSums() {
        SparkBackend backend = new SparkBackend(spark, 4);
        try (SparkLikelihood ll = (SparkLikelihood) backend.likelihood(local, SPEC, DRAWS, null)) {
            ll.injectFailures(FaultPlan.failFirstAttempt(2));
            double[] gradient = new double[THETA.length];
            double value = ll.valueAndGradient(THETA, gradient);
            Map<Integer, Integer> attempts = new TreeMap<>();
            for (int[] pa : ll.lastAttempts()) {
                attempts.put(pa[0], pa[1]);
            }
            assertEquals(Map.of(0, 0, 1, 0, 2, 1, 3, 0), attempts, "partition 2 was computed by its second attempt");
            assertBits(reference().value, value, "value after a retry");
            assertBits(reference().gradient, gradient, "gradient after a retry");
            assertBits(reference().hessian, ll.hessian(THETA), "Hessian after a retry");
            assertNotNull(ll.integrationDescription());
            assertTrue(ll.integrationDescription().contains("halton"), ll.integrationDescription());
        } finally {
            backend.release(local);
        }
    }
}
