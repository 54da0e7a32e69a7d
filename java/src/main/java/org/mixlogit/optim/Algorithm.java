package org.mixlogit.optim;

import java.util.Locale;

import org.mixlogit.InvalidSpecificationException;

/** The available minimizers. */
public enum Algorithm {
    /** BFGS with a dense inverse-Hessian approximation and a strong-Wolfe line search. */
    BFGS("bfgs"),
    /** Limited-memory BFGS (two-loop recursion) with a strong-Wolfe line search. */
    LBFGS("lbfgs"),
    /** Berndt-Hall-Hall-Hausman: the outer product of per-observation scores as the Hessian approximation. */
    BHHH("bhhh");

    private final String code;

    Algorithm(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Maps a user's word ("bfgs", "lbfgs", "bhhh") onto an algorithm. */
    public static Algorithm fromCode(String code) {
        if (code != null) {
            String c = code.trim().toLowerCase(Locale.ROOT).replace("-", "");
            for (Algorithm a : values()) {
                if (a.code.equals(c)) {
                    return a;
                }
            }
        }
        throw new InvalidSpecificationException("Unknown optimizer '" + code + "': use bfgs, lbfgs or bhhh.");
    }

    @Override
    public String toString() {
        return code;
    }
}
