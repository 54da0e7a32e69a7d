package org.mixlogit.bench;

import java.util.Arrays;
import java.util.Locale;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.io.ExampleData;
import org.mixlogit.simulation.SimulatedLogLikelihood;
import org.mixlogit.simulation.Simulators;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * The bench command: times one log-likelihood + gradient evaluation of the mlogit vignette's mixed logit on the
 * Electricity data (six independent normal coefficients, panel, Halton draws) at mlogit's estimates, on one
 * thread and on all available processors, and prints the time per evaluation and per
 * situation x alternative x draw (per thread). Options: {@code --draws R} (default 500), {@code --evals N}
 * (timed evaluations per setting, default 30), {@code --cache-bytes B} (0 regenerates draws every evaluation).
 */
public final class LikelihoodBenchmark {
    private static final String[] ATTRIBUTES = {"pf", "cl", "loc", "wk", "tod", "seas"};
    private static final double[] MLOGIT = {-0.973386, -0.205557, 2.075724, 1.475645, -9.052539, -9.103759,
        0.219943, 0.378303, 1.482974, 1.000057, 2.289477, 1.180869};

    private LikelihoodBenchmark() {
    }

    public static void main(String[] args) {
        int draws = 500;
        int evals = 30;
        long cacheBytes = IntegrationConfig.DEFAULT_CACHE_BYTES;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--draws":
                    draws = Integer.parseInt(args[++i]);
                    break;
                case "--evals":
                    evals = Integer.parseInt(args[++i]);
                    break;
                case "--cache-bytes":
                    cacheBytes = Long.parseLong(args[++i]);
                    break;
                default:
                    System.err.println("Unknown option " + args[i] + "; use --draws R, --evals N, --cache-bytes B");
                    System.exit(2);
            }
        }
        ChoiceData data = ExampleData.electricity();
        ModelSpec.Builder b = ModelSpec.builder();
        for (String a : ATTRIBUTES) {
            b.random(a, Distribution.NORMAL);
        }
        ModelSpec spec = b.build();
        IntegrationConfig config = IntegrationConfig.of(DrawType.HALTON, draws).withCacheBytes(cacheBytes);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "Electricity, 6 normal coefficients, panel; %d rows (situation x alternative),"
                + " %d Halton draws, %d processors, Java %s%n", data.rowCount(), draws, cores,
                System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "%-8s %-8s %14s %14s %22s%n", "threads", "nodes", "median ms/eval",
                "min ms/eval", "ns/(sit*alt*draw)/thread");
        int[] threadCounts = cores > 1 ? new int[] {1, cores} : new int[] {1};
        for (int threads : threadCounts) {
            try (SimulatedLogLikelihood ll = Simulators.likelihood(data, spec, config, threads)) {
                double[] gradient = new double[MLOGIT.length];
                double value = 0;
                long warmupEnd = System.nanoTime() + 3_000_000_000L;
                while (System.nanoTime() < warmupEnd) {
                    value = ll.valueAndGradient(MLOGIT, gradient);
                }
                double[] millis = new double[evals];
                for (int e = 0; e < evals; e++) {
                    long start = System.nanoTime();
                    value += 0 * ll.valueAndGradient(MLOGIT, gradient);
                    millis[e] = (System.nanoTime() - start) / 1e6;
                }
                Arrays.sort(millis);
                double median = millis[evals / 2];
                double perUnit = median * 1e6 * threads / ((double) data.rowCount() * draws);
                System.out.printf(Locale.ROOT, "%-8d %-8s %14.2f %14.2f %22.2f   (LL %.4f)%n", threads,
                        ll.nodesCached() ? "cached" : "on-demand", median, millis[0], perUnit, value);
            }
        }
    }
}
