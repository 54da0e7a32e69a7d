package org.mixlogit.spark;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.spark.sql.SparkSession;
import org.mixlogit.cli.PostEstimationOutputs;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.data.ChoiceDataBuilder;
import org.mixlogit.estimation.DiagnosticsConfig;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.estimation.MsleEstimator;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.postestimation.FittedModel;
import org.mixlogit.postestimation.PostEstimation;
import org.mixlogit.postestimation.PostEstimationOptions;
import org.mixlogit.simulation.Backend;
import org.mixlogit.simulation.LikelihoodEvaluator;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * The Spark backend against the local engine on one machine (docs/benchmarks.md, spark/bench.sh): time per
 * log-likelihood + gradient evaluation and per whole MSLE estimation, on a synthetic panel generated from a
 * documented seed — N decision-makers, T situations of J alternatives, K attributes with independent normal
 * coefficients (means 1, -1, 0.5, -0.5, 1; standard deviations 0.5 each), R Halton draws — with the
 * parameters' recovery (estimate, standard error, truth). Options: --people N (100000) --situations T (10)
 * --alternatives J (5) --draws R (200) --partitions P (the default parallelism) --master URL (local[2]) --evals E
 * (3) --threads (local engine; 2) --seed S (20240917) --estimate (also time whole estimations, local then Spark)
 * --wtp (also time the willingness-to-pay summary over every draw, local then Spark).
 */
public final class SparkBenchmark {
    static final double[] MEANS = {1.0, -1.0, 0.5, -0.5, 1.0};
    static final double SD = 0.5;
    /** 99% quantiles of the chi-squared distribution with 0..10 degrees of freedom. */
    private static final double[] CHI2_99 = {0, 6.63, 9.21, 11.34, 13.28, 15.09, 16.81, 18.48, 20.09, 21.67, 23.21};

    private SparkBenchmark() {
    }

