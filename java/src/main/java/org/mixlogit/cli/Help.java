package org.mixlogit.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.mixlogit.estimation.LatentClassEstimator;
import org.mixlogit.bridge.Vocabulary;
import org.mixlogit.io.JsonValue;

/** The help texts; the codes and defaults they list are the engine's {@link Vocabulary}. */
final class Help {
    static final String MAIN = String.join("\n",
            "mixlogit: mixed (random-coefficients) logit estimation",
            "",
            "Usage:",
            "  ./mixlogit example [--threads T] [--json OUT] [--integration-check K] [--quiet]",
            "      Estimate the Electricity example (six independent normal coefficients, panel, 100 Halton",
            "      draws) on the bundled data and print the results table.",
            "  ./mixlogit estimate --data FILE.csv --choice COL --group COL [options]   (see estimate --help)",
            "  ./mixlogit shares|elasticities|diversion|conditional|wtp --from RESULT.json [options]",
            "      Post-estimation on a saved result (see shares --help).",
            "  ./mixlogit bench [--draws R] [--evals N] [--cache-bytes B]",
            "      Time one log-likelihood + gradient evaluation of the example model.",
            "  ./mixlogit bench --synthetic N [--R 200] [--threads T] [--evals E] [--no-estimation] [--hessian]",
            "      Generate issue 18's synthetic panel (N decision-makers, 10 situations, 5 alternatives, 5 normal",
            "      coefficients, continuous attributes) in memory; time evaluations (and with --hessian the exact",
            "      Hessian) and a whole estimation.",
            "  ./mixlogit bench --synthetic N --write FILE.csv",
            "      Write that panel as CSV (id, chid, alt, choice, x1..x5) to run other programs on it.",
            "  ./mixlogit rules [--quick]",
            "      Compare integration rules (draws, Gauss-Hermite, sparse grids) on Fishing and Electricity.",
            "  ./mixlogit vocabulary",
            "      The engine's lists of codes (distributions, draw types, optimizers, covariance types, methods,",
            "      weightings, instruments) and the defaults of the estimation options, as JSON.",
            "  ./mixlogit montecarlo [--replications N] [--R 10,25,100,500] [--designs cross-section,panel]",
            "      Monte Carlo study of simulation bias: MSLE and MSM with optimal instruments on data simulated",
            "      from known parameters; prints bias, sd and 95% coverage (see montecarlo --help).",
            "",
            "Any command takes --debug: an error then also prints its Java stack trace (never printed otherwise).",
            "A larger Java heap: MIXLOGIT_JAVA_OPTS=-Xmx8g ./mixlogit ...",
            "",
            "Exit codes: 0 converged, 1 not converged, 2 bad command line, 3 bad data or model, 4 not enough",
            "memory or a grid above its cap, 5 internal error (a bug: please report it).",
            "");

    /** Column of the option descriptions, and the width they wrap at. */
    private static final int DESCRIPTION_COLUMN = 25;
    private static final int WIDTH = 105;

