package org.mixlogit.stata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.stata.sfi.StataSimulator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.bridge.BridgePost;
import org.mixlogit.bridge.BridgeTable;

/**
 * Post-estimation through the plugin, driven as _jmixlogit_post.ado drives it after jmixlogit, equals the engine's
 * post-estimation (MixlogitBridge.post on the test's own arrays of the same sample and estimates) to the last bit:
 * predicted and conditional probabilities and conditional coefficients in the new variable, diversion ratios and
 * elasticities with their standard errors, simulation errors and Krinsky-Robb columns in the scalars the ado
 * assembles into r() matrices, stacked by market.
 */
class PluginPostTest extends AfterFitInStata {
    private int n;

    @BeforeEach
    void rows() {
        n = data[0].length;
    }

    private double[] predict(String statistic, String coef) {
        return predict(statistic, coef, "p", new HashMap<>());
    }

    /** predict into a new variable {@code name}, with the given locals on top of the post-estimation ones. */
    private double[] predict(String statistic, String coef, String name, Map<String, String> extra) {
        FittedInStata.newVariable(name, n);
        Map<String, String> locals = new HashMap<>(extra);
        locals.put("jm_statistic", statistic);
        locals.put("jm_newvar", name);
        locals.put("jm_coef", coef);
        if (statistic.equals("pr")) {
            locals.put("jm_depvar", "");
        }
        fit.install(locals);
        assertEquals(0, JMixlogit.predict(new String[0]), StataSimulator.errorOutput());
        return StataSimulator.numericValues(name);
    }

