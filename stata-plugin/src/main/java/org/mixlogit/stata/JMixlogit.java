package org.mixlogit.stata;

import org.mixlogit.bridge.MixlogitBridge;
import org.mixlogit.bridge.Vocabulary;

/**
 * The javacall entry points of jmixlogit.ado:
 * <ul>
 * <li>{@code javacall org.mixlogit.stata.JMixlogit version, jars(jmixlogit.jar)} sets local {@code jm_version};
 * Stata keeps one JVM per session, so the ado compares it with its own version and asks for a restart when a
 * new jar was installed into a running Stata. It also sets {@code jm_vocabulary} to the engine's vocabulary as
 * JSON (its lists of codes and its defaults; see {@link Vocabulary});</li>
 * <li>{@code javacall org.mixlogit.stata.JMixlogit options, jars(jmixlogit.jar)} judges the option words in the
 * caller's {@link OptionWords#LOCALS} against the engine's vocabulary, fills in the engine's defaults and writes
 * back Stata's words (and {@code jm_instvars}); an invalid word is return code 198 after a message naming the
 * option and its valid words;</li>
 * <li>{@code javacall org.mixlogit.stata.JMixlogit estimate varlist if touse, jars(jmixlogit.jar)} estimates with
 * the options in the caller's {@code jm_*} locals (see {@link PluginOptions#LOCALS}) and returns a Stata return
 * code, having written e(b) and e(V) into the matrices the ado named;</li>
 * <li>{@code javacall org.mixlogit.stata.JMixlogit predict|diversion|elasticities|wtp varlist if touse,
 * jars(jmixlogit.jar)} and {@code ... cov}, from _jmixlogit_post.ado after jmixlogit, restore the fit from its
 * saved form in e() (passed in the {@code jm_*} locals of {@link PostOptions#LOCALS}) and fill a variable or write
 * r() matrices.</li>
 * </ul>
 * Nothing is kept between calls.
 */
public final class JMixlogit {
    /** The entry-point methods the ado-file calls. */
    static final String[] ENTRY_POINTS = {"version", "options", "estimate", "predict", "diversion", "elasticities",
        "wtp", "cov"};

    private JMixlogit() {
    }

    public static int version(String[] args) {
        SfiSession stata = new SfiSession();
        return ReturnCode.guard(stata, "give Java more memory (set java_heapmax).", () -> {
            stata.setLocal("jm_version", MixlogitBridge.VERSION);
            stata.setLocal("jm_vocabulary", SavedForm.forStata(MixlogitBridge.vocabulary()));
            return ReturnCode.OK;
        });
    }

    public static int options(String[] args) {
        return options(new SfiSession());
    }

    static int options(StataSession stata) {
        return ReturnCode.guard(stata, "give Java more memory (set java_heapmax).", () -> {
            new OptionWords(stata).write(stata);
            return ReturnCode.OK;
        });
    }

    public static int estimate(String[] args) {
        return new PluginEstimation(new SfiSession()).run(args);
    }

    public static int predict(String[] args) {
        return new PluginPost(new SfiSession()).predict();
    }

    public static int diversion(String[] args) {
        return new PluginPost(new SfiSession()).diversion();
    }

    public static int elasticities(String[] args) {
        return new PluginPost(new SfiSession()).elasticities();
    }

    public static int wtp(String[] args) {
        return new PluginPost(new SfiSession()).wtp();
    }

    public static int cov(String[] args) {
        return new PluginPost(new SfiSession()).cov();
    }
}
