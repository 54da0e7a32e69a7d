package org.mixlogit.estimation;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.likelihood.AdaptiveQuadrature;
import org.mixlogit.likelihood.SimulatedLogLikelihood;
import org.mixlogit.spec.ModelSpec;

/**
 * Computes an {@link IntegrationCheck}: the log-likelihood at the estimate with {@code replicates} independent
 * draw sets of the estimation's size (fresh seeds for pseudo-random, MLHS and scrambled Halton draws; seeded
 * scramblings for plain Halton and Sobol, whose own sequences have no seed) and with a more accurate rule (four
 * times the draws; for quadrature, more points or a higher level).
 */
public final class IntegrationChecker {
    /** The accurate rule of simulation draws has this many times the estimation's draws. */
    public static final int SIMULATION_DRAWS_FACTOR = 4;
    /** The accurate Gauss-Hermite rule has this many more points per dimension. */
    public static final int GAUSS_HERMITE_EXTRA_POINTS = 10;
    /**
     * The accurate adaptive Gauss-Hermite rule has this many more points per dimension (adaptive nodes are already
     * where the integrand is, so a few more suffice).
     */
    public static final int ADAPTIVE_EXTRA_POINTS = 4;
    /** The accurate sparse grid is this many levels higher... */
    public static final int SPARSE_EXTRA_LEVELS = 2;
    /** ... up to the highest level of the sparse-grid families (at the top, the same grid: no check possible). */
    public static final int SPARSE_MAX_LEVEL = 25;

    private IntegrationChecker() {
    }

    static IntegrationCheck check(ChoiceData data, ModelSpec spec, IntegrationConfig used, int replicates,
            int threads, double[] theta, double estimateLogLik) {
        DrawType type = used.type();
        double[] values = new double[type.isSimulation() ? replicates : 0];
        String replicateRule = "none (quadrature has no random draws)";
        for (int s = 0; s < values.length; s++) {
            IntegrationConfig c = replicate(used, s + 1);
            try (SimulatedLogLikelihood ll = new SimulatedLogLikelihood(data, spec, c, threads)) {
                values[s] = ll.value(theta);
                replicateRule = c.type().code() + ", " + c.draws() + " draws, " + values.length + " seeds";
            }
        }
        if (type == DrawType.ADAPTIVE_GH) {
            try (SimulatedLogLikelihood ll = new SimulatedLogLikelihood(data, spec,
                    AdaptiveQuadrature.rule(data, spec, theta, accurate(used).draws()), used.cacheBytes(), threads)) {
                return new IntegrationCheck(estimateLogLik, values, replicateRule, ll.value(theta),
                        ll.integrationDescription());
            }
        }
        IntegrationConfig accurate = accurate(used);
        try (SimulatedLogLikelihood ll = new SimulatedLogLikelihood(data, spec, accurate, threads)) {
            return new IntegrationCheck(estimateLogLik, values, replicateRule, ll.value(theta),
                    ll.integrationDescription());
        }
    }

    /** Draw set number {@code index} (1-based) independent of {@code used}: a new seed or scrambling. */
    public static IntegrationConfig replicate(IntegrationConfig used, int index) {
        long seed = used.seed() + 7919L * index;
        switch (used.type()) {
            case HALTON:
            case SOBOL:
                return used.withType(DrawType.SCRAMBLED_HALTON).withBurn(0).withSeed(seed);
            default:
                return used.withSeed(seed);
        }
    }

    /**
     * A more accurate rule than {@code used}: {@value #SIMULATION_DRAWS_FACTOR} times the draws; for Gauss-Hermite
     * {@value #GAUSS_HERMITE_EXTRA_POINTS} more points per dimension, for adaptive Gauss-Hermite
     * {@value #ADAPTIVE_EXTRA_POINTS} more, for sparse grids {@value #SPARSE_EXTRA_LEVELS} levels more (within
     * the families' {@value #SPARSE_MAX_LEVEL} levels).
     */
    public static IntegrationConfig accurate(IntegrationConfig used) {
        switch (used.type()) {
            case GAUSS_HERMITE:
                return used.withDraws(used.draws() + GAUSS_HERMITE_EXTRA_POINTS);
            case ADAPTIVE_GH:
                return used.withDraws(used.draws() + ADAPTIVE_EXTRA_POINTS);
            case SPARSE_GRID:
            case SPARSE_GRID_GH:
                return used.withDraws(Math.min(used.draws() + SPARSE_EXTRA_LEVELS, SPARSE_MAX_LEVEL));
            default:
                return used.withDraws(SIMULATION_DRAWS_FACTOR * used.draws());
        }
    }
}
