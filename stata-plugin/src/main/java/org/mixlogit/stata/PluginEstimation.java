package org.mixlogit.stata;

import java.util.Locale;

import org.mixlogit.bridge.BridgeFit;
import org.mixlogit.bridge.MixlogitBridge;

/**
 * One {@code javacall ... estimate} run: reads the options and the marked sample, estimates through the bridge
 * (printing the iteration log and polling for Break), stores b and V in the matrices named by the arguments,
 * leaves the scalars and the column stripe in locals, and maps every failure to a Stata return code after
 * printing its message.
 */
final class PluginEstimation {
    private final StataSession stata;

    PluginEstimation(StataSession stata) {
        this.stata = stata;
    }

    /** Scalars holding b and V: {@code jm_b_j} and {@code jm_V_i_j} (1-based), assembled by the ado-file. */
    static final String B_PREFIX = "jm_b_";
    static final String V_PREFIX = "jm_V_";
    /** The locals the plugin sets for the ado-file after a successful estimation. */
    static final java.util.List<String> RESULT_LOCALS = java.util.Arrays.asList("jm_colnames", "jm_ll", "jm_ll_0",
            "jm_N_id", "jm_N_g", "jm_k", "jm_converged", "jm_iterations", "jm_spec_json", "jm_options_json",
            "jm_method", "jm_vcetype", "jm_gmm_criterion", "jm_J", "jm_J_df", "jm_J_p", "jm_W_cond",
            "jm_weighting_used", "jm_instrument_names");

    /** @param args none (options travel in the caller's locals) */
    int run(String[] args) {
        return ReturnCode.guard(stata, "lower nrep() or threads(), or give Java more memory (set java_heapmax).",
                () -> estimate(args));
    }

    private ReturnCode estimate(String[] args) {
        PluginOptions options = new PluginOptions(stata);
        StataSample sample = new StataSample(stata, options.sampleVariables());
        boolean[] interrupted = {false};
        String specJson = options.specJson();
        String optionsJson = options.optionsJson();
        if (options.msm) {
            stata.display("Method of simulated moments: instruments(" + (options.instrumentKeyword != null
                    ? options.instrumentKeyword : String.join(" ", options.instruments)) + "), " + options.weighting
                    + " weighting");
        }
        BridgeFit fit = MixlogitBridge.fit(sample.situation, sample.decisionMaker, sample.chosen,
                sample.attributeNames, sample.attributes, sample.characteristicNames, sample.characteristics,
                sample.weights, sample.alternatives, sample.markets, specJson, optionsJson,
                (iteration, logLik, gradient) -> {
                    // MSM minimizes the GMM criterion (after an MSLE first step for the optimal instruments), so
                    // its log shows the minimized objective rather than a log likelihood
                    stata.display(options.msm
                            ? String.format(Locale.ROOT, "Iteration %d:   objective = %.6g", iteration, -logLik)
                            : String.format(Locale.ROOT, "Iteration %d:   log likelihood = %.6f", iteration, logLik));
                    if (stata.breakPressed()) {
                        interrupted[0] = true;
                        return false;
                    }
                    return true;
                });
        if (interrupted[0]) {
            stata.error("--Break--");
            return ReturnCode.BREAK;
        }
        if (fit.statistic("converged") != 1) {
            stata.error("convergence not achieved: " + fit.description("message"));
            return ReturnCode.NOT_CONVERGED;
        }
        String vce = fit.vce();
        if (!fit.hasCovariance(vce)) {
            stata.error("No " + vce + " covariance: " + fit.covarianceProblem(vce) + ". " + fit.description("certification")
                    + " Try other starting values (from() or starts()), or drop a variable that is not identified.");
            return ReturnCode.NOT_POSITIVE_DEFINITE;
        }
        store(fit, vce);
        // what post-estimation (predict, jmixlogit_diversion, ...) needs to rebuild the model; the ado keeps it in e()
        stata.setLocal("jm_spec_json", specJson);
        stata.setLocal("jm_options_json", optionsJson);
        return ReturnCode.OK;
    }

    private void store(BridgeFit fit, String vce) {
        double[] estimates = fit.estimates();
        double[] covariance = fit.covariance(vce);
        int p = estimates.length;
        for (int j = 0; j < p; j++) {
            stata.setScalar(B_PREFIX + (j + 1), estimates[j]);
            for (int i = 0; i < p; i++) {
                stata.setScalar(V_PREFIX + (i + 1) + "_" + (j + 1), covariance[i * p + j]);
            }
        }
        stata.setLocal("jm_colnames", Stripes.of(fit.names(), fit.kinds()));
        stata.setLocal("jm_ll", Double.toString(fit.statistic("logLik")));
        stata.setLocal("jm_ll_0", Double.toString(fit.statistic("nullLogLik")));
        stata.setLocal("jm_N_id", Long.toString(Math.round(fit.statistic("decisionMakers"))));
        stata.setLocal("jm_N_g", Long.toString(Math.round(fit.statistic("situations"))));
        stata.setLocal("jm_k", Integer.toString(p));
        stata.setLocal("jm_converged", fit.statistic("converged") == 1 ? "1" : "0");
        stata.setLocal("jm_iterations", Long.toString(Math.round(fit.statistic("iterations"))));
        stata.setLocal("jm_method", fit.method().toLowerCase(Locale.ROOT));
        stata.setLocal("jm_vcetype", vce);
        storeGmm(fit);
    }

    /**
     * The MSM diagnostics in locals ("." where undefined, as for Hansen's J of an exactly identified or one-step
     * estimate; all "." and empty names after MSLE). Instrument names become single words (spaces as underscores).
     */
    private void storeGmm(BridgeFit fit) {
        stata.setLocal("jm_gmm_criterion", stataNumber(fit.gmmStatistic("criterion")));
        stata.setLocal("jm_J", stataNumber(fit.gmmStatistic("J")));
        stata.setLocal("jm_J_df", stataNumber(fit.gmmStatistic("df")));
        stata.setLocal("jm_J_p", stataNumber(fit.gmmStatistic("p")));
        stata.setLocal("jm_W_cond", stataNumber(fit.gmmStatistic("weightingCondition")));
        double twoStep = fit.gmmStatistic("twoStep");
        stata.setLocal("jm_weighting_used", Double.isNaN(twoStep) ? "" : twoStep == 1 ? "twostep" : "onestep");
        StringBuilder names = new StringBuilder();
        for (String z : fit.instruments()) {
            names.append(names.length() == 0 ? "" : " ").append(z.trim().replaceAll("\\s+", "_"));
        }
        stata.setLocal("jm_instrument_names", names.toString());
    }

    /** A number as Stata reads it back with full precision; "." for NaN and infinities. */
    static String stataNumber(double x) {
        return Double.isFinite(x) ? Double.toString(x) : ".";
    }
}
