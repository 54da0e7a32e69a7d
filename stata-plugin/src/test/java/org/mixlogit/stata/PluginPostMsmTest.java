package org.mixlogit.stata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import com.stata.sfi.StataSimulator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.bridge.BridgeTable;

/**
 * Post-estimation after jmixlogit, estimator(msm): e(options_json) carries the method, instruments and the GMM
 * covariance type, and MixlogitBridge.post rebuilds the integration rule from it, so predict and
 * jmixlogit_diversion equal the engine's post-estimation at the MSM estimate to the last bit.
 */
class PluginPostMsmTest {
    private static FittedInStata fit;
    private double[][] data;
    private int n;

    @BeforeAll
    static void estimate() {
        Map<String, String> msm = new HashMap<>();
        msm.put("jm_estimator", "msm");
        msm.put("jm_vce", "gmm"); // as jmixlogit.ado sets it for estimator(msm)
        fit = FittedInStata.estimate(msm);
    }

    @BeforeEach
    void load() {
        data = FittedInStata.load();
        n = data[0].length;
        StataSimulator.setIfCondition(FittedInStata.sample(data));
    }

    @Test
    @DisplayName("e(options_json) of an MSM fit names the method, the instruments and the GMM covariance")
    void optionsJson() {
        assertTrue(fit.optionsJson.contains("\"method\":\"msm\"") && fit.optionsJson.contains(
                "\"instruments\":\"optimal\"") && fit.optionsJson.contains("\"vce\":\"gmm\""),
                fit.optionsJson);
    }

    @Test
    @DisplayName("predict, pr after MSM: the engine's integrated probabilities at the MSM estimate, bit for bit")
    void probabilities() {
        FittedInStata.newVariable("p", n);
        Map<String, String> locals = new HashMap<>();
        locals.put("jm_statistic", "pr");
        locals.put("jm_newvar", "p");
        locals.put("jm_depvar", "");
        fit.install(locals);
        assertEquals(0, JMixlogit.predict(new String[0]), StataSimulator.errorOutput());
        double[] expected = fit.engine(data, false, "").probabilities();
        double[] values = StataSimulator.numericValues("p");
        boolean[] touse = FittedInStata.sample(data);
        int r = 0;
        for (int i = 0; i < n; i++) {
            if (touse[i]) {
                assertEquals(Double.doubleToLongBits(expected[r]), Double.doubleToLongBits(values[i]), "row " + r);
                r++;
            }
        }
        assertEquals(expected.length, r);
    }

    @Test
    @DisplayName("jmixlogit_diversion after MSM: diversion ratios and their delta-method errors equal the engine's")
    void diversion() {
        BridgeTable table = fit.engine(data, true, "{\"replicates\": 0}").removalDiversion();
        Map<String, String> locals = new HashMap<>();
        locals.put("jm_replicates", "0");
        fit.install(locals);
        assertEquals(0, JMixlogit.diversion(new String[0]), StataSimulator.errorOutput());
        assertEquals("D se", StataSimulator.local("jm_stats"));
        int checked = 0;
        for (int e = 0; e < table.estimates().length; e++) {
            int row = (table.markets()[e].equals("north") ? 0 : 4) + Integer.parseInt(table.alternatives()[e]);
            int col = Integer.parseInt(table.others()[e]);
            assertEquals(Double.doubleToLongBits(table.estimates()[e]), Double.doubleToLongBits(
                    InStata.cell("D", row, col)), "D " + row + "," + col);
            double se = table.standardErrors()[e];
            assertEquals(Double.doubleToLongBits(Double.isFinite(se) ? se : StataSimulator.missing()),
                    Double.doubleToLongBits(InStata.cell("se", row, col)), "se " + row + "," + col);
            checked++;
        }
        assertTrue(checked > 0);
    }
}
