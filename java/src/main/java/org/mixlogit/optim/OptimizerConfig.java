package org.mixlogit.optim;

import org.mixlogit.InvalidSpecificationException;

/**
 * Optimizer settings. Convergence is declared when the scaled gradient
 * {@code max_i |g_i| max(|x_i|, 1) / max(|f|, 1)} falls below {@code gradientTolerance}, or when the relative change
 * of the objective falls below {@code objectiveTolerance} while the scaled gradient is below
 * {@code sqrt(gradientTolerance)}. Immutable; change with the {@code withX} copies.
 */
public final class OptimizerConfig {
    /**
     * The default gradient tolerance; also the loosest one a certification or a start accepts, whatever the user's
     * (a loose tolerance stops the search early, it does not make its end a certified optimum).
     */
    public static final double DEFAULT_GRADIENT_TOLERANCE = 1e-6;

    private final Algorithm algorithm;
    private final int maxIterations;
    private final double gradientTolerance;
    private final double objectiveTolerance;
    private final int memory;

    private OptimizerConfig(Algorithm algorithm, int maxIterations, double gradientTolerance,
            double objectiveTolerance, int memory) {
        if (algorithm == null) {
            throw new InvalidSpecificationException("The optimizer is missing: use bfgs, lbfgs or bhhh.");
        }
        if (maxIterations < 0) {
            throw new InvalidSpecificationException("maxIterations is " + maxIterations + ": use 0 (evaluate at the"
                    + " starting values) or more.");
        }
        if (!(gradientTolerance > 0)) {
            throw new InvalidSpecificationException("The gradient tolerance is " + gradientTolerance
                    + ": it must be positive (default 1e-6).");
        }
        if (!(objectiveTolerance >= 0)) {
            throw new InvalidSpecificationException("The objective tolerance is " + objectiveTolerance
                    + ": it must be 0 or positive (default 1e-12).");
        }
        if (memory < 1) {
            throw new InvalidSpecificationException("The L-BFGS memory is " + memory + ": use 1 or more"
                    + " (default 10).");
        }
        this.algorithm = algorithm;
        this.maxIterations = maxIterations;
        this.gradientTolerance = gradientTolerance;
        this.objectiveTolerance = objectiveTolerance;
        this.memory = memory;
    }

    /** Defaults: 1000 iterations, gradient tolerance 1e-6, objective tolerance 1e-12, L-BFGS memory 10. */
    public static OptimizerConfig of(Algorithm algorithm) {
        return new OptimizerConfig(algorithm, 1000, DEFAULT_GRADIENT_TOLERANCE, 1e-12, 10);
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    public int maxIterations() {
        return maxIterations;
    }

    public double gradientTolerance() {
        return gradientTolerance;
    }

    /**
     * The tolerance a certification judges the scaled gradient by (against its square root): the user's when
     * tighter than the default, otherwise the default's.
     */
    public double certificationTolerance() {
        return Math.min(gradientTolerance, DEFAULT_GRADIENT_TOLERANCE);
    }

    public double objectiveTolerance() {
        return objectiveTolerance;
    }

    public int memory() {
        return memory;
    }

    public OptimizerConfig withAlgorithm(Algorithm a) {
        return new OptimizerConfig(a, maxIterations, gradientTolerance, objectiveTolerance, memory);
    }

    public OptimizerConfig withMaxIterations(int n) {
        return new OptimizerConfig(algorithm, n, gradientTolerance, objectiveTolerance, memory);
    }

    public OptimizerConfig withGradientTolerance(double t) {
        return new OptimizerConfig(algorithm, maxIterations, t, objectiveTolerance, memory);
    }

    public OptimizerConfig withObjectiveTolerance(double t) {
        return new OptimizerConfig(algorithm, maxIterations, gradientTolerance, t, memory);
    }

    public OptimizerConfig withMemory(int m) {
        return new OptimizerConfig(algorithm, maxIterations, gradientTolerance, objectiveTolerance, m);
    }

    @Override
    public String toString() {
        return "OptimizerConfig[algorithm=" + algorithm + ", maxIterations=" + maxIterations
                + ", gradientTolerance=" + gradientTolerance + ", objectiveTolerance=" + objectiveTolerance
                + (algorithm == Algorithm.LBFGS ? ", memory=" + memory : "") + "]";
    }
}
