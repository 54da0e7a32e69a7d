package org.mixlogit.stata;

import java.util.HashMap;
import java.util.Map;

import com.stata.sfi.Data;
import com.stata.sfi.StataSimulator;

import org.mixlogit.bridge.BridgePost;
import org.mixlogit.bridge.MixlogitBridge;

/**
 * jmixlogit run once through the plugin on the first 30 Electricity respondents with alternatives(alt) and a
 * string market(region) (north for odd respondents, south for even), and the state _jmixlogit_post.ado leaves
 * before a post-estimation javacall: the data and the jm_* locals from e(), the saved form of the fit among them.
 * b and V are those Java wrote (Stata's order, which is the engine's for this model).
 */
final class FittedInStata {
    static final String FIXED = "pf loc wk tod seas";
    static final String RANDOM = "cl";
    static final int PEOPLE = 30;
    final double[] b;
    final double[] v;
    final String specJson;
    final String optionsJson;
    final String colnames;
    /** e(saved): the saved form of the fit. */
    final String saved;

    private FittedInStata(double[] b, double[] v, String specJson, String optionsJson, String colnames,
            String saved) {
        this.b = b;
        this.v = v;
        this.specJson = specJson;
        this.optionsJson = optionsJson;
        this.colnames = colnames;
        this.saved = saved;
    }

    static FittedInStata estimate() {
        return estimate(new HashMap<>());
    }

    /** As {@link #estimate()}, with more jm_* locals (estimator(msm), say). */
    static FittedInStata estimate(Map<String, String> extra) {
        double[][] data = load();
        boolean[] touse = sample(data);
        StataSimulator.setIfCondition(touse);
        Map<String, String> locals = smallModel();
        locals.put("jm_alternatives", "alt");
        locals.put("jm_market", "region");
        locals.putAll(extra);
        ElectricityInStata.locals(locals);
        int rc = JMixlogit.estimate(new String[0]);
        if (rc != 0) {
            throw new IllegalStateException("estimation failed: " + StataSimulator.errorOutput());
        }
        return new FittedInStata(InStata.b(), InStata.v(), StataSimulator.local("jm_spec_json"),
                StataSimulator.local("jm_options_json"), StataSimulator.local("jm_colnames"),
                StataSimulator.local("jm_saved"));
    }

    /**
     * The jm_* locals of the tests' small model (a new map): choice on pf, loc, wk, tod and seas fixed and cl normal,
     * panel by id, R = 20, one thread.
     */
    static Map<String, String> smallModel() {
        Map<String, String> locals = new HashMap<>();
        locals.put("jm_depvar", "choice");
        locals.put("jm_fixed", FIXED);
        locals.put("jm_random", RANDOM);
        locals.put("jm_group", "chid");
        locals.put("jm_id", "id");
        locals.put("jm_nrep", "20");
        locals.put("jm_threads", "1");
        return locals;
    }

    /** Electricity plus region, as Stata variables (simulator reset). */
    static double[][] load() {
        double[][] data = ElectricityInStata.load();
        StataSimulator.addStringVariable("region", regions(data));
        return data;
    }

    static String[] regions(double[][] data) {
        String[] region = new String[data[0].length];
        for (int i = 0; i < region.length; i++) {
            region[i] = ((long) data[1][i]) % 2 == 1 ? "north" : "south";
        }
        return region;
    }

    static boolean[] sample(double[][] data) {
        boolean[] touse = new boolean[data[0].length];
        for (int i = 0; i < touse.length; i++) {
            touse[i] = data[1][i] <= PEOPLE;
        }
        return touse;
    }

    /** The locals of a post-estimation call on the estimation sample, plus the given locals. */
    void install(Map<String, String> given) {
        install(saved, given);
    }

    /**
     * The state _jmixlogit_post.ado leaves before javacall: the jm_* locals from e() of a fit on the test data
     * (market {@code region}) with the saved form {@code saved}, plus the given locals.
     */
    static void install(String saved, Map<String, String> given) {
        Map<String, String> locals = new HashMap<>();
        locals.put("jm_depvar", "choice");
        locals.put("jm_group", "chid");
        locals.put("jm_id", "id");
        locals.put("jm_alternatives", "alt");
        locals.put("jm_market", "region");
        locals.put("jm_saved", saved);
        locals.put("jm_mnames", InStata.MATRIX_NAMES);
        locals.putAll(given);
        for (String local : PostOptions.LOCALS) {
            StataSimulator.putLocal(local, locals.getOrDefault(local, ""));
        }
    }

    /** A new double variable of missing values, as predict's generate makes it. */
    static void newVariable(String name, int observations) {
        double[] missing = new double[observations];
        java.util.Arrays.fill(missing, StataSimulator.missing());
        StataSimulator.addTypedNumericVariable(name, Data.TYPE_DOUBLE, missing);
    }

    /** The engine's post-estimation on the estimation sample, through the facade, from the test's own arrays. */
    BridgePost engine(double[][] data, boolean withCovariance, String postOptionsJson) {
        boolean[] touse = sample(data);
        String[] region = regions(data);
        int m = 0;
        for (boolean t : touse) {
            m += t ? 1 : 0;
        }
        String[] names = (FIXED + " " + RANDOM).split(" ");
        int[] columns = {3, 5, 6, 7, 8, 4};
        int[] situation = new int[m];
        int[] person = new int[m];
        double[] chosen = new double[m];
        double[] x = new double[m * names.length];
        String[] alternatives = new String[m];
        String[] markets = new String[m];
        int r = 0;
        for (int i = 0; i < touse.length; i++) {
            if (!touse[i]) {
                continue;
            }
            situation[r] = (int) data[9][i];
            person[r] = (int) data[1][i];
            chosen[r] = data[0][i];
            for (int c = 0; c < columns.length; c++) {
                x[c * m + r] = data[columns[c]][i];
            }
            alternatives[r] = Long.toString((long) data[2][i]);
            markets[r] = region[i];
            r++;
        }
        return MixlogitBridge.post(situation, person, chosen, names, x, new String[0], new double[0], new double[0],
                alternatives, markets, specJson, optionsJson, b, withCovariance ? v : new double[0], postOptionsJson);
    }
}
