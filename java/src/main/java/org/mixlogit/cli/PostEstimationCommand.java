package org.mixlogit.cli;

import java.io.PrintStream;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.io.CsvLayout;
import org.mixlogit.simulation.WillingnessToPay;
import org.mixlogit.postestimation.ClassWillingnessToPay;
import org.mixlogit.postestimation.ConditionalCoefficients;
import org.mixlogit.postestimation.LatentClassPosterior;
import org.mixlogit.postestimation.FittedModel;
import org.mixlogit.postestimation.PostEstimation;
import org.mixlogit.postestimation.PostEstimationOptions;
import org.mixlogit.postestimation.QuantityTable;
import org.mixlogit.report.SavedResult;

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

    private PostEstimationCommand() {
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
        EstimateCommand.checkEngine(o.get("engine", EstimationEngine.LOCAL.name()), engine);
        String from = o.required("from", "the result JSON written by estimate --json");
        String json = CommandFiles.read("from", Paths.get(from), " Write one with estimate --json FILE.");
        int threads = o.integer("threads", Runtime.getRuntime().availableProcessors(), 1);
        SavedResult saved = SavedResult.read(json);
        FittedModel model = saved.fittedModel(threads);
        if (engine != EstimationEngine.LOCAL) {
            model = model.withBackend(engine.backend(threads));
        }
        SavedData source = source(o, json, from, model, engine);
        new CommandFiles().input("from", Paths.get(from))
                .input(o.has("data") ? "data" : "the saved result's data file", source.file())
                .output("csv", o.get("csv", null)).output("decomposition", o.get("decomposition", null))
                .output("probabilities", o.get("probabilities", null))
                .output("posterior", o.get("posterior", null)).check();
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
        // shares, elasticities and diversion ratios are sums on the engine's backend; the rest reads rows here
        boolean aggregates = command.equals("shares") || command.equals("elasticities")
                || (command.equals("diversion") && !o.has("decomposition"));
        PostEstimation post = new PostEstimation(model, aggregates ? data : engine.withRows(data), options);
        Csv csv = new Csv(warning);
        switch (command) {
            case "shares":
                return tables(o, out, post.shares(), csv);
            case "elasticities":
                return tables(o, out, post.elasticities(o.required("attribute", "the attribute (e.g. price)")), csv);
            case "diversion":
                return diversion(o, out, post, csv);
            case "conditional":
                return conditional(o, out, post, csv);
            case "wtp":
                return wtp(o, out, post, csv);
            default:
                throw new IllegalStateException(command);
        }
    }

    /** Where the data come from: --data, or the saved result's data block. */
    private static SavedData source(Options o, String json, String from, FittedModel model,
            EstimationEngine engine) {
        if (o.has("data")) {
            CsvLayout layout = EstimateCommand.layout(o, model.spec(), null, java.util.Collections.emptyList());
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

    private static int diversion(Options o, PrintStream out, PostEstimation post, Csv files) {
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
            files.write("decomposition", o.get("decomposition", ""),
                    post.decomposition(o.get("attribute", "")).csv());
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

    private static int tables(Options o, PrintStream out, QuantityTable table, Csv files) {
        out.print(table.text());
        if (o.has("csv")) {
            files.write("csv", o.get("csv", ""), table.csv());
        }
        return 0;
    }

    private static int conditional(Options o, PrintStream out, PostEstimation post, Csv files) {
        ConditionalCoefficients c = post.conditionals();
        int n = c.decisionMakerIds().length;
        int k = c.coefficients().size();
        out.println("Coefficients conditional on each decision-maker's choices (" + n + " decision-makers)");
        String head = String.format(Locale.ROOT, "%-12s %12s %12s %12s %12s %12s", "coefficient", "mean",
                "sd of means", "min", "max", "mean cond.sd");
        out.println(head);
        out.println("-".repeat(head.length()));
        for (int i = 0; i < k; i++) {
            double sum = 0;
            double sumSq = 0;
            double sdSum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int m = 0; m < n; m++) {
                double v = c.mean(m, i);
                sum += v;
                sumSq += v * v;
                sdSum += c.sd(m, i);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            double mean = sum / n;
            out.println(String.format(Locale.ROOT, "%-12s %12.6g %12.6g %12.6g %12.6g %12.6g",
                    c.coefficients().get(i), mean, Math.sqrt(Math.max(0, sumSq / n - mean * mean)), min, max,
                    sdSum / n));
        }
        if (o.has("csv")) {
            files.write("csv", o.get("csv", ""), c.csv());
        }
        if (o.has("probabilities")) {
            files.write("probabilities", o.get("probabilities", ""), probabilities(post));
        }
        if (post.model().spec().isLatentClass()) {
            LatentClassPosterior h = post.classPosteriors();
            int classes = h.classes();
            double[] p = h.probabilities();
            int[] modal = h.modalClasses();
            double[] mean = new double[classes];
            int[] count = new int[classes];
            for (int m = 0; m < n; m++) {
                for (int s = 0; s < classes; s++) {
                    mean[s] += p[m * classes + s] / n;
                }
                count[modal[m] - 1]++;
            }
            out.println();
            out.println("Posterior class probabilities given each decision-maker's choices");
            out.println(String.format(Locale.ROOT, "%-8s %14s %14s", "class", "mean posterior", "modal count"));
            for (int s = 0; s < classes; s++) {
                out.println(String.format(Locale.ROOT, "%-8d %14.6f %14d", s + 1, mean[s], count[s]));
            }
            if (o.has("posterior")) {
                StringBuilder b = new StringBuilder("id");
                for (int s = 0; s < classes; s++) {
                    b.append(",class").append(s + 1);
                }
                b.append(",modal\n");
                long[] ids = h.decisionMakerIds();
                for (int m = 0; m < n; m++) {
                    b.append(ids[m]);
                    for (int s = 0; s < classes; s++) {
                        b.append(String.format(Locale.ROOT, ",%.10g", p[m * classes + s]));
                    }
                    b.append(',').append(modal[m]).append('\n');
                }
                files.write("posterior", o.get("posterior", ""), b.toString());
            }
        }
        return 0;
    }

    private static String probabilities(PostEstimation post) {
        ChoiceData data = post.data();
        double[] unconditional = post.probabilities();
        double[] conditional = post.conditionalProbabilities();
        double[][] byInput = new double[data.rowCount()][];
        int[] start = data.situationStartRef();
        for (int s = 0; s < data.situationCount(); s++) {
            for (int i = start[s]; i < start[s + 1]; i++) {
                byInput[data.sourceRow(i)] = new double[] {data.situationId(s), data.alternativeCode(i),
                    unconditional[i], conditional[i]};
            }
        }
        StringBuilder b = new StringBuilder("row,situation,alternative,probability,conditional_probability\n");
        for (int r = 0; r < byInput.length; r++) {
            double[] v = byInput[r];
            b.append(r + 1).append(',').append((long) v[0]).append(',')
                    .append(data.alternativeLabels().get((int) v[1])).append(',')
                    .append(String.format(Locale.ROOT, "%.10g,%.10g", v[2], v[3])).append('\n');
        }
        return b.toString();
    }

    private static int wtp(Options o, PrintStream out, PostEstimation post, Csv files) {
        String attribute = o.required("attribute", "the attribute to value");
        String cost = o.required("cost", "the cost attribute (its coefficient is the marginal utility of money)");
        if (post.model().spec().isLatentClass()) {
            ClassWillingnessToPay w = post.classWillingnessToPay(attribute, cost);
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
        WillingnessToPay w = post.willingnessToPay(attribute, cost);
        out.println("Willingness to pay for " + attribute + " in units of " + cost + " (-beta_" + attribute
                + " / beta_" + cost + ")");
        out.println(String.format(Locale.ROOT, "population over %d draws: mean %.6g, median %.6g", w.draws(),
                w.mean(), w.median()));
        out.println(String.format(Locale.ROOT, "quantiles: 5%% %.6g, 25%% %.6g, 75%% %.6g, 95%% %.6g",
                w.quantile(0.05), w.quantile(0.25), w.quantile(0.75), w.quantile(0.95)));
        double[] individual = w.individual();
        double mean = Arrays.stream(individual).filter(Double::isFinite).average().orElse(Double.NaN);
        out.println(String.format(Locale.ROOT, "mean of the %d decision-makers' conditional means: %.6g",
                individual.length, mean));
        if (o.has("csv")) {
            ChoiceData data = post.data();
            StringBuilder b = new StringBuilder("id,wtp\n");
            for (int n = 0; n < individual.length; n++) {
                b.append(data.decisionMakerId(n)).append(',')
                        .append(String.format(Locale.ROOT, "%.10g", individual[n])).append('\n');
            }
            files.write("csv", o.get("csv", ""), b.toString());
        }
        return 0;
    }

    /**
     * Writes the CSV outputs; after a doubtful fit (not converged, not certified) every file gets a last column
     * {@code fit_warning} holding the warning on every row, so that the flag travels with the numbers.
     */
    private static final class Csv {
        private final String warning;

        Csv(String warning) {
            this.warning = warning;
        }

        /** Writes atomically (see {@link CommandFiles#write}); {@code option} names the file in errors. */
        void write(String option, String file, String text) {
            CommandFiles.write(option, file, flagged(text));
        }

        private String flagged(String csv) {
            if (warning.isEmpty()) {
                return csv;
            }
            String quoted = "\"" + warning.replace("\"", "\"\"") + "\"";
            StringBuilder b = new StringBuilder();
            String[] lines = csv.split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isEmpty()) {
                    continue;
                }
                b.append(lines[i]).append(',').append(i == 0 ? "fit_warning" : quoted).append('\n');
            }
            return b.toString();
        }
    }
}
