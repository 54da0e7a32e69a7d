package org.mixlogit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mixlogit.spark.SparkLikelihoodTest.assertBits;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.bench.SimulatedChoices;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.estimation.DiagnosticsConfig;
import org.mixlogit.estimation.EstimationMethod;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.estimation.MethodConfig;
import org.mixlogit.estimation.MssEstimator;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.simulation.Backend;

/**
 * The method of simulated scores on Spark (3 partitions of the shared local session) equals the local engine and
 * the in-process shards to the last bit: the accept-reject state recorded on the partitions and written back to the
 * driver, every round's posterior draws made where the decision-makers live, the score sums and the Jacobian of the
 * simulated score reduced in canonical block order. Data: the Monte Carlo study's panel (150 people x 5 choices).
 */
class SparkMssTest {
    @Test
    @DisplayName("MSS: Spark, local and in-process shards give the same estimates, sandwich and LL bit for bit")
    void mssOnSparkEqualsLocal() {
        EstimationResult local = assertSameOnEveryBackend(5, IntegrationConfig.of(DrawType.PSEUDO_RANDOM, 10), true);
        assertEquals(EstimationMethod.MSS, local.method());
    }

    @Test
    @DisplayName("MSS by importance sampling (adaptive-halton): Spark, local and in-process shards agree bit for bit")
    void importanceSamplingOnSparkEqualsLocal() {
        EstimationResult local = assertSameOnEveryBackend(10, IntegrationConfig.of(DrawType.ADAPTIVE_HALTON, 20),
                false);
        assertTrue(local.integration().startsWith("posterior scores by importance sampling"), local.integration());
    }

    /**
     * Fits MSS on the Monte Carlo panel (150 people x {@code situations}) locally, on three in-process shards and on
     * three Spark partitions, and asserts the same bits; returns the local fit.
     */
    private static EstimationResult assertSameOnEveryBackend(int situations, IntegrationConfig integration,
            boolean hessianErrors) {
        SparkSession spark = SparkTestSession.start();
        ChoiceData data = SimulatedChoices.generate(150, situations, SimulatedChoices.TRUTH, 7);
        EstimatorConfig config = EstimatorConfig.defaults().withThreads(2).withIntegration(integration)
                .withDiagnostics(DiagnosticsConfig.defaults().withCheckReplicates(0))
                .withMethod(MethodConfig.of(EstimationMethod.MSS));
        EstimationResult local = new MssEstimator(config).estimate(data, SimulatedChoices.spec());
        EstimationResult sharded = new MssEstimator(config, Backend.sharded(3, 1)).estimate(data,
                SimulatedChoices.spec());
        SparkBackend backend = new SparkBackend(spark, 3);
        try {
            EstimationResult onSpark = new MssEstimator(config, backend).estimate(data, SimulatedChoices.spec());
            assertTrue(local.isConverged(), local.message());
            assertEquals(EstimationMethod.MSS, onSpark.method());
            for (EstimationResult other : new EstimationResult[] {sharded, onSpark}) {
                assertBits(local.estimates(), other.estimates(), "estimates");
                assertBits(local.logLikelihood(), other.logLikelihood(), "log-likelihood");
                assertBits(local.standardErrors(CovarianceType.ROBUST), other.standardErrors(CovarianceType.ROBUST),
                        "sandwich standard errors");
                if (hessianErrors) {
                    assertBits(local.standardErrors(CovarianceType.HESSIAN),
                            other.standardErrors(CovarianceType.HESSIAN), "Jacobian standard errors");
                }
                assertEquals(local.iterations(), other.iterations(), "iterations");
                assertEquals(local.integration(), other.integration());
            }
        } finally {
            backend.release(data);
        }
        return local;
    }
}
