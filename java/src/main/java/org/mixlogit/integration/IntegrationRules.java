package org.mixlogit.integration;

import java.util.Locale;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.ResourceLimitException;

/**
 * The one door from an {@link IntegrationConfig} to its {@link IntegrationRule}, and the sizes of the rules before
 * they are built: every grid family (Gauss-Hermite products, sparse grids, adaptive Gauss-Hermite) is capped at
 * {@value #MAX_GRID_NODES} nodes per decision-maker, and a sparse grid's construction at
 * {@value #MAX_SPARSE_GRID_WORK} tensor-product points (about five seconds); above either the rule is refused with
 * a {@link ResourceLimitException} before anything is allocated.
 */
public final class IntegrationRules {
    /** Most nodes per decision-maker of a quadrature rule (Gauss-Hermite product, sparse grid, adaptive). */
    public static final long MAX_GRID_NODES = 1_000_000L;
    /** Most tensor-product points a sparse grid's construction may visit. */
    public static final long MAX_SPARSE_GRID_WORK = 10_000_000L;

    private IntegrationRules() {
    }

    /**
     * The rule for {@code config} over {@code dimension} standard normal dimensions: a {@link SingleNode} when the
     * dimension is 0 (nothing is random, whatever the configuration says), otherwise the draws of the
     * configuration's type.
     *
     * @param config the draw type, draws per decision-maker, seed and burn-in
     * @param dimension the number of random dimensions, 0 or more
     * @throws IllegalArgumentException if config is null or the dimension is negative
     */
    public static IntegrationRule create(IntegrationConfig config, int dimension) {
        requireArguments(config, dimension);
        checkGridSize(config, dimension);
        if (dimension == 0) {
            return new SingleNode();
        }
        switch (config.type()) {
            case HALTON:
                return new HaltonDraws(config, dimension);
            case SCRAMBLED_HALTON:
                return new ScrambledHaltonDraws(config, dimension);
            case MLHS:
                return new MlhsDraws(config, dimension);
            case SOBOL:
            case SCRAMBLED_SOBOL:
                return new SobolDraws(config, dimension);
            case PSEUDO_RANDOM:
                return new PseudoRandomDraws(config, dimension);
            case GAUSS_HERMITE:
                return new GaussHermiteRule(config, dimension);
            case SPARSE_GRID:
            case SPARSE_GRID_GH:
                return new SparseGridRule(config, dimension);
            case ADAPTIVE_GH:
            case ADAPTIVE_SPARSE:
            case ADAPTIVE_HALTON:
            case ADAPTIVE_SOBOL:
                throw new org.mixlogit.InvalidSpecificationException("Adaptive nodes (" + config.type().code()
                        + ") depend on the data and the parameters: the estimator builds them (simulation.NodeProvider);"
                        + " a likelihood on its own takes gh, sparse, sparse-gh or draws.");
            default:
                throw new IllegalStateException("No integration rule for draw type " + config.type() + ".");
        }
    }

    /**
     * Nodes per decision-maker of the rule {@code config} gives in {@code dimension} dimensions, without building it:
     * the draws of simulation rules, points^D of Gauss-Hermite products (adaptive or not), and an upper bound (exact
     * for the nested Genz-Keister family, before cancelled weights are dropped) for sparse grids. A double, since a
     * grid's count may pass any integer type.
     *
     * @throws IllegalArgumentException if config is null or the dimension is negative
     */
    public static double nodesPerDecisionMaker(IntegrationConfig config, int dimension) {
        requireArguments(config, dimension);
        if (dimension == 0) {
            return 1;
        }
        switch (config.type()) {
            case GAUSS_HERMITE:
            case ADAPTIVE_GH:
                return Math.pow(config.draws(), dimension);
            case SPARSE_GRID:
            case SPARSE_GRID_GH:
            case ADAPTIVE_SPARSE:
                SparseGridFamily family = SparseGridFamily.of(config.type().baseType());
                return config.draws() > family.maxLevel() ? Double.POSITIVE_INFINITY
                        : SparseGridSize.nodes(family, config.draws(), dimension);
            default:
                return config.draws();
        }
    }

    /**
     * Refuses a grid above the caps ({@value #MAX_GRID_NODES} nodes per decision-maker; {@value
     * #MAX_SPARSE_GRID_WORK} tensor-product points to build a sparse grid) before it is built.
     *
     * @throws ResourceLimitException naming the grid's size, the cap and a smaller grid to use
     * @throws InvalidSpecificationException for a sparse-grid level beyond its family's rules (its size is not
     *         defined, so it is no memory problem)
     */
    public static void checkGridSize(IntegrationConfig config, int dimension) {
        if (config == null || dimension < 1) {
            return;
        }
        DrawType type = config.type().baseType();
        if (type != DrawType.GAUSS_HERMITE && !type.isSparseGrid()) {
            return;
        }
        if (type.isSparseGrid() && config.draws() > SparseGridFamily.of(type).maxLevel()) {
            throw SparseGridRule.levelBeyondRules(config);
        }
        double nodes = nodesPerDecisionMaker(config, dimension);
        String what = type.isSparseGrid()
                ? "A sparse grid (" + config.type().code() + ") of level " + config.draws() + " in " + dimension
                        + " dimensions"
                : "A Gauss-Hermite product rule (" + config.type().code() + ") with " + config.draws()
                        + " points in each of " + dimension + " dimensions";
        String instead = type.isSparseGrid() ? "use a lower level (levels 3 to 8 are usual in "
                + dimension + " dimensions) or simulation draws (halton)"
                : "use fewer points per dimension or a sparse grid (draws sparse)";
        if (nodes > MAX_GRID_NODES) {
            throw new ResourceLimitException(what + " has " + count(nodes) + " nodes per decision-maker, more than"
                    + " the cap of " + MAX_GRID_NODES + ": " + instead + ".");
        }
        if (type.isSparseGrid()) {
            double work = SparseGridSize.work(SparseGridFamily.of(type), config.draws(), dimension);
            if (work > MAX_SPARSE_GRID_WORK) {
                throw new ResourceLimitException(what + " takes " + count(work) + " tensor-product points to build"
                        + " (for " + count(nodes) + " nodes), more than the cap of " + MAX_SPARSE_GRID_WORK + ": "
                        + instead + ".");
            }
        }
    }

    private static String count(double n) {
        return n < 1e15 ? String.format(Locale.ROOT, "%,d", (long) n) : String.format(Locale.ROOT, "%.3g", n);
    }

    private static void requireArguments(IntegrationConfig config, int dimension) {
        if (config == null) {
            throw new IllegalArgumentException("The integration configuration is null: pass one, for example"
                    + " IntegrationConfig.of(DrawType.HALTON, 100).");
        }
        if (dimension < 0) {
            throw new IllegalArgumentException("dimension is " + dimension + ": it must be 0 (no random"
                    + " coefficients) or more.");
        }
    }
}
