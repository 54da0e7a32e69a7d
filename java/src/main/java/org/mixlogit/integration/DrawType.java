package org.mixlogit.integration;

import java.util.Locale;

import org.mixlogit.InvalidSpecificationException;

/** The kinds of simulation draws. */
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
    SOBOL("sobol", 0);

    private final String code;
    private final int defaultBurn;

    DrawType(String code, int defaultBurn) {
        this.code = code;
        this.defaultBurn = defaultBurn;
    }

    /** The word users type ("random", "halton", "shalton", "mlhs", "sobol"). */
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
            if (c.equals("scrambled-halton") || c.equals("scrambled_halton") || c.equals("halton-scrambled")) {
                return SCRAMBLED_HALTON;
            }
        }
        throw new InvalidSpecificationException("Unknown draw type '" + code + "': use one of halton, shalton"
                + " (scrambled Halton), mlhs, sobol, random.");
    }

    @Override
    public String toString() {
        return code;
    }
}
