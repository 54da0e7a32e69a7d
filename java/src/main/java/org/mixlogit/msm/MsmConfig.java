package org.mixlogit.msm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.mixlogit.InvalidSpecificationException;

/**
 * How the method of simulated moments runs: which instruments (optimal, default or named columns), one-step or
 * two-step weighting, and an optional user weighting matrix for the first step. Immutable; change with the
 * {@code withX} copies. Defaults: optimal instruments, two-step weighting (immaterial when exactly identified),
 * identity first-step weights.
 */
public final class MsmConfig {
    private final InstrumentChoice instruments;
    private final List<String> columns;
    private final Weighting weighting;
    private final double[] weights;
    private final double[] firstStep;

    private MsmConfig(InstrumentChoice instruments, List<String> columns, Weighting weighting, double[] weights,
            double[] firstStep) {
        if (instruments == null || weighting == null) {
            throw new InvalidSpecificationException("The MSM instruments and weighting are required.");
        }
        if (instruments == InstrumentChoice.COLUMNS && columns.isEmpty()) {
            throw new InvalidSpecificationException("No instrument columns given: name attribute columns of the"
                    + " data, or use optimal or default.");
        }
        if (weights != null) {
            int l = (int) Math.round(Math.sqrt(weights.length));
            if (l * l != weights.length) {
                throw new InvalidSpecificationException("The weighting matrix has " + weights.length + " entries:"
                        + " give a square L x L matrix, L = number of instruments.");
            }
            for (int a = 0; a < l; a++) {
                for (int b = 0; b < a; b++) {
                    if (Math.abs(weights[a * l + b] - weights[b * l + a]) > 1e-12 * (Math.abs(weights[a * l + b])
                            + Math.abs(weights[b * l + a]) + 1e-300)) {
                        throw new InvalidSpecificationException("The weighting matrix is not symmetric (entries ("
                                + (a + 1) + "," + (b + 1) + ") and (" + (b + 1) + "," + (a + 1) + ") differ).");
                    }
                }
            }
        }
        this.instruments = instruments;
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
        this.weighting = weighting;
        this.weights = weights == null ? null : weights.clone();
        this.firstStep = firstStep == null ? null : firstStep.clone();
    }

    public static MsmConfig defaults() {
        return new MsmConfig(InstrumentChoice.OPTIMAL, Collections.emptyList(), Weighting.TWO_STEP, null, null);
    }

    public InstrumentChoice instruments() {
        return instruments;
    }

    /** The user's instrument columns (empty unless {@link InstrumentChoice#COLUMNS}). */
    public List<String> columns() {
        return columns;
    }

    public Weighting weighting() {
        return weighting;
    }

    /** The user's first-step weighting matrix (L x L row-major, a copy), or null for the identity. */
    public double[] weights() {
        return weights == null ? null : weights.clone();
    }

    public MsmConfig withInstruments(InstrumentChoice choice) {
        if (choice == InstrumentChoice.COLUMNS) {
            throw new InvalidSpecificationException("Give the instrument columns with withInstrumentColumns.");
        }
        return new MsmConfig(choice, Collections.emptyList(), weighting, weights, firstStep);
    }

    public MsmConfig withInstrumentColumns(List<String> names) {
        return new MsmConfig(InstrumentChoice.COLUMNS, names, weighting, weights, firstStep);
    }

    public MsmConfig withWeighting(Weighting w) {
        return new MsmConfig(instruments, columns, w, weights, firstStep);
    }

    /** A user weighting matrix for the (first) step, L x L row-major symmetric positive definite; null = identity. */
    public MsmConfig withWeights(double[] matrix) {
        return new MsmConfig(instruments, columns, weighting, matrix, firstStep);
    }

    /**
     * A first-step estimate at which the optimal instruments are evaluated, instead of running MSLE (e.g. an MSLE
     * estimate already at hand); null (the default) runs the MSLE first step.
     */
    public MsmConfig withFirstStep(double[] theta) {
        return new MsmConfig(instruments, columns, weighting, weights, theta);
    }

    /** The given first-step estimate (a copy), or null. */
    public double[] firstStep() {
        return firstStep == null ? null : firstStep.clone();
    }

    @Override
    public String toString() {
        return "MsmConfig[instruments=" + (instruments == InstrumentChoice.COLUMNS ? columns.toString()
                : instruments.code()) + ", weighting=" + weighting + ", weights=" + (weights == null ? "identity"
                : "user") + ", firstStep=" + (firstStep == null ? "MSLE" : "given") + "]";
    }
}