    /** The help of {@code estimate}: its lists of codes and its defaults are the engine's {@link Vocabulary}. */
    static String estimate() {
        Vocabulary v = Vocabulary.engine();
        StringBuilder b = new StringBuilder();
        lines(b,
                "Usage: ./mixlogit estimate --data FILE.csv --choice COL --group COL [options]",
                "",
                "Data (long format: one row per alternative per choice situation):");
        option(b, "--data FILE.csv", "CSV file with a header row");
        option(b, "--choice COL", "0/1 column, 1 for the chosen alternative");
        option(b, "--group COL", "choice-situation id column");
        option(b, "--id COL", "decision-maker id column: a panel, one draw of beta per decision-maker");
        option(b, "--weights COL", "weight column, constant within each decision-maker");
        option(b, "--weight-type T", "sampling (default: each weight scales a decision-maker's contribution, the"
                + " robust sandwich takes its square) or frequency (counts of identical decision-makers: the robust"
                + " covariance of the expanded data)");
        option(b, "--alt COL", "alternative id column (numbers or text): post-estimation aggregates by it");
        option(b, "--market COL", "market column (constant within a situation): post-estimation aggregates"
                + " shares, elasticities and diversion per market");
        lines(b, "", "Model (or --spec FILE.json, the shared JSON specification):");
        option(b, "--fixed a,b", "attributes with fixed coefficients");
        option(b, "--random pf=n,cl=ln", "random coefficients: " + randomDistributions(v));
        option(b, "--correlated a,b", "correlated random coefficients (n, ln, cn): their underlying normals have a"
                + " lower Cholesky factor; ln and cn members are then transformed");
        option(b, "--heterogeneity cl=income+age", "characteristics shifting a random coefficient's mean");
        lines(b, "", "Latent classes (--random then means random within each class):");
        option(b, "--classes C", "a latent class model of C classes, each with its own coefficients; A:B fits"
                + " A..B classes and prints the model-selection table (LL, parameters, AIC, BIC, CAIC, smallest"
                + " share), then the fit with the smallest BIC. For C >= 2, " + LatentClassEstimator.DEFAULT_STARTS
                + " EM starts (or --starts K) and a direct-ML polish; classes sorted by share");
        option(b, "--membership a,b", "decision-maker characteristics of the class-share logit (with a constant;"
                + " class 1 the base)");
        option(b, "--common x,y", "coefficients shared by all classes");
        lines(b, "", "Integration and estimation:");
        option(b, "--draws TYPE", described(v, "draws", text(v, "draws")));
        option(b, "--R N", "draws per decision-maker (default " + text(v, "R") + ")");
        option(b, "--points P", codesWith(v, "draws", "size", "points") + ": Gauss-Hermite points per dimension"
                + " (default " + EstimateCommand.DEFAULT_POINTS + ")");
        option(b, "--level L", codesWith(v, "draws", "size", "level") + ": accuracy level 1-25, exact to total"
                + " degree 2L-1 (default " + EstimateCommand.DEFAULT_LEVEL + "); the number of nodes is reported");
        option(b, "--proposal P", "adaptive-halton, adaptive-sobol: the importance sampler's proposal at each"
                + " posterior mode, normal or t (Student t, 8 degrees of freedom; tNU for others, NU even; default t)");
        option(b, "--seed S", "seed of the draws and of the extra starts (default " + text(v, "seed") + ")");
        option(b, "--burn B", "sequence elements skipped (default " + burns(v) + "); halton, shalton, sobol,"
                + " ssobol and the adaptive ones on them only");
        option(b, "--starts K", "K starts: the default plus K-1 seeded perturbations (default " + text(v, "starts")
                + ")");
        option(b, "--optimizer NAME", described(v, "optimizers", text(v, "optimizer")));
        option(b, "--max-iterations N", "default " + text(v, "maxIterations"));
        option(b, "--vce TYPE", covariances(v) + "; cluster:COL clusters by a column constant within"
                + " decision-makers (cluster alone: by decision-maker)");
        lines(b, "", "Method of simulated moments (consistent with a fixed number of draws):");
        option(b, "--method NAME", codes(v, "methods", text(v, "method")) + " (msle: maximum simulated likelihood;"
                + " msm: method of simulated moments; mss: method of simulated scores, R exact posterior draws per"
                + " person by accept-reject, --draws random, sandwich standard errors; with --draws adaptive-halton or"
                + " adaptive-sobol, scores by importance sampling from the adapted proposal, for long panels)");
        option(b, "--instruments LIST", "msm instruments: " + keywords(v, text(v, "instruments"))
                + ", or columns of the data, e.g. price,quality,price2 (optimal: scores d log s/d theta at a first-step MSLE estimate, simulated with independent"
                + " draws; default: attributes, squares, interactions with heterogeneity characteristics)");
        option(b, "--weighting W", "msm: " + codes(v, "weighting", text(v, "weighting")) + " (two-step: efficient"
                + " GMM, J test when over-identified; one-step: identity weighting)");
        option(b, "--conf-level C", "confidence level in percent (default " + text(v, "level") + ")");
        option(b, "--threads T", "worker threads (default: all processors)");
        option(b, "--engine spark", "read --data from any Spark source (csv, parquet, orc, json; hdfs://, s3a://;"
                + " table:NAME) and run the sums on Spark, with --master URL, --partitions N and --format F (the"
                + " launcher adds Spark's jars; on a cluster spark-submit, see the README); the JSON records the"
                + " source for post-estimation");
        option(b, "--cache-bytes B", "memory that may hold every decision-maker's nodes (default "
                + (org.mixlogit.integration.IntegrationConfig.DEFAULT_CACHE_BYTES >> 20) + " MiB; 0: regenerate them in"
                + " each evaluation, same numbers); a cache that does not fit the Java heap is dropped by itself");
        option(b, "--integration-check K", "after estimating, re-evaluate the log-likelihood with K independent draw"
                + " sets and with 4x the draws, and report the spread (default 5; 0 skips)");
        option(b, "--reestimate K", "re-estimate with K independent draw sets and report each estimate's and"
                + " standard error's simulation sd beside its standard error (K >= 2)");
        lines(b, "", "Output:");
        option(b, "--json OUT", "also write the results as JSON (post-estimation reads it with --from)");
        option(b, "--quiet", "no progress lines on standard error");
        lines(b, "", "The lists of codes and the defaults are the engine's: ./mixlogit vocabulary prints them as JSON.",
                "");
        return b.toString();
    }

