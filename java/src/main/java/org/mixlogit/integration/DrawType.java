package org.mixlogit.integration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

import org.mixlogit.InvalidSpecificationException;

/**
 * The kinds of integration rules: simulation draws (equal weights, a fresh set per decision-maker) and
 * quadrature rules (the same weighted nodes for every decision-maker), for which the configuration's "draws" is
 * the number of points per dimension (Gauss-Hermite) or the accuracy level (sparse grid).
 */
public enum DrawType {
    /** Seeded pseudo-random normals, an independent stream per decision-maker. */
    PSEUDO_RANDOM("random", "pseudo-random", 0, "pseudo", "prandom", "pseudo-random"),
    /** Plain Halton sequences in the mlogit/xlogit convention (prime bases in order, 100 elements burnt). */
    HALTON("halton", "Halton", 100),
    /** Halton sequences with seeded random digit permutations (a fresh scrambling per seed). */
    SCRAMBLED_HALTON("shalton", "scrambled Halton", 0, "scrambled-halton", "halton-scrambled"),
    /** Modified Latin hypercube sampling (Hess, Train and Polak 2006). */
    MLHS("mlhs", "modified Latin hypercube sampling", 0),
    /** Sobol sequences (Joe-Kuo direction numbers); the all-zero first point is never used. */
    SOBOL("sobol", "Sobol", 0),
    /**
     * Sobol sequences with a seeded random digital shift (each dimension's binary digits XORed with its own random
     * digits: a fresh randomization of the same net per seed, whose estimates are unbiased).
     */
    SCRAMBLED_SOBOL("ssobol", "Sobol with a random digital shift", 0, "scrambled-sobol", "sobol-scrambled",
            "shifted-sobol"),
    /** Gauss-Hermite product rule: "draws" points per dimension, (draws)^D nodes. */
    GAUSS_HERMITE("gh", "Gauss-Hermite product rule", 0, "gauss-hermite", "hermite"),
    /**
     * Smolyak sparse grid (Heiss and Winschel 2008) from nested Genz-Keister rules for the normal density (their
     * "KPN" family): "draws" is the accuracy level, exact to total degree 2 level - 1. The recommended sparse grid:
     * nested rules share nodes, so a level costs fewer nodes than with Gauss-Hermite rules.
     */
    SPARSE_GRID("sparse", "sparse grid of nested Genz-Keister rules", 0, "sparse-gk", "sparse-grid", "smolyak",
            "kpn"),
    /** Smolyak sparse grid from Gauss-Hermite rules (Heiss and Winschel's "GQN"): "draws" is the accuracy level. */
    SPARSE_GRID_GH("sparse-gh", "sparse grid of Gauss-Hermite rules", 0, "gqn"),
    /**
     * Adaptive Gauss-Hermite: "draws" points per dimension centred and scaled at each decision-maker's posterior
     * mode; built by the estimator (it depends on the data and parameters), normal random coefficients only.
     */
    ADAPTIVE_GH("agh", "adaptive Gauss-Hermite at each decision-maker's posterior mode", 0),
    /**
     * Adaptive sparse grid: the nested Genz-Keister sparse grid of {@link #SPARSE_GRID} ("draws" is its accuracy
     * level) centred at each decision-maker's posterior mode and scaled by the Cholesky factor of the inverse of the
     * posterior's curvature there, with the change-of-variables weights; built by the estimator.
     */
    ADAPTIVE_SPARSE("adaptive-sparse", "nested Genz-Keister sparse grid at each decision-maker's posterior mode", 0,
            "asparse", "adaptive-sparse-grid", "asg"),
    /**
     * Importance sampling from a proposal adapted to each decision-maker's posterior (normal, or Student t, centred at
     * the mode with the curvature's scale), its variates from Halton sequences: "draws" draws with the exact
     * importance weights; built by the estimator.
     */
    ADAPTIVE_HALTON("adaptive-halton", "Halton importance sampling from a proposal at each decision-maker's"
            + " posterior mode", 100, "ahalton"),
    /** As {@link #ADAPTIVE_HALTON} with Sobol variates. */
    ADAPTIVE_SOBOL("adaptive-sobol", "Sobol importance sampling from a proposal at each decision-maker's posterior"
            + " mode", 0, "asobol");

    private final String code;
    private final String label;
    private final int defaultBurn;
    private final List<String> aliases;

