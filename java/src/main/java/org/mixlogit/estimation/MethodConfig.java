package org.mixlogit.estimation;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.msm.MsmConfig;

/**
 * The estimation principle and its own settings: maximum simulated likelihood, or the method of simulated moments
 * with its instruments and weighting. Immutable; change with the {@code withX} copies. Default
 * ({@link #defaults()}): MSLE (the MSM settings then keep their defaults and are unused).
 */
public final class MethodConfig {
    private final EstimationMethod type;
    private final MsmConfig msm;

    private MethodConfig(EstimationMethod type, MsmConfig msm) {
        if (type == null) {
            throw new InvalidSpecificationException("method is missing: use msle or msm.");
        }
        if (msm == null) {
            throw new InvalidSpecificationException("The MSM settings are missing: give MsmConfig.defaults() for"
                    + " optimal instruments and two-step weighting.");
        }
        this.type = type;
        this.msm = msm;
    }

    /** Maximum simulated likelihood. */
    public static MethodConfig defaults() {
        return new MethodConfig(EstimationMethod.MSLE, MsmConfig.defaults());
    }

    /** The given principle with default settings. */
    public static MethodConfig of(EstimationMethod type) {
        return new MethodConfig(type, MsmConfig.defaults());
    }

    /** The method of simulated moments with these settings. */
    public static MethodConfig msm(MsmConfig settings) {
        return new MethodConfig(EstimationMethod.MSM, settings);
    }

    /** MSLE or MSM. */
    public EstimationMethod type() {
        return type;
    }

    /** Instruments and weighting of MSM (unused by MSLE). */
    public MsmConfig msm() {
        return msm;
    }

    public MethodConfig withType(EstimationMethod m) {
        return new MethodConfig(m, msm);
    }

    public MethodConfig withMsm(MsmConfig settings) {
        return new MethodConfig(type, settings);
    }

    @Override
    public String toString() {
        return "MethodConfig[" + type + (type == EstimationMethod.MSM ? ", " + msm : "") + "]";
    }
}
