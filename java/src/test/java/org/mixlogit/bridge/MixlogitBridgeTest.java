package org.mixlogit.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.estimation.EstimationMethod;
import org.mixlogit.estimation.MsleEstimator;
import org.mixlogit.estimation.MsmEstimator;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.io.ExampleData;
import org.mixlogit.msm.InstrumentChoice;
import org.mixlogit.msm.Weighting;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/** The facade gives the engine's own numbers from primitive columns, and checks its options. */
class MixlogitBridgeTest {
    static final String[] NAMES = ElectricityColumns.NAMES;

    @Test
    @DisplayName("a mixed logit through the facade equals the estimator's result, to the last bit")
    void fitEqualsEstimator() {
        ElectricityColumns c = new ElectricityColumns();
        String spec = "{\"coefficients\": [{\"attribute\": \"pf\", \"distribution\": \"f\"},"
                + " {\"attribute\": \"cl\", \"distribution\": \"n\"}, {\"attribute\": \"loc\", \"distribution\": \"f\"},"
                + " {\"attribute\": \"wk\", \"distribution\": \"f\"}, {\"attribute\": \"tod\", \"distribution\": \"f\"},"
                + " {\"attribute\": \"seas\", \"distribution\": \"f\"}]}";
        BridgeFit fit = MixlogitBridge.fit(c.situation, c.person, c.chosen, NAMES, c.attributes, new String[0],
                new double[0], new double[0], spec, "{\"R\": 50, \"threads\": 2, \"vce\": \"robust\"}");
        ModelSpec direct = ModelSpec.builder().fixed("pf").random("cl", Distribution.NORMAL).fixed("loc").fixed("wk")
                .fixed("tod").fixed("seas").build();
        EstimationResult r = new MsleEstimator(EstimatorConfig.defaults().withThreads(1)
                .withIntegration(IntegrationConfig.of(DrawType.HALTON, 50))).estimate(ExampleData.electricity(), direct);
        assertArrayEquals(r.estimates(), fit.estimates());
        assertEquals(r.logLikelihood(), fit.statistic("logLik"), 0.0);
        assertEquals("robust", fit.vce());
        assertEquals(Arrays.asList("pf", "cl", "loc", "wk", "tod", "seas", "sd.cl"), Arrays.asList(fit.names()));
        assertTrue(fit.trace().length >= 3 && fit.trace().length % 3 == 0);
        assertTrue(fit.json().contains("\"loglik\""));
        double[] p = fit.fittedProbabilities();
        assertEquals(c.chosen.length, p.length);
        assertEquals(1.0, p[0] + p[1] + p[2] + p[3], 1e-12);
        int rows = 16;
        double[] first = new double[rows * NAMES.length];
        for (int k = 0; k < NAMES.length; k++) {
            System.arraycopy(c.attributes, k * c.chosen.length, first, k * rows, rows);
        }
        double[] predicted = fit.predict(Arrays.copyOf(c.situation, rows), Arrays.copyOf(c.person, rows), NAMES,
                first, new String[0], new double[0]);
        assertArrayEquals(Arrays.copyOf(p, rows), predicted, 1e-12);
    }

