package org.mixlogit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mixlogit.spark.SparkEstimationTest.assertSameFit;
import static org.mixlogit.spark.SparkLikelihoodTest.assertBits;

import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.estimation.DiagnosticsConfig;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.estimation.InferenceConfig;
import org.mixlogit.estimation.LatentClassEstimator;
import org.mixlogit.estimation.SearchConfig;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.latent.LatentClassSummary;
import org.mixlogit.postestimation.FittedModel;
import org.mixlogit.postestimation.LatentClassPosterior;
import org.mixlogit.postestimation.PostEstimation;
import org.mixlogit.postestimation.PostEstimationOptions;
import org.mixlogit.simulation.Backend;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.LatentClasses;
import org.mixlogit.spec.ModelSpec;

/**
 * Latent class fits on Spark equal the local engine's to the last bit on Electricity (data read from a Spark CSV
 * source): a two-class logit whose shares depend on a characteristic (region), on 1, 2 and 4 partitions, with the
 * covariance clustered by region, from three EM starts; and a two-class model with a normal coefficient within the
 * classes. Compared: estimates, log-likelihood, gradient, iterations, every covariance, the class shares with their
 * delta-method errors, the mean posterior class probabilities and the multi-start table; and each decision-maker's
 * posterior class probabilities and modal class, gathered through the backend and as a DataFrame.
 */
class SparkLatentClassTest {
    @TempDir
    static Path dir;
    private static SparkSession spark;
    private static Path file;
    private static ChoiceData local;
    private static EstimationResult expectedLogit;

    /** Two classes of the six fixed attributes, class shares by region. */
    private static final ModelSpec LOGIT = fixedAttributes(ModelSpec.builder())
            .latentClasses(new LatentClasses(2, List.of("region"), List.of())).build();

    @BeforeAll
    static void start() {
        spark = SparkTestSession.start();
        file = Electricity.write(dir);
        local = Electricity.local(file);
    }


    private static ModelSpec.Builder fixedAttributes(ModelSpec.Builder b) {
        for (String a : Electricity.ATTRIBUTES) {
            b.fixed(a);
        }
        return b;
    }

    private static EstimatorConfig config() {
        // three EM starts (not the default ten): the same code paths, fewer direct-ML polishes for CI
        return EstimatorConfig.defaults().withIntegration(Electricity.draws(10)).withThreads(2)
                .withSearch(SearchConfig.defaults().withStarts(3))
                .withDiagnostics(DiagnosticsConfig.defaults().withCheckReplicates(0))
                .withInference(InferenceConfig.defaults().withCovariance(CovarianceType.CLUSTER).withCluster("region"));
    }

    private static synchronized EstimationResult expectedLogit() {
        if (expectedLogit == null) {
            expectedLogit = new LatentClassEstimator(config(), Backend.local(2)).estimate(local, LOGIT);
        }
        return expectedLogit;
    }

    private static void assertSameClasses(EstimationResult expected, EstimationResult actual) {
        assertSameFit(expected, actual);
        LatentClassSummary e = expected.latentClasses().orElseThrow();
        LatentClassSummary a = actual.latentClasses().orElseThrow();
        assertBits(e.shares(), a.shares(), "class shares");
        assertBits(e.shareErrors(), a.shareErrors(), "class shares' errors");
        assertBits(e.posteriorShares(), a.posteriorShares(), "mean posterior class probabilities");
        assertEquals(e.starts(), a.starts(), "starts");
        assertEquals(expected.optima().size(), actual.optima().size(), "distinct optima");
        for (int i = 0; i < expected.optima().size(); i++) {
            assertBits(expected.optima().get(i).logLikelihood(), actual.optima().get(i).logLikelihood(),
                    "optimum " + i);
            assertEquals(expected.optima().get(i).starts(), actual.optima().get(i).starts(), "starts of optimum " + i);
        }
    }

    @ParameterizedTest(name = "{0} partition(s)")
    @ValueSource(ints = {1, 2, 4})
    @DisplayName("a two-class logit with shares by region equals the local fit")
    void latentClassLogitEqualsLocal(int partitions) {
        SparkBackend backend = new SparkBackend(spark, partitions);
        ChoiceData summary = SparkChoiceData.read(backend, SparkChoiceData.load(spark, file.toString(), "csv"),
                Electricity.layout(), file.toString());
        // the fit reads no row on the driver (the EM's starting points and passes run on the partitions); the Java
        // API's LatentClassPosterior reads the ids on the driver, so it is compared on the rows gathered there (the
        // command line's tables come from the partitions, SparkPostEstimationOutputsTest)
        ChoiceData data = SparkChoiceData.gather(backend, summary);
        try {
            assertTrue(summary.isSummary());
            EstimationResult actual = new LatentClassEstimator(config(), backend).estimate(summary, LOGIT);
            assertSameClasses(expectedLogit(), actual);
            assertTrue(actual.isCovarianceAvailable(CovarianceType.CLUSTER));
            assertEquals(2, actual.latentClasses().orElseThrow().classes());
            // posterior class probabilities: gathered through the backend, and as a frame with the modal class
            FittedModel model = FittedModel.of(actual);
            LatentClassPosterior expected = new PostEstimation(model, local, PostEstimationOptions.defaults())
                    .classPosteriors();
            LatentClassPosterior gathered = new PostEstimation(model.withBackend(backend), data,
                    PostEstimationOptions.defaults()).classPosteriors();
            assertBits(expected.probabilities(), gathered.probabilities(), "posteriors through the backend");
            List<Row> rows = SparkOutputs.classPosteriors(spark, backend, model, data).orderBy("ordinal")
                    .collectAsList();
            double[] h = expected.probabilities();
            int[] modal = expected.modalClasses();
            assertEquals(local.decisionMakerCount(), rows.size());
            for (int n = 0; n < rows.size(); n++) {
                assertEquals(local.decisionMakerId(n), rows.get(n).getLong(0), "id of " + n);
                assertBits(new double[] {h[2 * n], h[2 * n + 1]}, new double[] {rows.get(n).getDouble(2),
                    rows.get(n).getDouble(3)}, "posteriors of " + n);
                assertEquals(modal[n], rows.get(n).getInt(4), "modal class of " + n);
            }
        } finally {
            backend.release(data);
            backend.release(summary);
        }
    }

    @Test
    @DisplayName("two classes with a normal coefficient within them (10 Halton draws) equal the local fit")
    void mixedWithinClassesEqualsLocal() {
        ModelSpec spec = ModelSpec.builder().fixed("pf").random("cl", Distribution.NORMAL).fixed("loc").fixed("wk")
                .fixed("tod").fixed("seas").latentClasses(new LatentClasses(2, List.of(), List.of())).build();
        EstimationResult expected = new LatentClassEstimator(config(), Backend.local(2)).estimate(local, spec);
        SparkBackend backend = new SparkBackend(spark, 3);
        try {
            EstimationResult actual = new LatentClassEstimator(config(), backend).estimate(local, spec);
            assertSameClasses(expected, actual);
        } finally {
            backend.release(local);
        }
    }
}