    public static void main(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--estimate") || args[i].equals("--wtp")) {
                o.put(args[i].substring(2), "true");
            } else {
                o.put(args[i].substring(2), args[++i]);
            }
        }
        int people = Integer.parseInt(o.getOrDefault("people", "100000"));
        int situations = Integer.parseInt(o.getOrDefault("situations", "10"));
        int alternatives = Integer.parseInt(o.getOrDefault("alternatives", "5"));
        int draws = Integer.parseInt(o.getOrDefault("draws", "200"));
        int evals = Integer.parseInt(o.getOrDefault("evals", "3"));
        int threads = Integer.parseInt(o.getOrDefault("threads", "2"));
        long seed = Long.parseLong(o.getOrDefault("seed", "20240917"));
        SparkSession spark = SparkSession.builder().appName("mixlogit-bench")
                .master(o.getOrDefault("master", "local[2]")).config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.showConsoleProgress", "false").getOrCreate();
        try {
            int partitions = Integer.parseInt(o.getOrDefault("partitions",
                    Integer.toString(spark.sparkContext().defaultParallelism())));
            ChoiceData data = generate(people, situations, alternatives, seed);
            ModelSpec spec = spec();
            IntegrationConfig integration = IntegrationConfig.of(DrawType.HALTON, draws);
            System.out.printf(Locale.ROOT, "data: %d decision-makers x %d situations x %d alternatives, K = %d,"
                    + " R = %d Halton draws; Spark %s, %d partitions; local engine %d threads%n", people, situations,
                    alternatives, MEANS.length, draws, spark.sparkContext().master(), partitions, threads);
            SparkBackend backend = new SparkBackend(spark, partitions);
            double[] theta = truth();
            double local = perEvaluation(Backend.local(threads), data, spec, integration, theta, evals, "local");
            double distributed = perEvaluation(backend, data, spec, integration, theta, evals, "spark");
            System.out.printf(Locale.ROOT, "per evaluation (value + gradient): local %.3f s, spark %.3f s (x%.2f)%n",
                    local, distributed, distributed / local);
            if (o.containsKey("wtp")) {
                willingnessToPay(spark, backend, data, spec, integration, theta, threads);
            }
            if (o.containsKey("estimate")) {
                EstimatorConfig config = EstimatorConfig.defaults().withIntegration(integration).withThreads(threads)
                        .withDiagnostics(DiagnosticsConfig.defaults().withCheckReplicates(0));
                EstimationResult l = timed("local", () -> new MsleEstimator(config, Backend.local(threads))
                        .estimate(data, spec));
                EstimationResult s = timed("spark", () -> new MsleEstimator(config, backend).estimate(data, spec));
                System.out.println("identical estimates: " + java.util.Arrays.equals(l.estimates(), s.estimates()));
                double[] se = s.standardErrors();
                double wald = 0;
                for (int i = 0; i < theta.length; i++) {
                    // a standard deviation's sign is not identified: compare its absolute value
                    double e = i >= MEANS.length ? Math.abs(s.estimates()[i]) : s.estimates()[i];
                    double z = (e - theta[i]) / se[i];
                    wald += z * z;
                    System.out.printf(Locale.ROOT, "%-12s truth %7.3f  estimate %8.4f  se %.4f  z %6.2f%n",
                            s.names().get(i), theta[i], s.estimates()[i], se[i], z);
                }
                System.out.printf(Locale.ROOT, "sum of squared z: %.2f (chi-squared with %d degrees of freedom if the"
                        + " estimates were independent; 99%% quantile %.1f)%n", wald, theta.length,
                        CHI2_99[theta.length]);
            }
        } finally {
            spark.stop();
        }
    }

    /**
     * The willingness-to-pay summary of x2 in units of x1 at the truth (the population's mean and quantiles over
     * every draw, the mean of the conditional means): local threads, then the Spark engine's (exact order statistics
     * by counting passes over each partition's sorted draws), with their wall times and whether they are identical.
     */
    private static void willingnessToPay(SparkSession spark, SparkBackend backend, ChoiceData data, ModelSpec spec,
            IntegrationConfig integration, double[] theta, int threads) {
        int p = theta.length;
        double[] covariance = new double[p * p];
        FittedModel model = new FittedModel(spec, theta, covariance, "hessian", integration, 95, threads);
        long t0 = System.nanoTime();
        double[] local = PostEstimationOutputs.local(new PostEstimation(model, data, PostEstimationOptions.defaults()),
                "").willingnessToPay("x2", "x1", null);
        long t1 = System.nanoTime();
        double[] distributed = new SparkPostEstimationOutputs(spark, backend, model.withBackend(backend), data, "")
                .willingnessToPay("x2", "x1", null);
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "willingness to pay over %d draws: local %.2f s, spark %.2f s; median %.6g;"
                + " identical summaries: %b%n", (long) local[0], (t1 - t0) / 1e9, (t2 - t1) / 1e9, local[2],
                java.util.Arrays.equals(local, distributed));
    }

    private static EstimationResult timed(String what, java.util.function.Supplier<EstimationResult> fit) {
        long t0 = System.nanoTime();
        EstimationResult r = fit.get();
        System.out.printf(Locale.ROOT, "whole estimation, %s: %.1f s, %d iterations, %d evaluations,"
                + " log-likelihood %.4f%n", what, (System.nanoTime() - t0) / 1e9, r.iterations(), r.evaluations(),
                r.logLikelihood());
        return r;
    }

    /** Mean wall time of one value-and-gradient evaluation, after one warm-up (which builds the engines). */
    private static double perEvaluation(Backend backend, ChoiceData data, ModelSpec spec, IntegrationConfig rule,
            double[] theta, int evals, String what) {
        long t0 = System.nanoTime();
        try (LikelihoodEvaluator ll = backend.likelihood(data, spec, rule, null)) {
            double[] g = new double[theta.length];
            ll.valueAndGradient(theta, g);
            System.out.printf(Locale.ROOT, "%s: set-up and first evaluation %.3f s%n", what,
                    (System.nanoTime() - t0) / 1e9);
            long t1 = System.nanoTime();
            for (int e = 0; e < evals; e++) {
                ll.valueAndGradient(theta, g);
            }
            return (System.nanoTime() - t1) / 1e9 / evals;
        }
    }

    static ModelSpec spec() {
        ModelSpec.Builder b = ModelSpec.builder();
        for (int k = 0; k < MEANS.length; k++) {
            b.random("x" + (k + 1), Distribution.NORMAL);
        }
        return b.build();
    }

    /** Means, then standard deviations. */
    static double[] truth() {
        double[] t = new double[2 * MEANS.length];
        for (int k = 0; k < MEANS.length; k++) {
            t[k] = MEANS[k];
            t[MEANS.length + k] = SD;
        }
        return t;
    }

    /** The synthetic panel: a deterministic function of the seed (SplittableRandom), attributes standard normal. */
    static ChoiceData generate(int people, int situations, int alternatives, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int kk = MEANS.length;
        int rows = people * situations * alternatives;
        long[] sit = new long[rows];
        long[] id = new long[rows];
        double[] chosen = new double[rows];
        double[][] x = new double[kk][rows];
        double[] beta = new double[kk];
        int at = 0;
        for (int n = 0; n < people; n++) {
            for (int k = 0; k < kk; k++) {
                beta[k] = MEANS[k] + SD * gaussian(random);
            }
            for (int t = 0; t < situations; t++) {
                int best = -1;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < alternatives; j++) {
                    int i = at + j;
                    sit[i] = (long) n * situations + t;
                    id[i] = n;
                    double u = -Math.log(-Math.log(random.nextDouble()));
                    for (int k = 0; k < kk; k++) {
                        x[k][i] = gaussian(random);
                        u += beta[k] * x[k][i];
                    }
                    if (u > max) {
                        max = u;
                        best = i;
                    }
                }
                chosen[best] = 1;
                at += alternatives;
            }
        }
        ChoiceDataBuilder b = ChoiceData.builder().situations(sit).decisionMakers(id).chosen(chosen);
        for (int k = 0; k < kk; k++) {
            b.attribute("x" + (k + 1), x[k]);
        }
        return b.build();
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
