package org.mixlogit.stata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stata.sfi.StataSimulator;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.inference.PositiveDefinite;

/**
 * What Stata users expect of an estimation command, through the in-memory Stata: iterate(0) with from(), from()
 * matched by Stata name, ids of any size, string cluster variables with e(N_clust), the header's Wald and LR tests
 * (closed forms), one-line JSON without macro characters, the threads cap, the matrix limit, the saved form in a
 * file when a macro cannot hold it.
 */
class StataConventionsTest extends SmallFitInStata {
    @Test
    @DisplayName("iterate(0) from(b): b is the given vector, V is posted, e(converged) 0")
    void iterateZero() {
        assertEquals(0, run(), StataSimulator.errorOutput());
        double[] fitted = InStata.b();
        double[] start = fitted.clone();
        start[0] += 0.01;
        StataSimulator.putMatrix("b0", new double[][] {start}, null,
                StataSimulator.local("jm_colnames").split(" "));
        locals.put("jm_from", "b0");
        locals.put("jm_from_names", StataSimulator.local("jm_colnames"));
        locals.put("jm_iterate", "0");
        assertEquals(0, run(), StataSimulator.errorOutput());
        assertEquals("0", StataSimulator.local("jm_converged"));
        assertEquals("0", StataSimulator.local("jm_iterations"));
        double[] b = InStata.b();
        for (int j = 0; j < b.length; j++) {
            assertEquals(start[j], b[j], 1e-12 * Math.max(1, Math.abs(start[j])), "b" + j);
        }
        double[] v = InStata.v();
        for (int j = 0; j < b.length; j++) {
            assertTrue(v[j * b.length + j] > 0, "variance " + j);
        }
        assertFalse(StataSimulator.local("jm_fit_warning").isEmpty());
    }

    @Test
    @DisplayName("from() is matched by name (any order, names without equation are Means), copy by position")
    void fromByName() {
        assertEquals(0, run(), StataSimulator.errorOutput());
        double[] fitted = InStata.b();
        String[] names = StataSimulator.local("jm_colnames").split(" ");
        // reversed order, and the Means without their equation
        double[] reversed = new double[fitted.length];
        String[] reversedNames = new String[names.length];
        for (int j = 0; j < fitted.length; j++) {
            reversed[j] = fitted[fitted.length - 1 - j];
            String n = names[names.length - 1 - j];
            reversedNames[j] = n.startsWith("Mean:") ? n.substring(5) : n;
        }
        StataSimulator.putMatrix("b0", new double[][] {reversed}, null, null);
        locals.put("jm_from", "b0");
        locals.put("jm_from_names", String.join(" ", reversedNames));
        locals.put("jm_iterate", "0");
        assertEquals(0, run(), StataSimulator.errorOutput());
        assertTrue(Arrays.equals(fitted, InStata.b()), "by name: " + Arrays.toString(InStata.b()));
        double[] extra = Arrays.copyOf(reversed, reversed.length + 1);
        extra[reversed.length] = 3;
        StataSimulator.putMatrix("b0", new double[][] {extra}, null, null);
        locals.put("jm_from_names", String.join(" ", reversedNames) + " Mean:nosuch");
        assertEquals(198, run());
        assertTrue(StataSimulator.errorOutput().contains("no parameter Mean:nosuch")
                && StataSimulator.errorOutput().contains("skip"), StataSimulator.errorOutput());
        locals.put("jm_from_mode", "skip");
        assertEquals(0, run(), StataSimulator.errorOutput());
        assertTrue(Arrays.equals(fitted, InStata.b()), "skip ignores Mean:nosuch");
        StataSimulator.putMatrix("b0", new double[][] {{-0.5, 1}}, null, null);
        locals.put("jm_from_mode", "copy");
        assertEquals(198, run());
        assertTrue(StataSimulator.errorOutput().contains("the vector has 2 elements but the model has 7"),
                StataSimulator.errorOutput());
    }

