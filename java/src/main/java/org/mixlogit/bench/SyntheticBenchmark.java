package org.mixlogit.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.estimation.DiagnosticsConfig;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.estimation.Estimator;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.io.FileErrors;
import org.mixlogit.simulation.SimulatedLogLikelihood;
import org.mixlogit.simulation.Simulators;
import org.mixlogit.spec.ModelSpec;

/**
 * {@code bench --synthetic N}: generates issue 18's synthetic panel ({@link SyntheticPanel}) in memory, times
 * log-likelihood + gradient evaluations at the generating parameters (on one thread and on {@code --threads}),
 * then a whole estimation with the default estimator (default draws, {@code --R} of them). With {@code --write
 * FILE.csv} it only writes the panel, so that other programs can be run on the same data.
 */
public final class SyntheticBenchmark {
    /** The generating parameters in layout order: five means, then five standard deviations. */
    private static final double[] TRUTH = {1, -1, 0.5, -0.5, 0.8, 0.5, 0.8, 0.4, 0.6, 0.3};

    private final int people;
    private final int draws;
    private final int threads;
    private final int evals;
    private final boolean estimate;
    private final int checkReplicates;
    private final boolean hessian;

    private SyntheticBenchmark(int people, int draws, int threads, int evals, boolean estimate, int checkReplicates,
            boolean hessian) {
        this.people = people;
        this.draws = draws;
        this.threads = threads;
        this.evals = evals;
        this.estimate = estimate;
        this.checkReplicates = checkReplicates;
        this.hessian = hessian;
    }

