package org.mixlogit.stata;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mixlogit.bridge.BridgePost;
import org.mixlogit.bridge.BridgeTable;
import org.mixlogit.bridge.MixlogitBridge;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.data.ChoiceDataBuilder;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.estimation.MsleEstimator;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * Every draw type of the engine's vocabulary through the plugin as jmixlogit.ado and _jmixlogit_post.ado drive it,
 * on the first 30 Electricity respondents in two markets. Stata exposes two distributions, normal (rand()) and
 * lognormal (ln()), so the model is {@code jmixlogit choice pf cl tod seas, rand(loc) ln(wk) corr draws(RULE)}:
 * a correlated block with a lognormal member. Adaptive Gauss-Hermite adapts normal coefficients only: it refuses
 * that model with error 198 and runs {@code rand(cl loc) corr} instead. For each rule the posted b and V equal the
 * engine's own estimate (built here from the test's arrays, with one thread against the plugin's two) to the last
 * bit, and predict (pr, conditional, coef), jmixlogit_diversion (removal, marginal) and jmixlogit_elasticities
 * equal the engine's post-estimation to the last bit, besides summing to one where they must.
 */
class EveryRuleThroughPluginTest {
    /** Columns of {@link ElectricityInStata#COLUMNS} by name. */
    private static final Map<String, Integer> COLUMN = new HashMap<>();

    static {
        for (int c = 0; c < ElectricityInStata.COLUMNS.length; c++) {
            COLUMN.put(ElectricityInStata.COLUMNS[c], c);
        }
    }

    private double[][] data;
    private boolean[] touse;
    private int n;

    /** A model as the ado passes it: fixed, rand() and ln() variables, with corr. */
    private static final class Model {
        final List<String> fixed;
        final List<String> normal;
        final List<String> lognormal;

        Model(String fixed, String normal, String lognormal) {
            this.fixed = words(fixed);
            this.normal = words(normal);
            this.lognormal = words(lognormal);
        }

        /** In the plugin's coefficient order: fixed, normal, lognormal. */
        List<String> attributes() {
            List<String> out = new ArrayList<>(fixed);
            out.addAll(normal);
            out.addAll(lognormal);
            return out;
        }

        ModelSpec spec() {
            ModelSpec.Builder b = ModelSpec.builder();
            fixed.forEach(b::fixed);
            normal.forEach(v -> b.random(v, Distribution.NORMAL));
            lognormal.forEach(v -> b.random(v, Distribution.LOGNORMAL));
            List<String> random = new ArrayList<>(normal);
            random.addAll(lognormal);
            return b.correlated(random).build();
        }

        private static List<String> words(String s) {
            return s.isEmpty() ? new ArrayList<>() : Arrays.asList(s.split(" "));
        }
    }

    private static final Model LOGNORMAL_BLOCK = new Model("pf cl tod seas", "loc", "wk");
    private static final Model NORMAL_BLOCK = new Model("pf tod seas wk", "cl loc", "");

    @BeforeEach
    void load() {
        data = FittedInStata.load();
        n = data[0].length;
        touse = FittedInStata.sample(data);
        StataSimulator.setIfCondition(touse);
    }

    /**
     * nrep(): draws per person, points per dimension or sparse-grid level, small; the adaptive sparse grid at level
     * 6, with which its re-centring rounds settle on the lognormal block (at level 4 they do not, which the plugin
     * reports as convergence not achieved).
     */
    private static int size(DrawType type) {
        if (type == DrawType.ADAPTIVE_SPARSE) {
            return 6;
        }
        if (type.isSimulation()) {
            return 20;
        }
        return type.isSparseGrid() ? 3 : 4;
    }

    private static Model model(DrawType type) {
        return type == DrawType.ADAPTIVE_GH ? NORMAL_BLOCK : LOGNORMAL_BLOCK;
    }

    /** Sets the ado's locals for jmixlogit with draws(type) and calls the estimate entry point. */
    private int estimate(Model model, DrawType type) {
        Map<String, String> locals = new HashMap<>();
        locals.put("jm_depvar", "choice");
        locals.put("jm_fixed", String.join(" ", model.fixed));
        locals.put("jm_random", String.join(" ", model.normal));
        locals.put("jm_ln", String.join(" ", model.lognormal));
        locals.put("jm_corr", "1");
        locals.put("jm_group", "chid");
        locals.put("jm_id", "id");
        locals.put("jm_draws", type.code());
        locals.put("jm_nrep", Integer.toString(size(type)));
        locals.put("jm_threads", "2");
        locals.put("jm_alternatives", "alt");
        locals.put("jm_market", "region");
        ElectricityInStata.locals(locals);
        return JMixlogit.estimate(new String[0]);
    }