    @Test
    @DisplayName("from() with clogit's e(b) (columns depvar:x) or names without equation (_:x) starts the Means")
    void fromClogit() {
        assertEquals(0, run(), StataSimulator.errorOutput());
        double[] fitted = InStata.b();
        String[] names = StataSimulator.local("jm_colnames").split(" ");
        locals.put("jm_from", "b0");
        locals.put("jm_iterate", "0");
        for (String prefix : new String[] {"choice:", "_:"}) {
            // the Means as clogit names them, then SD:cl
            String[] given = new String[names.length];
            for (int j = 0; j < names.length; j++) {
                given[j] = names[j].startsWith("Mean:") ? prefix + names[j].substring("Mean:".length()) : names[j];
            }
            StataSimulator.putMatrix("b0", new double[][] {fitted}, null, null);
            locals.put("jm_from_names", String.join(" ", given));
            assertEquals(0, run(), StataSimulator.errorOutput());
            double[] b = InStata.b();
            for (int j = 0; j < names.length; j++) {
                assertEquals(fitted[j], b[j], 1e-12 * Math.max(1, Math.abs(fitted[j])), given[j]);
            }
        }
    }

    @Test
    @DisplayName("from() with the Means only (clogit's e(b)) starts the standard deviation at 0.1, not on the saddle"
            + " at 0, and the search reaches the default start's optimum")
    void fromMeansOnly() {
        assertEquals(0, run(), StataSimulator.errorOutput());
        double[] fitted = InStata.b();
        double logLik = Double.parseDouble(StataSimulator.local("jm_ll"));
        String[] names = StataSimulator.local("jm_colnames").split(" ");
        int sd = Arrays.asList(names).indexOf("SD:cl");
        assertTrue(sd >= 0, String.join(" ", names));
        List<String> meanNames = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        for (int j = 0; j < names.length; j++) {
            if (names[j].startsWith("Mean:")) {
                meanNames.add("choice:" + names[j].substring("Mean:".length()));
                means.add(fitted[j]);
            }
        }
        StataSimulator.putMatrix("b0", new double[][] {means.stream().mapToDouble(Double::doubleValue).toArray()},
                null, null);
        locals.put("jm_from", "b0");
        locals.put("jm_from_names", String.join(" ", meanNames));
        locals.put("jm_iterate", "0");
        assertEquals(0, run(), StataSimulator.errorOutput());
        assertEquals(0.1, InStata.b()[sd], 0.0);
        locals.remove("jm_iterate");
        assertEquals(0, run(), StataSimulator.errorOutput());
        assertEquals("1", StataSimulator.local("jm_converged"), StataSimulator.errorOutput());
        assertEquals(logLik, Double.parseDouble(StataSimulator.local("jm_ll")), 1e-6);
        assertEquals(Math.abs(fitted[sd]), Math.abs(InStata.b()[sd]), 1e-3);
    }

    @Test
    @DisplayName("from() with a missing value is an error naming its column, in any mode")
    void fromMissing() {
        assertEquals(0, run(), StataSimulator.errorOutput());
        double[] start = InStata.b();
        String[] names = StataSimulator.local("jm_colnames").split(" ");
        start[2] = StataSimulator.missing();
        StataSimulator.putMatrix("b0", new double[][] {start}, null, names);
        locals.put("jm_from", "b0");
        locals.put("jm_from_names", String.join(" ", names));
        for (String mode : new String[] {"", "skip", "copy"}) {
            locals.put("jm_from_mode", mode);
            assertEquals(198, run(), mode);
            assertTrue(StataSimulator.errorOutput().contains("from(b0): column 3 (" + names[2] + ") is missing"),
                    StataSimulator.errorOutput());
        }
    }

