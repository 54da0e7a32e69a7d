package org.mixlogit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.estimation.Estimator;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.optim.IterationListener;
import org.mixlogit.estimation.LatentClassEstimator;
import org.mixlogit.io.JsonValue;
import org.mixlogit.io.JsonWriter;
import org.mixlogit.io.ModelSpecJson;
import org.mixlogit.latent.ModelSelection;
import org.mixlogit.optim.IterationListener;
import org.mixlogit.report.ResultJson;
import org.mixlogit.report.SavedResult;
import org.mixlogit.spec.ModelSpec;

/**
 * The engine's JSON written with jackson-core's streaming generator (so that R's and Stata's first fit does not
 * start Jackson's databind) is byte for byte what the databind trees wrote ({@link DatabindJson}, the former code):
 * the saved forms of three Electricity fits (a panel mixed logit with the integration check and the
 * simulation-noise study, a latent class model with a class-share characteristic and a common coefficient chosen
 * from a range with its model-selection table, an MSM fit with instrument columns), the estimation options, the
 * specification, the vocabulary, and the compact one-line form Stata keeps in e(saved) (written directly, and
 * compacted from the indented form).
 */
class StreamingJsonTest {
    private static final ObjectMapper COMPACT = new ObjectMapper();
    private static final ObjectMapper INDENTED = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String FIXED = "{\"attribute\": \"loc\", \"distribution\": \"f\"},"
            + " {\"attribute\": \"wk\", \"distribution\": \"f\"}, {\"attribute\": \"tod\", \"distribution\": \"f\"},"
            + " {\"attribute\": \"seas\", \"distribution\": \"f\"}";
    private static ElectricityColumns c;

    @BeforeAll
    static void data() {
        c = new ElectricityColumns();
    }

    /** The fit, its saved form both ways (asserted equal), and the streaming one. */
    private static String savedForm(ChoiceData data, String specJson, String optionsJson) {
        ModelSpec spec = ModelSpecJson.read(specJson);
        EstimatorConfig config = EstimationOptions.parse(optionsJson);
        EstimationResult r = Estimator.of(config).estimate(data, spec, IterationListener.NONE);
        return assertSameSavedForm(r, config, data);
    }