    @Test
    @DisplayName("post-estimation: from a fit and statelessly from its estimates, the same numbers")
    void postEstimation() {
        ElectricityColumns c = new ElectricityColumns();
        String[] alternatives = new String[c.chosen.length];
        for (int i = 0; i < alternatives.length; i++) {
            alternatives[i] = "supplier" + (i % 4 + 1);
        }
        String spec = "{\"coefficients\": [{\"attribute\": \"pf\", \"distribution\": \"n\"},"
                + " {\"attribute\": \"cl\", \"distribution\": \"f\"}, {\"attribute\": \"loc\", \"distribution\": \"f\"},"
                + " {\"attribute\": \"wk\", \"distribution\": \"f\"}, {\"attribute\": \"tod\", \"distribution\": \"f\"},"
                + " {\"attribute\": \"seas\", \"distribution\": \"f\"}]}";
        String options = "{\"R\": 30, \"threads\": 2}";
        BridgeFit fit = MixlogitBridge.fit(c.situation, c.person, c.chosen, NAMES, c.attributes, new String[0],
                new double[0], new double[0], alternatives, new String[0], spec, options, MixlogitBridge.Progress.NONE);
        BridgePost post = fit.post("{\"replicates\": 0}");
        BridgeTable removal = post.removalDiversion();
        assertEquals(12, removal.estimates().length);
        assertEquals("supplier1", removal.alternatives()[0]);
        assertEquals("supplier2", removal.others()[0]);
        double sum = removal.estimates()[0] + removal.estimates()[1] + removal.estimates()[2];
        assertEquals(1.0, sum, 1e-12);
        BridgePost stateless = MixlogitBridge.post(c.situation, c.person, c.chosen, NAMES, c.attributes,
                new String[0], new double[0], new double[0], alternatives, new String[0], spec, options,
                fit.estimates(), fit.covariance("hessian"), "{\"replicates\": 0}");
        assertArrayEquals(post.shares().estimates(), stateless.shares().estimates(), 0.0);
        assertArrayEquals(post.shares().standardErrors(), stateless.shares().standardErrors(), 0.0);
        assertEquals(Arrays.asList(NAMES), Arrays.asList(post.coefficientNames()));
        double[] means = post.conditionalMeans();
        assertEquals(361 * 6, post.conditionalSds().length);
        assertEquals(361 * 6, means.length);
        assertEquals(fit.estimates()[1], means[361], 1e-15, "a fixed coefficient's conditional mean is itself");
        assertTrue(post.decompositionCsv("pf").startsWith("situation,market,from,to,"));
        assertEquals(-fit.estimates()[1] / fit.estimates()[0], wtp(post, "cl", "pf", "mean"), 0.05);
        assertEquals(361, post.wtpIndividual("cl", "pf").length);
        assertEquals(-fit.estimates()[2] / fit.estimates()[0], wtp(post, "loc", "pf", "median"), 0.05,
                "another attribute is computed afresh, not served from the previous one");
        InvalidSpecificationException e = assertThrows(InvalidSpecificationException.class,
                () -> fit.post("{\"draws\": 5}"));
        assertTrue(e.getMessage().contains("Unknown post-estimation option \"draws\""), e.getMessage());
        for (String bad : new String[] {"{\"krinskyRobb\": \"500\"}", "{\"replicates\": 2.5}",
            "{\"seed\": true}", "{\"krinskyRobb\": 1e12}"}) {
            InvalidSpecificationException typed = assertThrows(InvalidSpecificationException.class,
                    () -> fit.post(bad), bad);
            assertTrue(typed.getMessage().contains("must be a whole number"), typed.getMessage());
        }
    }

    @Test
    @DisplayName("options: unknown fields and wrong types are named")
    void badOptions() {
        assertMessage("{\"draw\": \"halton\"}", "\"draw\"");
        assertMessage("{\"R\": 1.5}", "\"R\"");
        assertMessage("{\"vce\": 3}", "\"vce\"");
        assertMessage("{\"optimizer\": \"newton\"}", "newton");
        EstimatorConfig c = EstimationOptions.parse("{\"draws\": \"sobol\", \"R\": 250, \"starts\": 3,"
                + " \"start\": [1, 2], \"level\": 90, \"cluster\": \"region\"}");
        assertEquals(DrawType.SOBOL, c.integration().type());
        assertEquals(250, c.integration().draws());
        assertEquals(3, c.search().starts());
        assertArrayEquals(new double[] {1, 2}, c.search().start());
        assertEquals("region", c.inference().cluster());
        assertEquals(90, c.inference().level(), 0.0);
    }

    @Test
    @DisplayName("MSM options: method, instruments (keyword or columns) and weighting reach the configuration")
    void msmOptions() {
        EstimatorConfig c = EstimationOptions.parse("{\"method\": \"msm\", \"instruments\": [\"pf\", \"z1\"],"
                + " \"weighting\": \"one-step\"}");
        assertEquals(EstimationMethod.MSM, c.method().type());
        assertEquals(InstrumentChoice.COLUMNS, c.method().msm().instruments());
        assertEquals(Arrays.asList("pf", "z1"), c.method().msm().columns());
        assertEquals(Weighting.ONE_STEP, c.method().msm().weighting());
        EstimatorConfig d = EstimationOptions.parse("{\"method\": \"msm\", \"instruments\": \"default\"}");
        assertEquals(InstrumentChoice.DEFAULT, d.method().msm().instruments());
        assertEquals(Weighting.TWO_STEP, d.method().msm().weighting());
        assertEquals(EstimationMethod.MSLE, EstimationOptions.parse("{}").method().type());
        assertMessage("{\"instruments\": \"optimal\"}", "\"instruments\" is for the method of simulated moments");
        assertMessage("{\"method\": \"gmm2\"}", "Unknown estimation method 'gmm2'");
        assertMessage("{\"method\": \"msm\", \"weighting\": \"three-step\"}", "Unknown weighting 'three-step'");
        assertMessage("{\"method\": \"msm\", \"instruments\": [1]}", "\"instruments\" holds 1");
    }

