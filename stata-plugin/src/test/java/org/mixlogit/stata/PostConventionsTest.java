package org.mixlogit.stata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stata.sfi.StataSimulator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Post-estimation from the saved form in e(saved), through the in-memory Stata: draws that do not depend on which
 * other rows are predicted, the check of the data's fingerprint, the fit warning, jmixlogit_cov against L L', and
 * Hole's order of the Cholesky elements.
 */
class PostConventionsTest {
    private double[][] data;
    private final Map<String, String> locals = new HashMap<>();

    @BeforeEach
    void load() {
        data = FittedInStata.load();
        locals.putAll(FittedInStata.smallModel());
        locals.put("jm_alternatives", "alt");
        locals.put("jm_market", "region");
    }

    private String estimate(java.util.function.IntPredicate inSample) {
        StataSimulator.setIfCondition(i -> inSample.test((int) data[1][(int) i - 1]));
        ElectricityInStata.locals(locals);
        assertEquals(0, JMixlogit.estimate(new String[0]), StataSimulator.errorOutput());
        return StataSimulator.local("jm_saved");
    }

    private double[] predict(String saved, Map<String, String> given, java.util.function.IntPredicate rows) {
        String name = "p" + StataSimulator.variableNames().size();
        FittedInStata.newVariable(name, data[0].length);
        Map<String, String> post = new HashMap<>(given);
        post.put("jm_newvar", name);
        post.put("jm_statistic", "pr");
        post.put("jm_depvar", "");
        FittedInStata.install(saved, post);
        StataSimulator.setIfCondition(i -> rows.test((int) data[1][(int) i - 1]));
        assertEquals(0, JMixlogit.predict(new String[0]), StataSimulator.errorOutput());
        return StataSimulator.numericValues(name);
    }

    @Test
    @DisplayName("predict p and predict p if e(sample) agree on e(sample), bit for bit, with others interleaved")
    void drawsIndependentOfOtherRows() {
        String saved = estimate(id -> id <= 30 && id % 2 == 1);
        double[] es = new double[data[0].length];
        for (int i = 0; i < es.length; i++) {
            es[i] = data[1][i] <= 30 && data[1][i] % 2 == 1 ? 1 : 0;
        }
        StataSimulator.addNumericVariable("es", es);
        Map<String, String> withSample = new HashMap<>();
        withSample.put("jm_esample", "es");
        double[] all = predict(saved, withSample, id -> id <= 30);
        double[] inSample = predict(saved, withSample, id -> id <= 30 && id % 2 == 1);
        double[] unordered = predict(saved, new HashMap<>(), id -> id <= 30);
        boolean differs = false;
        for (int i = 0; i < es.length; i++) {
            if (es[i] == 1) {
                assertEquals(Double.doubleToLongBits(inSample[i]), Double.doubleToLongBits(all[i]), "obs " + (i + 1));
                differs |= unordered[i] != inSample[i];
            }
        }
        assertTrue(differs, "without e(sample) first the draws would move: the test can fail");
    }

    @Test
    @DisplayName("on the estimation sample the data's fingerprint is checked: changed data are 198, otherdata proceeds")
    void fingerprint() {
        String saved = estimate(id -> id <= 30);
        Map<String, String> estimationData = new HashMap<>();
        estimationData.put("jm_estdata", "1");
        estimationData.put("jm_replicates", "0");
        FittedInStata.install(saved, estimationData);
        assertEquals(0, JMixlogit.diversion(new String[0]), StataSimulator.errorOutput());
        // the same data with one price changed
        double[] pf = data[3].clone();
        pf[4] += 1;
        StataSimulator.reset();
        for (int c = 0; c < ElectricityInStata.COLUMNS.length; c++) {
            StataSimulator.addNumericVariable(ElectricityInStata.COLUMNS[c], c == 3 ? pf : data[c]);
        }
        StataSimulator.addStringVariable("region", FittedInStata.regions(data));
        StataSimulator.setIfCondition(i -> data[1][(int) i - 1] <= 30);
        FittedInStata.install(saved, estimationData);
        assertEquals(198, JMixlogit.diversion(new String[0]));
        assertTrue(StataSimulator.errorOutput().contains("differ"), StataSimulator.errorOutput());
        estimationData.put("jm_estdata", "0");
        FittedInStata.install(saved, estimationData);
        assertEquals(0, JMixlogit.diversion(new String[0]), StataSimulator.errorOutput());
    }

