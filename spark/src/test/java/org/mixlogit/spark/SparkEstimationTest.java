package org.mixlogit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mixlogit.spark.SparkLikelihoodTest.assertBits;

import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.estimation.DiagnosticsConfig;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.estimation.InferenceConfig;
import org.mixlogit.estimation.IntegrationCheck;
import org.mixlogit.estimation.MethodConfig;
import org.mixlogit.estimation.MsleEstimator;
import org.mixlogit.estimation.MsmEstimator;
import org.mixlogit.estimation.SearchConfig;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.msm.InstrumentChoice;
import org.mixlogit.msm.MsmConfig;
import org.mixlogit.postestimation.ConditionalCoefficients;
import org.mixlogit.postestimation.FittedModel;
import org.mixlogit.postestimation.PostEstimation;
import org.mixlogit.postestimation.PostEstimationOptions;
import org.mixlogit.postestimation.QuantityTable;
import org.mixlogit.report.SavedResult;
import org.mixlogit.simulation.Backend;
import org.mixlogit.simulation.WillingnessToPay;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * Whole estimations on Spark equal the local engine's to the last bit on Electricity (data read from a Spark CSV
 * source, 3 partitions): MSLE with two starts, every covariance type and the integration check, with only the
 * data's summary on the driver (and the data's fingerprint streamed from the partitions), MSM on the summary too
 * (default instruments, and optimal instruments from a first step, computed by the partitions from their rows; the
 * GMM sandwich clustered by region), post-estimation shares by market with their delta-method errors, and the
 * per-decision-maker conditional coefficients written as Parquet, and the willingness to pay (population summary
 * and conditional means, gathered and as a frame) and the fitted and conditional probabilities by row.
 */
class SparkEstimationTest {
    @TempDir
    static Path dir;
    private static SparkSession spark;
    private static SparkBackend backend;
    private static ChoiceData local;
    private static ChoiceData distributed;
    /** The same data gathered on the driver, for what still reads rows there (post-estimation's per-row tables). */
    private static ChoiceData gathered;

    @BeforeAll
    static void start() {
        spark = SparkTestSession.start();
        Path file = Electricity.write(dir);
        local = Electricity.local(file);
        backend = new SparkBackend(spark, 3);
        distributed = SparkChoiceData.read(backend, SparkChoiceData.load(spark, file.toString(), "csv"),
                Electricity.layout(), file.toString());
        gathered = SparkChoiceData.gather(backend, distributed);
    }


    private static EstimatorConfig config() {
        return EstimatorConfig.defaults().withIntegration(Electricity.draws(10)).withThreads(2)
                .withDiagnostics(DiagnosticsConfig.defaults().withCheckReplicates(0))
                .withInference(InferenceConfig.defaults().withCovariance(CovarianceType.CLUSTER).withCluster("region"));
    }

    /** Estimates, log-likelihood, gradient, iterations and every available covariance are the same bits. */
    static void assertSameFit(EstimationResult expected, EstimationResult actual) {
        assertTrue(expected.isConverged(), expected.message());
        assertBits(expected.estimates(), actual.estimates(), "estimates");
        assertBits(expected.logLikelihood(), actual.logLikelihood(), "log-likelihood");
        assertBits(expected.gradient(), actual.gradient(), "gradient");
        assertEquals(expected.iterations(), actual.iterations(), "iterations");
        for (CovarianceType type : CovarianceType.values()) {
            if (expected.isCovarianceAvailable(type)) {
                assertBits(expected.covariance(type), actual.covariance(type), type + " covariance");
            }
        }
    }

