package org.mixlogit.stata;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.mixlogit.bridge.BridgeFit;
import org.mixlogit.bridge.MixlogitBridge;
import org.mixlogit.io.ModelSpecJson;

/**
 * One {@code javacall ... estimate} run: reads the options and the marked sample, estimates through the bridge
 * (printing the iteration log unless nolog, and polling for Break), writes b and V into the Stata matrices the
 * ado-file named ({@code jm_bname}, {@code jm_Vname}; Hole's order and simple names, see {@link StataLayout}),
 * leaves the other results in locals ({@link #RESULT_LOCALS}; numbers full precision, "." where undefined), and
 * maps every failure to a Stata return code after printing its message. A fit that did not converge is posted
 * too, with {@code jm_converged} 0, as Stata's ml does; so is {@code iterate(0)}, the evaluation at the starting
 * values.
 */
final class PluginEstimation {
    private final StataSession stata;

    PluginEstimation(StataSession stata) {
        this.stata = stata;
    }

    /** The locals the plugin sets for the ado-file after a successful estimation. */
    static final List<String> RESULT_LOCALS = Collections.unmodifiableList(Arrays.asList("jm_coleq", "jm_colnames",
            "jm_ll", "jm_ll_0", "jm_ll_c", "jm_chi2", "jm_df_m", "jm_p", "jm_chi2_c", "jm_df_c", "jm_p_c", "jm_N_id",
            "jm_N_g", "jm_N_clust", "jm_k", "jm_rank", "jm_converged", "jm_certified", "jm_iterations",
            "jm_spec_json", "jm_options_json", "jm_saved", "jm_saved_file", "jm_fit_warning", "jm_method",
            "jm_vcetype", "jm_threads_used", "jm_gmm_criterion", "jm_J", "jm_J_df", "jm_J_p", "jm_W_cond",
            "jm_weighting_used", "jm_instrument_names", "jm_nclasses_used", "jm_k_share", "jm_aic", "jm_bic",
            "jm_caic", "jm_boundaries", "jm_em_starts", "jm_em_iterations", "jm_ll_em", "jm_n_optima",
            "jm_certification", "jm_integration"));

    /** @param args none (options travel in the caller's locals) */
    int run(String[] args) {
        return ReturnCode.guard(stata, "lower nrep() or threads(), or give Java more memory (set java_heapmax).",
                this::estimate);
    }

    private ReturnCode estimate() {
        PluginOptions options = new PluginOptions(stata);
        StataSample sample = new StataSample(stata, options.sampleVariables());
        try {
            return estimate(options, sample);
        } catch (org.mixlogit.MixlogitException e) {
            throw sample.inStataTerms(e);
        }
    }

