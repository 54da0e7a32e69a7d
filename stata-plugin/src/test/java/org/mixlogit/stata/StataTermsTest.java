package org.mixlogit.stata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import com.stata.sfi.StataSimulator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The engine's data problems name what the Stata user can look up: the Stata observation ({@code list in #}) and
 * the values of group() and id(), not the engine's row of the sample or the ordinals the plugin gives situations
 * and decision-makers. The sample is respondents 31 to 60, so the first row is observation 1437 (not 1) and the
 * first decision-maker id 31 (not 0).
 */
class StataTermsTest extends SmallFitInStata {
    private int firstObservation;

    @BeforeEach
    void laterRespondents() {
        int n = data[0].length;
        boolean[] touse = new boolean[n];
        firstObservation = -1;
        for (int i = 0; i < n; i++) {
            touse[i] = data[1][i] > 30 && data[1][i] <= 60;
            if (touse[i] && firstObservation < 0) {
                firstObservation = i + 1;
            }
        }
        StataSimulator.setIfCondition(touse);
    }

    private String error() {
        return StataSimulator.errorOutput();
    }

    @Test
    @DisplayName("459: a weight that changes within a decision-maker names its id and the two observations")
    void weightWithinDecisionMaker() {
        int n = data[0].length;
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 1 + (data[9][i] % 2);
        }
        StataSimulator.addNumericVariable("wvar", w);
        locals.put("jm_weight", "wvar");
        locals.put("jm_wtype", "fweight");
        assertEquals(459, run());
        int first = firstObservation;
        int second = first + 4; // the person's next situation: 4 alternatives each
        assertEquals(31, data[1][first - 1]);
        assertEquals(data[1][first - 1], data[1][second - 1]);
        assertTrue(error().contains("The weight changes within decision-maker 31 (" + w[first - 1] + " in observation "
                + first + ", " + w[second - 1] + " in observation " + second + ")"), error());
    }

    @Test
    @DisplayName("459: group() numbered within id() (1, 2, ... per person) names the group value, the ids and observations")
    void groupWithinId() {
        int n = data[0].length;
        double[] within = new double[n];
        for (int i = 0; i < n; i++) {
            within[i] = ((long) data[9][i] - 1) % 12 + 1;
        }
        StataSimulator.addNumericVariable("gwithin", within);
        locals.put("jm_group", "gwithin");
        assertEquals(459, run());
        // the engine reports the first row whose situation value was seen before with another id
        int first = -1;
        int second = -1;
        Map<Double, Integer> seen = new HashMap<>();
        for (int i = firstObservation - 1; i < n && second < 0; i++) {
            if (data[1][i] > 60) {
                break;
            }
            Integer f = seen.putIfAbsent(within[i], i);
            if (f != null && data[1][f] != data[1][i]) {
                first = f + 1;
                second = i + 1;
            }
        }
        assertTrue(error().contains("Choice situation " + (long) within[second - 1] + " has rows with different"
                + " decision-maker ids (" + (long) data[1][first - 1] + " in observation " + first + ", "
                + (long) data[1][second - 1] + " in observation " + second + ")"), error());
    }

    @Test
    @DisplayName("459: a situation left with one alternative names its group value and observation")
    void oneAlternative() {
        int n = data[0].length;
        double chid = data[9][firstObservation - 1 + 8];
        boolean[] touse = new boolean[n];
        int kept = -1;
        for (int i = 0; i < n; i++) {
            touse[i] = data[1][i] > 30 && data[1][i] <= 60 && (data[9][i] != chid || data[0][i] == 1);
            if (touse[i] && data[9][i] == chid) {
                kept = i + 1;
            }
        }
        StataSimulator.setIfCondition(touse);
        assertEquals(459, run());
        assertTrue(error().contains("Choice situation " + (long) chid + " has only one alternative (observation "
                + kept + ")"), error());
        assertFalse(error().contains("row "), error());
    }

    @Test
    @DisplayName("459: vce(cluster v) with v changing within a decision-maker names v, the id and observations")
    void clusterWithinDecisionMaker() {
        int n = data[0].length;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = data[9][i] % 5;
        }
        StataSimulator.addNumericVariable("cvary", v);
        locals.put("jm_vce", "cluster");
        locals.put("jm_cluster", "cvary");
        assertEquals(459, run());
        int first = firstObservation;
        int second = first + 4;
        assertTrue(error().contains("vce(cluster cvary): cvary changes within a decision-maker (id == 31: observations "
                + first + " and " + second + "); each cluster must hold whole decision-makers"), error());
        assertFalse(error().contains("as an attribute"), error());
    }

    @Test
    @DisplayName("cross-section: the engine's decision-makers are the situations, named by their group value")
    void crossSection() {
        StataTerms terms = new StataTerms(new long[] {10, 11, 12, 20, 21}, new double[] {7, 9}, new double[0]);
        assertEquals("The weight changes within choice situation 9 (1.0 in observation 20, 2.0 in observation 21)",
                terms.translate("The weight changes within choice situation 1 (1.0 in row 4, 2.0 in row 5)"));
        assertEquals("The integrated probability of decision-maker 7's choices is 0",
                terms.translate("The integrated probability of decision-maker 0's choices is 0"));
        assertEquals("rows starting at observation 10; row 6 is not a row", terms.translate(
                "rows starting at row 1; row 6 is not a row"));
        StataTerms panel = new StataTerms(new long[] {3, 4}, new double[] {5e9, 5e9 + 1}, new double[] {1e11});
        assertEquals("Decision-maker 100000000000 in choice situation 5000000001 (observation 4)",
                panel.translate("Decision-maker 0 in choice situation 1 (row 2)"));
    }
}
