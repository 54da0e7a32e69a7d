package org.mixlogit.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.mixlogit.MixlogitException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.estimation.MethodConfig;
import org.mixlogit.estimation.MsleEstimator;
import org.mixlogit.estimation.MsmEstimator;
import org.mixlogit.estimation.MssEstimator;
import org.mixlogit.estimation.SearchConfig;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.msm.MsmConfig;
import org.mixlogit.spec.ModelSpec;

/**
 * Monte Carlo study of simulation bias: data simulated from {@link SimulatedChoices} (a cross-section and a panel,
 * each with a small-share alternative) are estimated by MSLE and by MSM with optimal instruments at several draw
 * counts R. Replication k uses data seed {@code seed + k} and draw seed {@code seed + 1000 + k}; MSM's first step is
 * the MSLE estimate of the same replication and R (its instruments are simulated with an independent draw set).
 * For each design, R and parameter the table gives the truth and, per estimator, the bias (mean estimate minus
 * truth, with its Monte Carlo standard error), the standard deviation of the estimates, the mean standard error
 * and the coverage of nominal 95% intervals (MSLE: Hessian; MSM: GMM sandwich). Spreads are compared as |sd|.
 * A failed or non-converged estimate is counted and left out.
 */
public final class MonteCarloStudy {
    private static final double Z95 = 1.959963984540054;

    /** One design: decision-makers and situations per decision-maker (1 = cross-section). */
    public static final class Design {
        final String name;
        final int people;
        final int situations;

        public Design(String name, int people, int situations) {
            this.name = name;
            this.people = people;
            this.situations = situations;
        }
    }

    private MonteCarloStudy() {
    }

    /**
     * Runs the study and returns the table as Markdown; progress goes to {@code progress}.
     *
     * @param draws draw counts R
     */
    public static String run(List<Design> designs, int[] draws, int replications, DrawType type, long seed,
            int threads, PrintStream progress) {
        return run(designs, draws, new int[0], replications, type, seed, threads, progress);
    }

    /**
     * Runs the study with the method of simulated scores beside MSLE and MSM at the draw counts {@code scoreDraws}
     * (which must be among {@code draws}; MSS columns are blank at the others).
     */
    public static String run(List<Design> designs, int[] draws, int[] scoreDraws, int replications, DrawType type,
            long seed, int threads, PrintStream progress) {
        return run(designs, draws, scoreDraws, new int[0], replications, type, seed, threads, progress);
    }

