package org.mixlogit.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.estimation.DiagnosticsConfig;
import org.mixlogit.estimation.EstimationMethod;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.estimation.Estimator;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.estimation.InferenceConfig;
import org.mixlogit.estimation.MethodConfig;
import org.mixlogit.estimation.SearchConfig;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.io.CsvLayout;
import org.mixlogit.io.ModelSpecJson;
import org.mixlogit.msm.InstrumentChoice;
import org.mixlogit.msm.MsmConfig;
import org.mixlogit.msm.Weighting;
import org.mixlogit.optim.Algorithm;
import org.mixlogit.optim.OptimizerConfig;
import org.mixlogit.report.ResultJson;
import org.mixlogit.report.SavedResult;
import org.mixlogit.bridge.EstimationOptions;
import org.mixlogit.report.ResultTable;
import org.mixlogit.simulation.Backend;
import org.mixlogit.spec.CoefficientSpec;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/** {@code mixlogit estimate}: reads a CSV file, builds the model from the options, estimates, prints. */
final class EstimateCommand {
    static final Set<String> OPTIONS = new HashSet<>(Arrays.asList("data", "choice", "group", "id", "fixed", "random",
            "correlated", "heterogeneity", "weights", "draws", "R", "seed", "burn", "starts", "optimizer", "vce",
            "threads", "json", "spec", "level", "points", "conf-level", "max-iterations", "integration-check",
            "reestimate", "method", "instruments", "weighting", "alt", "market", "cache-bytes", "engine",
            "classes", "membership", "common", "proposal", "weight-type"));
    static final Set<String> FLAGS = new HashSet<>(Arrays.asList("quiet", "help"));
    /** Gauss-Hermite points per dimension (gh, agh) unless --points or --R says otherwise. */
    static final int DEFAULT_POINTS = 10;
    /** Sparse-grid accuracy level (sparse, sparse-gh) unless --level or --R says otherwise. */
    static final int DEFAULT_LEVEL = 5;
    /** The engine's defaults, which an omitted option takes (the same as the bridge's and the vocabulary's). */
    private static final EstimatorConfig DEFAULTS = EstimatorConfig.defaults();

    private EstimateCommand() {
    }

    /** @return the exit code: 0 converged, 1 not converged */
    static int run(String[] args, PrintStream out, PrintStream err, EstimationEngine engine) {
        StageClock clock = StageClock.fromEnvironment(err);
        clock.mark("estimate command entered");
        Options o = Options.parse(args, OPTIONS, FLAGS);
        if (o.flag("help")) {
            out.print(Help.estimate());
            return 0;
        }
        checkEngine(o.get("engine", EstimationEngine.LOCAL.name()), engine);
        String location = o.required("data", "the CSV file with one row per alternative per situation");
        Path file = engine.readsLocalFiles() ? Paths.get(location) : null;
        new CommandFiles().input("data", file).input("spec", o.has("spec") ? Paths.get(o.get("spec", "")) : null)
                .output("json", o.get("json", null)).check();
        ClassOptions classes = ClassOptions.parse(o);
        ModelSpec spec = classes.apply(spec(o));
        CovarianceChoice vce = CovarianceChoice.parse(o.get("vce", DEFAULTS.inference().covariance().code()));
        EstimatorConfig config = config(o, vce);
        if (spec.isLatentClass() && config.method().type() == EstimationMethod.MSM) {
            throw new UsageException("--classes is estimated by maximum likelihood (EM, then direct ML): drop"
                    + " --method msm.");
        }
        CsvLayout layout = layout(o, spec, vce.cluster, config.method().msm().columns());
        ChoiceData data = engine.forEstimation(engine.read(location, layout), spec, config);
        clock.mark("data read");
        if (classes.isRange()) {
            if (file == null) {
                throw new UsageException("--classes A:B (model selection) runs on the local engine only: drop --engine"
                        + " " + o.get("engine", "") + " or give one number of classes.");
            }
            return ClassOptions.selectAndReport(data, SavedData.file(file, layout), spec, classes, config,
                    o.get("json", null), o.flag("quiet"), out, err);
        }
        return estimateAndReport(data, SavedData.read(engine, location, layout), spec, config,
                engine.backend(config.threads()), o.get("json", null), o.flag("quiet"), out, err, clock);
    }