    @Test
    @DisplayName("12-digit household ids and situation ids give the same fit as small ones, bit for bit")
    void largeIds() {
        assertEquals(0, run(), StataSimulator.errorOutput());
        double[] small = InStata.b();
        double[] id = data[1].clone();
        double[] chid = data[9].clone();
        for (int i = 0; i < id.length; i++) {
            id[i] = 100_000_000_000.0 + 7919 * id[i];
            chid[i] = 5_000_000_000.0 + chid[i];
        }
        StataSimulator.addNumericVariable("hhid", id);
        StataSimulator.addNumericVariable("bigchid", chid);
        locals.put("jm_id", "hhid");
        locals.put("jm_group", "bigchid");
        assertEquals(0, run(), StataSimulator.errorOutput());
        assertTrue(Arrays.equals(small, InStata.b()), Arrays.toString(InStata.b()));
    }

    @Test
    @DisplayName("with alternatives(): b and V do not depend on the order of the observations, to the last bit")
    void observationOrder() {
        locals.put("jm_alternatives", "alt");
        assertEquals(0, run(), StataSimulator.errorOutput());
        double[] b = InStata.b();
        double[] v = InStata.v();
        int n = data[0].length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Collections.shuffle(Arrays.asList(order), new java.util.Random(7));
        StataSimulator.reset();
        for (int c = 0; c < ElectricityInStata.COLUMNS.length; c++) {
            double[] column = new double[n];
            for (int i = 0; i < n; i++) {
                column[i] = data[c][order[i]];
            }
            StataSimulator.addNumericVariable(ElectricityInStata.COLUMNS[c], column);
        }
        StataSimulator.setIfCondition(i -> data[1][order[(int) i - 1]] <= FittedInStata.PEOPLE);
        assertEquals(0, run(), StataSimulator.errorOutput());
        assertTrue(Arrays.equals(b, InStata.b()), Arrays.toString(InStata.b()));
        assertTrue(Arrays.equals(v, InStata.v()));
    }

    @Test
    @DisplayName("459: a float id above 2^24 (where float rounds whole numbers together) is refused, naming the way out")
    void floatIds() {
        double[] id = data[1].clone();
        for (int i = 0; i < id.length; i++) {
            id[i] = 20_000_000.0 + 2 * id[i];
        }
        // the same values as double fit; as float (Stata's default type) they are refused
        StataSimulator.addNumericVariable("hhd", id);
        locals.put("jm_id", "hhd");
        assertEquals(0, run(), StataSimulator.errorOutput());
        StataSimulator.addTypedNumericVariable("hhf", com.stata.sfi.Data.TYPE_FLOAT, id);
        locals.put("jm_id", "hhf");
        assertEquals(459, run());
        assertTrue(StataSimulator.errorOutput().contains("Identifier hhf is stored as float and is 20000002 in"
                + " observation 1") && StataSimulator.errorOutput().contains("recast double hhf"),
                StataSimulator.errorOutput());
        // float ids up to 2^24 are exact
        double[] small = data[1].clone();
        StataSimulator.addTypedNumericVariable("idf", com.stata.sfi.Data.TYPE_FLOAT, small);
        locals.put("jm_id", "idf");
        assertEquals(0, run(), StataSimulator.errorOutput());
    }

    @Test
    @DisplayName("vce(cluster x) with a string x: the same V as its numeric codes, and e(N_clust)")
    void stringCluster() {
        double[] code = new double[data[0].length];
        String[] text = new String[code.length];
        for (int i = 0; i < code.length; i++) {
            code[i] = Math.floor(data[1][i] / 3);
            text[i] = "region-" + (char) ('a' + (int) code[i] % 26) + (int) code[i] / 26;
        }
        StataSimulator.addNumericVariable("cnum", code);
        StataSimulator.addStringVariable("cstr", text);
        locals.put("jm_vce", "cluster");
        locals.put("jm_cluster", "cnum");
        assertEquals(0, run(), StataSimulator.errorOutput());
        double[] numeric = InStata.v();
        assertEquals("11", StataSimulator.local("jm_N_clust"), "ids 1..30 in groups of 3: 0..10");
        locals.put("jm_cluster", "cstr");
        assertEquals(0, run(), StataSimulator.errorOutput());
        assertTrue(Arrays.equals(numeric, InStata.v()), "same clusters, same V");
        assertEquals("11", StataSimulator.local("jm_N_clust"));
    }

