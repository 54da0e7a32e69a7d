package org.mixlogit.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.mixlogit.MixlogitException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.estimation.EstimationMethod;
import org.mixlogit.estimation.Estimator;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.io.CsvChoiceDataReader;
import org.mixlogit.io.CsvLayout;
import org.mixlogit.io.ModelSpecJson;
import org.mixlogit.msm.InstrumentChoice;
import org.mixlogit.msm.MsmConfig;
import org.mixlogit.msm.Weighting;
import org.mixlogit.optim.Algorithm;
import org.mixlogit.optim.OptimizerConfig;
import org.mixlogit.report.ResultJson;
import org.mixlogit.report.ResultTable;
import org.mixlogit.spec.CoefficientSpec;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/** {@code mixlogit estimate}: reads a CSV file, builds the model from the options, estimates, prints. */
final class EstimateCommand {
    static final Set<String> OPTIONS = new HashSet<>(Arrays.asList("data", "choice", "group", "id", "fixed", "random",
            "correlated", "heterogeneity", "weights", "draws", "R", "seed", "burn", "starts", "optimizer", "vce",
            "threads", "json", "spec", "level", "points", "conf-level", "max-iterations", "integration-check",
            "reestimate", "method", "instruments", "weighting", "alt", "market"));
    static final Set<String> FLAGS = new HashSet<>(Arrays.asList("quiet", "help"));

    private EstimateCommand() {
    }

