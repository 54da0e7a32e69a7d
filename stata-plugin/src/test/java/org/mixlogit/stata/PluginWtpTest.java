package org.mixlogit.stata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import com.stata.sfi.StataSimulator;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.bridge.BridgeTable;

/**
 * jmixlogit_wtp after a mixed logit (cl normal, pf fixed; {@link FittedInStata}), driven as _jmixlogit_post.ado
 * drives it: r(wtp) and its errors are the engine's population table to the last bit, one row "Population" and the
 * statistics as columns; the ratio -cl / pf is normal, N(-m / b, s / |b|), whose quantiles the table reproduces;
 * negated mirrors the table; a missing or equal cost() is error 198 naming the option.
 */
class PluginWtpTest extends AfterFitInStata {
    private static final String[] STATISTICS = {"mean", "median", "q05", "q25", "q75", "q95"};

    private int wtp(Map<String, String> extra) {
        Map<String, String> locals = new HashMap<>();
        locals.put("jm_attribute", "cl");
        locals.put("jm_cost", "pf");
        locals.put("jm_replicates", "0");
        locals.putAll(extra);
        fit.install(locals);
        return JMixlogit.wtp(new String[0]);
    }

    private static double[] row(String statistic) {
        return InStata.statistic(statistic)[0];
    }

    @Test
    @DisplayName("r(wtp), r(se), r(sim), r(kr_*): the engine's population table bit for bit; the normal's quantiles")
    void population() {
        Map<String, String> locals = new HashMap<>();
        locals.put("jm_krinsky", "30");
        locals.put("jm_replicates", "2");
        assertEquals(0, wtp(locals), StataSimulator.errorOutput());
        assertEquals("wtp se sim kr_se kr_lb kr_ub", StataSimulator.local("jm_stats"));
        assertArrayEquals(new String[] {"Population"}, StataSimulator.matrixRowNames("__m_wtp"));
        assertArrayEquals(STATISTICS, StataSimulator.matrixColNames("__m_wtp"));
        BridgeTable table = fit.engine(data, true, "{\"krinskyRobb\": 30, \"replicates\": 2}").wtpInference("cl",
                "pf");
        assertArrayEquals(STATISTICS, table.alternatives());
        Map<String, double[]> engine = new HashMap<>();
        engine.put("wtp", table.estimates());
        engine.put("se", table.standardErrors());
        engine.put("sim", table.simulationErrors());
        engine.put("kr_se", table.krinskyRobbSd());
        engine.put("kr_lb", table.krinskyRobbLower());
        engine.put("kr_ub", table.krinskyRobbUpper());
        for (Map.Entry<String, double[]> e : engine.entrySet()) {
            double[] actual = row(e.getKey());
            for (int s = 0; s < STATISTICS.length; s++) {
                assertEquals(Double.doubleToLongBits(e.getValue()[s]), Double.doubleToLongBits(actual[s]),
                        e.getKey() + " " + STATISTICS[s]);
            }
        }
        // Stata's order: Mean:pf ... Mean:cl SD:cl; -cl / pf ~ N(-m / b, |s| / |b|) over 30 x 20 draws
        double b = fit.b[0];
        double m = fit.b[5];
        double spread = Math.abs(fit.b[6] / b);
        double[] z = {0, 0, -1.6448536269514722, -0.6744897501960817, 0.6744897501960817, 1.6448536269514722};
        double[] w = row("wtp");
        for (int s = 0; s < 6; s++) {
            assertEquals(-m / b + z[s] * spread, w[s], 0.1 * spread, STATISTICS[s]);
        }
        assertTrue(StataSimulator.local("jm_title").contains("-b(cl) / b(pf)"), StataSimulator.local("jm_title"));
    }

    @Test
    @DisplayName("over a normal cost (cl) the notes say the ratio has no finite mean; over a fixed one they do not")
    void normalCostNote() {
        assertEquals(0, wtp(new HashMap<>()), StataSimulator.errorOutput());
        assertTrue(!StataSimulator.local("jm_notes").contains("no finite mean"), StataSimulator.local("jm_notes"));
        Map<String, String> locals = new HashMap<>();
        locals.put("jm_attribute", "pf");
        locals.put("jm_cost", "cl");
        assertEquals(0, wtp(locals), StataSimulator.errorOutput());
        assertTrue(StataSimulator.local("jm_notes").contains("the coefficient of cl is normal, whose density at zero"
                + " is positive, so the ratio has no finite mean"), StataSimulator.local("jm_notes"));
    }

    @Test
    @DisplayName("negated: b(cl) / b(pf), every statistic negated, q05 and q95 (and the Krinsky-Robb bounds) swapped")
    void negated() {
        Map<String, String> locals = new HashMap<>();
        locals.put("jm_krinsky", "30");
        assertEquals(0, wtp(locals), StataSimulator.errorOutput());
        double[] w = row("wtp").clone();
        double[] se = row("se").clone();
        double[] lb = row("kr_lb").clone();
        double[] ub = row("kr_ub").clone();
        locals.put("jm_negated", "negated");
        assertEquals(0, wtp(locals), StataSimulator.errorOutput());
        int[] mirror = {0, 1, 5, 4, 3, 2};
        for (int s = 0; s < 6; s++) {
            assertEquals(-w[mirror[s]], row("wtp")[s], 0.0, STATISTICS[s]);
            assertEquals(se[mirror[s]], row("se")[s], 0.0, STATISTICS[s]);
            assertEquals(-ub[mirror[s]], row("kr_lb")[s], 0.0, STATISTICS[s]);
            assertEquals(-lb[mirror[s]], row("kr_ub")[s], 0.0, STATISTICS[s]);
        }
        assertTrue(StataSimulator.local("jm_title").contains("pf entered negated"));
    }

    @Test
    @DisplayName("198: no cost(), a cost() that is no attribute, the same attribute twice")
    void refusals() {
        Map<String, String> locals = new HashMap<>();
        locals.put("jm_cost", "");
        assertEquals(198, wtp(locals));
        assertTrue(StataSimulator.errorOutput().contains("jmixlogit_wtp needs option cost()"));
        locals.put("jm_cost", "price");
        assertEquals(198, wtp(locals));
        assertTrue(StataSimulator.errorOutput().contains("cost(price): price is not an attribute"));
        locals.put("jm_cost", "cl");
        assertEquals(198, wtp(locals));
        assertTrue(StataSimulator.errorOutput().contains("are the same"));
        assertNull(StataSimulator.matrix("__m_wtp"), "nothing written after an error");
    }
}
