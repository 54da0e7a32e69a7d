package org.mixlogit.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.io.ModelSpecJson;

/**
 * The bridge's latent class door, as the R and Stata front ends will use it: a specification made a latent class
 * model, the fit's class shares and saved form with per-class blocks, posterior class probabilities, modal classes
 * and WTP per class from the saved form, and the model-selection rows of a range of classes.
 */
class LatentClassBridgeTest {
    private static final String SPEC = "{\"coefficients\": [{\"attribute\": \"pf\", \"distribution\": \"f\"},"
            + " {\"attribute\": \"cl\", \"distribution\": \"f\"}, {\"attribute\": \"loc\", \"distribution\": \"f\"},"
            + " {\"attribute\": \"wk\", \"distribution\": \"f\"}, {\"attribute\": \"tod\", \"distribution\": \"f\"},"
            + " {\"attribute\": \"seas\", \"distribution\": \"f\"}]}";
    private static ElectricityColumns c;
    private static BridgeFit fit;

    @BeforeAll
    static void estimate() {
        c = new ElectricityColumns();
        String spec = MixlogitBridge.withClasses(SPEC, 2, new String[0], new String[] {"cl"});
        fit = MixlogitBridge.fit(c.situation, c.person, c.chosen, ElectricityColumns.NAMES, c.attributes,
                new String[0], new double[0], new double[0], spec, "{\"threads\": 2}");
    }

    @Test
    @DisplayName("the fit: two classes sorted by share, a common coefficient, per-class blocks in the saved form")
    void fit() throws Exception {
        assertEquals(2, fit.classCount());
        double[] shares = fit.classShares();
        assertEquals(1.0, shares[0] + shares[1], 1e-12);
        assertTrue(shares[0] >= shares[1]);
        assertEquals("cl", fit.names()[10]);
        JsonNode lc = new ObjectMapper().readTree(fit.json()).get("latentClasses");
        assertEquals(2, lc.get("classes").asInt());
        assertEquals(5, lc.get("classBlocks").get(1).get("coefficients").size());
        assertEquals("class2.pf", lc.get("classBlocks").get(1).get("coefficients").get(0).get("parameter").asText());
        assertEquals("cl", lc.get("common").get(0).get("name").asText());
        assertEquals(shares[1], lc.get("classBlocks").get(1).get("share").asDouble(), 1e-15);
    }

    @Test
    @DisplayName("from the saved form: posteriors sum to one and average to the fit's class sizes; WTP per class")
    void posteriors() {
        BridgePost post = MixlogitBridge.postSaved(fit.json(), c.situation, c.person, c.chosen,
                ElectricityColumns.NAMES, c.attributes, new String[0], new double[0], new double[0], new String[0],
                new String[0], true, 2, "{\"replicates\": 0}");
        assertEquals(2, post.classCount());
        double[] h = post.classPosteriors();
        int n = h.length / 2;
        assertEquals(361, n);
        double[] mean = new double[2];
        for (int i = 0; i < n; i++) {
            assertEquals(1.0, h[2 * i] + h[2 * i + 1], 1e-12);
            mean[0] += h[2 * i] / n;
            mean[1] += h[2 * i + 1] / n;
        }
        assertArrayEquals(fit.posteriorShares(), mean, 1e-10);
        int[] modal = post.modalClasses();
        for (int i = 0; i < n; i++) {
            assertEquals(h[2 * i] >= h[2 * i + 1] ? 1 : 2, modal[i]);
        }
        double[] wtp = post.classWtp("loc", "pf");
        double[] b = fit.estimates();
        assertEquals(-b[1] / b[0], wtp[0], 1e-12);
        assertEquals(-b[6] / b[5], wtp[1], 1e-12);
        assertTrue(wtp[2] > 0 && wtp[3] > 0);
    }

    @Test
    @DisplayName("a range of classes gives lclogit2's selection rows (BIC with N decision-makers)")
    void selection() {
        BridgeFit[] fits = MixlogitBridge.fitClassRange(c.situation, c.person, c.chosen, ElectricityColumns.NAMES,
                c.attributes, new String[0], new double[0], new double[0], new String[0], new String[0], SPEC,
                "{\"threads\": 2}", 1, 2, MixlogitBridge.Progress.NONE);
        assertEquals(2, fits.length);
        double[] one = fits[0].selectionRow();
        assertEquals(1, one[0], 0);
        assertEquals(-4958.6491, one[1], 1e-3);
        assertEquals(6, one[2], 0);
        assertEquals(-2 * one[1] + 6 * Math.log(361), one[4], 1e-9);
        double[] two = fits[1].selectionRow();
        assertEquals(13, two[2], 0);
        assertTrue(two[1] > one[1] + 100);
        assertEquals(7, BridgeFit.selectionNames().length);
        // two classes gain over 100 log-likelihood points for 7 parameters: the smallest BIC
        assertTrue(two[4] < one[4]);
        assertEquals(1, BridgeFit.bestByBic(fits));
        assertEquals(0, BridgeFit.bestByBic(new BridgeFit[] {fits[0]}));
        assertEquals(2, ModelSpecJson.read(fits[1].specJson()).classCount());
        assertEquals(1, ModelSpecJson.read(fits[0].specJson()).classCount());
    }
}
