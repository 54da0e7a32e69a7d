package org.mixlogit.cli;

import java.io.PrintStream;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.io.CsvLayout;
import org.mixlogit.postestimation.ClassWillingnessToPay;
import org.mixlogit.postestimation.FittedModel;
import org.mixlogit.postestimation.PostEstimation;
import org.mixlogit.postestimation.PostEstimationOptions;
import org.mixlogit.postestimation.QuantityTable;
import org.mixlogit.report.SavedResult;
import org.mixlogit.spec.CoefficientSpec;

/**
 * {@code mixlogit shares|elasticities|diversion|conditional|wtp --from RESULT.json}: post-estimation on a saved
 * result, on the data it was estimated with (recorded in the JSON) or on other data given with --data.
 */
final class PostEstimationCommand {
    static final Set<String> COMMANDS = new HashSet<>(Arrays.asList("shares", "elasticities", "diversion",
            "conditional", "wtp"));
    private static final Set<String> OPTIONS = new HashSet<>(Arrays.asList("from", "attribute", "cost", "type",
            "krinsky-robb", "replicates", "seed", "csv", "decomposition", "probabilities", "posterior", "threads",
            "data",
            "group", "choice", "id", "alt", "market", "weights", "engine"));
    private static final Set<String> FLAGS = new HashSet<>(Arrays.asList("help", "allow-other-data"));
    /** The options that belong to some commands only, and the commands they belong to. */
    private static final Map<String, List<String>> SPECIFIC = specificOptions();

    private PostEstimationCommand() {
    }

