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
import org.mixlogit.postestimation.DiversionDecomposition;
import org.mixlogit.postestimation.FittedModel;
import org.mixlogit.postestimation.PostEstimation;
import org.mixlogit.postestimation.PostEstimationOptions;
import org.mixlogit.spec.LatentClasses;
import org.mixlogit.spec.ModelSpec;

/**
 * Post-estimation's tables on Spark ({@link SparkPostEstimationOutputs}) equal the local engine's on Electricity with
 * 1, 2 and 4 partitions, on the driver's summary of the data (no row on the driver): the conditional coefficients,
 * the fitted and conditional probabilities by row, the willingness to pay by decision-maker and the diversion
 * decomposition by situation (each Spark table, read back, has the local CSV's header and rows; the conditional means
 * and the decomposition to the last bit), a latent class model's posterior class probabilities, and the printed
 * summaries (means, spreads, extremes, class counts, the willingness-to-pay population's mean and exact quantiles)
 * to the last bit.
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