    @Test
    @DisplayName("draws(agh) with ln(): error 198 and a message that says which coefficient and what to use")
    void adaptiveQuadratureRefusesTheLognormal() {
        assertEquals(198, estimate(LOGNORMAL_BLOCK, DrawType.ADAPTIVE_GH));
        String error = StataSimulator.errorOutput();
        assertTrue(error.contains("Adaptive quadrature needs normal random coefficients; 'wk' is lognormal")
                && error.contains("Use Gauss-Hermite, a sparse grid or draws"), error);
        assertTrue(!error.contains("Exception"), error);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DrawType.class)
    @DisplayName("jmixlogit, predict, jmixlogit_diversion and jmixlogit_elasticities: the engine's numbers")
    void everyEntryPoint(DrawType type) {
        Model model = model(type);
        assertEquals(0, estimate(model, type), StataSimulator.errorOutput());
        String spec = StataSimulator.local("jm_spec_json").replaceAll("\\s", "");
        String options = StataSimulator.local("jm_options_json");
        assertTrue(options.contains("\"draws\":\"" + type.code() + "\"") && options.contains("\"R\":" + size(type)),
                options);
        if (!model.lognormal.isEmpty()) {
            assertTrue(spec.contains("{\"attribute\":\"wk\",\"distribution\":\"ln\"}")
                    && spec.contains("\"correlated\":[\"loc\",\"wk\"]"), spec);
        }
        // the header's rule in words: draws per decision-maker, or points per dimension / level and the nodes
        String integration = StataSimulator.local("jm_integration");
        assertTrue(integration.contains(type.baseType().code() + ","), integration);
        assertTrue(type.sizeKind().equals("draws") ? integration.contains(size(type) + " draws")
                : integration.contains("nodes"), integration);
        int p = Integer.parseInt(StataSimulator.local("jm_k"));
        double[] b = InStata.b();
        double[] v = InStata.v();
        String saved = StataSimulator.local("jm_saved");

        EstimationResult engine = engineFit(model, type);
        assertTrue(engine.isConverged(), engine.message());
        assertEquals(engine.estimates().length, p);
        assertBits(engine.estimates(), b, "b");
        assertBits(engine.covariance(CovarianceType.HESSIAN), v, "V");
        assertEquals(Double.toString(engine.logLikelihood()), StataSimulator.local("jm_ll"));

        BridgePost post = enginePost(model, spec, options, b, v);
        double[] pr = predict(saved, "pr", "");
        assertBits(post.probabilities(), pr, "pr");
        assertSumToOnePerSituation(pr);
        double[] conditional = predict(saved, "conditional", "");
        assertBits(post.conditionalProbabilities(), conditional, "conditional");
        assertSumToOnePerSituation(conditional);
        String coefficient = model.lognormal.isEmpty() ? "loc" : "wk";
        double[] coef = predict(saved, "coef", coefficient);
        assertConditionalMeans(post, coefficient, coef, !model.lognormal.isEmpty());

        Map<String, String> locals = new HashMap<>();
        locals.put("jm_replicates", "0");
        FittedInStata.install(saved, locals);
        assertEquals(0, JMixlogit.diversion(new String[0]), StataSimulator.errorOutput());
        assertMatrix(post.removalDiversion(), "D", true);
        locals.put("jm_attribute", "pf");
        FittedInStata.install(saved, locals);
        assertEquals(0, JMixlogit.diversion(new String[0]), StataSimulator.errorOutput());
        assertMatrix(post.marginalDiversion("pf"), "D", true);
        FittedInStata.install(saved, locals);
        assertEquals(0, JMixlogit.elasticities(new String[0]), StataSimulator.errorOutput());
        assertMatrix(post.elasticities("pf"), "E", false);
        for (int r = 1; r <= 8; r++) {
            double own = InStata.cell("E", r, (r - 1) % 4 + 1);
            assertTrue(own < 0, "own-price elasticity " + own + " in row " + r);
        }
    }

    /** The same sample and model straight through the estimator, with one thread. */
    private EstimationResult engineFit(Model model, DrawType type) {
        List<Integer> rows = sampleRows();
        int m = rows.size();
        long[] situation = new long[m];
        long[] person = new long[m];
        double[] chosen = new double[m];
        for (int r = 0; r < m; r++) {
            situation[r] = (long) data[COLUMN.get("chid")][rows.get(r)];
            person[r] = (long) data[COLUMN.get("id")][rows.get(r)];
            chosen[r] = data[COLUMN.get("choice")][rows.get(r)];
        }
        ChoiceDataBuilder builder = ChoiceData.builder().situations(situation).decisionMakers(person).chosen(chosen);
        for (String name : model.attributes()) {
            double[] x = new double[m];
            for (int r = 0; r < m; r++) {
                x[r] = data[COLUMN.get(name)][rows.get(r)];
            }
            builder.attribute(name, x);
        }
        return new MsleEstimator(EstimatorConfig.defaults().withThreads(1)
                .withIntegration(IntegrationConfig.of(type, size(type)))).estimate(builder.build(), model.spec());
    }

