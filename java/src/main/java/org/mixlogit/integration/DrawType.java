package org.mixlogit.integration;

import java.util.Locale;

import org.mixlogit.InvalidSpecificationException;

/**
 * The kinds of integration rules: simulation draws (equal weights, a fresh set per decision-maker) and
 * quadrature rules (the same weighted nodes for every decision-maker), for which the configuration's "draws" is
 * the number of points per dimension (Gauss-Hermite) or the accuracy level (sparse grid).
 */
public enum DrawType {
    /** Seeded pseudo-random normals, an independent stream per decision-maker. */
    PSEUDO_RANDOM("random", 0),
    /** Plain Halton sequences in the mlogit/xlogit convention (prime bases in order, 100 elements burnt). */
    HALTON("halton", 100),
    /** Halton sequences with seeded random digit permutations (a fresh scrambling per seed). */
    SCRAMBLED_HALTON("shalton", 0),
    /** Modified Latin hypercube sampling (Hess, Train and Polak 2006). */
    MLHS("mlhs", 0),
    /** Sobol sequences (Joe-Kuo direction numbers); the all-zero first point is never used. */
    SOBOL("sobol", 0),
    /** Gauss-Hermite product rule: "draws" points per dimension, (draws)^D nodes. */
    GAUSS_HERMITE("gh", 0),
    /**
     * Smolyak sparse grid (Heiss and Winschel 2008) from nested Genz-Keister rules for the normal density (their
     * "KPN" family): "draws" is the accuracy level, exact to total degree 2 level - 1. The recommended sparse grid:
     * nested rules share nodes, so a level costs fewer nodes than with Gauss-Hermite rules.
     */
    SPARSE_GRID("sparse", 0),
    /** Smolyak sparse grid from Gauss-Hermite rules (Heiss and Winschel's "GQN"): "draws" is the accuracy level. */
    SPARSE_GRID_GH("sparse-gh", 0),
    /**
     * Adaptive Gauss-Hermite: "draws" points per dimension centred and scaled at each decision-maker's posterior
     * mode; built by the estimator (it depends on the data and parameters), normal random coefficients only.
     */
    ADAPTIVE_GH("agh", 0);

    private final String code;
    private final int defaultBurn;

    DrawType(String code, int defaultBurn) {
        this.code = code;
        this.defaultBurn = defaultBurn;
    }

    /** True for simulation draws, false for quadrature rules. */
    public boolean isSimulation() {
        return this != GAUSS_HERMITE && !isSparseGrid() && this != ADAPTIVE_GH;
    }

    /** True for the sparse grids, whose size is an accuracy level rather than a number of points or draws. */
    public boolean isSparseGrid() {
        return this == SPARSE_GRID || this == SPARSE_GRID_GH;
    }

    /** The word users type ("random", "halton", "shalton", "mlhs", "sobol", "gh", "sparse", "sparse-gh", "agh"). */
    public String code() {
        return code;
    }

    /** Sequence elements discarded before the first decision-maker's draws unless the user sets burn. */
    public int defaultBurn() {
        return defaultBurn;
    }

    /** Maps a user's word onto a draw type; the front ends' one door. */
    public static DrawType fromCode(String code) {
        if (code != null) {
            String c = code.trim().toLowerCase(Locale.ROOT);
            for (DrawType t : values()) {
                if (t.code.equals(c) || t.name().toLowerCase(Locale.ROOT).equals(c)) {
                    return t;
                }
            }
            if (c.equals("pseudo") || c.equals("prandom") || c.equals("pseudo-random")) {
                return PSEUDO_RANDOM;
            }
            if (c.equals("gauss-hermite") || c.equals("hermite") || c.equals("gauss_hermite")) {
                return GAUSS_HERMITE;
            }
            if (c.equals("sparse-grid") || c.equals("sparse_grid") || c.equals("smolyak") || c.equals("sparse-gk")
                    || c.equals("sparse_gk") || c.equals("kpn")) {
                return SPARSE_GRID;
            }
            if (c.equals("sparse_gh") || c.equals("gqn")) {
                return SPARSE_GRID_GH;
            }
            if (c.equals("scrambled-halton") || c.equals("scrambled_halton") || c.equals("halton-scrambled")) {
                return SCRAMBLED_HALTON;
            }
        }
        throw new InvalidSpecificationException("Unknown draw type '" + code + "': use one of halton, shalton"
                + " (scrambled Halton), mlhs, sobol, random, gh (Gauss-Hermite), sparse (sparse grid of nested"
                + " Genz-Keister rules; also sparse-gk), sparse-gh (sparse grid of Gauss-Hermite rules), agh (adaptive"
                + " Gauss-Hermite).");
    }

    @Override
    public String toString() {
        return code;
    }
}
