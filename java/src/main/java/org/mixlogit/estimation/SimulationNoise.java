package org.mixlogit.estimation;

import java.util.Collections;
import java.util.List;

/**
 * How much the answer moves with the simulation draws: the model re-estimated with K independent draw sets of the
 * same size, and for every parameter (in canonical form, {@link org.mixlogit.spec.ParameterLayout#canonical}: free
 * scales in absolute value, each Cholesky column signed by its diagonal) and derived quantity
 * the standard deviation of its estimate and of its standard error across those fits, beside the sampling
 * standard error. A quantity is flagged when its simulation standard deviation exceeds 10% of its sampling
 * standard error. Re-estimations that did not converge are left out of the spreads and counted. Immutable.
 */
public final class SimulationNoise {
    /** Simulation noise above this share of the sampling standard error is flagged. */
    public static final double FLAG_SHARE = 0.10;

    private final int reestimations;
    private final int notConverged;
    private final List<String> names;
    private final double[] estimateSd;
    private final double[] standardErrorSd;
    private final double[] standardError;

    SimulationNoise(int reestimations, int notConverged, List<String> names, double[] estimateSd,
            double[] standardErrorSd, double[] standardError) {
        this.reestimations = reestimations;
        this.notConverged = notConverged;
        this.names = Collections.unmodifiableList(names);
        this.estimateSd = estimateSd.clone();
        this.standardErrorSd = standardErrorSd.clone();
        this.standardError = standardError.clone();
    }

    public int reestimations() {
        return reestimations;
    }

    /**
     * How many of the re-estimations did not converge: they are left out of the standard deviations (which are NaN
     * when fewer than two converged).
     */
    public int notConverged() {
        return notConverged;
    }

    /** Parameters then derived quantities. */
    public List<String> names() {
        return names;
    }

    /** Simulation standard deviation of each estimate across the re-estimations. */
    public double[] estimateSd() {
        return estimateSd.clone();
    }

    /** Simulation standard deviation of each standard error across the re-estimations. */
    public double[] standardErrorSd() {
        return standardErrorSd.clone();
    }

    /** The sampling standard error of the main estimate. */
    public double[] standardError() {
        return standardError.clone();
    }

    /** True when the simulation noise of quantity i exceeds {@link #FLAG_SHARE} of its sampling error. */
    public boolean flagged(int i) {
        return estimateSd[i] > FLAG_SHARE * standardError[i];
    }

    public int flaggedCount() {
        int n = 0;
        for (int i = 0; i < names.size(); i++) {
            n += flagged(i) ? 1 : 0;
        }
        return n;
    }
}
