package org.mixlogit.msm;

import java.util.Locale;

/** Which instruments the method of simulated moments uses. */
public enum InstrumentChoice {
    /**
     * The scores d log s_tj / d theta at a first-step MSLE estimate, simulated with draws independent of the
     * estimation draws (Chamberlain 1987; Amemiya 1977): exactly identified, and at the true parameters they give
     * the first-order conditions of maximum likelihood.
     */
    OPTIMAL("optimal"),
    /** The model's attributes, their squares and their interactions with heterogeneity characteristics. */
    DEFAULT("default"),
    /** Attribute columns of the data named by the user. */
    COLUMNS("columns");

    private final String code;

    InstrumentChoice(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** "optimal" or "default"; null for anything else (a list of column names). */
    public static InstrumentChoice keyword(String word) {
        String c = word.trim().toLowerCase(Locale.ROOT);
        if (c.equals("optimal")) {
            return OPTIMAL;
        }
        if (c.equals("default") || c.equals("defaults")) {
            return DEFAULT;
        }
        return null;
    }

    @Override
    public String toString() {
        return code;
    }
}