    /** --engine NAME must be the engine this process runs; Spark's lives in its own module. */
    static void checkEngine(String asked, EstimationEngine engine) {
        if (asked.equals(engine.name())) {
            return;
        }
        if (asked.equals("spark")) {
            throw new UsageException("--engine spark needs the mixlogit-spark module and Spark's jars: run"
                    + " ./mixlogit from the repository after building (mvn -B -ntp package -DskipTests; the launcher"
                    + " adds them), or on a cluster spark-submit mixlogit-spark.jar (main class SparkMain, see the"
                    + " README) with the same command and options.");
        }
        throw new UsageException("--engine " + asked + ": use local" + (engine == EstimationEngine.LOCAL
                ? " (the default) or spark." : " or " + engine.name() + " (this process runs " + engine.name()
                + ")."));
    }

    static int estimateAndReport(ChoiceData data, SavedData source, ModelSpec spec, EstimatorConfig config,
            String json, boolean quiet, PrintStream out, PrintStream err) {
        return estimateAndReport(data, source, spec, config, Backend.local(config.threads()), json, quiet, out, err,
                StageClock.fromEnvironment(err));
    }

    /**
     * @param source where the data came from, recorded in the JSON; null when it cannot be reloaded
     * @param clock marks the iterations and the stages after them (see {@link StageClock})
     */
    static int estimateAndReport(ChoiceData data, SavedData source, ModelSpec spec, EstimatorConfig config,
            Backend backend, String json, boolean quiet, PrintStream out, PrintStream err, StageClock clock) {
        if (!quiet) {
            err.println("Estimating " + spec + " on " + data + " with " + config.integration().draws() + " "
                    + config.integration().type() + " draws, " + backend + ".");
        }
        // MSM: the first step's MSLE iterations show -log-likelihood, the GMM steps the criterion; MSS: each round's
        // reweighted simulated log-likelihood relative to its centre
        boolean msm = config.method().type() != EstimationMethod.MSLE;
        EstimationResult r = Estimator.of(config, backend).estimate(data, spec, report -> {
            if (!quiet) {
                // MSM: the first step's MSLE iterations show -log-likelihood, the GMM steps the criterion
                err.println(String.format(Locale.ROOT, msm ? "iteration %4d  objective %.6f  scaled gradient %.3g"
                        : "iteration %4d  log-likelihood %.6f  scaled gradient %.3g", report.iteration(),
                        msm ? report.value() : -report.value(), report.gradientNorm()));
            }
            if (clock.isOn()) {
                clock.mark("iteration " + report.iteration() + ", " + report.evaluations() + " evaluations");
            }
            return true;
        });
        clock.mark("estimated (checks, start, search, covariance, integration check)");
        out.print(ResultTable.format(r));
        clock.mark("table printed");
        clock.threads();
        if (json != null) {
            String written = ResultJson.write(r, EstimationOptions.write(config),
                    SavedResult.fingerprint(data, spec, backend));
            CommandFiles.write("json", json, source == null ? written : source.annotate(written));
            clock.mark("JSON written");
        }
        return r.isConverged() ? 0 : 1;
    }

