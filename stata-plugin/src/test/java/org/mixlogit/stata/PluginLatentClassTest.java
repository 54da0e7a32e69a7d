package org.mixlogit.stata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.stata.sfi.StataSimulator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.mixlogit.bridge.BridgeFit;
import org.mixlogit.bridge.BridgePost;
import org.mixlogit.bridge.MixlogitBridge;

/**
 * jmixlogit with nclasses(2) membership(income) common(cl) through the in-memory Stata, as jmixlogit.ado drives it,
 * on the first 60 Electricity respondents with a made-up income: e(b), e(V) and e(P) equal the engine's own fit of
 * the same data bit for bit, the Stata names are lclogit2's (Class1, Fix, Share2), e(B), e(CMB) and e(PB) hold the
 * right numbers, and predict's posterior and pr class(#) equal the engine's and the closed forms.
 */
class PluginLatentClassTest {
    private static final String LCNAMES = "P __P P_se __P_se P_post __P_post B __B CMB __CMB PB __PB"
            + " selection __S";
    private static final String[] ATTRIBUTES = {"pf", "cl", "loc", "wk", "tod", "seas"};
    private static final int[] COLUMNS = {3, 4, 5, 6, 7, 8};
    private static final int PEOPLE = 60;
    private double[][] data;
    private double[] income;
    private boolean[] touse;

    @BeforeEach
    void load() {
        data = ElectricityInStata.load();
        int n = data[0].length;
        income = new double[n];
        touse = new boolean[n];
        for (int i = 0; i < n; i++) {
            income[i] = ((long) data[1][i] * 37) % 61 + 10;
            touse[i] = data[1][i] <= PEOPLE;
        }
        StataSimulator.addNumericVariable("income", income);
        StataSimulator.setIfCondition(touse);
    }

    private int estimate(Map<String, String> extra) {
        Map<String, String> locals = new HashMap<>();
        locals.put("jm_depvar", "choice");
        locals.put("jm_fixed", String.join(" ", ATTRIBUTES));
        locals.put("jm_group", "chid");
        locals.put("jm_id", "id");
        locals.put("jm_threads", "1");
        locals.put("jm_alternatives", "alt");
        locals.put("jm_nclasses", "2");
        locals.put("jm_membership", "income");
        locals.put("jm_common", "cl");
        locals.put("jm_lcnames", LCNAMES);
        locals.putAll(extra);
        ElectricityInStata.locals(locals);
        return JMixlogit.estimate(new String[0]);
    }

