package org.mixlogit.optim;

import java.util.Locale;
import java.util.StringJoiner;

import org.mixlogit.InvalidSpecificationException;

/** The available minimizers. */
public enum Algorithm {
    /** BFGS with a dense inverse-Hessian approximation and a strong-Wolfe line search. */
    BFGS("bfgs", "BFGS"),
    /** Limited-memory BFGS (two-loop recursion) with a strong-Wolfe line search. */
    LBFGS("lbfgs", "limited-memory BFGS"),
    /** Berndt-Hall-Hall-Hausman: the outer product of per-observation scores as the Hessian approximation. */
    BHHH("bhhh", "Berndt-Hall-Hall-Hausman");

    private final String code;
    private final String label;

    Algorithm(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** The algorithm's name in words. */
    public String label() {
        return label;
    }

    /** Maps a user's word ("bfgs", "lbfgs", "bhhh"; hyphens ignored, any case) onto an algorithm. */
    public static Algorithm fromCode(String code) {
        if (code != null) {
            String c = code.trim().toLowerCase(Locale.ROOT).replace("-", "");
            for (Algorithm a : values()) {
                if (a.code.equals(c)) {
                    return a;
                }
            }
        }
        StringJoiner codes = new StringJoiner(", ");
        for (Algorithm a : values()) {
            codes.add(a.code);
        }
        throw new InvalidSpecificationException("Unknown optimizer '" + code + "': use one of " + codes + ".");
    }

    @Override
    public String toString() {
        return code;
    }
}