    private static ModelSpec spec(Options o) {
        if (o.has("spec")) {
            if (o.has("fixed") || o.has("random") || o.has("correlated") || o.has("heterogeneity")) {
                throw new UsageException("Give the model either with --spec or with --fixed/--random/--correlated/"
                        + "--heterogeneity, not both.");
            }
            return ModelSpecJson.read(CommandFiles.read("spec", Paths.get(o.get("spec", "")),
                    " Give the model's JSON file (see docs or ModelSpecJson)."));
        }
        ModelSpec.Builder b = ModelSpec.builder();
        for (String f : o.list("fixed")) {
            b.fixed(f);
        }
        for (String r : o.list("random")) {
            int eq = r.indexOf('=');
            if (eq <= 0 || eq == r.length() - 1) {
                throw new UsageException("--random takes name=distribution pairs such as pf=n,cl=ln; got '" + r
                        + "'. Distributions: " + Distribution.describeCodes() + ".");
            }
            b.random(r.substring(0, eq).trim(), Distribution.fromCode(r.substring(eq + 1)));
        }
        if (!o.list("correlated").isEmpty()) {
            b.correlated(o.list("correlated"));
        }
        for (String h : o.list("heterogeneity")) {
            int eq = h.indexOf('=');
            if (eq <= 0 || eq == h.length() - 1) {
                throw new UsageException("--heterogeneity takes attribute=characteristic+characteristic pairs such"
                        + " as cl=income+age; got '" + h + "'.");
            }
            b.heterogeneity(h.substring(0, eq).trim(), Arrays.asList(h.substring(eq + 1).trim().split("\\+")));
        }
        if (!o.has("fixed") && !o.has("random")) {
            throw new UsageException("No coefficients: give --fixed and/or --random (or --spec FILE.json).");
        }
        return b.build();
    }

    /** --weight-type: sampling (the default) or frequency, and only with --weights. */
    private static boolean frequencyWeights(Options o) {
        String kind = o.get("weight-type", null);
        if (kind == null) {
            return false;
        }
        if (!o.has("weights")) {
            throw new UsageException("--weight-type " + kind + " describes the weights of --weights COL, which is not"
                    + " given: add --weights, or drop --weight-type.");
        }
        Boolean frequency = InferenceConfig.isFrequencyWord(kind);
        if (frequency == null) {
            throw new UsageException("--weight-type is '" + kind + "': use sampling (weights that scale each"
                    + " decision-maker's contribution, the default) or frequency (counts of identical"
                    + " decision-makers).");
        }
        return frequency;
    }

    /** The CSV layout of --data from --group, --choice, --id, --weights, --alt, --market, the model and instruments. */
    static CsvLayout layout(Options o, ModelSpec spec, String cluster, List<String> instruments) {
        return layout(o, spec, cluster, instruments, true);
    }

    /**
     * @param choiceRequired false for data of unconditional predictions (post-estimation's shares, elasticities,
     *                       diversion), which may leave out --choice
     */
    static CsvLayout layout(Options o, ModelSpec spec, String cluster, List<String> instruments,
            boolean choiceRequired) {
        List<String> attributes = new ArrayList<>();
        Set<String> characteristics = new LinkedHashSet<>();
        for (CoefficientSpec c : spec.coefficients()) {
            attributes.add(c.attribute());
            characteristics.addAll(c.heterogeneity());
        }
        if (spec.isLatentClass()) {
            characteristics.addAll(spec.latentClasses().membership());
        }
        for (String z : instruments) {
            if (!attributes.contains(z)) {
                attributes.add(z);
            }
        }
        if (cluster != null) {
            characteristics.add(cluster);
        }
        return CsvLayout.builder()
                .situation(o.required("group", "the column identifying choice situations"))
                .chosen(choiceRequired || o.has("choice")
                        ? o.required("choice", "the 0/1 column marking the chosen alternative") : null)
                .attributes(attributes)
                .characteristics(new ArrayList<>(characteristics))
                .decisionMaker(o.get("id", null))
                .weight(o.get("weights", null))
                .alternative(o.get("alt", null))
                .market(o.get("market", null))
                .build();
    }