    private static String assertSameSavedForm(EstimationResult r, EstimatorConfig config, ChoiceData data) {
        String streamed = ResultJson.write(r, EstimationOptions.write(config), SavedResult.fingerprint(data,
                r.spec()));
        String databind = DatabindJson.write(r, DatabindJson.options(config), SavedResult.fingerprint(data,
                r.spec()));
        assertEquals(databind, streamed);
        assertEquals(DatabindJson.write(r, null, null), ResultJson.write(r));
        assertCompactSame(streamed);
        try {
            assertEquals(COMPACT.writeValueAsString(COMPACT.readTree(databind)), ResultJson.writeCompact(r,
                    EstimationOptions.write(config), SavedResult.fingerprint(data, r.spec())));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return streamed;
    }

    /** Stata's e(saved): the compact form of a saved form, as databind's re-serialisation gave it. */
    private static void assertCompactSame(String json) {
        try {
            String databind = COMPACT.writeValueAsString(COMPACT.readTree(json));
            assertEquals(databind, JsonWriter.compact().value(JsonValue.parse(json)).finish());
            assertEquals(databind, JsonValue.parse(json).toString());
            assertEquals(INDENTED.writeValueAsString(INDENTED.readTree(json)),
                    JsonWriter.indented().value(JsonValue.parse(json)).finish());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ChoiceData electricity(String[] names, double[] attributes, String[] characteristicNames,
            double[] characteristics) {
        return BridgeData.build(c.situation, c.person, c.chosen, names, attributes, characteristicNames,
                characteristics, new double[0]);
    }

    @Test
    @DisplayName("panel mixed logit with the integration check and the simulation-noise study: the same bytes")
    void mixedLogit() {
        ChoiceData data = electricity(ElectricityColumns.NAMES, c.attributes, new String[0], new double[0]);
        String json = savedForm(data, "{\"coefficients\": [{\"attribute\": \"pf\", \"distribution\": \"n\"},"
                + " {\"attribute\": \"cl\", \"distribution\": \"ln\"}, " + FIXED + "]}",
                "{\"R\": 20, \"threads\": 2, \"integrationCheck\": 2, \"reestimate\": 2, \"tolerance\": 1e-5,"
                + " \"vce\": \"robust\"}");
        assertTrue(json.contains("\"replicateLoglik\" : [ ") && json.contains("\"reestimations\" : 2"), json);
    }

    @Test
    @DisplayName("latent classes from a range, with membership and a common coefficient, and the selection table")
    void latentClasses() {
        int n = c.chosen.length;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = c.person[i] % 3 == 0 ? 1 : 0;
        }
        ChoiceData data = electricity(ElectricityColumns.NAMES, c.attributes, new String[] {"z"}, z);
        ModelSpec spec = ModelSpecJson.read(MixlogitBridge.withClasses("{\"coefficients\": [{\"attribute\": \"pf\","
                + " \"distribution\": \"f\"}, {\"attribute\": \"cl\", \"distribution\": \"f\"}, " + FIXED + "]}", 2,
                new String[] {"z"}, new String[] {"cl"}));
        EstimatorConfig config = EstimationOptions.parse("{\"threads\": 2, \"starts\": 3}");
        List<EstimationResult> fits = new LatentClassEstimator(config).estimateRange(data, spec, 1, 2,
                IterationListener.NONE);
        String json = assertSameSavedForm(fits.get(1), config, data);
        assertTrue(json.contains("\"membership\" : [ {"), json);
        ModelSelection selection = LatentClassEstimator.selection(fits);
        String withTable = ResultJson.withModelSelection(json, selection);
        assertEquals(DatabindJson.withModelSelection(json, selection), withTable);
        assertEquals(DatabindJson.withModelSelection(withTable, selection),
                ResultJson.withModelSelection(withTable, selection));
        assertTrue(withTable.contains("\"modelSelection\" : [ {"), withTable);
        assertEquals(DatabindJson.spec(spec), ModelSpecJson.write(spec));
    }

    @Test
    @DisplayName("MSM with instrument columns (GMM block, moments): the same bytes")
    void msm() {
        int n = c.chosen.length;
        String[] names = Arrays.copyOf(ElectricityColumns.NAMES, ElectricityColumns.NAMES.length + 1);
        names[names.length - 1] = "pf2";
        double[] attributes = Arrays.copyOf(c.attributes, n * names.length);
        for (int i = 0; i < n; i++) {
            attributes[(names.length - 1) * n + i] = c.attributes[i] * c.attributes[i];
        }
        String json = savedForm(electricity(names, attributes, new String[0], new double[0]),
                "{\"coefficients\": [{\"attribute\": \"pf\", \"distribution\": \"n\"}, {\"attribute\": \"cl\","
                + " \"distribution\": \"f\"}, {\"attribute\": \"loc\", \"distribution\": \"f\"}]}",
                "{\"R\": 20, \"threads\": 2, \"method\": \"msm\", \"instruments\": [\"pf\", \"cl\", \"loc\", \"pf2\","
                + " \"wk\"]}");
        assertTrue(json.contains("\"gmm\" : {") && json.contains("\"moments\" : [ "), json);
    }

    @ParameterizedTest(name = "options {0}")
    @ValueSource(strings = {"", "{\"draws\": \"sobol\", \"R\": 50, \"seed\": 9007199254740993, \"burn\": 7,"
            + " \"start\": [0.5, -1, 1e-300, 12345678.9], \"cluster\": \"id\", \"level\": 90, \"tolerance\": 0.001}",
        "{\"draws\": \"adaptive-halton\", \"proposal\": 0, \"optimizer\": \"bhhh\", \"starts\": 3}",
        "{\"method\": \"msm\", \"instruments\": \"default\", \"weighting\": \"one-step\", \"vce\": \"gmm\"}",
        "{\"method\": \"mss\", \"maxIterations\": 7}"})
    @DisplayName("the estimation options: the same bytes")
    void options(String json) {
        EstimatorConfig config = EstimationOptions.parse(json);
        assertEquals(DatabindJson.options(config), EstimationOptions.write(config));
        assertCompactSame(EstimationOptions.write(config));
    }

    @Test
    @DisplayName("a specification with heterogeneity, a zero mean and a correlated block: the same bytes")
    void specification() {
        ModelSpec spec = ModelSpecJson.read("{\"coefficients\": [{\"attribute\": \"pf\", \"distribution\": \"n\","
                + " \"heterogeneity\": [\"z\", \"w\"]}, {\"attribute\": \"cl\", \"distribution\": \"ln\"},"
                + " {\"attribute\": \"loc\", \"distribution\": \"n\", \"zeroMean\": true}, {\"attribute\": \"wk\","
                + " \"distribution\": \"f\"}], \"correlated\": [\"pf\", \"cl\"]}");
        assertEquals(DatabindJson.spec(spec), ModelSpecJson.write(spec));
    }

    @Test
    @DisplayName("the vocabulary, compact and indented, is what databind writes of the same tree")
    void vocabulary() throws Exception {
        Vocabulary v = Vocabulary.engine();
        assertEquals(COMPACT.writeValueAsString(COMPACT.readTree(v.json())), v.json());
        assertEquals(INDENTED.writeValueAsString(INDENTED.readTree(v.json())), v.prettyJson());
        assertTrue(v.json().contains("\"level\":95.0") && v.json().contains("\"seed\":12345"), v.json());
    }
}