    private ReturnCode estimate(PluginOptions options, StataSample sample) {
        boolean[] interrupted = {false};
        String specJson = options.specJson();
        String optionsJson = options.optionsJson();
        MatrixOutput matrices = new MatrixOutput(stata);
        int p = options.spec().layout().size();
        matrices.check("e(V)", p, p, "use fewer random coefficients or drop corr.");
        if (options.msm) {
            stata.display("Method of simulated moments: instruments(" + (options.instrumentKeyword != null
                    ? options.instrumentKeyword : String.join(" ", options.instruments)) + "), " + options.weighting
                    + " weighting");
        }
        MixlogitBridge.Progress progress = progress(options, interrupted);
        BridgeFit[] range = options.classRange() ? fitRange(options, sample, specJson, optionsJson, progress,
                interrupted) : null;
        BridgeFit fit = range != null ? null : MixlogitBridge.fit(sample.situation, sample.decisionMaker,
                sample.chosen, sample.attributeNames, sample.attributes, sample.characteristicNames,
                sample.characteristics, sample.weights, sample.alternatives, sample.markets, specJson, optionsJson,
                progress);
        if (interrupted[0]) {
            stata.error("--Break--");
            return ReturnCode.BREAK;
        }
        if (range != null) {
            // lclogit2's model selection: the table of every fit, the one with the smallest BIC posted
            fit = range[BridgeFit.bestByBic(range)];
            specJson = fit.specJson();
            p = ModelSpecJson.read(specJson).layout().size();
        }
        String vce = fit.vce();
        if (!fit.hasCovariance(vce)) {
            stata.error((fit.statistic("converged") == 1 ? "" : "convergence not achieved: "
                    + fit.description("message") + " ") + "No " + vce + " covariance: " + fit.covarianceProblem(vce)
                    + ". " + fit.description("certification") + " Try other starting values (from() or starts()),"
                    + " or drop a variable that is not identified.");
            return ReturnCode.NOT_POSITIVE_DEFINITE;
        }
        StataLayout layout = new StataLayout(fit.names(), fit.kinds());
        double[] b = layout.toStata(fit.estimates());
        double[] v = layout.matrixToStata(fit.covariance(vce));
        String[] names = layout.names().toArray(new String[0]);
        matrices.write("e(b)", stata.local("jm_bname").trim(), 1, p, b, new String[] {"y1"}, names, "");
        matrices.write("e(V)", stata.local("jm_Vname").trim(), p, p, v, names, names, "");
        stata.setLocal("jm_coleq", String.join(" ", layout.equations()));
        stata.setLocal("jm_colnames", layout.stripes());
        storeStatistics(fit, layout, b, v, sample);
        storeOptima(fit);
        stata.setLocal("jm_method", fit.method().toLowerCase(Locale.ROOT));
        stata.setLocal("jm_vcetype", vce);
        stata.setLocal("jm_threads_used", Integer.toString(options.threads()));
        storeGmm(fit);
        LatentClassOutput latent = new LatentClassOutput(stata);
        latent.store(fit, ModelSpecJson.read(specJson));
        latent.storeSelection(range);
        // the saved form (e(saved)) is what post-estimation restores; the model and options also stay readable
        stata.setLocal("jm_spec_json", SavedForm.forStata(specJson));
        stata.setLocal("jm_options_json", SavedForm.forStata(optionsJson));
        SavedForm.store(stata, fit.compactJson());
        String warning = org.mixlogit.report.SavedResult.warning(fit.statistic("converged") == 1,
                fit.statistic("certified") == 1, fit.description("status"));
        stata.setLocal("jm_fit_warning", plain(warning));
        return ReturnCode.OK;
    }

    /**
     * The iteration log (unless nolog) and the poll for Break: after a Break every later call stops too (each fit of
     * a range of classes), with {@code interrupted[0]} set (Modified).
     */
    private MixlogitBridge.Progress progress(PluginOptions options, boolean[] interrupted) {
        return (iteration, logLik, gradient) -> {
            // MSM minimizes the GMM criterion (after an MSLE first step for the optimal instruments), so its log
            // shows the minimized objective rather than a log likelihood
            if (options.log) {
                stata.display(options.msm
                        ? String.format(Locale.ROOT, "Iteration %d:   objective = %.6g", iteration, -logLik)
                        : String.format(Locale.ROOT, "Iteration %d:   log likelihood = %.6f", iteration, logLik));
            }
            if (interrupted[0] || stata.breakPressed()) {
                interrupted[0] = true;
                return false;
            }
            return true;
        };
    }

    /**
     * nclasses(A/B): a fit for each number of classes from A to B through the bridge's range (each with its own
     * iteration log under a heading), or those up to a Break.
     */
    private BridgeFit[] fitRange(PluginOptions options, StataSample sample, String specJson, String optionsJson,
            MixlogitBridge.Progress progress, boolean[] interrupted) {
        BridgeFit[] range = new BridgeFit[options.classes - options.classesFrom + 1];
        for (int c = options.classesFrom; c <= options.classes && !interrupted[0]; c++) {
            stata.display("Latent class model with " + c + (c == 1 ? " class" : " classes")
                    + (options.log ? ":" : ""));
            range[c - options.classesFrom] = MixlogitBridge.fitClassRange(sample.situation, sample.decisionMaker,
                    sample.chosen, sample.attributeNames, sample.attributes, sample.characteristicNames,
                    sample.characteristics, sample.weights, sample.alternatives, sample.markets, specJson,
                    optionsJson, c, c, progress)[0];
        }
        return range;
    }

