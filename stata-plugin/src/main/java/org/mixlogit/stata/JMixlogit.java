package org.mixlogit.stata;

import org.mixlogit.bridge.MixlogitBridge;

/**
 * The javacall entry points of jmixlogit.ado:
 * <ul>
 * <li>{@code javacall org.mixlogit.stata.JMixlogit version, jars(jmixlogit.jar)} sets local {@code jm_version};
 * Stata keeps one JVM per session, so the ado compares it with its own version and asks for a restart when a
 * new jar was installed into a running Stata;</li>
 * <li>{@code javacall org.mixlogit.stata.JMixlogit estimate varlist if touse, jars(jmixlogit.jar)} estimates with
 * the options in the caller's {@code jm_*} locals (see {@link PluginOptions#LOCALS}) and returns a Stata return
 * code;</li>
 * <li>{@code javacall org.mixlogit.stata.JMixlogit predict|diversion|elasticities varlist if touse,
 * jars(jmixlogit.jar)}, from _jmixlogit_post.ado after jmixlogit, rebuild the model from e() (passed in the
 * {@code jm_*} locals of {@link PostOptions#LOCALS}) and fill a variable or leave matrices as scalars.</li>
 * </ul>
 * Nothing is kept between calls.
 */
public final class JMixlogit {
    /** The entry-point methods the ado-file calls. */
    static final String[] ENTRY_POINTS = {"version", "estimate", "predict", "diversion", "elasticities"};

    private JMixlogit() {
    }

    public static int version(String[] args) {
        new SfiSession().setLocal("jm_version", MixlogitBridge.VERSION);
        return 0;
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
}