    /** The engine's post-estimation on the sample, through the facade, from the test's own arrays. */
    private BridgePost enginePost(Model model, String spec, String options, double[] b, double[] v) {
        List<Integer> rows = sampleRows();
        String[] region = FittedInStata.regions(data);
        int m = rows.size();
        List<String> names = model.attributes();
        int[] situation = new int[m];
        int[] person = new int[m];
        double[] chosen = new double[m];
        double[] x = new double[m * names.size()];
        String[] alternatives = new String[m];
        String[] markets = new String[m];
        for (int r = 0; r < m; r++) {
            int i = rows.get(r);
            situation[r] = (int) data[COLUMN.get("chid")][i];
            person[r] = (int) data[COLUMN.get("id")][i];
            chosen[r] = data[COLUMN.get("choice")][i];
            for (int c = 0; c < names.size(); c++) {
                x[c * m + r] = data[COLUMN.get(names.get(c))][i];
            }
            alternatives[r] = Long.toString((long) data[COLUMN.get("alt")][i]);
            markets[r] = region[i];
        }
        return MixlogitBridge.post(situation, person, chosen, names.toArray(new String[0]), x, new String[0],
                new double[0], new double[0], alternatives, markets, spec, options, b, v, "{\"replicates\": 0}");
    }

    private List<Integer> sampleRows() {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (touse[i]) {
                rows.add(i);
            }
        }
        return rows;
    }

    /** predict's new variable on the sample (missing outside it), after the entry point returned 0. */
    private double[] predict(String saved, String statistic, String coef) {
        String name = "p_" + statistic;
        FittedInStata.newVariable(name, n);
        Map<String, String> locals = new HashMap<>();
        locals.put("jm_statistic", statistic);
        locals.put("jm_newvar", name);
        locals.put("jm_coef", coef);
        FittedInStata.install(saved, locals);
        if (statistic.equals("pr")) {
            StataSimulator.putLocal("jm_depvar", "");
        }
        assertEquals(0, JMixlogit.predict(new String[0]), StataSimulator.errorOutput());
        double[] values = StataSimulator.numericValues(name);
        double[] out = new double[sampleRows().size()];
        int r = 0;
        for (int i = 0; i < n; i++) {
            if (touse[i]) {
                out[r++] = values[i];
            } else {
                assertEquals(StataSimulator.missing(), values[i], "observation " + (i + 1) + " is outside the sample");
            }
        }
        return out;
    }

    private void assertSumToOnePerSituation(double[] p) {
        List<Integer> rows = sampleRows();
        Map<Double, Double> sums = new HashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            assertTrue(p[r] > 0 && p[r] < 1, "probability " + p[r]);
            sums.merge(data[COLUMN.get("chid")][rows.get(r)], p[r], Double::sum);
        }
        sums.forEach((s, total) -> assertEquals(1.0, total, 1e-12, "situation " + s));
    }

    /** coef(): each row holds its person's conditional mean, the engine's; positive for a lognormal coefficient. */
    private void assertConditionalMeans(BridgePost post, String coefficient, double[] byRow, boolean positive) {
        int k = Arrays.asList(post.coefficientNames()).indexOf(coefficient);
        double[] ids = post.decisionMakerIds();
        double[] means = post.conditionalMeans();
        List<Integer> rows = sampleRows();
        for (int r = 0; r < rows.size(); r++) {
            int person = Arrays.binarySearch(ids, data[COLUMN.get("id")][rows.get(r)]);
            double expected = means[k * ids.length + person];
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(byRow[r]), "row " + r);
            assertTrue(Double.isFinite(expected) && (!positive || expected > 0), coefficient + " " + expected);
        }
    }

    /**
     * The scalars jm_STAT_row_col equal the engine's table (rows: market, then alternative), with the standard
     * errors; for diversion every row sums to one.
     */
    private static void assertMatrix(BridgeTable table, String stat, boolean rowsSumToOne) {
        assertEquals(stat + " se", StataSimulator.local("jm_stats"));
        assertEquals(8, InStata.statistic(stat).length);
        assertEquals("_1 _2 _3 _4 _1 _2 _3 _4", String.join(" ", StataSimulator.matrixRowNames("__m_" + stat)));
        assertEquals("north north north north south south south south", StataSimulator.local("jm_roweq"));
        List<String> markets = Arrays.asList("north", "south");
        double[] estimates = table.estimates();
        double[] se = table.standardErrors();
        double[] rowSum = new double[8];
        for (int e = 0; e < estimates.length; e++) {
            int row = markets.indexOf(table.markets()[e]) * 4 + Integer.parseInt(table.alternatives()[e]);
            int col = Integer.parseInt(table.others()[e]);
            String cell = row + "," + col;
            assertEquals(Double.doubleToLongBits(estimates[e]),
                    Double.doubleToLongBits(InStata.cell(stat, row, col)), stat + " " + cell);
            assertEquals(Double.doubleToLongBits(se[e]),
                    Double.doubleToLongBits(InStata.cell("se", row, col)), "se " + cell);
            assertTrue(se[e] > 0, "standard error of " + stat + " " + cell);
            rowSum[row - 1] += estimates[e];
        }
        if (rowsSumToOne) {
            for (int r = 0; r < 8; r++) {
                assertEquals(1.0, rowSum[r], 1e-12, stat + " row " + (r + 1));
            }
        }
    }

    private static void assertBits(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]),
                    what + "[" + i + "]: " + expected[i] + " vs " + actual[i]);
        }
    }
}
