package org.mixlogit.estimation;

import java.util.Arrays;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.optim.Algorithm;
import org.mixlogit.optim.OptimizerConfig;

/**
 * How the optimum is searched for: the optimizer, the number of starts (the default or user start, then
 * {@code starts - 1} seeded perturbations of it), the seed of those perturbations, and optional user starting values.
 * Immutable; change with the {@code withX} copies. Defaults ({@link #defaults()}): BFGS with its default settings,
 * one start, start seed {@value #DEFAULT_START_SEED}, the default start (plain-logit means, small spreads).
 */
public final class SearchConfig {
    /**
     * The seed of the perturbed starts unless the caller gives one: the draws' default seed, so that the command
     * line, R and Stata (whose {@code seed} option sets both) start from the same points by default, and a fit
     * rebuilt from its saved options (which always hold the seed) repeats the original.
     */
    public static final long DEFAULT_START_SEED = org.mixlogit.integration.IntegrationConfig.DEFAULT_SEED;

    private final OptimizerConfig optimizer;
    private final int starts;
    private final long startSeed;
    private final double[] start;

    private SearchConfig(OptimizerConfig optimizer, int starts, long startSeed, double[] start) {
        if (optimizer == null) {
            throw new InvalidSpecificationException("optimizer is missing: give the optimizer settings (bfgs, lbfgs"
                    + " or bhhh).");
        }
        if (starts < 1) {
            throw new InvalidSpecificationException("starts is " + starts + ": use 1 or more.");
        }
        if (start != null) {
            for (int i = 0; i < start.length; i++) {
                if (!Double.isFinite(start[i])) {
                    throw new InvalidSpecificationException("start[" + (i + 1) + "] is " + start[i] + ": give finite"
                            + " starting values.");
                }
            }
        }
        this.optimizer = optimizer;
        this.starts = starts;
        this.startSeed = startSeed;
        this.start = start == null ? null : start.clone();
    }

    /** BFGS, one start, {@link #DEFAULT_START_SEED}, the default start. */
    public static SearchConfig defaults() {
        return new SearchConfig(OptimizerConfig.of(Algorithm.BFGS), 1, DEFAULT_START_SEED, null);
    }

    public OptimizerConfig optimizer() {
        return optimizer;
    }

    /** Runs of the optimizer: the first from the default (or user) start, the others from perturbations of it. */
    public int starts() {
        return starts;
    }

    /** Seed of the perturbations of the starts after the first. */
    public long startSeed() {
        return startSeed;
    }

    /** User starting values (a copy), or null for the default start. */
    public double[] start() {
        return start == null ? null : start.clone();
    }

    public SearchConfig withOptimizer(OptimizerConfig c) {
        return new SearchConfig(c, starts, startSeed, start);
    }

    public SearchConfig withStarts(int n) {
        return new SearchConfig(optimizer, n, startSeed, start);
    }

    public SearchConfig withStartSeed(long seed) {
        return new SearchConfig(optimizer, starts, seed, start);
    }

    /** @param values Not modified (copied): one per parameter in layout order, or null for the default start */
    public SearchConfig withStart(double[] values) {
        return new SearchConfig(optimizer, starts, startSeed, values);
    }

    @Override
    public String toString() {
        return "SearchConfig[" + optimizer + ", starts=" + starts + ", startSeed=" + startSeed + ", start="
                + (start == null ? "default" : "user " + Arrays.toString(start)) + "]";
    }
}
