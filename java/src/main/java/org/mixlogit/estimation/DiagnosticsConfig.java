package org.mixlogit.estimation;

import org.mixlogit.InvalidSpecificationException;

/**
 * Which checks of the integration run after estimation: the integration check (the log-likelihood at the estimate
 * with independent draw sets and with a more accurate rule) and the simulation-noise study (re-estimation with
 * independent draw sets). Both cost extra evaluations, so both are off by default ({@link #defaults()}).
 * Immutable; change with the {@code withX} copies.
 */
public final class DiagnosticsConfig {
    private final int checkReplicates;
    private final int reestimations;

    private DiagnosticsConfig(int checkReplicates, int reestimations) {
        if (checkReplicates < 0) {
            throw new InvalidSpecificationException("checkReplicates is " + checkReplicates + ": use 0 (no"
                    + " integration check) or more independent draw sets.");
        }
        if (reestimations < 0 || reestimations == 1) {
            throw new InvalidSpecificationException("reestimations is " + reestimations + ": use 0 (none) or at"
                    + " least 2, so that a standard deviation exists.");
        }
        this.checkReplicates = checkReplicates;
        this.reestimations = reestimations;
    }

    /** No integration check, no re-estimations. */
    public static DiagnosticsConfig defaults() {
        return new DiagnosticsConfig(0, 0);
    }

    /** Independent draw sets for the integration check after estimation; 0 skips the check. */
    public int checkReplicates() {
        return checkReplicates;
    }

    /** Re-estimations with independent draw sets for the simulation-noise report; 0 skips it. */
    public int reestimations() {
        return reestimations;
    }

    public DiagnosticsConfig withCheckReplicates(int replicates) {
        return new DiagnosticsConfig(replicates, reestimations);
    }

    public DiagnosticsConfig withReestimations(int k) {
        return new DiagnosticsConfig(checkReplicates, k);
    }

    @Override
    public String toString() {
        return "DiagnosticsConfig[checkReplicates=" + checkReplicates + ", reestimations=" + reestimations + "]";
    }
}
