package org.mixlogit.bridge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.mixlogit.InvalidSpecificationException;

/**
 * Numbers by name, in a fixed order, for the facade's results: front ends read a value by its name (R turns the
 * pair of arrays into a named vector, Stata asks {@link #get}), so adding a statistic never shifts another.
 * Immutable; built once through {@link #builder()}.
 */
final class NamedNumbers {
    private final Map<String, Double> values;

    private NamedNumbers(Map<String, Double> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    static Builder builder() {
        return new Builder();
    }

    /** The names, in the order of {@link #values()}. */
    String[] names() {
        return values.keySet().toArray(new String[0]);
    }

    /** The values, in the order of {@link #names()} (a copy). */
    double[] values() {
        double[] out = new double[values.size()];
        int i = 0;
        for (double v : values.values()) {
            out[i++] = v;
        }
        return out;
    }

    /** @throws InvalidSpecificationException for an unknown name, listing the known ones */
    double get(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new InvalidSpecificationException("Unknown result \"" + name + "\": known are " + values.keySet()
                    + ".");
        }
        return v;
    }

    /** Collects name-value pairs; a name given twice is a programming error. */
    static final class Builder {
        private final Map<String, Double> values = new LinkedHashMap<>();

        Builder put(String name, double value) {
            if (values.put(name, value) != null) {
                throw new IllegalStateException("Duplicate result name " + name);
            }
            return this;
        }

        Builder put(String name, boolean value) {
            return put(name, value ? 1.0 : 0.0);
        }

        NamedNumbers build() {
            return new NamedNumbers(values);
        }
    }
}
