package org.mixlogit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mixlogit.spark.SparkLikelihoodTest.assertBits;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixlogit.cli.PostEstimationOutputs;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.postestimation.ClassWillingnessToPay;
import org.mixlogit.postestimation.DiversionDecomposition;
import org.mixlogit.postestimation.FittedModel;
import org.mixlogit.postestimation.PostEstimation;
import org.mixlogit.postestimation.PostEstimationOptions;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.LatentClasses;
import org.mixlogit.spec.ModelSpec;

/**
 * Post-estimation's tables on Spark ({@link SparkPostEstimationOutputs}) equal the local engine's on Electricity with
 * 1, 2 and 4 partitions, on the driver's summary of the data (no row on the driver): the conditional coefficients,
 * the fitted and conditional probabilities by row, the willingness to pay by decision-maker and the diversion
 * decomposition by situation (each Spark table, read back, has the local CSV's header and rows; the conditional means
 * and the decomposition to the last bit), a latent class model's posterior class probabilities, and the printed
 * summaries (means, spreads, extremes, class counts, the willingness-to-pay population's mean and exact quantiles)
 * to the last bit; and a latent class model's willingness to pay per class with a coefficient random within classes
 * (every delta-method evaluation summarises each class's draws on the partitions).
 */
class SparkPostEstimationOutputsTest {
    @TempDir
    static Path dir;
    private static SparkSession spark;
    private static Path file;
    private static ChoiceData local;
    private static FittedModel mixed;
    private static FittedModel classes;

    @BeforeAll
    static void start() {
        spark = SparkTestSession.start();
        file = Electricity.write(dir);
        local = Electricity.local(file);
        mixed = model(Electricity.spec(), Electricity.theta());
        ModelSpec.Builder b = ModelSpec.builder();
        for (String a : Electricity.ATTRIBUTES) {
            b.fixed(a);
        }
        ModelSpec latent = b.latentClasses(new LatentClasses(2, List.of(), List.of())).build();
        double[] theta = new double[latent.layout().size()];
        for (int j = 0; j < 6; j++) {
            theta[j] = Electricity.theta()[j];
            theta[6 + j] = 0.5 * Electricity.theta()[j];
        }
        theta[12] = 0.3;
        classes = model(latent, theta);
    }

    private static FittedModel model(ModelSpec spec, double[] theta) {
        int p = theta.length;
        double[] covariance = new double[p * p];
        for (int i = 0; i < p; i++) {
            covariance[i * p + i] = 1e-4;
        }
        return new FittedModel(spec, theta, covariance, "hessian", Electricity.draws(5), 95, 2);
    }

    @ParameterizedTest(name = "{0} partition(s)")
    @ValueSource(ints = {1, 2, 4})
    @DisplayName("conditional, probabilities, wtp and decomposition tables and summaries equal the local ones")
    void tablesEqualLocal(int partitions) {
        SparkBackend backend = new SparkBackend(spark, partitions);
        ChoiceData summary = SparkChoiceData.read(backend, SparkChoiceData.load(spark, file.toString(), "csv"),
                Electricity.layout(), file.toString(), true);
        try {
            assertTrue(summary.isSummary(), summary.toString());
            PostEstimation post = new PostEstimation(mixed, local, PostEstimationOptions.defaults());
            PostEstimationOutputs here = PostEstimationOutputs.local(post, "");
            PostEstimationOutputs there = new SparkPostEstimationOutputs(spark, backend, mixed.withBackend(backend),
                    summary, "");
            String tag = "-" + partitions;

            assertBits(here.conditionals(local("conditional" + tag)), there.conditionals(spark("conditional" + tag)),
                    "conditional coefficients' summary");
            assertSameTable("conditional" + tag);
            Map<Long, String[]> byId = cellsByKey(spark("conditional" + tag));
            double[] means = post.conditionals().means();
            int k = Electricity.ATTRIBUTES.size();
            for (int n = 0; n < local.decisionMakerCount(); n++) {
                String[] cells = byId.get(local.decisionMakerId(n));
                for (int j = 0; j < k; j++) {
                    assertBits(means[n * k + j], Double.parseDouble(cells[1 + 2 * j]), "E[beta] of " + n);
                }
            }

            here.probabilities(local("probabilities" + tag));
            there.probabilities(spark("probabilities" + tag));
            assertSameTable("probabilities" + tag);

            assertBits(here.willingnessToPay("cl", "pf", local("wtp" + tag)),
                    there.willingnessToPay("cl", "pf", spark("wtp" + tag)), "willingness to pay's summary");
            assertSameTable("wtp" + tag);

            here.decomposition("pf", local("decomposition" + tag));
            there.decomposition("pf", spark("decomposition" + tag));
            assertSameTable("decomposition" + tag);
            DiversionDecomposition d = post.decomposition("pf");
            Map<String, String[]> rows = new HashMap<>();
            for (String[] cells : WrittenTables.cells(spark, spark("decomposition" + tag))) {
                rows.put(cells[0] + "/" + cells[2] + "/" + cells[3], cells);
            }
            double[][] columns = {d.fromShares(), d.removalDiversion(), d.marginalDiversion(), d.logitDiversion(),
                d.removalWeights(), d.marginalWeights()};
            for (int i = 0; i < d.size(); i++) {
                String[] cells = rows.get(d.situationIds().get(i) + "/" + d.from().get(i) + "/" + d.to().get(i));
                for (int c = 0; c < columns.length; c++) {
                    assertBits(columns[c][i], Double.parseDouble(cells[4 + c]), "decomposition row " + i);
                }
            }
            assertNotNull(there.refusal("csv", spark("wtp" + tag)), "an existing output is refused");
            assertNull(there.refusal("csv", spark("nothing" + tag)));
        } finally {
            backend.release(summary);
        }
    }

