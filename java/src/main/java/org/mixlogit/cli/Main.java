package org.mixlogit.cli;

import java.io.PrintStream;
import java.util.Arrays;

import org.mixlogit.MixlogitException;
import org.mixlogit.bench.LikelihoodBenchmark;
import org.mixlogit.estimation.DiagnosticsConfig;
import org.mixlogit.bridge.Vocabulary;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.io.ExampleData;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * Entry point of {@code ./mixlogit}. Exit codes: 0 success (a converged estimate), 1 estimation finished without
 * converging, 2 bad command line, 3 bad data or model (the message says which row, column or option).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
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
                    return EstimateCommand.run(rest, out, err);
                case "bench":
                    LikelihoodBenchmark.main(rest);
                    return 0;
                case "montecarlo":
                    return MonteCarloCommand.run(rest, out, err);
                case "vocabulary":
                    out.println(Vocabulary.engine().prettyJson());
                    return 0;
                case "rules":
                    org.mixlogit.bench.RuleComparison.main(rest);
                    return 0;
                case "shares":
                case "elasticities":
                case "diversion":
                case "conditional":
                case "wtp":
                    return PostEstimationCommand.run(args[0], rest, out, err);
                default:
                    err.println("Unknown command '" + args[0] + "': use example, estimate, shares,"
                            + " elasticities, diversion, conditional, wtp, montecarlo, vocabulary, bench or rules (see"
                            + " --help).");
                    return 2;
            }
        } catch (UsageException e) {
            err.println("mixlogit: " + e.getMessage());
            return 2;
        } catch (MixlogitException e) {
            err.println("mixlogit: " + e.getMessage());
            return 3;
        }
    }

    /** The main job: the Electricity mixed logit of the mlogit vignette (six normal coefficients, 100 Halton). */
    private static int example(String[] args, PrintStream out, PrintStream err) {
        Options o = Options.parse(args, new java.util.HashSet<>(Arrays.asList("threads", "json", "integration-check")),
                new java.util.HashSet<>(Arrays.asList("quiet")));
        ModelSpec.Builder b = ModelSpec.builder();
        for (String a : new String[] {"pf", "cl", "loc", "wk", "tod", "seas"}) {
            b.random(a, Distribution.NORMAL);
        }
        EstimatorConfig config = EstimatorConfig.defaults()
                .withThreads(o.integer("threads", Runtime.getRuntime().availableProcessors(), 1))
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
