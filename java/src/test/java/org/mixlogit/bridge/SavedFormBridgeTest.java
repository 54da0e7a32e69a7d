package org.mixlogit.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.DataFingerprint;
import org.mixlogit.io.ExampleData;
import org.mixlogit.report.SavedResult;

/**
 * Post-estimation from the saved form of a fit (what R keeps instead of an engine object): the same numbers as from
 * the live fit, to the last bit; the estimation data are checked by their fingerprint; new data are not.
 */
class SavedFormBridgeTest {
    private static final String SPEC = "{\"coefficients\": [{\"attribute\": \"pf\", \"distribution\": \"n\"},"
            + " {\"attribute\": \"cl\", \"distribution\": \"n\"}, {\"attribute\": \"loc\", \"distribution\": \"f\"},"
            + " {\"attribute\": \"wk\", \"distribution\": \"f\"}, {\"attribute\": \"tod\", \"distribution\": \"f\"},"
            + " {\"attribute\": \"seas\", \"distribution\": \"f\"}]}";
    private static ElectricityColumns c;
    private static String[] alternatives;
    private static BridgeFit fit;

    @BeforeAll
    static void estimate() {
        c = new ElectricityColumns();
        alternatives = new String[c.chosen.length];
        for (int i = 0; i < alternatives.length; i++) {
            alternatives[i] = Integer.toString(i % 4 + 1);
        }
        fit = MixlogitBridge.fit(c.situation, c.person, c.chosen, MixlogitBridgeTest.NAMES, c.attributes,
                new String[0], new double[0], new double[0], alternatives, new String[0], SPEC,
                "{\"R\": 20, \"threads\": 2}", MixlogitBridge.Progress.NONE);
    }

    private static BridgePost saved(double[] attributes, boolean estimationData) {
        return MixlogitBridge.postSaved(fit.json(), c.situation, c.person, c.chosen, MixlogitBridgeTest.NAMES,
                attributes, new String[0], new double[0], new double[0], alternatives, new String[0],
                estimationData, 2, "{\"replicates\": 2}");
    }

    @Test
    @DisplayName("from the saved form: shares, elasticities, diversion, conditionals and WTP equal the live fit's")
    void sameNumbers() {
        BridgePost live = fit.post("{\"replicates\": 2}");
        BridgePost saved = saved(c.attributes, true);
        assertEquals("", saved.fitWarning());
        assertTable(live.shares(), saved.shares());
        assertTable(live.elasticities("pf"), saved.elasticities("pf"));
        assertTable(live.removalDiversion(), saved.removalDiversion());
        assertTable(live.marginalDiversion("cl"), saved.marginalDiversion("cl"));
        assertArrayEquals(live.conditionalMeans(), saved.conditionalMeans(), 0.0);
        assertArrayEquals(live.conditionalSds(), saved.conditionalSds(), 0.0);
        assertArrayEquals(live.conditionalProbabilities(), saved.conditionalProbabilities(), 0.0);
        assertArrayEquals(live.probabilities(), saved.probabilities(), 0.0);
        assertArrayEquals(fit.fittedProbabilities(), saved.probabilities(), 0.0);
        assertArrayEquals(live.wtpSummary("cl", "pf"), saved.wtpSummary("cl", "pf"), 0.0);
        assertArrayEquals(live.wtpIndividual("cl", "pf"), saved.wtpIndividual("cl", "pf"), 0.0);
    }

    private static void assertTable(BridgeTable expected, BridgeTable actual) {
        assertArrayEquals(expected.estimates(), actual.estimates(), 0.0);
        assertArrayEquals(expected.standardErrors(), actual.standardErrors(), 0.0);
        assertArrayEquals(expected.simulationErrors(), actual.simulationErrors(), 0.0);
    }

    @Test
    @DisplayName("data that differ from the estimation data are refused as such, and accepted as new data")
    void otherData() {
        double[] x = c.attributes.clone();
        x[7] += 0.5;
        InvalidSpecificationException e = assertThrows(InvalidSpecificationException.class, () -> saved(x, true));
        assertTrue(e.getMessage().contains("These are not the data the model was estimated on: the same numbers of"
                + " rows, situations and decision-makers but different values"), e.getMessage());
        assertTrue(e.getMessage().contains("give them as new data (newdata)"), e.getMessage());
        BridgePost fresh = saved(x, false);
        assertEquals(c.chosen.length, fresh.probabilities().length);
    }

    @Test
    @DisplayName("the fingerprint does not depend on the front end: the bridge's equals the command line's")
    void fingerprintAcrossFrontEnds() {
        DataFingerprint bridge = SavedResult.read(fit.json()).fingerprint();
        DataFingerprint cli = SavedResult.fingerprint(ExampleData.electricity(), SavedResult.read(fit.json()).spec());
        assertEquals(cli, bridge);
        assertEquals(17232, bridge.rows());
    }

    @Test
    @DisplayName("the saved options are the bridge's own options format, read back to the same configuration")
    void optionsRoundTrip() {
        String written = EstimationOptions.write(EstimationOptions.parse("{\"R\": 20, \"threads\": 2, \"burn\": 3,"
                + " \"method\": \"msm\", \"instruments\": [\"pf\", \"cl\"], \"weighting\": \"one-step\","
                + " \"vce\": \"cluster\", \"cluster\": \"income\", \"start\": [0.5, -1], \"level\": 90}"));
        assertEquals(written, EstimationOptions.write(EstimationOptions.parse(written)));
        assertTrue(written.contains("\"instruments\":[\"pf\",\"cl\"]") && written.contains("\"burn\":3")
                && written.contains("\"cluster\":\"income\"") && written.contains("\"start\":[0.5,-1.0]"), written);
    }
}