    /**
     * Options: {@code --synthetic N} (required), {@code --R} (default 200), {@code --threads} (default: all
     * processors), {@code --evals} (timed evaluations per thread count, default 5), {@code --no-estimation},
     * {@code --hessian} (also time the exact Hessian per thread count: the first, cold, then {@code --evals} more),
     * {@code --integration-check} (replicates, default 0), {@code --write FILE.csv}.
     *
     * @throws IllegalArgumentException for a bad command line (the message says what to give)
     */
    public static void run(String[] args, PrintStream out) {
        int people = -1;
        int draws = 200;
        int threads = Runtime.getRuntime().availableProcessors();
        int evals = 5;
        boolean estimate = true;
        boolean hessian = false;
        int check = 0;
        String write = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--no-estimation")) {
                estimate = false;
                continue;
            }
            if (a.equals("--hessian")) {
                hessian = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value.");
            }
            String v = args[++i];
            switch (a) {
                case "--synthetic":
                    people = positive(a, v);
                    break;
                case "--R":
                    draws = positive(a, v);
                    break;
                case "--threads":
                    threads = positive(a, v);
                    break;
                case "--evals":
                    evals = positive(a, v);
                    break;
                case "--integration-check":
                    check = whole(a, v);
                    if (check < 0) {
                        throw new IllegalArgumentException(a + " is " + check + ": give 0 (none) or more.");
                    }
                    break;
                case "--write":
                    write = v;
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + a + ".");
            }
        }
        if (people < 1) {
            throw new IllegalArgumentException("--synthetic N needs the number of decision-makers.");
        }
        if (write != null) {
            checkWritable(Path.of(write));
        }
        long start = System.nanoTime();
        SyntheticPanel panel = SyntheticPanel.generate(people);
        if (write != null) {
            write(panel, Path.of(write));
            out.printf(Locale.ROOT, "Wrote %s: %d rows (%d decision-makers x %d situations x %d alternatives), chosen"
                    + " alternatives sum to %d, in %.2f s.%n", write, panel.rows(), people, SyntheticPanel.SITUATIONS,
                    SyntheticPanel.ALTERNATIVES, panel.chosenSum(), (System.nanoTime() - start) / 1e9);
            return;
        }
        new SyntheticBenchmark(people, draws, threads, evals, estimate, check, hessian).time(panel, start, out);
    }

    private void time(SyntheticPanel panel, long start, PrintStream out) {
        ChoiceData data = panel.data();
        ModelSpec spec = SyntheticPanel.spec();
        out.printf(Locale.ROOT, "Synthetic panel: %d decision-makers x %d situations x %d alternatives = %d rows, 5"
                + " normal coefficients, %d draws; chosen alternatives sum to %d; generated in %.2f s. Java %s, %d"
                + " processors, %s kernel.%n", people, SyntheticPanel.SITUATIONS, SyntheticPanel.ALTERNATIVES,
                data.rowCount(), draws, panel.chosenSum(), (System.nanoTime() - start) / 1e9,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Simulators.denseKernel(data.rowCount(), draws));
        IntegrationConfig integration = EstimatorConfig.defaults().integration().withDraws(draws);
        out.printf(Locale.ROOT, "%-8s %14s %14s %26s %18s%n", "threads", "median ms/eval", "min ms/eval",
                "ns/(sit*alt*draw)/thread", "CPU ns/(...)");
        int[] counts = threads > 1 ? new int[] {1, threads} : new int[] {1};
        for (int t : counts) {
            try (SimulatedLogLikelihood ll = Simulators.likelihood(data, spec, integration, t)) {
                double[] gradient = new double[TRUTH.length];
                double value = 0;
                // warm-up: at least 3 evaluations and 2.5 seconds (C2 compiles the Vector API kernel in about a
                // second, and the kernel is then timed against the portable one before it takes over), then until
                // two in a row take within 5% of each other (at most 40 evaluations)
                double last = Double.NaN;
                long warmStart = System.nanoTime();
                for (int w = 0; w < 40; w++) {
                    long t0 = System.nanoTime();
                    value = ll.valueAndGradient(TRUTH, gradient);
                    double took = System.nanoTime() - t0;
                    boolean settled = Math.abs(took - last) < 0.05 * last;
                    last = took;
                    if (w >= 2 && System.nanoTime() - warmStart > 2.5e9 && settled) {
                        break;
                    }
                }
                double[] millis = new double[evals];
                double[] cpuMillis = new double[evals];
                for (int e = 0; e < evals; e++) {
                    long c0 = CpuTime.process();
                    long t0 = System.nanoTime();
                    value = ll.valueAndGradient(TRUTH, gradient);
                    millis[e] = (System.nanoTime() - t0) / 1e6;
                    cpuMillis[e] = (CpuTime.process() - c0) / 1e6;
                }
                Arrays.sort(millis);
                Arrays.sort(cpuMillis);
                double median = millis[evals / 2];
                double terms = (double) data.rowCount() * draws;
                out.printf(Locale.ROOT, "%-8d %14.1f %14.1f %26.2f %18.2f   (LL at the truth %.6f)%n", t, median,
                        millis[0], median * 1e6 * t / terms, cpuMillis[evals / 2] * 1e6 / terms, value);
                if (hessian) {
                    timeHessian(ll, t, terms, out);
                }
            }
        }
        if (!estimate) {
            return;
        }
        EstimatorConfig config = EstimatorConfig.defaults().withIntegration(integration).withThreads(threads)
                .withDiagnostics(DiagnosticsConfig.defaults().withCheckReplicates(checkReplicates));
        long t0 = System.nanoTime();
        long c0 = CpuTime.process();
        EstimationResult r = Estimator.of(config).estimate(data, spec);
        out.printf(Locale.ROOT, "Estimation (%d threads): LL %.4f, %s after %d iterations, %d evaluations, %.2f s"
                + " (engine's own timing %.2f s), process CPU %.2f s.%n", threads, r.logLikelihood(), r.isConverged()
                ? "converged" : "NOT converged", r.iterations(), r.evaluations(), (System.nanoTime() - t0) / 1e9,
                r.seconds(), (CpuTime.process() - c0) / 1e9);
    }

    /**
     * The exact Hessian at the truth: the first call (in this JVM, so with the kernel's compilation) and the median
     * of {@code evals} more, in wall and process CPU time.
     */
    private void timeHessian(SimulatedLogLikelihood ll, int t, double terms, PrintStream out) {
        long c0 = CpuTime.process();
        long t0 = System.nanoTime();
        double[] h = ll.hessian(TRUTH);
        double firstWall = (System.nanoTime() - t0) / 1e9;
        double firstCpu = (CpuTime.process() - c0) / 1e9;
        double[] millis = new double[evals];
        double[] cpuMillis = new double[evals];
        for (int e = 0; e < evals; e++) {
            c0 = CpuTime.process();
            t0 = System.nanoTime();
            h = ll.hessian(TRUTH);
            millis[e] = (System.nanoTime() - t0) / 1e6;
            cpuMillis[e] = (CpuTime.process() - c0) / 1e6;
        }
        Arrays.sort(millis);
        Arrays.sort(cpuMillis);
        out.printf(Locale.ROOT, "%-8d exact Hessian: first %.2f s (CPU %.2f s), then median %.1f ms, CPU ns/(...) %.2f"
                + "   (H[0,0] %.17g)%n", t, firstWall, firstCpu, millis[evals / 2], cpuMillis[evals / 2] * 1e6 / terms,
                h[0]);
    }

    /** Refuses a --write target that cannot be a new file before the panel is generated. */
    private static void checkWritable(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("cannot write --write " + file + ": is a directory. Give a file name.");
        }
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("cannot write --write " + file + ": no such directory (" + parent
                    + "). Create it first or give another path.");
        }
    }

    private static void write(SyntheticPanel panel, Path file) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            panel.write(w);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write --write " + file + ": " + FileErrors.reason(e, file)
                    + ".", e);
        }
    }

    private static int whole(String option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, not '" + value + "'.");
        }
    }

    private static int positive(String option, String value) {
        int v = whole(option, value);
        if (v < 1) {
            throw new IllegalArgumentException(option + " is " + v + ": give a whole number of 1 or more.");
        }
        return v;
    }
}