    private static EstimatorConfig config(Options o, CovarianceChoice vce) {
        DrawType type = word("draws", DrawType::fromCode, o.get("draws", DEFAULTS.integration().type().code()));
        IntegrationConfig integration = IntegrationConfig.of(type, ruleSize(o, type))
                .withSeed(o.longValue("seed", IntegrationConfig.DEFAULT_SEED))
                .withCacheBytes(cacheBytes(o));
        if (o.has("burn")) {
            integration = integration.withRequestedBurn(o.integer("burn", 0, 0), "--burn");
        }
        if (o.has("proposal")) {
            integration = integration.withProposalDegrees(proposal(o.get("proposal", ""), type));
        }
        OptimizerConfig optimizer = OptimizerConfig.of(word("optimizer", Algorithm::fromCode, o.get("optimizer",
                DEFAULTS.search().optimizer().algorithm().code())))
                .withMaxIterations(o.integer("max-iterations", DEFAULTS.search().optimizer().maxIterations(), 1));
        SearchConfig search = SearchConfig.defaults().withOptimizer(optimizer)
                .withStarts(o.integer("starts", DEFAULTS.search().starts(), 1));
        if (o.has("seed")) {
            search = search.withStartSeed(o.longValue("seed", 0));
        }
        InferenceConfig inference = InferenceConfig.defaults().withCovariance(vce.type).withCluster(vce.cluster)
                .withLevel(confidenceLevel(o)).withFrequencyWeights(frequencyWeights(o));
        int reestimations = o.integer("reestimate", 0, 0);
        if (reestimations == 1) {
            throw new UsageException("--reestimate is 1: give 0 (none) or at least 2 draw sets, so that a standard"
                    + " deviation exists.");
        }
        DiagnosticsConfig diagnostics = DiagnosticsConfig.defaults()
                .withCheckReplicates(o.integer("integration-check", 5, 0))
                .withReestimations(reestimations);
        return EstimatorConfig.defaults().withIntegration(integration).withSearch(search).withInference(inference)
                .withDiagnostics(diagnostics)
                .withThreads(o.threads())
                .withMethod(method(o));
    }

    /**
     * An option's word through the engine's vocabulary; an unknown word is a bad command line (exit 2) with the
     * engine's message, which lists the valid words.
     */
    static <T> T word(String option, java.util.function.Function<String, T> fromCode, String value) {
        try {
            return fromCode.apply(value);
        } catch (InvalidSpecificationException e) {
            throw new UsageException("--" + option + ": " + e.getMessage());
        }
    }