    DrawType(String code, String label, int defaultBurn, String... aliases) {
        this.code = code;
        this.label = label;
        this.defaultBurn = defaultBurn;
        Set<String> words = new LinkedHashSet<>();
        for (String a : aliases) {
            words.add(a);
            words.add(a.replace('-', '_'));
        }
        words.add(code.replace('-', '_'));
        words.add(name().toLowerCase(Locale.ROOT));
        words.remove(code);
        this.aliases = Collections.unmodifiableList(new ArrayList<>(words));
    }

    /**
     * True for simulation draws with equal weights, false for quadrature rules and for the adaptive rules (whose
     * weights are the change of variables' or importance weights).
     */
    public boolean isSimulation() {
        return this != GAUSS_HERMITE && !isSparseGrid() && !isAdaptive();
    }

    /**
     * True for the rules whose nodes are centred at each decision-maker's posterior mode at given parameters
     * (re-centred by the estimator between rounds): agh, adaptive-sparse, adaptive-halton, adaptive-sobol.
     */
    public boolean isAdaptive() {
        return this == ADAPTIVE_GH || this == ADAPTIVE_SPARSE || this == ADAPTIVE_HALTON || this == ADAPTIVE_SOBOL;
    }

    /**
     * The fixed rule an adaptive rule moves (gh, sparse, halton, sobol), which is also its form for integrals that do
     * not condition on choices; the type itself for a fixed rule.
     */
    public DrawType baseType() {
        switch (this) {
            case ADAPTIVE_GH:
                return GAUSS_HERMITE;
            case ADAPTIVE_SPARSE:
                return SPARSE_GRID;
            case ADAPTIVE_HALTON:
                return HALTON;
            case ADAPTIVE_SOBOL:
                return SOBOL;
            default:
                return this;
        }
    }

    /**
     * What the configuration's "draws" counts for this type: "draws" (per decision-maker), "level" (a sparse grid's
     * accuracy level) or "points" (per dimension).
     */
    public String sizeKind() {
        DrawType base = baseType();
        if (base == GAUSS_HERMITE) {
            return "points";
        }
        return base.isSparseGrid() ? "level" : "draws";
    }

    /**
     * True for the rules built on a deterministic sequence whose first elements a burn-in discards (Halton,
     * scrambled Halton, Sobol, shifted Sobol, and the importance samplers on them); the others ignore a burn-in.
     */
    public boolean usesBurn() {
        return this == HALTON || this == SCRAMBLED_HALTON || this == SOBOL || this == SCRAMBLED_SOBOL
                || this == ADAPTIVE_HALTON || this == ADAPTIVE_SOBOL;
    }

    /** True for the sparse grids, whose size is an accuracy level rather than a number of points or draws. */
    public boolean isSparseGrid() {
        return this == SPARSE_GRID || this == SPARSE_GRID_GH;
    }

    /**
     * The word users type ("random", "halton", "shalton", "mlhs", "sobol", "ssobol", "gh", "sparse", "sparse-gh", "agh",
     * "adaptive-sparse", "adaptive-halton", "adaptive-sobol").
     */
    public String code() {
        return code;
    }

    /** What the rule is, in words ("scrambled Halton", "sparse grid of Gauss-Hermite rules", ...). */
    public String label() {
        return label;
    }

    /**
     * The other words {@link #fromCode(String)} accepts for this type (e.g. "sparse-gk" for {@link #SPARSE_GRID}),
     * the enum constant's name in lower case among them.
     */
    public List<String> aliases() {
        return aliases;
    }

    /** Sequence elements discarded before the first decision-maker's draws unless the user sets burn. */
    public int defaultBurn() {
        return defaultBurn;
    }

    /** Maps a user's word (a code or an alias, any case) onto a draw type; the front ends' one door. */
    public static DrawType fromCode(String code) {
        if (code != null) {
            String c = code.trim().toLowerCase(Locale.ROOT);
            for (DrawType t : values()) {
                if (t.code.equals(c) || t.aliases.contains(c)) {
                    return t;
                }
            }
        }
        StringJoiner codes = new StringJoiner(", ");
        for (DrawType t : values()) {
            codes.add(t.code + " (" + t.label + ")");
        }
        throw new InvalidSpecificationException("Unknown draw type '" + code + "': use one of " + codes + ".");
    }

    @Override
    public String toString() {
        return code;
    }
}