    private static Map<String, List<String>> specificOptions() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("attribute", Arrays.asList("elasticities", "diversion", "wtp"));
        m.put("cost", Arrays.asList("wtp"));
        m.put("type", Arrays.asList("diversion"));
        m.put("decomposition", Arrays.asList("diversion"));
        m.put("probabilities", Arrays.asList("conditional"));
        m.put("posterior", Arrays.asList("conditional"));
        return m;
    }

    /**
     * Refuses an option of another command (it was ignored: an output file asked for was silently not written).
     *
     * @throws UsageException naming the option and the commands it belongs to
     */
    private static void checkOptionsOf(String command, Options o) {
        for (Map.Entry<String, List<String>> e : SPECIFIC.entrySet()) {
            if (o.has(e.getKey()) && !e.getValue().contains(command)) {
                throw new UsageException("--" + e.getKey() + " is not an option of " + command + ": it belongs to "
                        + String.join(", ", e.getValue()) + " (see " + command + " --help).");
            }
        }
    }

    static int run(String command, String[] args, PrintStream out, PrintStream err) {
        return run(command, args, out, err, EstimationEngine.LOCAL);
    }

    /**
     * With {@code engine} (selected by {@code --engine NAME}): the data are read by it (a saved result's engine
     * source, or --data) and the sums and per-decision-maker outputs run on its backend.
     */
    static int run(String command, String[] args, PrintStream out, PrintStream err, EstimationEngine engine) {
        Options o = Options.parse(args, OPTIONS, FLAGS);
        if (o.flag("help")) {
            out.print(Help.POSTESTIMATION);
            return 0;
        }
        checkOptionsOf(command, o);
        EstimateCommand.checkEngine(o.get("engine", EstimationEngine.LOCAL.name()), engine);
        String from = o.required("from", "the result JSON written by estimate --json");
        String json = CommandFiles.read("from", Paths.get(from), " Write one with estimate --json FILE.");
        int threads = o.threads();
        SavedResult saved = SavedResult.read(json);
        FittedModel model = saved.fittedModel(threads);
        if (o.has("posterior") && !model.spec().isLatentClass()) {
            throw new UsageException("--posterior writes posterior class probabilities, which only a latent class"
                    + " model has (estimate --classes C); this fit has no classes.");
        }
        if (engine != EstimationEngine.LOCAL) {
            model = model.withBackend(engine.backend(threads));
        }
        if (o.has("data") && !o.has("id") && conditionsOnChoices(command) && panel(json)) {
            throw new UsageException("The fit is a panel (a decision-maker's situations share one draw of the"
                    + " coefficients), and " + command + " conditions on each decision-maker's choices: give --id,"
                    + " the decision-maker column of --data (without it every situation would be a decision-maker of"
                    + " its own).");
        }
        SavedData source = source(o, json, from, model, engine, conditionsOnChoices(command)
                || engine != EstimationEngine.LOCAL);
        CommandFiles files = new CommandFiles().input("from", Paths.get(from))
                .input(o.has("data") ? "data" : "the saved result's data file", source.file());
        if (engine.readsLocalFiles()) {
            // an engine that writes its tables where the data live checks its outputs itself
            files.output("csv", o.get("csv", null)).output("decomposition", o.get("decomposition", null))
                    .output("probabilities", o.get("probabilities", null))
                    .output("posterior", o.get("posterior", null));
        } else if (aggregateCsv(command, "csv")) {
            files.output("csv", o.get("csv", null));
        }
        files.check();
        ChoiceData data = source.read(engine);
        if (!o.has("data") && !o.flag("allow-other-data")) {
            saved.checkEstimationData(data, "give --allow-other-data (or the other data with --data)",
                    model.backend());
        }
        String warning = saved.warning();
        if (!warning.isEmpty()) {
            out.println("Warning: " + warning + ".");
            err.println("mixlogit: warning: " + warning + ".");
        }
        PostEstimationOptions options = PostEstimationOptions.defaults()
                .withKrinskyRobb(o.integer("krinsky-robb", 0, 0))
                .withReplicates(o.integer("replicates", 5, 0));
        if (o.has("seed")) {
            options = options.withSeed(o.longValue("seed", 0));
        }
        // shares, elasticities and diversion ratios are sums on the engine's backend; the tables by decision-maker,
        // row or situation are the engine's outputs (computed and written where the rows live)
        PostEstimation post = new PostEstimation(model, data, options);
        FlaggedCsv csv = new FlaggedCsv(warning);
        PostEstimationOutputs outputs = engine.outputs(post, warning);
        if (!engine.readsLocalFiles()) {
            for (String option : new String[] {"csv", "decomposition", "probabilities", "posterior"}) {
                String refusal = o.has(option) && !aggregateCsv(command, option)
                        ? outputs.refusal(option, o.get(option, "")) : null;
                if (refusal != null) {
                    throw new UsageException(refusal);
                }
            }
        }
        switch (command) {
            case "shares":
                return tables(o, out, post.shares(), csv);
            case "elasticities":
                return tables(o, out, post.elasticities(o.required("attribute", "the attribute (e.g. price)")), csv);
            case "diversion":
                return diversion(o, out, post, csv, outputs);
            case "conditional":
                return conditional(o, out, post, outputs);
            case "wtp":
                return wtp(o, out, post, outputs);
            default:
                throw new IllegalStateException(command);
        }
    }

    /**
     * Whether the command's outputs condition on the observed choices (conditional coefficients, probabilities and
     * class posteriors; willingness to pay's conditional means): its --data need --choice. Shares, elasticities and
     * diversion ratios are unconditional.
     */
    private static boolean conditionsOnChoices(String command) {
        return command.equals("conditional") || command.equals("wtp");
    }

    /** Whether the saved result is a panel fit (its counts.panel). */
    private static boolean panel(String json) {
        try {
            return org.mixlogit.io.JsonValue.parse(json).path("counts").path("panel").asBoolean();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return false;
        }
    }

    /** True for the --csv of the aggregates' tables (shares, elasticities, diversion): written here as files. */
    private static boolean aggregateCsv(String command, String option) {
        return option.equals("csv") && !command.equals("conditional") && !command.equals("wtp");
    }

    /** Where the data come from: --data, or the saved result's data block. */
    private static SavedData source(Options o, String json, String from, FittedModel model,
            EstimationEngine engine, boolean choiceRequired) {
        if (o.has("data")) {
            CsvLayout layout = EstimateCommand.layout(o, model.spec(), null, java.util.Collections.emptyList(),
                    choiceRequired);
            return SavedData.read(engine, o.get("data", ""), layout);
        }
        for (String column : new String[] {"group", "choice", "id", "weights"}) {
            if (o.has(column)) {
                throw new UsageException("--" + column + " describes the columns of --data; without --data the"
                        + " saved result's data are used as they were.");
            }
        }
        return SavedData.of(json, from).withColumns(o.get("alt", null), o.get("market", null));
    }

    private static int diversion(Options o, PrintStream out, PostEstimation post, FlaggedCsv files,
            PostEstimationOutputs outputs) {
        String type = o.get("type", o.has("attribute") ? "both" : "removal");
        if (!Arrays.asList("removal", "marginal", "both").contains(type)) {
            throw new UsageException("--type " + type + ": use removal, marginal or both.");
        }
        boolean marginal = !type.equals("removal");
        if (marginal && !o.has("attribute")) {
            throw new UsageException("Marginal diversion is with respect to an attribute: give --attribute (e.g."
                    + " the price column), or --type removal.");
        }
        QuantityTable removal = type.equals("marginal") ? null : post.removalDiversion();
        QuantityTable margin = marginal ? post.marginalDiversion(o.get("attribute", "")) : null;
        if (o.has("decomposition")) {
            if (!o.has("attribute")) {
                throw new UsageException("--decomposition needs --attribute (for the marginal weights).");
            }
            outputs.decomposition(o.get("attribute", ""), o.get("decomposition", ""));
        }
        StringBuilder csv = new StringBuilder();
        if (removal != null) {
            out.print(removal.text());
            csv.append(removal.csv());
        }
        if (margin != null) {
            if (removal != null) {
                out.println();
            }
            out.print(margin.text());
            csv.append(removal != null ? margin.csv().substring(margin.csv().indexOf('\n') + 1) : margin.csv());
        }
        if (o.has("csv")) {
            files.write("csv", o.get("csv", ""),
                    removal != null && margin != null ? labelled(removal, margin) : csv.toString());
        }
        return 0;
    }

    /** Both diversion tables in one CSV with a leading type column. */
    private static String labelled(QuantityTable removal, QuantityTable marginal) {
        StringBuilder b = new StringBuilder();
        String[] r = removal.csv().split("\n");
        String[] m = marginal.csv().split("\n");
        b.append("type,").append(r[0]).append('\n');
        for (int i = 1; i < r.length; i++) {
            b.append("removal,").append(r[i]).append('\n');
        }
        for (int i = 1; i < m.length; i++) {
            b.append("marginal,").append(m[i]).append('\n');
        }
        return b.toString();
    }

    private static int tables(Options o, PrintStream out, QuantityTable table, FlaggedCsv files) {
        out.print(table.text());
        if (o.has("csv")) {
            files.write("csv", o.get("csv", ""), table.csv());
        }
        return 0;
    }

    private static int conditional(Options o, PrintStream out, PostEstimation post, PostEstimationOutputs outputs) {
        List<String> names = new ArrayList<>();
        for (CoefficientSpec c : post.model().spec().coefficients()) {
            names.add(c.attribute());
        }
        int n = post.data().decisionMakerCount();
        double[] summary = outputs.conditionals(o.get("csv", null));
        out.println("Coefficients conditional on each decision-maker's choices (" + n + " decision-makers)");
        String head = String.format(Locale.ROOT, "%-12s %12s %12s %12s %12s %12s", "coefficient", "mean",
                "sd of means", "min", "max", "mean cond.sd");
        out.println(head);
        out.println("-".repeat(head.length()));
        for (int i = 0; i < names.size(); i++) {
            out.println(String.format(Locale.ROOT, "%-12s %12.6g %12.6g %12.6g %12.6g %12.6g", names.get(i),
                    summary[i * 5], summary[i * 5 + 1], summary[i * 5 + 2], summary[i * 5 + 3], summary[i * 5 + 4]));
        }
        if (o.has("probabilities")) {
            outputs.probabilities(o.get("probabilities", ""));
        }
        if (post.model().spec().isLatentClass()) {
            int classes = post.model().spec().classCount();
            double[] h = outputs.classPosteriors(o.get("posterior", null));
            out.println();
            out.println("Posterior class probabilities given each decision-maker's choices");
            out.println(String.format(Locale.ROOT, "%-8s %14s %14s", "class", "mean posterior", "modal count"));
            for (int s = 0; s < classes; s++) {
                out.println(String.format(Locale.ROOT, "%-8d %14.6f %14d", s + 1, h[s], (long) h[classes + s]));
            }
        }
        return 0;
    }

    private static int wtp(Options o, PrintStream out, PostEstimation post, PostEstimationOutputs outputs) {
        String attribute = o.required("attribute", "the attribute to value");
        String cost = o.required("cost", "the cost attribute (its coefficient is the marginal utility of money)");
        if (post.model().spec().isLatentClass()) {
            ClassWillingnessToPay w = outputs.classWillingnessToPay(attribute, cost);
            out.println("Willingness to pay for " + attribute + " in units of " + cost + " per latent class (-beta_"
                    + attribute + " / beta_" + cost + "; delta method with the " + post.model().covarianceName()
                    + " covariance)");
            if (!w.isDistribution()) {
                double[] e = w.estimates();
                double[] se = w.standardErrors();
                for (int s = 0; s < e.length; s++) {
                    out.println(String.format(Locale.ROOT, "class %-3d %12.6g  (%.6g)", s + 1, e[s], se[s]));
                }
                return 0;
            }
            List<String> statistics = w.statistics();
            double[] e = w.table();
            double[] se = w.tableStandardErrors();
            out.println("each class's population distribution over the draws; standard errors below");
            StringBuilder header = new StringBuilder("         ");
            for (String statistic : statistics) {
                header.append(String.format(Locale.ROOT, " %12s", statistic));
            }
            out.println(header);
            int width = statistics.size();
            for (int c = 0; c < e.length / width; c++) {
                StringBuilder value = new StringBuilder(String.format(Locale.ROOT, "class %-3d", c + 1));
                StringBuilder error = new StringBuilder("         ");
                for (int s = 0; s < width; s++) {
                    value.append(String.format(Locale.ROOT, " %12.6g", e[c * width + s]));
                    error.append(String.format(Locale.ROOT, " %12s", String.format(Locale.ROOT, "(%.4g)",
                            se[c * width + s])));
                }
                out.println(value);
                out.println(error);
            }
            return 0;
        }
        double[] w = outputs.willingnessToPay(attribute, cost, o.get("csv", null));
        out.println("Willingness to pay for " + attribute + " in units of " + cost + " (-beta_" + attribute
                + " / beta_" + cost + ")");
        out.println(String.format(Locale.ROOT, "population over %d draws: mean %.6g, median %.6g", (long) w[0],
                w[1], w[2]));
        out.println(String.format(Locale.ROOT, "quantiles: 5%% %.6g, 25%% %.6g, 75%% %.6g, 95%% %.6g",
                w[3], w[4], w[5], w[6]));
        out.println(String.format(Locale.ROOT, "mean of the %d decision-makers' conditional means: %.6g",
                (long) w[7], w[8]));
        String note = post.willingnessToPayNote(cost);
        if (!note.isEmpty()) {
            out.println(note);
        }
        return 0;
    }
}