    private void storeStatistics(BridgeFit fit, StataLayout layout, double[] b, double[] v, StataSample sample) {
        // after MSM (a GMM minimum) and MSS (a root of the simulated scores) the simulated log-likelihood at the
        // estimate is no maximum: no likelihood-ratio test against the fixed-coefficient logit
        boolean maximum = !fit.method().equalsIgnoreCase("MSM") && !fit.method().equalsIgnoreCase("MSS");
        double ll = fit.statistic("logLik");
        HeaderTests tests = new HeaderTests(b, v, layout, maximum ? ll : Double.NaN,
                fit.statistic("plainLogitLogLik"));
        stata.setLocal("jm_ll", stataNumber(ll));
        stata.setLocal("jm_ll_0", stataNumber(fit.statistic("nullLogLik")));
        stata.setLocal("jm_ll_c", stataNumber(maximum ? fit.statistic("plainLogitLogLik") : Double.NaN));
        stata.setLocal("jm_chi2", stataNumber(tests.chi2));
        stata.setLocal("jm_df_m", Integer.toString(tests.dfModel));
        stata.setLocal("jm_p", stataNumber(tests.p));
        stata.setLocal("jm_chi2_c", stataNumber(tests.chi2Random));
        stata.setLocal("jm_df_c", Integer.toString(tests.dfRandom));
        stata.setLocal("jm_p_c", stataNumber(tests.pRandom));
        stata.setLocal("jm_N_id", stataNumber(Math.round(fit.statistic("decisionMakers"))));
        stata.setLocal("jm_N_g", stataNumber(Math.round(fit.statistic("situations"))));
        stata.setLocal("jm_N_clust", sample.clusters < 0 ? "." : Integer.toString(sample.clusters));
        stata.setLocal("jm_k", Integer.toString(b.length));
        stata.setLocal("jm_rank", Integer.toString(rank(v, b.length)));
        stata.setLocal("jm_converged", fit.statistic("converged") == 1 ? "1" : "0");
        stata.setLocal("jm_certified", fit.statistic("certified") == 1 ? "1" : "0");
        stata.setLocal("jm_iterations", stataNumber(Math.round(fit.statistic("iterations"))));
    }

    /**
     * The distinct optima of the starts into the matrix the ado named in {@code jm_optname} (rows opt1, opt2, ...,
     * best first; columns ll, starts, gradient, converged), their number in {@code jm_n_optima} (0: no matrix),
     * and the certification of the best in words in {@code jm_certification}.
     */
    private void storeOptima(BridgeFit fit) {
        double[] optima = fit.optima();
        int k = optima.length / 4;
        stata.setLocal("jm_n_optima", Integer.toString(k));
        stata.setLocal("jm_certification", plain(fit.description("certification")));
        stata.setLocal("jm_integration", plain(fit.description("integration")));
        if (k == 0) {
            return;
        }
        String[] rows = new String[k];
        for (int i = 0; i < k; i++) {
            rows[i] = "opt" + (i + 1);
        }
        new MatrixOutput(stata).write("e(optima)", stata.local("jm_optname").trim(), k, 4, optima, rows,
                new String[] {"ll", "starts", "gradient", "converged"}, "");
    }

    /** Number of eigenvalues of V above 1e-12 times the largest (p for a positive definite V). */
    static int rank(double[] v, int p) {
        double[] e = org.mixlogit.inference.PositiveDefinite.eigenvalues(v, p);
        double largest = p == 0 ? 0 : Math.abs(e[p - 1]);
        int r = 0;
        for (double x : e) {
            r += x > 1e-12 * largest ? 1 : 0;
        }
        return r;
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
        if (!Double.isFinite(x)) {
            return ".";
        }
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    /**
     * Text safe inside a Stata string shown by {@code display}: no double quotes, backquotes, dollar signs, line
     * breaks, or braces (SMCL would read them as directives).
     */
    static String plain(String s) {
        return s.replace('"', '\'').replace('`', '\'').replace('$', 'S').replace('{', '(').replace('}', ')')
                .replaceAll("\\s+", " ").trim();
    }
}
