package org.mixlogit.bench;

import java.util.Locale;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.estimation.DiagnosticsConfig;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.estimation.IntegrationChecker;
import org.mixlogit.estimation.MsleEstimator;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.io.ExampleData;
import org.mixlogit.simulation.SimulatedLogLikelihood;
import org.mixlogit.simulation.Simulators;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * The rules command: estimates the Fishing model (price and catch normal, cross-section) and the Electricity model
 * (six normal, panel) with each integration rule at several sizes, and prints the maximised log-likelihood, the
 * number of nodes (per decision-maker for the adaptive rules), the time (wall and the process's CPU time, which a
 * shared machine does not inflate), and the integration check's change of the log-likelihood at the estimate to the
 * more accurate rule (the next level of a sparse grid, four times the draws, more points), so users can see which
 * rule buys accuracy cheapest and how far each is from converged. {@code --quick} runs a reduced set.
 */
public final class RuleComparison {
    private RuleComparison() {
    }

    public static void main(String[] args) {
        boolean quick = args.length > 0 && args[0].equals("--quick");
        ChoiceData fishing = ExampleData.fishing();
        ModelSpec fishingSpec = ModelSpec.builder().random("price", Distribution.NORMAL)
                .random("catch", Distribution.NORMAL).build();
        System.out.println("Fishing: price and catch normal, cross-section (1,182 people, 4 modes)");
        header();
        Object[][] fishingRules = quick
                ? new Object[][] {{DrawType.HALTON, 1000}, {DrawType.GAUSS_HERMITE, 20}, {DrawType.SPARSE_GRID, 16}}
                : new Object[][] {{DrawType.HALTON, 1000}, {DrawType.HALTON, 5000}, {DrawType.HALTON, 20000},
                    {DrawType.SOBOL, 1000}, {DrawType.MLHS, 1000}, {DrawType.GAUSS_HERMITE, 10},
                    {DrawType.GAUSS_HERMITE, 20}, {DrawType.GAUSS_HERMITE, 40}, {DrawType.SPARSE_GRID_GH, 10},
                    {DrawType.SPARSE_GRID_GH, 20}, {DrawType.SPARSE_GRID_GH, 25}, {DrawType.SPARSE_GRID, 10},
                    {DrawType.SPARSE_GRID, 13}, {DrawType.SPARSE_GRID, 16}, {DrawType.SPARSE_GRID, 20},
                    {DrawType.SPARSE_GRID, 25}, {DrawType.ADAPTIVE_GH, 3},
                    {DrawType.ADAPTIVE_GH, 5}, {DrawType.ADAPTIVE_GH, 8}, {DrawType.ADAPTIVE_SPARSE, 4},
                    {DrawType.ADAPTIVE_SPARSE, 6}, {DrawType.ADAPTIVE_HALTON, 50}, {DrawType.ADAPTIVE_HALTON, 200}};
        for (Object[] rule : fishingRules) {
            row(fishing, fishingSpec, (DrawType) rule[0], (Integer) rule[1]);
        }
        ChoiceData electricity = ExampleData.electricity();
        ModelSpec.Builder b = ModelSpec.builder();
        for (String a : new String[] {"pf", "cl", "loc", "wk", "tod", "seas"}) {
            b.random(a, Distribution.NORMAL);
        }
        System.out.println();
        System.out.println("Electricity: six normal coefficients, panel (361 people, 4,308 situations)");
        header();
        Object[][] electricityRules = quick
                ? new Object[][] {{DrawType.HALTON, 100}, {DrawType.SPARSE_GRID, 3}, {DrawType.ADAPTIVE_HALTON, 100}}
                : new Object[][] {{DrawType.HALTON, 100}, {DrawType.HALTON, 500}, {DrawType.HALTON, 2000},
                    {DrawType.SOBOL, 500}, {DrawType.GAUSS_HERMITE, 3}, {DrawType.GAUSS_HERMITE, 4},
                    {DrawType.SPARSE_GRID_GH, 3}, {DrawType.SPARSE_GRID_GH, 4}, {DrawType.SPARSE_GRID_GH, 5},
                    {DrawType.SPARSE_GRID, 3}, {DrawType.SPARSE_GRID, 4}, {DrawType.SPARSE_GRID, 5},
                    {DrawType.SPARSE_GRID, 6},
                    {DrawType.ADAPTIVE_GH, 2}, {DrawType.ADAPTIVE_GH, 3}, {DrawType.ADAPTIVE_GH, 4},
                    {DrawType.ADAPTIVE_SPARSE, 3}, {DrawType.ADAPTIVE_SPARSE, 4}, {DrawType.ADAPTIVE_SPARSE, 5},
                    {DrawType.ADAPTIVE_HALTON, 50}, {DrawType.ADAPTIVE_HALTON, 100}, {DrawType.ADAPTIVE_HALTON, 400},
                    {DrawType.ADAPTIVE_SOBOL, 100}, {DrawType.ADAPTIVE_SOBOL, 400}, {DrawType.ADAPTIVE_SOBOL, 1600}};
        for (Object[] rule : electricityRules) {
            row(electricity, b.build(), (DrawType) rule[0], (Integer) rule[1]);
        }
    }

    private static void header() {
        System.out.printf(Locale.ROOT, "%-58s %8s %14s %6s %8s %8s %10s%n", "rule", "nodes", "log-likelihood", "iter",
                "seconds", "CPU s", "check");
    }

    /**
     * One estimation (no integration check inside, so "seconds" and "CPU s" are the estimation's), then the
     * log-likelihood at the estimate with the more accurate rule of the integration check, minus the estimate's.
     */
    private static void row(ChoiceData data, ModelSpec spec, DrawType type, int size) {
        IntegrationConfig integration = IntegrationConfig.of(type, size).withCacheBytes(1L << 30);
        EstimatorConfig config = EstimatorConfig.defaults().withIntegration(integration)
                .withDiagnostics(DiagnosticsConfig.defaults().withCheckReplicates(0));
        try {
            long cpu = CpuTime.process();
            EstimationResult r = new MsleEstimator(config).estimate(data, spec);
            double cpuSeconds = cpu < 0 ? Double.NaN : (CpuTime.process() - cpu) / 1e9;
            int nodes = type.sizeKind().equals("draws") ? size : type == DrawType.ADAPTIVE_GH
                    ? (int) Math.round(Math.pow(size, spec.randomDimension())) : parseNodes(r.integration());
            double change;
            try (SimulatedLogLikelihood accurate = Simulators.likelihood(data, spec,
                    IntegrationChecker.accurate(integration), r.estimates(), config.threads())) {
                change = accurate.value(r.estimates()) - r.logLikelihood();
            } catch (RuntimeException tooLarge) {
                // the more accurate rule may not fit in memory (agh 4 -> 8 points in six dimensions): NaN
                change = Double.NaN;
            }
            System.out.printf(Locale.ROOT, "%-58s %8d %14.4f %6d %8.2f %8.2f %+10.4f%s%n", r.integration(), nodes,
                    r.logLikelihood(), r.iterations(), r.seconds(), cpuSeconds, change,
                    r.isConverged() ? "" : "  (not converged: " + r.status() + ")");
        } catch (RuntimeException e) {
            System.out.printf(Locale.ROOT, "%-58s failed: %s%n", type.code() + " " + size, e.getMessage());
        }
    }

    private static int parseNodes(String description) {
        String[] words = description.split("[ ,]+");
        for (int i = 1; i < words.length; i++) {
            if (words[i].equals("nodes")) {
                return Integer.parseInt(words[i - 1]);
            }
        }
        return -1;
    }
}