    @Test
    @DisplayName("after a fit that did not converge, post-estimation warns and leaves the warning in jm_fit_warning")
    void fitWarning() {
        locals.put("jm_iterate", "1");
        String saved = estimate(id -> id <= 30);
        Map<String, String> post = new HashMap<>();
        post.put("jm_replicates", "0");
        FittedInStata.install(saved, post);
        StataSimulator.clearOutput();
        assertEquals(0, JMixlogit.diversion(new String[0]), StataSimulator.errorOutput());
        assertTrue(StataSimulator.errorOutput().startsWith("Warning:"), StataSimulator.errorOutput());
        assertFalse(StataSimulator.local("jm_fit_warning").isEmpty());
    }

    @Test
    @DisplayName("corr with three coefficients: Hole's order l11 l21 l31 l22 l32 l33; jmixlogit_cov gives L L'")
    void choleskyAndCov() throws Exception {
        locals.put("jm_fixed", "pf tod seas");
        locals.put("jm_random", "cl loc wk");
        locals.put("jm_corr", "1");
        String saved = estimate(id -> id <= 30);
        String[] names = StataSimulator.local("jm_colnames").split(" ");
        assertEquals("l11:_cons l21:_cons l31:_cons l22:_cons l32:_cons l33:_cons",
                String.join(" ", Arrays.copyOfRange(names, 6, 12)));
        // the engine keeps them row by row, named chol.<row>:<column>
        JsonNode coefficients = new ObjectMapper().readTree(saved).get("coefficients");
        Map<String, Double> engine = new HashMap<>();
        coefficients.forEach(c -> engine.put(c.get("name").asText(), c.get("estimate").asDouble()));
        String[] members = {"cl", "loc", "wk"};
        double[] b = InStata.b();
        double[][] l = new double[3][3];
        for (int j = 6; j < 12; j++) {
            int r = names[j].charAt(1) - '1';
            int c = names[j].charAt(2) - '1';
            l[r][c] = b[j];
            assertEquals(engine.get("chol." + members[r] + ":" + members[c]), b[j], 0.0, names[j]);
        }
        FittedInStata.install(saved, new HashMap<>());
        assertEquals(0, JMixlogit.cov(new String[0]), StataSimulator.errorOutput());
        double[][] cov = InStata.statistic("cov");
        double[][] corr = InStata.statistic("corr");
        double[] sd = InStata.statistic("sd")[0];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += l[r][k] * l[c][k];
                }
                assertEquals(s, cov[r][c], 1e-12 * Math.max(1, Math.abs(s)), "cov " + r + c);
                assertEquals(cov[r][c] / Math.sqrt(cov[r][r] * cov[c][c]), corr[r][c], 1e-12, "corr " + r + c);
                assertTrue(InStata.statistic("cov_se")[r][c] > 0, "se of cov " + r + c);
            }
            assertEquals(Math.sqrt(cov[r][r]), sd[r], 1e-12 * sd[r]);
            assertTrue(InStata.statistic("sd_se")[0][r] > 0);
        }
        assertEquals("cl loc wk", String.join(" ", StataSimulator.matrixColNames("__m_cov")));
        assertEquals("cov cov_se sd sd_se corr corr_se", StataSimulator.local("jm_stats"));
        // after estimates use (or with other data in memory) the ado passes no data: the same matrices
        StataSimulator.reset();
        FittedInStata.install(saved, new HashMap<>());
        StataSimulator.putLocal("jm_esample", "");
        assertEquals(0, JMixlogit.cov(new String[0]), StataSimulator.errorOutput());
        assertTrue(Arrays.deepEquals(cov, InStata.statistic("cov")));
        assertTrue(Arrays.deepEquals(corr, InStata.statistic("corr")));
    }

    @Test
    @DisplayName("jmixlogit_cov without corr is 198, naming the SD equation")
    void covNeedsCorr() {
        String saved = estimate(id -> id <= 30);
        FittedInStata.install(saved, new HashMap<>());
        assertEquals(198, JMixlogit.cov(new String[0]));
        assertTrue(StataSimulator.errorOutput().contains("without corr"), StataSimulator.errorOutput());
    }
}