    @Test
    @DisplayName("an MSM fit through the facade equals the estimator's, and instrument columns travel as attributes")
    void msmFitEqualsEstimator() {
        ElectricityColumns c = new ElectricityColumns();
        int n = c.chosen.length;
        String[] names = Arrays.copyOf(NAMES, NAMES.length + 1);
        names[NAMES.length] = "pf2";
        double[] attributes = Arrays.copyOf(c.attributes, n * names.length);
        for (int i = 0; i < n; i++) {
            double pf = c.attributes[i];
            attributes[NAMES.length * n + i] = pf * pf;
        }
        String spec = "{\"coefficients\": [{\"attribute\": \"pf\", \"distribution\": \"n\"},"
                + " {\"attribute\": \"cl\", \"distribution\": \"f\"}, {\"attribute\": \"loc\", \"distribution\": \"f\"}]}";
        BridgeFit fit = MixlogitBridge.fit(c.situation, c.person, c.chosen, names, attributes, new String[0],
                new double[0], new double[0], spec, "{\"R\": 20, \"threads\": 2, \"method\": \"msm\","
                + " \"instruments\": [\"pf\", \"cl\", \"loc\", \"pf2\", \"wk\"]}");
        assertEquals("MSM", fit.method());
        assertEquals(Arrays.asList("pf", "cl", "loc", "pf2", "wk"), Arrays.asList(fit.instruments()));
        assertEquals(1, fit.gmmStatistic("df"), 0.0);
        assertEquals(5, fit.gmmStatistic("instruments"), 0.0);
        assertEquals(1, fit.gmmStatistic("twoStep"), 0.0);
        assertTrue(fit.gmmStatistic("J") >= 0 && fit.gmmStatistic("p") >= 0 && fit.gmmStatistic("p") <= 1,
                Arrays.toString(fit.gmmStatistics()));
        assertEquals("gmm", fit.vce());
        assertTrue(fit.json().contains("\"gmm\" : {"), fit.json());
        EstimatorConfig config = EstimationOptions.parse("{\"R\": 20, \"threads\": 1, \"method\": \"msm\","
                + " \"instruments\": [\"pf\", \"cl\", \"loc\", \"pf2\", \"wk\"]}");
        EstimationResult r = new MsmEstimator(config).estimate(fit.dataForTest(), ModelSpec.builder()
                .random("pf", Distribution.NORMAL).fixed("cl").fixed("loc").build());
        assertArrayEquals(r.estimates(), fit.estimates(), 0.0);
        assertTrue(fit.statistic("converged") == 1.0, fit.description("message"));
    }

    /** One population WTP summary by its name (never by position). */
    static double wtp(BridgePost post, String attribute, String cost, String name) {
        int i = Arrays.asList(post.wtpSummaryNames()).indexOf(name);
        assertTrue(i >= 0, name + " among " + Arrays.toString(post.wtpSummaryNames()));
        return post.wtpSummary(attribute, cost)[i];
    }

    private static void assertMessage(String json, String fragment) {
        InvalidSpecificationException e = assertThrows(InvalidSpecificationException.class,
                () -> EstimationOptions.parse(json));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    @DisplayName("prediction data need no choices: probabilities sum to one per situation")
    void predictionData() {
        ChoiceData d = BridgeData.build(new int[] {5, 5, 7, 7, 7}, new int[0], null, new String[] {"x"},
                new double[] {1, 2, 3, 1, 0}, new String[0], new double[0], new double[0]);
        assertEquals(2, d.situationCount());
        assertEquals(1, d.chosenRowRef()[0] - d.situationStartRef()[0] + 1);
    }

    @Test
    @DisplayName("a fit cancelled by its progress callback (Stata's Break) says so and carries no covariance")
    void cancelledFit() {
        ElectricityColumns c = new ElectricityColumns();
        String spec = "{\"coefficients\": [{\"attribute\": \"pf\", \"distribution\": \"f\"},"
                + " {\"attribute\": \"cl\", \"distribution\": \"n\"}]}";
        int[] calls = {0};
        BridgeFit fit = MixlogitBridge.fit(c.situation, c.person, c.chosen, NAMES, c.attributes, new String[0],
                new double[0], new double[0], spec, "{\"R\": 20, \"threads\": 1}",
                (iteration, logLik, gradientNorm) -> ++calls[0] < 2);
        assertEquals(2, calls[0], "no iteration after the callback said stop");
        assertEquals("CANCELLED", fit.description("status"));
        assertEquals(0, fit.statistic("converged"), 0.0, "not converged");
        assertEquals(0, fit.statistic("certified"), 0.0, "not certified");
        assertEquals(2, fit.statistic("iterations"), 0.0, "iterations");
        assertEquals(17232, fit.statistic("rows"), 0.0, "rows");
        for (String type : new String[] {"hessian", "opg", "robust", "cluster"}) {
            assertFalse(fit.hasCovariance(type), type);
            assertEquals("the estimation was cancelled before inference", fit.covarianceProblem(type));
        }
        assertTrue(Double.isNaN(fit.covariance("hessian")[0]));
        assertTrue(fit.json().contains("\"status\" : \"CANCELLED\""));
        assertEquals("MSLE", fit.method());
    }
}
