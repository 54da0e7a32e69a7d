package org.mixlogit.stata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import com.stata.sfi.StataSimulator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input to the post-estimation entry points reaches Stata as a return code after a message that names the
 * offending option or variable: 198 for options and a stale or damaged e(), 459 for data the model cannot use.
 */
class PostReturnCodeTest extends AfterFitInStata {
    private final Map<String, String> locals = new HashMap<>();

    @BeforeEach
    void newVariable() {
        FittedInStata.newVariable("p", data[0].length);
        locals.put("jm_replicates", "0");
    }

    private int run(String entry) {
        fit.install(locals);
        switch (entry) {
            case "predict":
                return JMixlogit.predict(new String[0]);
            case "diversion":
                return JMixlogit.diversion(new String[0]);
            default:
                return JMixlogit.elasticities(new String[0]);
        }
    }

    private static void assertError(String expectedText) {
        assertTrue(StataSimulator.errorOutput().contains(expectedText), StataSimulator.errorOutput());
    }

    @ParameterizedTest(name = "198 from {0} with {1}={2}: the message names \"{3}\"")
    @CsvSource(delimiter = '|', value = {
        "diversion    | jm_type      | marginal | type(marginal) needs option attribute()",
        "diversion    | jm_attribute | price    | attribute(price): price is not an attribute of the model",
        "diversion    | jm_type      | upward   | type(upward) is not allowed",
        "diversion    | jm_krinsky   | 1        | Krinsky-Robb draws is 1",
        "diversion    | jm_replicates| -2       | replicates()",
        "elasticities | jm_type      |          | jmixlogit_elasticities needs option attribute()",
        "elasticities | jm_attribute | price    | attribute(price)",
        "predict      | jm_coef      | price    | coef(price): price has no coefficient in the model",
        "predict      | jm_statistic | xb       | predict statistic 'xb' is not allowed",
        "predict      | jm_saved     |          | e(saved) is empty",
        "predict      | jm_saved     | {}       | saved result",
        "diversion    | jm_alternatives |       | re-run jmixlogit with alternatives(varname)"})
    void syntax(String entry, String local, String value, String message) {
        locals.put("jm_newvar", "p");
        locals.put("jm_statistic", local.equals("jm_coef") ? "coef" : "pr");
        locals.put(local, value == null ? "" : value);
        assertEquals(198, run(entry));
        assertError(message);
        if (entry.equals("predict")) {
            for (double v : StataSimulator.numericValues("p")) {
                assertEquals(StataSimulator.missing(), v, "nothing stored after an error");
            }
        }
    }

    @Test
    @DisplayName("198: removal diversion given an attribute says to drop it or use type(marginal)")
    void removalWithAttribute() {
        locals.put("jm_type", "removal");
        locals.put("jm_attribute", "pf");
        assertEquals(198, run("diversion"));
        assertError("type(removal) takes no attribute()");
    }

    @Test
    @DisplayName("198: a saved form with a non-numeric estimate is refused naming the JSON path")
    void corruptSavedForm() {
        String saved = fit.saved.replaceFirst("\"estimate\":[-0-9.Ee]+", "\"estimate\":\"0.5\"");
        locals.put("jm_saved", saved);
        assertEquals(198, run("diversion"));
        assertError("$.coefficients[0].estimate");
    }

    @Test
    @DisplayName("198: a saved form kept in a file that is gone says so")
    void savedFileGone() {
        locals.put("jm_saved", "");
        locals.put("jm_saved_file", "/nonexistent/jmixlogit_0.json");
        assertEquals(198, run("diversion"));
        assertError("/nonexistent/jmixlogit_0.json");
    }

    @Test
    @DisplayName("459: a missing attribute value in the sample names the variable and observation")
    void missingValue() {
        double[] pf = data[3].clone();
        pf[7] = StataSimulator.missing();
        StataSimulator.addNumericVariable("pf2", pf);
        // the model's attribute pf read from a variable with a hole: rename by swapping the data
        StataSimulator.reset();
        for (int c = 0; c < ElectricityInStata.COLUMNS.length; c++) {
            StataSimulator.addNumericVariable(ElectricityInStata.COLUMNS[c], c == 3 ? pf : data[c]);
        }
        StataSimulator.addStringVariable("region", FittedInStata.regions(data));
        StataSimulator.setIfCondition(FittedInStata.sample(data));
        assertEquals(459, run("diversion"));
        assertError("pf is missing in observation 8");
    }

    @Test
    @DisplayName("459: conditional predictions need a chosen alternative in every situation")
    void noChoice() {
        StataSimulator.reset();
        double[] choice = data[0].clone();
        for (int i = 0; i < 4; i++) {
            choice[i] = 0;
        }
        for (int c = 0; c < ElectricityInStata.COLUMNS.length; c++) {
            StataSimulator.addNumericVariable(ElectricityInStata.COLUMNS[c], c == 0 ? choice : data[c]);
        }
        StataSimulator.addStringVariable("region", FittedInStata.regions(data));
        StataSimulator.setIfCondition(FittedInStata.sample(data));
        FittedInStata.newVariable("p", data[0].length);
        locals.put("jm_newvar", "p");
        locals.put("jm_statistic", "conditional");
        assertEquals(459, run("predict"));
        // named by its group() value and observations, not by the plugin's ordinal (0) and sample row
        assertError("Choice situation " + (long) data[9][0] + " has no chosen alternative (rows starting at"
                + " observation 1");
        // unconditional probabilities do not use the choices
        StataSimulator.clearOutput();
        locals.put("jm_statistic", "pr");
        locals.put("jm_depvar", "");
        assertEquals(0, run("predict"), StataSimulator.errorOutput());
    }

    @Test
    @DisplayName("459 from jmixlogit: an alternative twice in one situation, or an empty market label")
    void estimationLabels() {
        String[] alt = new String[data[0].length];
        String[] market = FittedInStata.regions(data);
        for (int i = 0; i < alt.length; i++) {
            alt[i] = i == 1 ? "1" : Long.toString((long) data[2][i]);
        }
        market[5] = "";
        StataSimulator.addStringVariable("altdup", alt);
        StataSimulator.addStringVariable("mkt", market);
        Map<String, String> estimation = FittedInStata.smallModel();
        estimation.remove("jm_threads");
        estimation.put("jm_nrep", "5");
        estimation.put("jm_alternatives", "altdup");
        ElectricityInStata.locals(estimation);
        assertEquals(459, JMixlogit.estimate(new String[0]));
        assertError("lists alternative '1' twice");
        StataSimulator.clearOutput();
        estimation.put("jm_alternatives", "alt");
        estimation.put("jm_market", "mkt");
        ElectricityInStata.locals(estimation);
        assertEquals(459, JMixlogit.estimate(new String[0]));
        assertError("mkt is empty in observation 6");
    }
}