    /** --proposal normal|t|tNU for the adaptive importance samplers: 0 (normal) or the t's degrees of freedom. */
    static int proposal(String value, DrawType type) {
        if (type != DrawType.ADAPTIVE_HALTON && type != DrawType.ADAPTIVE_SOBOL) {
            throw new UsageException("--proposal is for --draws adaptive-halton or adaptive-sobol (importance"
                    + " sampling), not " + type.code() + ".");
        }
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        if (v.equals("normal") || v.equals("n")) {
            return 0;
        }
        if (v.equals("t")) {
            return IntegrationConfig.DEFAULT_PROPOSAL_DEGREES;
        }
        try {
            int degrees = Integer.parseInt(v.startsWith("t") ? v.substring(1) : "x");
            if (degrees >= 2 && degrees <= IntegrationConfig.MAX_PROPOSAL_DEGREES && degrees % 2 == 0) {
                return degrees;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new UsageException("--proposal " + value + ": use normal, t (Student t with "
                + IntegrationConfig.DEFAULT_PROPOSAL_DEGREES + " degrees of freedom) or t2, t4, ..., t"
                + IntegrationConfig.MAX_PROPOSAL_DEGREES + ".");
    }

    /** --cache-bytes B: 0 or more bytes for the node cache. */
    private static long cacheBytes(Options o) {
        long bytes = o.longValue("cache-bytes", IntegrationConfig.DEFAULT_CACHE_BYTES);
        if (bytes < 0) {
            throw new UsageException("--cache-bytes is " + bytes + ": give 0 (no cache) or more bytes.");
        }
        return bytes;
    }

    /** --method msle|msm with --instruments optimal|default|COL,COL and --weighting one-step|two-step. */
    static MethodConfig method(Options o) {
        EstimationMethod method = word("method", EstimationMethod::fromCode, o.get("method",
                DEFAULTS.method().type().code()));
        if (method != EstimationMethod.MSM) {
            for (String msmOnly : new String[] {"instruments", "weighting"}) {
                if (o.has(msmOnly)) {
                    throw new UsageException("--" + msmOnly + " is an option of the method of simulated moments:"
                            + " add --method msm, or drop --" + msmOnly + ".");
                }
            }
            return MethodConfig.of(method);
        }
        if (o.has("reestimate")) {
            throw new UsageException("--reestimate is for --method msle; for MSM use ./mixlogit montecarlo to study"
                    + " simulation noise.");
        }
        MsmConfig msm = MsmConfig.defaults().withWeighting(word("weighting", Weighting::fromCode, o.get("weighting",
                DEFAULTS.method().msm().weighting().code())));
        List<String> instruments = o.list("instruments");
        if (o.has("instruments") && instruments.isEmpty()) {
            throw new UsageException("--instruments needs optimal, default or a comma-separated list of columns.");
        }
        InstrumentChoice keyword = instruments.size() == 1 ? InstrumentChoice.keyword(instruments.get(0)) : null;
        if (keyword != null) {
            msm = msm.withInstruments(keyword);
        } else if (!instruments.isEmpty()) {
            for (String z : instruments) {
                if (InstrumentChoice.keyword(z) != null) {
                    throw new UsageException("--instruments " + o.get("instruments", "") + ": '" + z + "' cannot be"
                            + " mixed with column names; give optimal, default, or only columns.");
                }
            }
            msm = msm.withInstrumentColumns(instruments);
        }
        return MethodConfig.msm(msm);
    }

    /** --conf-level, a percentage strictly between 0 and 100 (the option named when it is not). */
    private static double confidenceLevel(Options o) {
        double level = o.number("conf-level", DEFAULTS.inference().level());
        if (!(level > 0 && level < 100)) {
            throw new UsageException("--conf-level is " + o.get("conf-level", "") + ": give the confidence level as a"
                    + " percentage strictly between 0 and 100, e.g. 95.");
        }
        return level;
    }

    /**
     * Draws per person (--R), points per dimension (--points, gh and agh) or sparse-grid level (--level: sparse,
     * sparse-gh, adaptive-sparse).
     */
    private static int ruleSize(Options o, DrawType type) {
        boolean points = type.sizeKind().equals("points");
        boolean level = type.sizeKind().equals("level");
        if (o.has("points") && !points) {
            throw new UsageException("--points is for --draws gh or agh (points per dimension); use --R for draws.");
        }
        if (o.has("level") && !level) {
            throw new UsageException("--level is the sparse-grid accuracy level, for --draws sparse, sparse-gh or"
                    + " adaptive-sparse; the confidence level is --conf-level.");
        }
        if (points) {
            return o.integer("points", o.integer("R", DEFAULT_POINTS, 1), 1);
        }
        if (level) {
            return o.integer("level", o.integer("R", DEFAULT_LEVEL, 1), 1);
        }
        return o.integer("R", DEFAULTS.integration().draws(), 1);
    }

    /** --vce hessian|opg|robust|cluster[:COLUMN]. */
    private static final class CovarianceChoice {
        final CovarianceType type;
        final String cluster;

        private CovarianceChoice(CovarianceType type, String cluster) {
            this.type = type;
            this.cluster = cluster;
        }

        static CovarianceChoice parse(String value) {
            String v = value.trim();
            int colon = v.indexOf(':');
            if (colon >= 0) {
                if (!v.substring(0, colon).equalsIgnoreCase("cluster") || colon == v.length() - 1) {
                    throw new UsageException("--vce " + value + ": only cluster takes a column, as cluster:COLUMN.");
                }
                return new CovarianceChoice(CovarianceType.CLUSTER, v.substring(colon + 1).trim());
            }
            return new CovarianceChoice(word("vce", CovarianceType::fromCode, v), null);
        }
    }
}