    @Test
    @DisplayName("header: Wald chi2 = b_M' V_MM^-1 b_M, LR test of the random part with p = exp(-chi2/2) for 2 df")
    void headerTests() {
        locals.put("jm_fixed", "pf loc wk tod");
        locals.put("jm_random", "cl seas");
        assertEquals(0, run(), StataSimulator.errorOutput());
        double[] b = InStata.b();
        double[] v = InStata.v();
        int p = b.length;
        int m = 6;
        double[] vm = new double[m * m];
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < m; c++) {
                vm[r * m + c] = v[r * p + c];
            }
        }
        double[] inverse = PositiveDefinite.inverse(vm, m);
        double w = 0;
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < m; c++) {
                w += b[r] * inverse[r * m + c] * b[c];
            }
        }
        assertEquals(w, Double.parseDouble(StataSimulator.local("jm_chi2")), 1e-9 * w);
        assertEquals("6", StataSimulator.local("jm_df_m"));
        double ll = Double.parseDouble(StataSimulator.local("jm_ll"));
        double llc = Double.parseDouble(StataSimulator.local("jm_ll_c"));
        double lr = Double.parseDouble(StataSimulator.local("jm_chi2_c"));
        assertTrue(llc < ll, "the mixed logit fits better than the fixed-coefficient logit");
        assertEquals(2 * (ll - llc), lr, 1e-9 * lr);
        assertEquals("2", StataSimulator.local("jm_df_c"));
        assertEquals(Math.exp(-lr / 2), Double.parseDouble(StataSimulator.local("jm_p_c")), 1e-12);
        assertEquals(Integer.toString(p), StataSimulator.local("jm_rank"));
    }

    @Test
    @DisplayName("estimator(mss): the simulated log likelihood at a root of the simulated scores has no LR test"
            + " against the fixed-coefficient logit (missing), while the Wald test stays")
    void mssHasNoLikelihoodRatioTest() {
        locals.put("jm_estimator", "mss");
        // scores by importance sampling (accept-reject finds too few posterior draws for some of these people)
        locals.put("jm_draws", "adaptive-halton");
        assertEquals(0, run(), StataSimulator.errorOutput());
        assertTrue(Double.parseDouble(StataSimulator.local("jm_ll")) < 0);
        assertEquals(".", StataSimulator.local("jm_ll_c"));
        assertEquals(".", StataSimulator.local("jm_chi2_c"));
        assertTrue(Double.parseDouble(StataSimulator.local("jm_chi2")) > 0);
    }

    @Test
    @DisplayName("[fweight] asks the engine for frequency weights (robust meat sum w s s', as on the expanded data);"
            + " [pweight] and [iweight] for sampling weights (sum w^2 s s'): same b, different robust V")
    void weightTypes() {
        double[] w = new double[data[0].length];
        for (int i = 0; i < w.length; i++) {
            w[i] = 1 + data[1][i] % 3;
        }
        StataSimulator.addNumericVariable("w", w);
        locals.put("jm_weight", "w");
        locals.put("jm_vce", "robust");
        Map<String, double[]> b = new HashMap<>();
        Map<String, double[]> v = new HashMap<>();
        for (String type : new String[] {"fweight", "pweight", "iweight"}) {
            locals.put("jm_wtype", type);
            assertEquals(0, run(), StataSimulator.errorOutput());
            assertEquals(type.equals("fweight"), StataSimulator.local("jm_options_json")
                    .contains("\"weights\":\"frequency\""), type);
            b.put(type, InStata.b());
            v.put(type, InStata.v());
        }
        assertTrue(Arrays.equals(b.get("fweight"), b.get("pweight")), "the estimates do not depend on the type");
        assertTrue(Arrays.equals(v.get("iweight"), v.get("pweight")));
        assertTrue(v.get("pweight")[0] > 1.2 * v.get("fweight")[0],
                "weights up to 3 squared inflate the sampling meat: " + v.get("pweight")[0] + " vs " + v.get("fweight")[0]);
    }

    @Test
    @DisplayName("the JSON in e() is one line without backquotes or dollar signs, and parses back")
    void oneLineJson() throws Exception {
        assertEquals(0, run(), StataSimulator.errorOutput());
        for (String local : new String[] {"jm_spec_json", "jm_options_json", "jm_saved"}) {
            String s = StataSimulator.local(local);
            assertFalse(s.contains("\n") || s.contains("\r") || s.contains("`") || s.contains("$"), local);
            new ObjectMapper().readTree(s);
        }
        assertEquals("mixlogit-result/1", new ObjectMapper().readTree(StataSimulator.local("jm_saved")).get("format")
                .asText());
        assertEquals("x`y$z", new ObjectMapper().readTree(SavedForm.forStata("{\"a\":\"x`y$z\"}")).get("a").asText());
    }

    @Test
    @DisplayName("threads() is capped at c(processors)")
    void threadsCap() throws Exception {
        locals.put("jm_threads", "8");
        locals.put("jm_maxthreads", "2");
        ElectricityInStata.locals(locals);
        PluginOptions options = new PluginOptions(new SfiSession());
        assertEquals(2, new ObjectMapper().readTree(options.optionsJson()).get("threads").asInt());
        locals.put("jm_threads", "0");
        ElectricityInStata.locals(locals);
        assertEquals(Math.min(2, Runtime.getRuntime().availableProcessors()),
                new PluginOptions(new SfiSession()).threads());
    }

    @Test
    @DisplayName("908: e(V) larger than c(max_matdim), before estimating")
    void matrixLimit() {
        locals.put("jm_maxdim", "5");
        assertEquals(908, run());
        assertTrue(StataSimulator.errorOutput().contains("e(V) would be 7 x 7")
                && StataSimulator.errorOutput().contains("at most 5"), StataSimulator.errorOutput());
        assertFalse(StataSimulator.hasMatrix(InStata.B));
    }

    @Test
    @DisplayName("a saved form longer than c(macrolen) goes to a file in c(tmpdir); post-estimation reads it there")
    void savedFormInAFile(@org.junit.jupiter.api.io.TempDir File dir) {
        StataSimulator.addStringVariable("region", FittedInStata.regions(data));
        locals.put("jm_alternatives", "alt");
        locals.put("jm_market", "region");
        assertEquals(0, run(), StataSimulator.errorOutput());
        String inMacro = StataSimulator.local("jm_saved");
        locals.put("jm_macrolen", "2000");
        locals.put("jm_tmpdir", dir.getPath());
        assertEquals(0, run(), StataSimulator.errorOutput());
        assertEquals("", StataSimulator.local("jm_saved"));
        String file = StataSimulator.local("jm_saved_file");
        assertTrue(new File(file).isFile() && file.startsWith(dir.getPath()), file);
        Map<String, String> post = new HashMap<>();
        post.put("jm_saved_file", file);
        post.put("jm_replicates", "0");
        FittedInStata.install("", post);
        assertEquals(0, JMixlogit.diversion(new String[0]), StataSimulator.errorOutput());
        double[][] fromFile = InStata.statistic("D");
        FittedInStata.install(inMacro, post);
        StataSimulator.putLocal("jm_saved_file", "");
        assertEquals(0, JMixlogit.diversion(new String[0]), StataSimulator.errorOutput());
        assertTrue(Arrays.deepEquals(fromFile, InStata.statistic("D")));
    }

    @Test
    @DisplayName("198: a variable both in rand() and ln()")
    void normalAndLognormal() {
        locals.put("jm_ln", "cl");
        assertEquals(198, run());
        assertTrue(StataSimulator.errorOutput().contains("cl is listed in rand() and in ln()"),
                StataSimulator.errorOutput());
    }
}