    /** The estimation sample's rows in data order. */
    private List<Integer> rows() {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < touse.length; i++) {
            if (touse[i]) {
                rows.add(i);
            }
        }
        return rows;
    }

    /** The same sample and model straight through the facade, with the options the plugin sent. */
    private BridgeFit engine() {
        return engine(2, new String[] {"cl"});
    }

    /** The same sample with {@code classes} classes and these common coefficients through the facade. */
    private BridgeFit engine(int classes, String[] common) {
        List<Integer> rows = rows();
        int m = rows.size();
        int[] situation = new int[m];
        int[] person = new int[m];
        double[] chosen = new double[m];
        double[] x = new double[m * ATTRIBUTES.length];
        double[] z = new double[m];
        String[] alternatives = new String[m];
        for (int r = 0; r < m; r++) {
            int i = rows.get(r);
            situation[r] = (int) data[9][i];
            person[r] = (int) data[1][i];
            chosen[r] = data[0][i];
            for (int c = 0; c < COLUMNS.length; c++) {
                x[c * m + r] = data[COLUMNS[c]][i];
            }
            z[r] = income[i];
            alternatives[r] = Long.toString((long) data[2][i]);
        }
        StringBuilder spec = new StringBuilder("{\"coefficients\": [");
        for (int c = 0; c < ATTRIBUTES.length; c++) {
            spec.append(c == 0 ? "" : ", ").append("{\"attribute\": \"").append(ATTRIBUTES[c])
                    .append("\", \"distribution\": \"f\"}");
        }
        String withClasses = MixlogitBridge.withClasses(spec.append("]}").toString(), classes,
                new String[] {"income"}, common);
        return MixlogitBridge.fit(situation, person, chosen, ATTRIBUTES, x, new String[] {"income"}, z,
                new double[0], alternatives, new String[0], withClasses, StataSimulator.local("jm_options_json"));
    }

    private static void assertBits(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int j = 0; j < expected.length; j++) {
            assertEquals(Double.doubleToLongBits(expected[j]), Double.doubleToLongBits(actual[j]), what + " " + j);
        }
    }

    @Test
    @DisplayName("e(b), e(V), e(P) equal the engine's bit for bit; lclogit2's equations; e(B), e(CMB), e(PB)")
    void estimation() {
        assertEquals(0, estimate(new HashMap<>()), StataSimulator.errorOutput());
        BridgeFit fit = engine();
        assertBits(fit.estimates(), InStata.b(), "b");
        assertBits(fit.covariance("hessian"), InStata.v(), "V");
        assertEquals("Class1:pf Class1:loc Class1:wk Class1:tod Class1:seas Class2:pf Class2:loc Class2:wk"
                + " Class2:tod Class2:seas Fix:cl Share2:_cons Share2:income", StataSimulator.local("jm_colnames"));
        assertBits(fit.classShares(), InStata.flat("__P"), "P");
        assertBits(fit.classShareErrors(), InStata.flat("__P_se"), "P_se");
        assertBits(fit.posteriorShares(), InStata.flat("__P_post"), "P_post");
        assertArrayEquals(new String[] {"Class1", "Class2"}, StataSimulator.matrixRowNames("__P"));
        double[] b = fit.estimates();
        // e(B): rows Class1, Class2; columns pf cl loc wk tod seas; cl (common, b[10]) in both
        double[] expected = {b[0], b[10], b[1], b[2], b[3], b[4], b[5], b[10], b[6], b[7], b[8], b[9]};
        assertBits(expected, InStata.flat("__B"), "B");
        assertArrayEquals(ATTRIBUTES, StataSimulator.matrixColNames("__B"));
        assertBits(new double[] {0, 0, b[11], b[12]}, InStata.flat("__CMB"), "CMB");
        assertArrayEquals(new String[] {"_cons", "income"}, StataSimulator.matrixColNames("__CMB"));
        double[] p = fit.classShares();
        double[] pb = InStata.flat("__PB");
        for (int k = 0; k < ATTRIBUTES.length; k++) {
            assertEquals(p[0] * expected[k] + p[1] * expected[6 + k], pb[k], 1e-15, ATTRIBUTES[k]);
        }
        // class 2's share at the mean income (over decision-makers) is the logit of the class-share equation
        double mean = 0;
        for (int id = 1; id <= PEOPLE; id++) {
            mean += ((long) id * 37) % 61 + 10;
        }
        mean /= PEOPLE;
        assertEquals(1 / (1 + Math.exp(-(b[11] + b[12] * mean))), p[1], 1e-14);
        double[] row = fit.selectionRow();
        assertEquals(Double.toString(row[4]), StataSimulator.local("jm_bic"));
        assertEquals(-2 * fit.statistic("logLik") + 13 * Math.log(PEOPLE), row[4], 1e-9);
        assertEquals("2", StataSimulator.local("jm_nclasses_used"));
        assertEquals("1", StataSimulator.local("jm_k_share"));
        assertEquals("0", StataSimulator.local("jm_df_c"), "no LR test against the fixed-coefficient logit");
        // the EM search and the distinct optima of its starts, best first, as the engine reports them
        double[] em = fit.emSearch();
        assertEquals(Long.toString((long) em[0]), StataSimulator.local("jm_em_starts"));
        assertTrue(em[0] >= 10, "at least ten starts");
        assertEquals(Double.toString(em[2]), StataSimulator.local("jm_ll_em"));
        assertTrue(em[2] <= fit.statistic("logLik") + 1e-9, "direct ML polishes the EM optimum");
        double[] optima = fit.optima();
        assertBits(optima, InStata.flat(InStata.OPTIMA), "optima");
        assertEquals(Integer.toString(optima.length / 4), StataSimulator.local("jm_n_optima"));
        assertArrayEquals(new String[] {"ll", "starts", "gradient", "converged"},
                StataSimulator.matrixColNames(InStata.OPTIMA));
        assertEquals(fit.statistic("logLik"), optima[0], 1e-9, "the best optimum first");
        double starts = 0;
        for (int i = 1; i < optima.length; i += 4) {
            starts += optima[i];
        }
        assertTrue(starts >= 1 && starts <= em[0], "each start reaches one optimum at most");
        assertEquals(PluginEstimation.plain(fit.description("certification")),
                StataSimulator.local("jm_certification"));
        assertEquals("11", StataSimulator.local("jm_df_m"), "the Wald test covers the class and common means");
    }

    @Test
    @DisplayName("nclasses(1/3): lclogit2's table in e(selection) (the engine's rows), the smallest BIC posted")
    void modelSelection() {
        Map<String, String> range = new HashMap<>();
        range.put("jm_nclasses", "1 2 3");
        assertEquals(0, estimate(range), StataSimulator.errorOutput());
        double[][] table = StataSimulator.matrix("__S");
        assertEquals(3, table.length);
        assertArrayEquals(new String[] {"C1", "C2", "C3"}, StataSimulator.matrixRowNames("__S"));
        assertArrayEquals(new String[] {"classes", "ll", "nparam", "aic", "bic", "caic", "min_share", "converged"},
                StataSimulator.matrixColNames("__S"));
        // each row is the engine's fit of that many classes alone (common() from two classes on)
        BridgeFit[] alone = {engine(1, new String[0]), engine(2, new String[] {"cl"}),
            engine(3, new String[] {"cl"})};
        double[] parameters = {6, 13, 20};
        int best = 0;
        for (int c = 0; c < 3; c++) {
            double[] row = alone[c].selectionRow();
            for (int k = 0; k < row.length; k++) {
                assertEquals(Double.doubleToLongBits(row[k]), Double.doubleToLongBits(table[c][k]), "C" + (c + 1)
                        + " column " + k);
            }
            assertEquals(parameters[c], table[c][2], 0.0);
            assertEquals(-2 * table[c][1] + parameters[c] * Math.log(PEOPLE), table[c][4], 1e-9);
            assertEquals(alone[c].statistic("converged"), table[c][7], 0.0);
            best = table[c][4] < table[best][4] ? c : best;
        }
        assertEquals(best, BridgeFit.bestByBic(alone));
        // the fit posted is the one with the smallest BIC, as nclasses(#) of that number posts it
        assertEquals(Integer.toString(best + 1), StataSimulator.local("jm_nclasses_used"));
        assertBits(alone[best].estimates(), InStata.b(), "b");
        assertBits(alone[best].covariance("hessian"), InStata.v(), "V");
        assertBits(alone[best].classShares(), InStata.flat("__P"), "P");
        assertEquals(SavedForm.forStata(alone[best].specJson()), StataSimulator.local("jm_spec_json"));
    }

    @Test
    @DisplayName("198: nclasses() not consecutive, or a range with from()")
    void rangeRefusals() {
        Map<String, String> gap = new HashMap<>();
        gap.put("jm_nclasses", "1 3");
        assertEquals(198, estimate(gap));
        assertTrue(StataSimulator.errorOutput().contains("nclasses(1/5)"), StataSimulator.errorOutput());
        StataSimulator.putMatrix("start", new double[][] {{-0.5}}, null, new String[] {"pf"});
        Map<String, String> from = new HashMap<>();
        from.put("jm_nclasses", "2 3");
        from.put("jm_from", "start");
        assertEquals(198, estimate(from));
        assertTrue(StataSimulator.errorOutput().contains("drop from()"), StataSimulator.errorOutput());
    }

    /** The locals _jmixlogit_post.ado sets for predict on e(sample). */
    private void installPredict(String statistic, String newvars, int klass) {
        double[] esample = new double[touse.length];
        for (int i = 0; i < touse.length; i++) {
            esample[i] = touse[i] ? 1 : 0;
        }
        if (!StataSimulator.variableNames().contains("__esample")) {
            StataSimulator.addNumericVariable("__esample", esample);
        }
        for (String v : newvars.split(" ")) {
            if (!StataSimulator.variableNames().contains(v)) {
                FittedInStata.newVariable(v, touse.length);
            }
        }
        Map<String, String> locals = new HashMap<>();
        locals.put("jm_depvar", "choice");
        locals.put("jm_group", "chid");
        locals.put("jm_id", "id");
        locals.put("jm_alternatives", "alt");
        locals.put("jm_saved", StataSimulator.local("jm_saved"));
        locals.put("jm_esample", "__esample");
        locals.put("jm_estdata", "1");
        locals.put("jm_threads", "1");
        locals.put("jm_mnames", InStata.MATRIX_NAMES);
        locals.put("jm_statistic", statistic);
        locals.put("jm_newvar", newvars);
        locals.put("jm_class", Integer.toString(klass));
        for (String local : PostOptions.LOCALS) {
            StataSimulator.putLocal(local, locals.getOrDefault(local, ""));
        }
    }

    /** The locals _jmixlogit_post.ado sets for jmixlogit_wtp, attribute(loc) cost(pf), on e(sample). */
    private int wtp(String negated, String krinsky) {
        installPredict("", "w", 0);
        StataSimulator.putLocal("jm_statistic", "");
        StataSimulator.putLocal("jm_newvar", "");
        StataSimulator.putLocal("jm_attribute", "loc");
        StataSimulator.putLocal("jm_cost", "pf");
        StataSimulator.putLocal("jm_negated", negated);
        StataSimulator.putLocal("jm_krinsky", krinsky);
        StataSimulator.putLocal("jm_replicates", "0");
        return JMixlogit.wtp(new String[0]);
    }

    @Test
    @DisplayName("jmixlogit_wtp per class, coefficients fixed within classes: -b_c(loc) / b_c(pf), delta method")
    void classWtp() {
        assertEquals(0, estimate(new HashMap<>()), StataSimulator.errorOutput());
        double[] b = InStata.b();
        double[] v = InStata.v();
        assertEquals(0, wtp("", "0"), StataSimulator.errorOutput());
        assertArrayEquals(new String[] {"Class1", "Class2"}, StataSimulator.matrixRowNames("__m_wtp"));
        assertArrayEquals(new String[] {"mean"}, StataSimulator.matrixColNames("__m_wtp"));
        assertEquals("wtp se", StataSimulator.local("jm_stats"));
        int p = b.length;
        // Stata's order: Class1:pf loc wk tod seas, Class2:pf loc ..., Fix:cl, Share2
        for (int c = 0; c < 2; c++) {
            int pf = 5 * c;
            int loc = 5 * c + 1;
            double ratio = -b[loc] / b[pf];
            double[] d = {b[loc] / (b[pf] * b[pf]), -1 / b[pf]};
            double var = d[0] * d[0] * v[pf * p + pf] + d[1] * d[1] * v[loc * p + loc]
                    + 2 * d[0] * d[1] * v[pf * p + loc];
            assertEquals(ratio, InStata.cell("wtp", c + 1, 1), 1e-12 * Math.abs(ratio), "class " + (c + 1));
            assertEquals(Math.sqrt(var), InStata.cell("se", c + 1, 1), 1e-6 * Math.sqrt(var), "class " + (c + 1));
        }
        assertTrue(StataSimulator.local("jm_title").contains("by latent class"));
        assertEquals(0, wtp("negated", "0"), StataSimulator.errorOutput());
        assertEquals(b[1] / b[0], InStata.cell("wtp", 1, 1), 1e-12 * Math.abs(b[1] / b[0]));
        assertEquals(198, wtp("", "20"), "Krinsky-Robb is for the mixed logit");
        assertTrue(StataSimulator.errorOutput().contains("per latent class it has delta-method"));
    }

    @Test
    @DisplayName("jmixlogit_wtp of a latent class mixed logit (loc normal within classes): each class's N(-m/b, s/|b|)")
    void classWtpDistribution() {
        Map<String, String> random = new HashMap<>();
        random.put("jm_fixed", "pf cl wk tod seas");
        random.put("jm_random", "loc");
        random.put("jm_common", "");
        random.put("jm_membership", "");
        random.put("jm_nrep", "50");
        assertEquals(0, estimate(random), StataSimulator.errorOutput());
        String[] names = StataSimulator.local("jm_colnames").split(" ");
        java.util.List<String> stripes = java.util.Arrays.asList(names);
        double[] b = InStata.b();
        double[] v = InStata.v();
        int p = b.length;
        assertEquals(0, wtp("", "0"), StataSimulator.errorOutput());
        String[] statistics = {"mean", "median", "q05", "q25", "q75", "q95"};
        assertArrayEquals(statistics, StataSimulator.matrixColNames("__m_wtp"));
        double[] z = {0, 0, -1.6448536269514722, -0.6744897501960817, 0.6744897501960817, 1.6448536269514722};
        for (int c = 1; c <= 2; c++) {
            int pf = stripes.indexOf("Class" + c + ":pf");
            int m = stripes.indexOf("Class" + c + ":loc");
            int sd = stripes.indexOf("Class" + c + "_SD:loc");
            assertTrue(pf >= 0 && m >= 0 && sd >= 0, String.join(" ", names));
            double spread = Math.abs(b[sd] / b[pf]);
            // 60 decision-makers x 50 draws: the quantiles of -loc / pf to a few per cent of the spread
            for (int s = 0; s < 6; s++) {
                assertEquals(-b[m] / b[pf] + z[s] * spread, InStata.cell("wtp", c, s + 1), 0.06 * spread,
                        "class " + c + " " + statistics[s]);
            }
            double[] d = {b[m] / (b[pf] * b[pf]), -1 / b[pf]};
            double se = Math.sqrt(d[0] * d[0] * v[pf * p + pf] + d[1] * d[1] * v[m * p + m]
                    + 2 * d[0] * d[1] * v[pf * p + m]);
            assertEquals(se, InStata.cell("se", c, 1), 0.03 * se, "class " + c + " mean's error");
        }
    }

    @Test
    @DisplayName("predict stub, posterior: one variable per class, the engine's posteriors, summing to one; modal")
    void posterior() {
        assertEquals(0, estimate(new HashMap<>()), StataSimulator.errorOutput());
        BridgeFit fit = engine();
        installPredict("posterior", "h1 h2", 0);
        assertEquals(0, JMixlogit.predict(new String[0]), StataSimulator.errorOutput());
        double[] h1 = StataSimulator.numericValues("h1");
        double[] h2 = StataSimulator.numericValues("h2");
        BridgePost post = fit.post("{\"replicates\": 0}");
        double[] h = post.classPosteriors();
        double[] ids = post.decisionMakerIds();
        Map<Double, Integer> index = new HashMap<>();
        for (int k = 0; k < ids.length; k++) {
            index.put(ids[k], k);
        }
        double[] mean = new double[2];
        for (int i = 0; i < touse.length; i++) {
            if (!touse[i]) {
                assertTrue(StataSimulator.missing() == h1[i] || h1[i] >= StataSimulator.missing());
                continue;
            }
            int k = index.get(data[1][i]);
            assertEquals(Double.doubleToLongBits(h[2 * k]), Double.doubleToLongBits(h1[i]), "row " + i);
            assertEquals(Double.doubleToLongBits(h[2 * k + 1]), Double.doubleToLongBits(h2[i]), "row " + i);
            assertEquals(1.0, h1[i] + h2[i], 1e-12);
        }
        for (int k = 0; k < ids.length; k++) {
            mean[0] += h[2 * k] / ids.length;
            mean[1] += h[2 * k + 1] / ids.length;
        }
        assertArrayEquals(fit.posteriorShares(), mean, 1e-14);
        // predict newvar, modal: the class of the larger posterior probability, the engine's modal class
        installPredict("modal", "mc", 0);
        assertEquals(0, JMixlogit.predict(new String[0]), StataSimulator.errorOutput());
        double[] mc = StataSimulator.numericValues("mc");
        int[] modal = post.modalClasses();
        int twos = 0;
        for (int i = 0; i < touse.length; i++) {
            if (touse[i]) {
                assertEquals(h1[i] >= h2[i] ? 1 : 2, mc[i], 0.0, "row " + i);
                assertEquals(modal[index.get(data[1][i])], mc[i], 0.0, "row " + i);
                twos += mc[i] == 2 ? 1 : 0;
            }
        }
        assertTrue(twos > 0 && twos < rows().size(), "both classes are someone's modal class");
        installPredict("modal", "mc", 1);
        assertEquals(198, JMixlogit.predict(new String[0]));
        assertTrue(StataSimulator.errorOutput().contains("modal takes no class()"), StataSimulator.errorOutput());
    }

    @Test
    @DisplayName("jmixlogit_elasticities after nclasses(): the engine's elasticities of the class mixture, bit for bit")
    void elasticities() {
        assertEquals(0, estimate(new HashMap<>()), StataSimulator.errorOutput());
        BridgeFit fit = engine();
        installPredict("", "unused", 0);
        StataSimulator.putLocal("jm_statistic", "");
        StataSimulator.putLocal("jm_newvar", "");
        StataSimulator.putLocal("jm_attribute", "pf");
        StataSimulator.putLocal("jm_replicates", "0");
        assertEquals(0, JMixlogit.elasticities(new String[0]), StataSimulator.errorOutput());
        assertEquals("E se", StataSimulator.local("jm_stats"));
        org.mixlogit.bridge.BridgeTable table = fit.post("{\"replicates\": 0}").elasticities("pf");
        double[] e = table.estimates();
        double[] se = table.standardErrors();
        for (int k = 0; k < e.length; k++) {
            int from = Integer.parseInt(table.alternatives()[k]);
            int to = Integer.parseInt(table.others()[k]);
            assertEquals(Double.doubleToLongBits(e[k]), Double.doubleToLongBits(InStata.cell("E", from, to)),
                    from + "," + to);
            assertEquals(Double.doubleToLongBits(se[k]), Double.doubleToLongBits(InStata.cell("se", from, to)),
                    from + "," + to);
        }
        for (int j = 1; j <= 4; j++) {
            assertTrue(InStata.cell("E", j, j) < 0, "own-price elasticity is negative");
        }
    }

    @Test
    @DisplayName("predict coef(pf) after nclasses(): the posterior mean of the class coefficients, sum_c h_nc b_c")
    void conditionalCoefficient() {
        assertEquals(0, estimate(new HashMap<>()), StataSimulator.errorOutput());
        double[] b = InStata.b();
        installPredict("posterior", "h1 h2", 0);
        assertEquals(0, JMixlogit.predict(new String[0]), StataSimulator.errorOutput());
        installPredict("coef", "bpf", 0);
        StataSimulator.putLocal("jm_coef", "pf");
        assertEquals(0, JMixlogit.predict(new String[0]), StataSimulator.errorOutput());
        installPredict("coef", "bcl", 0);
        StataSimulator.putLocal("jm_coef", "cl");
        assertEquals(0, JMixlogit.predict(new String[0]), StataSimulator.errorOutput());
        double[] h1 = StataSimulator.numericValues("h1");
        double[] h2 = StataSimulator.numericValues("h2");
        double[] pf = StataSimulator.numericValues("bpf");
        double[] cl = StataSimulator.numericValues("bcl");
        for (int i : rows()) {
            assertEquals(h1[i] * b[0] + h2[i] * b[5], pf[i], 1e-12, "row " + i);
            assertEquals(b[10], cl[i], 1e-12, "cl is common to the classes");
        }
    }

    @Test
    @DisplayName("predict newvar, pr class(#): each class's logit; pr: their average with each person's shares")
    void classProbabilities() {
        assertEquals(0, estimate(new HashMap<>()), StataSimulator.errorOutput());
        double[] b = InStata.b();
        double[][] beta = {{b[0], b[10], b[1], b[2], b[3], b[4]}, {b[5], b[10], b[6], b[7], b[8], b[9]}};
        installPredict("classpr", "p1", 1);
        assertEquals(0, JMixlogit.predict(new String[0]), StataSimulator.errorOutput());
        installPredict("classpr", "p2", 2);
        assertEquals(0, JMixlogit.predict(new String[0]), StataSimulator.errorOutput());
        installPredict("pr", "p", 0);
        assertEquals(0, JMixlogit.predict(new String[0]), StataSimulator.errorOutput());
        double[][] byClass = {StataSimulator.numericValues("p1"), StataSimulator.numericValues("p2")};
        double[] p = StataSimulator.numericValues("p");
        List<Integer> rows = rows();
        for (int start = 0; start < rows.size(); start += 4) {
            int first = rows.get(start);
            double share2 = 1 / (1 + Math.exp(-(b[11] + b[12] * income[first])));
            double[][] logit = new double[2][4];
            for (int c = 0; c < 2; c++) {
                double sum = 0;
                for (int a = 0; a < 4; a++) {
                    double u = 0;
                    for (int k = 0; k < 6; k++) {
                        u += beta[c][k] * data[COLUMNS[k]][first + a];
                    }
                    logit[c][a] = Math.exp(u);
                    sum += logit[c][a];
                }
                for (int a = 0; a < 4; a++) {
                    logit[c][a] /= sum;
                    assertEquals(logit[c][a], byClass[c][first + a], 1e-12, "class " + (c + 1) + " row " + first);
                }
            }
            for (int a = 0; a < 4; a++) {
                assertEquals((1 - share2) * logit[0][a] + share2 * logit[1][a], p[first + a], 1e-12);
            }
        }
    }

    @Test
    @DisplayName("198: membership() without nclasses(), nclasses() with estimator(msm) or (mss), class() out of range")
    void refusals() {
        Map<String, String> noClasses = new HashMap<>();
        noClasses.put("jm_nclasses", "");
        assertEquals(198, estimate(noClasses));
        assertTrue(StataSimulator.errorOutput().contains("nclasses"), StataSimulator.errorOutput());
        Map<String, String> msm = new HashMap<>();
        msm.put("jm_estimator", "msm");
        assertEquals(198, estimate(msm));
        assertTrue(StataSimulator.errorOutput().contains("drop estimator(msm)"), StataSimulator.errorOutput());
        // the method of simulated scores has no latent class models either: 198, never an internal error (498)
        StataSimulator.clearOutput();
        msm.put("jm_estimator", "mss");
        assertEquals(198, estimate(msm));
        assertTrue(StataSimulator.errorOutput().contains("drop estimator(mss)"), StataSimulator.errorOutput());
        Map<String, String> notAVariable = new HashMap<>();
        notAVariable.put("jm_common", "price");
        assertEquals(198, estimate(notAVariable));
        assertEquals(0, estimate(new HashMap<>()), StataSimulator.errorOutput());
        installPredict("classpr", "p3", 3);
        assertEquals(198, JMixlogit.predict(new String[0]));
        assertTrue(StataSimulator.errorOutput().contains("class(3)"), StataSimulator.errorOutput());
    }

    @Test
    @DisplayName("459: a membership() variable that varies within a decision-maker is named")
    void membershipVaries() {
        double[] varying = new double[income.length];
        for (int i = 0; i < varying.length; i++) {
            varying[i] = i;
        }
        StataSimulator.addNumericVariable("age", varying);
        Map<String, String> locals = new HashMap<>();
        locals.put("jm_membership", "age");
        assertEquals(459, estimate(locals));
        assertTrue(StataSimulator.errorOutput().contains("age"), StataSimulator.errorOutput());
    }
}