    /** The variable's values on the sample, in data order; outside the sample they must be missing. */
    private double[] onSample(double[] values) {
        boolean[] touse = FittedInStata.sample(data);
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (touse[i]) {
                out.add(values[i]);
            } else {
                assertEquals(StataSimulator.missing(), values[i], "observation " + (i + 1) + " is outside the sample");
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void assertBits(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]), "row " + i + ": "
                    + expected[i] + " vs " + actual[i]);
        }
    }

    @Test
    @DisplayName("predict, pr: the engine's integrated probabilities, bit for bit, missing outside the sample")
    void probabilities() {
        assertBits(fit.engine(data, false, "").probabilities(), onSample(predict("pr", "")));
    }

    @Test
    @DisplayName("predict, conditional: the engine's probabilities conditional on each person's choices")
    void conditionalProbabilities() {
        assertBits(fit.engine(data, false, "").conditionalProbabilities(), onSample(predict("conditional", "")));
    }

    @Test
    @DisplayName("predict, coef(cl): each person's conditional mean of the cl coefficient on all the person's rows")
    void conditionalCoefficient() {
        BridgePost engine = fit.engine(data, false, "");
        List<String> names = Arrays.asList(engine.coefficientNames());
        int k = names.indexOf("cl");
        double[] ids = engine.decisionMakerIds();
        double[] means = engine.conditionalMeans();
        double[] predicted = predict("coef", "cl");
        boolean[] touse = FittedInStata.sample(data);
        int checked = 0;
        for (int i = 0; i < n; i++) {
            if (touse[i]) {
                int person = Arrays.binarySearch(ids, data[1][i]);
                assertEquals(Double.doubleToLongBits(means[k * ids.length + person]),
                        Double.doubleToLongBits(predicted[i]));
                checked++;
            }
        }
        assertTrue(checked > 0);
    }

    @Test
    @DisplayName("predict on part of e(sample) (if id == 7 | id == 21) gives those rows the values of the whole"
            + " sample's predict, bit for bit, and leaves the other rows missing: the decision-makers keep their draws")
    void partOfEstimationSample() {
        double[] whole = predict("coef", "cl", "whole", Map.of());
        double[] wholeConditional = predict("conditional", "", "wholeConditional", Map.of());
        double[] esample = new double[n];
        boolean[] part = new boolean[n];
        for (int i = 0; i < n; i++) {
            esample[i] = data[1][i] <= FittedInStata.PEOPLE ? 1 : 0;
            part[i] = data[1][i] == 7 || data[1][i] == 21;
        }
        StataSimulator.addNumericVariable("esample", esample);
        StataSimulator.setIfCondition(part);
        for (String[] statistic : new String[][] {{"coef", "cl"}, {"conditional", ""}}) {
            double[] values = predict(statistic[0], statistic[1], "part" + statistic[0],
                    Map.of("jm_esample", "esample"));
            double[] expected = statistic[0].equals("coef") ? whole : wholeConditional;
            int checked = 0;
            for (int i = 0; i < n; i++) {
                if (part[i]) {
                    assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(values[i]),
                            statistic[0] + ", observation " + (i + 1));
                    checked++;
                } else {
                    assertEquals(StataSimulator.missing(), values[i], "observation " + (i + 1) + " was not asked for");
                }
            }
            assertTrue(checked > 20, "rows checked: " + checked);
        }
        // unconditional probabilities of some situations of every person (odd chid): those of the whole sample
        StataSimulator.setIfCondition(FittedInStata.sample(data));
        double[] wholePr = predict("pr", "", "wholePr", Map.of());
        boolean[] odd = new boolean[n];
        for (int i = 0; i < n; i++) {
            odd[i] = data[1][i] <= FittedInStata.PEOPLE && data[9][i] % 2 == 1;
        }
        StataSimulator.setIfCondition(odd);
        double[] oddPr = predict("pr", "", "oddPr", Map.of("jm_esample", "esample"));
        for (int i = 0; i < n; i++) {
            if (odd[i]) {
                assertEquals(Double.doubleToLongBits(wholePr[i]), Double.doubleToLongBits(oddPr[i]),
                        "pr, observation " + (i + 1));
            }
        }
        assertTrue(StataSimulator.output().indexOf("no complete choice situation") < 0, StataSimulator.output());
    }

    @Test
    @DisplayName("predictions do not depend on the sort order of the data: rows go back to the estimation order")
    void sortOrder() {
        double[] sorted = predict("pr", "");
        // the same data with the choice situations in reverse order (rows within each kept)
        List<Integer> order = new ArrayList<>();
        int end = n;
        for (int i = n - 1; i >= 0; i--) {
            if (i == 0 || data[9][i - 1] != data[9][i]) {
                for (int r = i; r < end; r++) {
                    order.add(r);
                }
                end = i;
            }
        }
        StataSimulator.reset();
        String[] region = FittedInStata.regions(data);
        for (int c = 0; c < ElectricityInStata.COLUMNS.length; c++) {
            double[] column = new double[n];
            for (int r = 0; r < n; r++) {
                column[r] = data[c][order.get(r)];
            }
            StataSimulator.addNumericVariable(ElectricityInStata.COLUMNS[c], column);
        }
        String[] reordered = new String[n];
        boolean[] touse = new boolean[n];
        for (int r = 0; r < n; r++) {
            reordered[r] = region[order.get(r)];
            touse[r] = data[1][order.get(r)] <= FittedInStata.PEOPLE;
        }
        StataSimulator.addStringVariable("region", reordered);
        StataSimulator.setIfCondition(touse);
        double[] shuffled = predict("pr", "");
        for (int r = 0; r < n; r++) {
            assertEquals(Double.doubleToLongBits(sorted[order.get(r)]), Double.doubleToLongBits(shuffled[r]),
                    "observation " + (r + 1));
        }
    }

    /** Runs diversion or elasticities and checks every scalar against the engine's table. */
    private void substitution(String entry, Map<String, String> locals, BridgeTable table, String estimateName,
            String stats) {
        fit.install(locals);
        int rc = entry.equals("diversion") ? JMixlogit.diversion(new String[0])
                : JMixlogit.elasticities(new String[0]);
        assertEquals(0, rc, StataSimulator.errorOutput());
        assertEquals(stats, StataSimulator.local("jm_stats"));
        assertEquals(8, InStata.statistic(estimateName).length);
        assertEquals(4, InStata.statistic(estimateName)[0].length);
        assertEquals("_1 _2 _3 _4 _1 _2 _3 _4", String.join(" ", StataSimulator.matrixRowNames("__m_"
                + estimateName)));
        assertEquals("north north north north south south south south", StataSimulator.local("jm_roweq"));
        assertEquals("_1 _2 _3 _4", String.join(" ", StataSimulator.matrixColNames("__m_" + estimateName)));
        assertEquals(table.title().replace('"', '\''), StataSimulator.local("jm_title"));
        List<String> markets = Arrays.asList("north", "south");
        Map<String, double[]> columns = new HashMap<>();
        columns.put(estimateName, table.estimates());
        columns.put("se", table.standardErrors());
        columns.put("sim", table.simulationErrors());
        columns.put("kr_se", table.krinskyRobbSd());
        columns.put("kr_lb", table.krinskyRobbLower());
        columns.put("kr_ub", table.krinskyRobbUpper());
        boolean[][] filled = new boolean[8][4];
        for (int e = 0; e < table.estimates().length; e++) {
            int row = markets.indexOf(table.markets()[e]) * 4 + Integer.parseInt(table.alternatives()[e]);
            int col = Integer.parseInt(table.others()[e]);
            filled[row - 1][col - 1] = true;
            for (String stat : stats.split(" ")) {
                double expected = columns.get(stat)[e];
                double actual = InStata.cell(stat, row, col);
                assertEquals(Double.doubleToLongBits(Double.isFinite(expected) ? expected : StataSimulator.missing()),
                        Double.doubleToLongBits(actual), stat + " " + row + "," + col);
            }
        }
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 4; c++) {
                if (!filled[r][c]) {
                    assertEquals(StataSimulator.missing(), InStata.cell(estimateName, r + 1, c + 1), "entry without a value: missing");
                }
            }
        }
    }

    @Test
    @DisplayName("jmixlogit_diversion: product-removal diversion by market equals the engine's, with se and sim")
    void removalDiversion() {
        BridgeTable table = fit.engine(data, true, "{\"replicates\": 3}").removalDiversion();
        Map<String, String> locals = new HashMap<>();
        locals.put("jm_replicates", "3");
        substitution("diversion", locals, table, "D", "D se sim");
        assertTrue(Double.isFinite(InStata.cell("D", 1, 2)) && InStata.cell("D", 1, 2) > 0);
        assertEquals(StataSimulator.missing(), InStata.cell("D", 1, 1), "no diversion to itself");
    }

    @Test
    @DisplayName("jmixlogit_diversion, attribute(pf): marginal diversion with Krinsky-Robb columns")
    void marginalDiversion() {
        BridgeTable table = fit.engine(data, true, "{\"krinskyRobb\": 20, \"replicates\": 0}")
                .marginalDiversion("pf");
        Map<String, String> locals = new HashMap<>();
        locals.put("jm_attribute", "pf");
        locals.put("jm_krinsky", "20");
        locals.put("jm_replicates", "0");
        substitution("diversion", locals, table, "D", "D se kr_se kr_lb kr_ub");
    }

    @Test
    @DisplayName("jmixlogit_elasticities, attribute(pf): own and cross price elasticities equal the engine's")
    void elasticities() {
        BridgeTable table = fit.engine(data, true, "{\"replicates\": 2}").elasticities("pf");
        Map<String, String> locals = new HashMap<>();
        locals.put("jm_attribute", "pf");
        locals.put("jm_replicates", "2");
        substitution("elasticities", locals, table, "E", "E se sim");
        for (int j = 1; j <= 4; j++) {
            assertTrue(InStata.cell("E", j, j) < 0, "own-price elasticity is negative");
        }
    }

    @Test
    @DisplayName("e(spec_json) and e(options_json) come back from the estimation as locals the ado stores")
    void estimationLeavesModel() {
        assertTrue(fit.specJson.contains("\"cl\""), fit.specJson);
        assertTrue(fit.optionsJson.contains("\"R\":20"), fit.optionsJson);
        assertArrayEquals(new String[] {"Mean:pf", "Mean:loc", "Mean:wk", "Mean:tod", "Mean:seas", "Mean:cl",
            "SD:cl"}, fit.colnames.split(" "));
    }
}