    @ParameterizedTest(name = "{0} partition(s)")
    @ValueSource(ints = {1, 2, 4})
    @DisplayName("a latent class model's posterior class probabilities and their summary equal the local ones")
    void posteriorsEqualLocal(int partitions) {
        SparkBackend backend = new SparkBackend(spark, partitions);
        ChoiceData summary = SparkChoiceData.read(backend, SparkChoiceData.load(spark, file.toString(), "csv"),
                Electricity.layout(), file.toString(), true);
        try {
            PostEstimationOutputs here = PostEstimationOutputs.local(new PostEstimation(classes, local,
                    PostEstimationOptions.defaults()), "");
            PostEstimationOutputs there = new SparkPostEstimationOutputs(spark, backend, classes.withBackend(backend),
                    summary, "not converged");
            String tag = "-" + partitions;
            assertBits(here.classPosteriors(local("posterior" + tag)), there.classPosteriors(spark("posterior" + tag)),
                    "mean posteriors and modal counts");
            // after a doubtful fit every row carries the warning in a last column
            Dataset<Row> written = WrittenTables.read(spark, spark("posterior" + tag));
            assertEquals("fit_warning", written.columns()[written.columns().length - 1]);
            assertEquals(local.decisionMakerCount(), written.filter("fit_warning = 'not converged'").count());
            assertEquals(WrittenTables.local(Path.of(local("posterior" + tag))),
                    WrittenTables.shown(written.drop("fit_warning")), "posterior table");
        } finally {
            backend.release(summary);
        }
    }

    // two partitions only: each of the delta method's evaluations is the population summary that tablesEqualLocal
    // checks with 1, 2 and 4 (ten Spark jobs per class and evaluation)
    @ParameterizedTest(name = "{0} partition(s)")
    @ValueSource(ints = {2})
    @DisplayName("a latent class model's willingness to pay per class with a random coefficient within classes (each"
            + " class's distribution over every draw, delta-method errors) equals the local one")
    void classWillingnessToPayEqualsLocal(int partitions) {
        ModelSpec spec = ModelSpec.builder().fixed("pf").random("cl", Distribution.NORMAL).fixed("loc").fixed("wk")
                .fixed("tod").fixed("seas").latentClasses(new LatentClasses(2, List.of(), List.of())).build();
        List<String> names = spec.layout().names();
        double[] theta = new double[names.size()];
        for (int i = 0; i < theta.length; i++) {
            String name = names.get(i);
            double scale = name.startsWith("class2") ? 0.5 : 1.0;
            for (int j = 0; j < Electricity.ATTRIBUTES.size(); j++) {
                if (name.endsWith(Electricity.ATTRIBUTES.get(j))) {
                    theta[i] = scale * Electricity.theta()[j];
                }
            }
            if (name.contains("sd")) {
                theta[i] = 0.4 * scale;
            } else if (name.contains("share")) {
                theta[i] = 0.3;
            }
        }
        FittedModel model = model(spec, theta);
        SparkBackend backend = new SparkBackend(spark, partitions);
        ChoiceData summary = SparkChoiceData.read(backend, SparkChoiceData.load(spark, file.toString(), "csv"),
                Electricity.layout(), file.toString(), true);
        try {
            ClassWillingnessToPay expected = PostEstimationOutputs.local(new PostEstimation(model, local,
                    PostEstimationOptions.defaults()), "").classWillingnessToPay("cl", "pf");
            ClassWillingnessToPay actual = new SparkPostEstimationOutputs(spark, backend, model.withBackend(backend),
                    summary, "").classWillingnessToPay("cl", "pf");
            assertTrue(expected.isDistribution());
            assertBits(expected.table(), actual.table(), "each class's mean, median and quantiles");
            assertBits(expected.tableStandardErrors(), actual.tableStandardErrors(), "their delta-method errors");
        } finally {
            backend.release(summary);
        }
    }

    private static String local(String name) {
        return dir.resolve(name + "-local.csv").toString();
    }

    private static String spark(String name) {
        return dir.resolve(name + "-spark.csv").toString();
    }

    /** The Spark table, read back, has the local CSV's header and rows (doubles shown as the local file shows them). */
    private static void assertSameTable(String name) {
        assertEquals(WrittenTables.local(Path.of(local(name))), WrittenTables.spark(spark, spark(name)), name);
    }

    private static Map<Long, String[]> cellsByKey(String path) {
        Map<Long, String[]> out = new HashMap<>();
        for (String[] cells : WrittenTables.cells(spark, path)) {
            out.put(Long.parseLong(cells[0]), cells);
        }
        return out;
    }
}