    /**
     * As {@link #run(List, int[], int[], int, DrawType, long, int, PrintStream)}, with the method of simulated scores
     * by importance sampling ({@code adaptive-halton} draws, R per person, from the same MSLE start) at the draw
     * counts {@code importanceDraws} (among {@code draws}) in columns of their own ("MSS-IS").
     */
    public static String run(List<Design> designs, int[] draws, int[] scoreDraws, int[] importanceDraws,
            int replications, DrawType type, long seed, int threads, PrintStream progress) {
        java.util.Set<Integer> mss = new java.util.HashSet<>();
        for (int r : scoreDraws) {
            mss.add(r);
        }
        java.util.Set<Integer> importance = new java.util.HashSet<>();
        for (int r : importanceDraws) {
            importance.add(r);
        }
        // the columns: MSLE, MSM, then MSS (accept-reject) and MSS-IS when asked for
        List<Integer> columns = new java.util.ArrayList<>(List.of(0, 1));
        if (!mss.isEmpty()) {
            columns.add(2);
        }
        if (!importance.isEmpty()) {
            columns.add(3);
        }
        String[] label = {"MSLE", "MSM", "MSS", "MSS-IS"};
        ModelSpec spec = SimulatedChoices.spec();
        double[] truth = SimulatedChoices.TRUTH;
        List<String> names = spec.layout().names();
        int p = truth.length;
        StringBuilder table = new StringBuilder();
        table.append("| design | R | parameter | truth |");
        for (int e : columns) {
            table.append(String.format(Locale.ROOT, " %1$s bias (MC s.e.) | %1$s sd | %1$s mean s.e. | %1$s cover. |",
                    label[e]));
        }
        table.append("\n|---|---:|---|---:|");
        for (int i = 0; i < columns.size(); i++) {
            table.append("---:|---:|---:|---:|");
        }
        table.append("\n");
        StringBuilder failures = new StringBuilder();
        long began = System.nanoTime();
        for (Design design : designs) {
            double[][][][] stats = new double[draws.length][4][p][4];
            int[][] ok = new int[draws.length][4];
            for (int k = 0; k < replications; k++) {
                ChoiceData data = SimulatedChoices.generate(design.people, design.situations, truth, seed + k);
                for (int d = 0; d < draws.length; d++) {
                    EstimatorConfig config = EstimatorConfig.defaults().withThreads(threads)
                            .withIntegration(IntegrationConfig.of(type, draws[d]).withSeed(seed + 1000 + k))
                            .withSearch(SearchConfig.defaults().withStartSeed(seed + k));
                    EstimationResult msle = attempt(() -> new MsleEstimator(config).estimate(data, spec));
                    EstimationResult msm = msle == null ? null : attempt(() -> new MsmEstimator(config
                            .withMethod(MethodConfig.msm(MsmConfig.defaults().withFirstStep(msle.estimates()))))
                            .estimate(data, spec));
                    record(msle, CovarianceType.HESSIAN, truth, names, stats[d][0], ok[d], 0);
                    record(msm, CovarianceType.GMM, truth, names, stats[d][1], ok[d], 1);
                    if (mss.contains(draws[d])) {
                        // MSS starts at the same replication's MSLE estimate (it would compute it otherwise)
                        EstimationResult scores = msle == null ? null : attempt(() -> new MssEstimator(config
                                .withSearch(config.search().withStart(msle.estimates()))
                                .withMethod(MethodConfig.of(org.mixlogit.estimation.EstimationMethod.MSS)))
                                .estimate(data, spec));
                        record(scores, CovarianceType.ROBUST, truth, names, stats[d][2], ok[d], 2);
                    }
                    if (importance.contains(draws[d])) {
                        // importance sampling from the adapted proposal, from the same start
                        IntegrationConfig adapted = IntegrationConfig.of(DrawType.ADAPTIVE_HALTON, draws[d]);
                        EstimationResult weighted = msle == null ? null : attempt(() -> new MssEstimator(config
                                .withIntegration(adapted)
                                .withSearch(config.search().withStart(msle.estimates()))
                                .withMethod(MethodConfig.of(org.mixlogit.estimation.EstimationMethod.MSS)))
                                .estimate(data, spec));
                        record(weighted, CovarianceType.ROBUST, truth, names, stats[d][3], ok[d], 3);
                    }
                }
                progress.println(String.format(Locale.ROOT, "%s: replication %d of %d done (%.0f s)", design.name,
                        k + 1, replications, (System.nanoTime() - began) / 1e9));
            }
            for (int d = 0; d < draws.length; d++) {
                for (int j = 0; j < p; j++) {
                    table.append(String.format(Locale.ROOT, "| %s | %d | %s | %.2f |", design.name, draws[d],
                            names.get(j), truth[j]));
                    for (int e : columns) {
                        if (!asked(e, draws[d], mss, importance)) {
                            table.append(" | | | |");
                            continue;
                        }
                        double[] s = stats[d][e][j];
                        int n = ok[d][e];
                        double mean = s[0] / n;
                        double sd = Math.sqrt(Math.max(0, (s[1] - n * mean * mean) / (n - 1)));
                        table.append(String.format(Locale.ROOT, " %+.3f (%.3f) | %.3f | %.3f | %.2f |", mean - truth[j],
                                sd / Math.sqrt(n), sd, s[2] / n, s[3] / n));
                    }
                    table.append('\n');
                }
                for (int e : columns) {
                    if (!asked(e, draws[d], mss, importance)) {
                        continue;
                    }
                    if (ok[d][e] < replications) {
                        failures.append(String.format(Locale.ROOT, "%s, R = %d, %s: %d of %d replications failed or"
                                + " did not converge and are left out.%n", design.name, draws[d], label[e],
                                replications - ok[d][e], replications));
                    }
                }
            }
        }
        if (failures.length() > 0) {
            table.append('\n').append(failures);
        }
        return table.toString();
    }

    /** Whether estimator column e runs at R draws: MSLE and MSM always, MSS and MSS-IS at their draw counts. */
    private static boolean asked(int e, int r, java.util.Set<Integer> mss, java.util.Set<Integer> importance) {
        return e < 2 || (e == 2 ? mss : importance).contains(r);
    }

    private interface Fit {
        EstimationResult run();
    }

    private static EstimationResult attempt(Fit fit) {
        try {
            EstimationResult r = fit.run();
            return r.isConverged() ? r : null;
        } catch (MixlogitException e) {
            return null;
        }
    }

    /** Adds estimate, its square, the standard error and the coverage indicator; spreads as absolute values. */
    private static void record(EstimationResult r, CovarianceType type, double[] truth, List<String> names,
            double[][] stats, int[] ok, int e) {
        if (r == null) {
            return;
        }
        double[] theta = r.estimates();
        double[] se = r.standardErrors(type);
        for (double s : se) {
            if (!Double.isFinite(s)) {
                return;
            }
        }
        ok[e]++;
        for (int j = 0; j < truth.length; j++) {
            double v = names.get(j).startsWith("sd.") ? Math.abs(theta[j]) : theta[j];
            stats[j][0] += v;
            stats[j][1] += v * v;
            stats[j][2] += se[j];
            stats[j][3] += Math.abs(v - truth[j]) <= Z95 * se[j] ? 1 : 0;
        }
    }
}
