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
    /** Smolyak sparse grid from Gauss-Hermite rules (Heiss and Winschel 2008): "draws" is the accuracy level. */
    SPARSE_GRID("sparse", 0),
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
        return this != GAUSS_HERMITE && this != SPARSE_GRID && this != ADAPTIVE_GH;
    }

    /** The word users type ("random", "halton", "shalton", "mlhs", "sobol", "gh", "sparse"). */
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
            if (c.equals("sparse-grid") || c.equals("sparse_grid") || c.equals("smolyak")) {
                return SPARSE_GRID;
            }
            if (c.equals("scrambled-halton") || c.equals("scrambled_halton") || c.equals("halton-scrambled")) {
                return SCRAMBLED_HALTON;
            }
        }
        throw new InvalidSpecificationException("Unknown draw type '" + code + "': use one of halton, shalton"
                + " (scrambled Halton), mlhs, sobol, random, gh (Gauss-Hermite), sparse (sparse grid), agh (adaptive"
                + " Gauss-Hermite).");
    }

    @Override
    public String toString() {
        return code;
    }
}
