package org.mixlogit.spec;

/**
 * The names every {@link CoefficientTransform} carries, given once to the constructor: its short code, its label
 * (also its {@link #toString()}) and the prefix of its scale parameter's name.
 */
abstract class NamedTransform implements CoefficientTransform {
    private final String code;
    private final String label;
    private final String scalePrefix;

    /**
     * @param code the short code shared with mlogit, logitr and gmnl ("n", "ln", ...)
     * @param label the name in words ("normal", "lognormal", ...)
     * @param scalePrefix "sd", or "spread" for the bounded symmetric distributions
     */
    NamedTransform(String code, String label, String scalePrefix) {
        this.code = code;
        this.label = label;
        this.scalePrefix = scalePrefix;
    }

    @Override
    public final String code() {
        return code;
    }

    @Override
    public final String label() {
        return label;
    }

    @Override
    public final String scalePrefix() {
        return scalePrefix;
    }

    @Override
    public final String toString() {
        return label;
    }
}