    static final String POSTESTIMATION = String.join("\n",
            "Usage: ./mixlogit COMMAND --from RESULT.json [options]",
            "",
            "Commands (on the data of the saved estimate, or on --data):",
            "  shares                 predicted shares by market and alternative",
            "  elasticities           own and cross elasticities of the shares w.r.t. --attribute",
            "  diversion              diversion ratios after Conlon and Mortimer (2020): product-removal",
            "                         (second-choice) and, with --attribute, marginal (attribute-change)",
            "  conditional            coefficients conditional on each decision-maker's choices",
            "  wtp                    willingness to pay for --attribute in units of --cost",
            "",
            "Options:",
            "  --from RESULT.json     the result written by estimate --json (or example --json)",
            "  --attribute NAME       elasticities, diversion (marginal), wtp: the attribute",
            "  --cost NAME            wtp: the cost attribute",
            "  --type T               diversion: removal, marginal or both (default: both with --attribute,",
            "                         else removal)",
            "  --krinsky-robb N       also N parameter draws from the estimate's normal distribution: their",
            "                         sd and percentile interval (default 0: delta method only)",
            "  --replicates K         independent draw sets for the simulation error column (default 5; 0 none)",
            "  --seed S               seed of the Krinsky-Robb draws",
            "  --csv OUT              write the table (conditional, wtp: per decision-maker) as CSV",
            "  --decomposition OUT    diversion: per-situation diversions, logit diversions and the weights",
            "                         that aggregate them, as CSV (needs --attribute)",
            "  --probabilities OUT    conditional: unconditional and conditional probabilities per row, as CSV",
            "  --posterior OUT        conditional, latent class models: each decision-maker's posterior class",
            "                         probabilities and modal class, as CSV (wtp of a latent class model is per class)",
            "  --alt COL, --market COL  aggregate by other columns of the saved data file",
            "  --data FILE --group COL [--choice COL] [--id COL] [--weights COL] [--alt COL] [--market COL]",
            "                         compute on other data with the model's attributes (--choice: for",
            "                         conditional and wtp, and with --engine spark; a panel fit's needs --id)",
            "  --allow-other-data     compute on the saved data file even when it is no longer the data the",
            "                         model was estimated on (its fingerprint differs); without it that is an error",
            "  --threads T            worker threads",
            "  --engine spark         read the data with Spark (a fit estimated with --engine spark records its",
            "                         Spark source) and compute on its backend; see estimate --help. The tables",
            "                         of --csv (conditional, wtp), --probabilities, --posterior and",
            "                         --decomposition are written by Spark from the partitions: a new directory",
            "                         of Parquet, ORC or JSON files when OUT ends so, else of CSV files",
            "",
            "After a fit that did not converge or is not certified, a warning is printed above the tables and",
            "every CSV gets a last column fit_warning holding it.",
            "");

    static final String MONTECARLO = String.join("\n",
            "Usage: ./mixlogit montecarlo [options]",
            "",
            "Simulates choice data from known parameters (price -1, quality ~ N(1, 1.5^2), a small-share",
            "alternative with constant -2.5; four alternatives), estimates each replication by MSLE and by MSM",
            "with optimal instruments at every draw count, and by the method of simulated scores (R exact",
            "posterior draws per person, sandwich standard errors) at the --mss draw counts, and prints a",
            "Markdown table of bias, sd, mean standard error and coverage of 95% intervals per parameter.",
            "Progress goes to standard error.",
            "",
            "  --replications N       replications per design (default 30, about 4 minutes on 2 cores)",
            "  --R LIST               draw counts (default 10,25,100,500)",
            "  --draws TYPE           draw type (default random: independent pseudo-random draws)",
            "  --mss LIST             draw counts (among --R) for MSS (default: 10, 25, 100 where in --R; none)",
            "  --mss-is LIST          draw counts (among --R) for MSS by importance sampling (adaptive-halton)",
            "  --designs LIST         cross-section and/or panel (default both)",
            "  --people N             decision-makers in the cross-section (default 1000)",
            "  --panel-people N       decision-makers in the panel (default 300)",
            "  --situations T         situations per decision-maker in the panel (default 5)",
            "  --seed S               base seed of data and draws (default 1)",
            "  --threads T            worker threads (default: all processors); results do not depend on it",
            "  --out FILE             also write the table to FILE",
            "");

    private Help() {
    }

    private static void lines(StringBuilder b, String... lines) {
        for (String line : lines) {
            b.append(line).append('\n');
        }
    }

