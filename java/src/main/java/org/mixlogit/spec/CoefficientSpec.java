package org.mixlogit.spec;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One attribute's coefficient: its distribution, whether its mean is fixed at zero (an error component), and
 * the decision-maker characteristics that shift its mean (observed heterogeneity:
 * location_i = b + pi' d_i). Immutable; created through {@link ModelSpec.Builder}.
 */
public final class CoefficientSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String attribute;
    private final Distribution distribution;
    private final boolean zeroMean;
    private final List<String> heterogeneity;

    CoefficientSpec(String attribute, Distribution distribution, boolean zeroMean, List<String> heterogeneity) {
        this.attribute = attribute;
        this.distribution = distribution;
        this.zeroMean = zeroMean;
        this.heterogeneity = Collections.unmodifiableList(new ArrayList<>(heterogeneity));
    }

    /** The attribute (data column) the coefficient multiplies. */
    public String attribute() {
        return attribute;
    }

    public Distribution distribution() {
        return distribution;
    }

    public boolean isRandom() {
        return distribution.isRandom();
    }

    /** True for an error component: the location is fixed at zero and only the scale is estimated. */
    public boolean hasZeroMean() {
        return zeroMean;
    }

    /** Characteristics shifting the location, in declaration order (empty when none). */
    public List<String> heterogeneity() {
        return heterogeneity;
    }

    CoefficientSpec withHeterogeneity(List<String> characteristics) {
        return new CoefficientSpec(attribute, distribution, zeroMean, characteristics);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(attribute);
        if (!isRandom()) {
            return b.append(" fixed").toString();
        }
        b.append(" ~ ").append(distribution.label());
        b.append(zeroMean ? "(mean 0, " : "(mean, ").append(distribution.scalePrefix()).append(')');
        if (!heterogeneity.isEmpty()) {
            b.append(", mean shifted by ").append(heterogeneity);
        }
        return b.toString();
    }
}