    /** @return the exit code: 0 converged, 1 not converged */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options o = Options.parse(args, OPTIONS, FLAGS);
        if (o.flag("help")) {
            out.print(Help.ESTIMATE);
            return 0;
        }
        ModelSpec spec = spec(o);
        CovarianceChoice vce = CovarianceChoice.parse(o.get("vce", "hessian"));
        EstimatorConfig config = config(o, vce);
        CsvLayout layout = layout(o, spec, vce.cluster, config.msm().columns());
        Path file = Paths.get(o.required("data", "the CSV file with one row per alternative per situation"));
        ChoiceData data = CsvChoiceDataReader.read(file, layout);
        return estimateAndReport(data, SavedData.file(file, layout), spec, config, o.get("json", null),
                o.flag("quiet"), out, err);
    }

    static int estimateAndReport(ChoiceData data, SavedData source, ModelSpec spec, EstimatorConfig config,
            String json, boolean quiet, PrintStream out, PrintStream err) {
        if (!quiet) {
            err.println("Estimating " + spec + " on " + data + " with " + config.integration().draws() + " "
                    + config.integration().type() + " draws, " + config.threads() + " thread(s).");
        }
        boolean msm = config.method() == EstimationMethod.MSM;
        EstimationResult r = Estimator.of(config).estimate(data, spec, report -> {
            if (!quiet) {
                // MSM: the first step's MSLE iterations show -log-likelihood, the GMM steps the criterion
                err.println(String.format(Locale.ROOT, msm ? "iteration %4d  objective %.6f  scaled gradient %.3g"
                        : "iteration %4d  log-likelihood %.6f  scaled gradient %.3g", report.iteration(),
                        msm ? report.value() : -report.value(), report.gradientNorm()));
            }
            return true;
        });
        out.print(ResultTable.format(r));
        if (json != null) {
            try {
                Files.write(Paths.get(json), source.annotate(ResultJson.write(r)).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new MixlogitException("Cannot write the JSON results to " + json + ": " + e.getMessage(), e);
            }
        }
        return r.isConverged() ? 0 : 1;
    }

    private static ModelSpec spec(Options o) {
        if (o.has("spec")) {
            if (o.has("fixed") || o.has("random") || o.has("correlated") || o.has("heterogeneity")) {
                throw new UsageException("Give the model either with --spec or with --fixed/--random/--correlated/"
                        + "--heterogeneity, not both.");
            }
            try {
                return ModelSpecJson.read(new String(Files.readAllBytes(Paths.get(o.get("spec", ""))),
                        StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UsageException("Cannot read --spec " + o.get("spec", "") + ": " + e.getMessage());
            }
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

    /** The CSV layout of --data from --group, --choice, --id, --weights, --alt, --market, the model and instruments. */
    static CsvLayout layout(Options o, ModelSpec spec, String cluster, List<String> instruments) {
        List<String> attributes = new ArrayList<>();
        Set<String> characteristics = new LinkedHashSet<>();
        for (CoefficientSpec c : spec.coefficients()) {
            attributes.add(c.attribute());
            characteristics.addAll(c.heterogeneity());
        }
        for (String z : instruments) {
            if (!attributes.contains(z)) {
                attributes.add(z);
            }
        }
        if (cluster != null) {
            characteristics.add(cluster);
        }
        CsvLayout layout = CsvLayout.of(o.required("group", "the column identifying choice situations"),
                o.required("choice", "the 0/1 column marking the chosen alternative"), attributes)
                .withCharacteristics(new ArrayList<>(characteristics));
        if (o.has("id")) {
            layout = layout.withDecisionMaker(o.get("id", null));
        }
        if (o.has("weights")) {
            layout = layout.withWeight(o.get("weights", null));
        }
        if (o.has("alt")) {
            layout = layout.withAlternative(o.get("alt", null));
        }
        if (o.has("market")) {
            layout = layout.withMarket(o.get("market", null));
        }
        return layout;
    }

    private static EstimatorConfig config(Options o, CovarianceChoice vce) {
        DrawType type = DrawType.fromCode(o.get("draws", "halton"));
        IntegrationConfig integration = IntegrationConfig.of(type, ruleSize(o, type))
                .withSeed(o.longValue("seed", IntegrationConfig.DEFAULT_SEED));
        if (o.has("burn")) {
            integration = integration.withBurn(o.integer("burn", 0, 0));
        }
        OptimizerConfig optimizer = OptimizerConfig.of(Algorithm.fromCode(o.get("optimizer", "bfgs")))
                .withMaxIterations(o.integer("max-iterations", 1000, 1));
        EstimatorConfig config = EstimatorConfig.defaults().withIntegration(integration).withOptimizer(optimizer)
                .withStarts(o.integer("starts", 1, 1)).withCovariance(vce.type)
                .withThreads(o.integer("threads", Runtime.getRuntime().availableProcessors(), 1))
                .withLevel(o.number("conf-level", 95))
                .withCheckReplicates(o.integer("integration-check", 5, 0))
                .withReestimations(o.integer("reestimate", 0, 0));
        if (o.has("seed")) {
            config = config.withStartSeed(o.longValue("seed", 0));
        }
        config = method(o, config);
        return vce.cluster != null ? config.withCluster(vce.cluster) : config;
    }

    /** --method msle|msm with --instruments optimal|default|COL,COL and --weighting one-step|two-step. */
    static EstimatorConfig method(Options o, EstimatorConfig config) {
        EstimationMethod method = EstimationMethod.fromCode(o.get("method", "msle"));
        if (method != EstimationMethod.MSM) {
            for (String msmOnly : new String[] {"instruments", "weighting"}) {
                if (o.has(msmOnly)) {
                    throw new UsageException("--" + msmOnly + " is an option of the method of simulated moments:"
                            + " add --method msm, or drop --" + msmOnly + ".");
                }
            }
            return config.withMethod(method);
        }
        if (o.has("reestimate")) {
            throw new UsageException("--reestimate is for --method msle; for MSM use ./mixlogit montecarlo to study"
                    + " simulation noise.");
        }
        MsmConfig msm = MsmConfig.defaults().withWeighting(Weighting.fromCode(o.get("weighting", "two-step")));
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
        return config.withMethod(method).withMsm(msm);
    }

    /** Draws per person (--R), points per dimension (--points, gh and agh) or sparse-grid level (--level). */
    private static int ruleSize(Options o, DrawType type) {
        boolean points = type == DrawType.GAUSS_HERMITE || type == DrawType.ADAPTIVE_GH;
        boolean level = type.isSparseGrid();
        if (o.has("points") && !points) {
            throw new UsageException("--points is for --draws gh or agh (points per dimension); use --R for draws.");
        }
        if (o.has("level") && !level) {
            throw new UsageException("--level is the sparse-grid accuracy level, for --draws sparse or sparse-gh; the"
                    + " confidence level is --conf-level.");
        }
        if (points) {
            return o.integer("points", o.integer("R", 10, 1), 1);
        }
        if (level) {
            return o.integer("level", o.integer("R", 5, 1), 1);
        }
        return o.integer("R", 100, 1);
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
            return new CovarianceChoice(CovarianceType.fromCode(v), null);
        }
    }
}
