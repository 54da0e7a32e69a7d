package org.mixlogit.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;

import org.mixlogit.MixlogitException;
import org.mixlogit.ResourceLimitException;
import org.mixlogit.bench.LikelihoodBenchmark;
import org.mixlogit.bench.SyntheticBenchmark;
import org.mixlogit.estimation.DiagnosticsConfig;
import org.mixlogit.bridge.Vocabulary;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.io.ExampleData;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * Entry point of {@code ./mixlogit}. Exit codes: 0 success (a converged estimate), 1 estimation finished without
 * converging, 2 bad command line, 3 bad data or model (the message says which row, column or option), 4 not enough
 * memory or a grid above its cap ({@link ResourceLimitException} or an {@link OutOfMemoryError} that still
 * escaped), 5 an internal error (any other exception: a bug). Every failure is one paragraph on standard error; the
 * Java stack trace only with {@code --debug}, which any command takes.
 */
public final class Main {
    /** A converged estimate, or a command that finished. */
    static final int OK = 0;
    static final int NOT_CONVERGED = 1;
    static final int USAGE = 2;
    static final int DATA_OR_MODEL = 3;
    static final int RESOURCES = 4;
    static final int INTERNAL = 5;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] arguments, PrintStream out, PrintStream err) {
        return run(arguments, out, err, EstimationEngine.LOCAL);
    }

    /**
     * Runs a command with {@code estimate}'s data and sums on {@code engine} (selected by {@code --engine NAME});
     * the entry point of engines in other modules. Returns the exit code.
     */
    public static int run(String[] arguments, PrintStream out, PrintStream err, EstimationEngine engine) {
        boolean debug = Arrays.asList(arguments).contains("--debug");
        String[] args = Arrays.stream(arguments).filter(a -> !a.equals("--debug")).toArray(String[]::new);
        return guarded(err, debug, () -> dispatch(args, out, err, engine));
    }

    /**
     * Runs a command and turns whatever it throws into its exit code and a one-paragraph message on {@code err}
     * (with {@code debug}, followed by the stack trace).
     */
    public static int guarded(PrintStream err, boolean debug, java.util.function.IntSupplier command) {
        try {
            return command.getAsInt();
        } catch (UsageException e) {
            return fail(err, e.getMessage(), e, USAGE, debug);
        } catch (ResourceLimitException e) {
            return fail(err, e.getMessage(), e, RESOURCES, debug);
        } catch (MixlogitException e) {
            return fail(err, e.getMessage(), e, DATA_OR_MODEL, debug);
        } catch (OutOfMemoryError e) {
            return fail(err, String.format(Locale.ROOT, "Out of memory: the Java heap (at most %d MiB) is full. Use"
                    + " fewer draws (--R), points or a lower level, fewer threads, or a larger heap"
                    + " (MIXLOGIT_JAVA_OPTS=-Xmx8g ./mixlogit ...).", Runtime.getRuntime().maxMemory() >> 20),
                    e, RESOURCES, debug);
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            return fail(err, "Internal error (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "). This is a bug in mixlogit, not"
                    + " in your data: please report it with the command line" + (debug ? " and the stack trace"
                    + " below." : "; --debug prints the details."), e, INTERNAL, debug);
        }
    }

    /** Prints the one-paragraph message (and with --debug the stack trace); returns the exit code. */
    private static int fail(PrintStream err, String message, Throwable e, int code, boolean debug) {
        err.println("mixlogit: " + message);
        if (debug) {
            e.printStackTrace(err);
        }
        return code;
    }

    private static int dispatch(String[] args, PrintStream out, PrintStream err, EstimationEngine engine) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(Help.MAIN);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (args[0]) {
                case "example":
                    return example(rest, out, err);
                case "estimate":
                    return EstimateCommand.run(rest, out, err, engine);
                case "bench":
                    if (Arrays.asList(rest).contains("--synthetic")) {
                        try {
                            SyntheticBenchmark.run(rest, out);
                        } catch (IllegalArgumentException e) {
                            throw new UsageException("bench --synthetic N takes --R R, --threads T, --evals E,"
                                    + " --integration-check C, --no-estimation and --write FILE.csv: "
                                    + e.getMessage());
                        }
                        return 0;
                    }
                    LikelihoodBenchmark.main(benchArguments(rest));
                    return 0;
                case "montecarlo":
                    return MonteCarloCommand.run(rest, out, err);
                case "vocabulary":
                    Options.parse(rest, Collections.emptySet(), Collections.emptySet());
                    out.println(Vocabulary.engine().prettyJson());
                    return 0;
                case "rules":
                    Options.parse(rest, Collections.emptySet(), Collections.singleton("quick"));
                    org.mixlogit.bench.RuleComparison.main(rest);
                    return 0;
                case "shares":
                case "elasticities":
                case "diversion":
                case "conditional":
                case "wtp":
                    return PostEstimationCommand.run(args[0], rest, out, err, engine);
                default:
                    err.println("Unknown command '" + args[0] + "': use example, estimate, shares,"
                            + " elasticities, diversion, conditional, wtp, montecarlo, vocabulary, bench or rules (see"
                            + " --help).");
                    return 2;
            }
        } finally {
            out.flush();
        }
    }

    /**
     * bench's options checked as every command's (an unknown option, a value that is not a whole number, or one
     * out of range is a usage error before any work), in the form {@link LikelihoodBenchmark#main} reads.
     */
    private static String[] benchArguments(String[] args) {
        Options o = Options.parse(args, new java.util.HashSet<>(Arrays.asList("draws", "evals", "cache-bytes")),
                Collections.emptySet());
        int draws = o.integer("draws", 500, 1);
        int evals = o.integer("evals", 30, 1);
        long cacheBytes = o.longValue("cache-bytes", IntegrationConfig.DEFAULT_CACHE_BYTES);
        if (cacheBytes < 0) {
            throw new UsageException("--cache-bytes is " + cacheBytes + ": give 0 (no cache) or more bytes.");
        }
        return new String[] {"--draws", Integer.toString(draws), "--evals", Integer.toString(evals), "--cache-bytes",
            Long.toString(cacheBytes)};
    }

    /** The main job: the Electricity mixed logit of the mlogit vignette (six normal coefficients, 100 Halton). */
    private static int example(String[] args, PrintStream out, PrintStream err) {
        Options o = Options.parse(args, new java.util.HashSet<>(Arrays.asList("threads", "json", "integration-check")),
                new java.util.HashSet<>(Arrays.asList("quiet")));
        new CommandFiles().output("json", o.get("json", null)).check();
        ModelSpec.Builder b = ModelSpec.builder();
        for (String a : new String[] {"pf", "cl", "loc", "wk", "tod", "seas"}) {
            b.random(a, Distribution.NORMAL);
        }
        EstimatorConfig config = EstimatorConfig.defaults()
                .withThreads(o.threads())
                .withDiagnostics(DiagnosticsConfig.defaults()
                        .withCheckReplicates(o.integer("integration-check", 5, 0)));
        if (!o.flag("quiet")) {
            err.println("Example: Train's Electricity data (361 respondents, 4,308 choice situations), six"
                    + " independent normal coefficients, panel, 100 Halton draws.");
        }
        return EstimateCommand.estimateAndReport(ExampleData.electricity(), SavedData.electricityExample(), b.build(),
                config, o.get("json", null),
                o.flag("quiet"), out, err);
    }
}