    /** "  --name ARG" and the description from column 25, wrapped at the width. */
    private static void option(StringBuilder b, String name, String description) {
        StringBuilder line = new StringBuilder("  ").append(name);
        line.append(' ');
        while (line.length() < DESCRIPTION_COLUMN) {
            line.append(' ');
        }
        int start = line.length();
        for (String word : description.split(" ")) {
            if (line.length() > start && line.length() + 1 + word.length() > WIDTH) {
                b.append(line).append('\n');
                line.setLength(0);
                while (line.length() < DESCRIPTION_COLUMN) {
                    line.append(' ');
                }
                start = line.length();
            }
            if (line.length() > start) {
                line.append(' ');
            }
            line.append(word);
        }
        b.append(line).append('\n');
    }

    /** A default of the vocabulary as the user types it (95, not 95.0). */
    private static String text(Vocabulary v, String name) {
        JsonValue d = v.defaultValue(name);
        if (d.isNumber() && d.asDouble() == Math.rint(d.asDouble())) {
            return Long.toString(d.asLong());
        }
        return d.asText();
    }

    /** "n normal, ln lognormal, ...": the random distributions. */
    private static String randomDistributions(Vocabulary v) {
        StringJoiner out = new StringJoiner(", ");
        for (String code : v.codes("distributions")) {
            JsonValue d = v.entry("distributions", code);
            if (d.get("random").asBoolean()) {
                out.add(code + " " + d.get("label").asText());
            }
        }
        return out.toString();
    }

    /** "a (default), b (its label), c": each code with its label where that says more, the default marked. */
    private static String described(Vocabulary v, String list, String defaultCode) {
        StringJoiner out = new StringJoiner(", ");
        for (String code : v.codes(list)) {
            String label = v.entry(list, code).path("label").asText("");
            List<String> notes = new ArrayList<>();
            if (!label.isEmpty() && !label.equalsIgnoreCase(code)) {
                notes.add(label);
            }
            if (code.equals(defaultCode)) {
                notes.add("default");
            }
            out.add(notes.isEmpty() ? code : code + " (" + String.join("; ", notes) + ")");
        }
        return out.toString();
    }

    /** "a (default), b or c". */
    private static String codes(Vocabulary v, String list, String defaultCode) {
        List<String> out = new ArrayList<>();
        for (String code : v.codes(list)) {
            out.add(code.equals(defaultCode) ? code + " (default)" : code);
        }
        return or(out);
    }

    /** The instrument keywords: "optimal (default), default". */
    private static String keywords(Vocabulary v, String defaultCode) {
        List<String> out = new ArrayList<>();
        for (String code : v.codes("instruments")) {
            if (v.entry("instruments", code).get("keyword").asBoolean()) {
                out.add(code.equals(defaultCode) ? code + " (default)" : code);
            }
        }
        return String.join(", ", out);
    }

    /** The codes of the entries of a list whose field has the value: "gh, agh". */
    private static String codesWith(Vocabulary v, String list, String field, String value) {
        List<String> out = new ArrayList<>();
        for (String code : v.codes(list)) {
            if (v.entry(list, code).path(field).asText().equals(value)) {
                out.add(code);
            }
        }
        return String.join(", ", out);
    }

    /** "100 for halton, else 0". */
    private static String burns(Vocabulary v) {
        List<String> out = new ArrayList<>();
        for (String code : v.codes("draws")) {
            int burn = v.entry("draws", code).get("defaultBurn").asInt();
            if (burn != 0) {
                out.add(burn + " for " + code);
            }
        }
        out.add("else 0");
        return String.join(", ", out);
    }

    /** "hessian (default for msle), opg, robust, cluster or gmm (default for msm); msle only: hessian, opg; ...". */
    private static String covariances(Vocabulary v) {
        List<String> methods = v.codes("methods");
        List<String> types = new ArrayList<>();
        Map<String, List<String>> only = new LinkedHashMap<>();
        for (String code : v.codes("vce")) {
            List<String> defaultFor = new ArrayList<>();
            for (String m : methods) {
                if (v.entry("methods", m).get("vce").asText().equals(code)) {
                    defaultFor.add(m);
                }
            }
            types.add(defaultFor.isEmpty() ? code : code + " (default for " + String.join(", ", defaultFor) + ")");
            JsonValue available = v.entry("vce", code).get("methods");
            if (available.size() < methods.size()) {
                List<String> names = new ArrayList<>();
                available.forEach(m -> names.add(m.asText()));
                only.computeIfAbsent(String.join(", ", names), k -> new ArrayList<>()).add(code);
            }
        }
        StringBuilder out = new StringBuilder(or(types));
        only.forEach((m, codes) -> out.append("; ").append(m).append(" only: ").append(String.join(", ", codes)));
        return out.toString();
    }

    private static String or(List<String> items) {
        if (items.size() < 2) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }
}