    @Test
    @DisplayName("MSLE with two starts: estimates, log-likelihood and every covariance equal the local fit")
    void msleEqualsLocal() {
        EstimatorConfig config = config().withSearch(SearchConfig.defaults().withStarts(2))
                .withDiagnostics(DiagnosticsConfig.defaults().withCheckReplicates(1));
        EstimationResult expected = new MsleEstimator(config, Backend.local(2)).estimate(local, Electricity.spec());
        // the driver holds a summary: any row read on the driver during the estimation would throw
        assertTrue(distributed.isSummary(), distributed.toString());
        EstimationResult actual = new MsleEstimator(config, backend).estimate(distributed, Electricity.spec());
        assertSameFit(expected, actual);
        assertEquals(SavedResult.fingerprint(local, Electricity.spec()),
                SavedResult.fingerprint(distributed, Electricity.spec(), backend), "fingerprint streamed in order");
        assertBits(expected.plainLogitLogLikelihood(), actual.plainLogitLogLikelihood(), "plain logit");
        IntegrationCheck check = expected.integrationCheck().orElseThrow();
        IntegrationCheck sparkCheck = actual.integrationCheck().orElseThrow();
        assertBits(check.replicates(), sparkCheck.replicates(), "integration check's replicate");
        assertBits(check.accurateLogLikelihood(), sparkCheck.accurateLogLikelihood(), "integration check's 4R");
        assertEquals(2, actual.optima().stream().mapToInt(o -> o.starts()).sum(), "two starts");
        assertTrue(expected.isCovarianceAvailable(CovarianceType.CLUSTER));

        FittedModel model = FittedModel.of(actual);
        QuantityTable here = new PostEstimation(model, local, PostEstimationOptions.defaults().withReplicates(0))
                .shares();
        // shares by market on the summary: the market structure and the sums come from the partitions
        QuantityTable there = new PostEstimation(model.withBackend(backend), distributed,
                PostEstimationOptions.defaults().withReplicates(0)).shares();
        assertEquals(List.of("north", "south", "west"), there.markets().stream().distinct().toList());
        assertBits(here.estimates(), there.estimates(), "shares by market");
        assertBits(here.standardErrors(), there.standardErrors(), "delta-method errors of the shares");

        Dataset<Row> conditionals = SparkOutputs.conditionalCoefficients(spark, backend, model, distributed);
        String parquet = dir.resolve("conditionals.parquet").toString();
        conditionals.write().parquet(parquet);
        List<Row> rows = spark.read().parquet(parquet).orderBy("ordinal").collectAsList();
        double[][] expectedConditionals;
        try (var ll = org.mixlogit.simulation.Simulators.likelihood(local, Electricity.spec(),
                model.integration(), model.estimates(), 2)) {
            expectedConditionals = ll.conditionalCoefficients(model.estimates());
        }
        assertEquals(local.decisionMakerCount(), rows.size());
        int k = Electricity.ATTRIBUTES.size();
        for (int n = 0; n < rows.size(); n++) {
            Row row = rows.get(n);
            assertEquals(local.decisionMakerId(n), row.getLong(0), "id of decision-maker " + n);
            for (int j = 0; j < k; j++) {
                assertBits(expectedConditionals[0][n * k + j], row.getDouble(2 + j), "E[beta] of " + n);
                assertBits(expectedConditionals[1][n * k + j], row.getDouble(2 + k + j), "sd[beta] of " + n);
            }
        }

        // willingness to pay: the population summary and each person's conditional mean, gathered and as a frame
        PostEstimation atHome = new PostEstimation(model, local, PostEstimationOptions.defaults());
        PostEstimation onSpark = new PostEstimation(model.withBackend(backend), gathered,
                PostEstimationOptions.defaults());
        WillingnessToPay w = atHome.willingnessToPay("cl", "pf");
        WillingnessToPay sw = onSpark.willingnessToPay("cl", "pf");
        assertBits(w.individual(), sw.individual(), "individual willingness to pay");
        assertBits(new double[] {w.mean(), w.median(), w.quantile(0.05), w.quantile(0.95)},
                new double[] {sw.mean(), sw.median(), sw.quantile(0.05), sw.quantile(0.95)}, "population summary");
        assertEquals(w.draws(), sw.draws());
        List<Row> wtp = SparkOutputs.willingnessToPay(spark, backend, model, distributed, "cl", "pf")
                .orderBy("ordinal").collectAsList();
        double[] individual = new double[wtp.size()];
        for (int n = 0; n < individual.length; n++) {
            individual[n] = wtp.get(n).getDouble(2);
        }
        assertBits(w.individual(), individual, "willingness to pay frame");
        assertBits(atHome.probabilities(), onSpark.probabilities(), "fitted probabilities by row");
        assertBits(atHome.conditionalProbabilities(), onSpark.conditionalProbabilities(),
                "conditional probabilities by row");
        ConditionalCoefficients gathered = onSpark.conditionals();
        for (int n = 0; n < local.decisionMakerCount(); n++) {
            for (int j = 0; j < k; j++) {
                assertBits(expectedConditionals[0][n * k + j], gathered.mean(n, j), "gathered E[beta] of " + n);
                assertBits(expectedConditionals[1][n * k + j], gathered.sd(n, j), "gathered sd[beta] of " + n);
            }
        }
    }

    @Test
    @DisplayName("MSM (optimal instruments from an MSLE first step, clustered sandwich) equals the local fit")
    void msmEqualsLocal() {
        // a normal cl and fixed others; the optimal instruments' first step is an MSLE fit on the same backend
        ModelSpec spec = ModelSpec.builder().fixed("pf").random("cl", Distribution.NORMAL).fixed("loc").fixed("wk")
                .fixed("tod").fixed("seas").build();
        EstimatorConfig config = config().withMethod(MethodConfig.msm(MsmConfig.defaults()
                .withInstruments(InstrumentChoice.OPTIMAL)));
        EstimationResult expected = new MsmEstimator(config, Backend.local(2)).estimate(local, spec);
        // on the driver's summary: the optimal instruments are computed by the partitions from their own rows
        EstimationResult actual = new MsmEstimator(config, backend).estimate(distributed, spec);
        assertSameFit(expected, actual);
        assertBits(expected.gmm().orElseThrow().objective(), actual.gmm().orElseThrow().objective(), "GMM criterion");
    }

    @Test
    @DisplayName("MSM with the default instruments on the driver's summary equals the local fit")
    void msmDefaultsOnSummary() {
        ModelSpec spec = ModelSpec.builder().fixed("pf").random("cl", Distribution.NORMAL).fixed("loc").fixed("wk")
                .fixed("tod").fixed("seas").build();
        EstimatorConfig config = config().withMethod(MethodConfig.msm(MsmConfig.defaults()));
        EstimationResult expected = new MsmEstimator(config, Backend.local(2)).estimate(local, spec);
        assertTrue(distributed.isSummary(), distributed.toString());
        EstimationResult actual = new MsmEstimator(config, backend).estimate(distributed, spec);
        assertSameFit(expected, actual);
        assertEquals(expected.gmm().orElseThrow().instruments(), actual.gmm().orElseThrow().instruments());
        assertBits(expected.gmm().orElseThrow().objective(), actual.gmm().orElseThrow().objective(), "GMM criterion");
    }
}
