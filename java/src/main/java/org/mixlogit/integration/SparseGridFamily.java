package org.mixlogit.integration;

/**
 * The one-dimensional rules a Smolyak sparse grid is built from, indexed by accuracy level l (the level-l rule
 * integrates polynomials of degree 2l - 1 or more exactly): Heiss and Winschel's "KPN" (nested Genz-Keister) and
 * "GQN" (Gauss-Hermite) families for the standard normal.
 */
enum SparseGridFamily {
    /** Nested Genz-Keister rules: 1, 3, 3, 7, 9, ... points; shared nodes merge across tensor products. */
    GENZ_KEISTER("nested Genz-Keister", GenzKeisterRules.MAX_LEVEL) {
        @Override
        double[][] rule(int level) {
            return GenzKeisterRules.rule(level);
        }
    },
    /** Gauss-Hermite rules with l points at level l; not nested (only the origin is shared). */
    GAUSS_HERMITE("Gauss-Hermite", 25) {
        @Override
        double[][] rule(int level) {
            return QuadratureRule.hermite(level);
        }
    };

    private final String label;
    private final int maxLevel;

    SparseGridFamily(String label, int maxLevel) {
        this.label = label;
        this.maxLevel = maxLevel;
    }

    /** The level-{@code level} rule for the standard normal: {nodes, weights}. */
    abstract double[][] rule(int level);

    /** Highest level available. */
    int maxLevel() {
        return maxLevel;
    }

    /** Words for descriptions ("nested Genz-Keister", "Gauss-Hermite"). */
    String label() {
        return label;
    }

    /** The family of a sparse-grid draw type. */
    static SparseGridFamily of(DrawType type) {
        switch (type) {
            case SPARSE_GRID:
                return GENZ_KEISTER;
            case SPARSE_GRID_GH:
                return GAUSS_HERMITE;
            default:
                throw new IllegalArgumentException("Draw type " + type + " is not a sparse grid: use sparse or"
                        + " sparse-gh.");
        }
    }
}
