package org.mixlogit.integration;

/** The one door from an {@link IntegrationConfig} to its {@link IntegrationRule}. */
public final class IntegrationRules {
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
        if (config == null) {
            throw new IllegalArgumentException("The integration configuration is null: pass one, for example"
                    + " IntegrationConfig.of(DrawType.HALTON, 100).");
        }
        if (dimension < 0) {
            throw new IllegalArgumentException("dimension is " + dimension + ": it must be 0 (no random"
                    + " coefficients) or more.");
        }
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
                return new SobolDraws(config, dimension);
            case PSEUDO_RANDOM:
                return new PseudoRandomDraws(config, dimension);
            case GAUSS_HERMITE:
                return new GaussHermiteRule(config, dimension);
            case SPARSE_GRID:
            case SPARSE_GRID_GH:
                return new SparseGridRule(config, dimension);
            case ADAPTIVE_GH:
                throw new org.mixlogit.InvalidSpecificationException("Adaptive Gauss-Hermite nodes depend on the data"
                        + " and the parameters: the estimator builds them (simulation.AdaptiveQuadrature); a"
                        + " likelihood on its own takes gh, sparse, sparse-gh or draws.");
            default:
                throw new IllegalStateException("No integration rule for draw type " + config.type() + ".");
        }
    }
}
