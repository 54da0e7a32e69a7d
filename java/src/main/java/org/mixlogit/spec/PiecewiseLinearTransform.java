package org.mixlogit.spec;

/**
 * A transform whose beta is linear in (m, s) wherever it is differentiable (the location-scale families, the fixed
 * coefficient, the censored normal): its second derivatives are zero, so the engine never asks for them, and
 * {@link #secondDerivatives} only says so.
 */
interface PiecewiseLinearTransform extends CoefficientTransform {
    @Override
    default boolean isPiecewiseLinear() {
        return true;
    }

    /** Zero for every draw. */
    @Override
    default void secondDerivatives(double location, double scale, double[] variate, double[] beta, int draws,
            double[] dLocationLocation, double[] dLocationScale, double[] dScaleScale) {
        for (int q = 0; q < draws; q++) {
            dLocationLocation[q] = 0.0;
            dLocationScale[q] = 0.0;
            dScaleScale[q] = 0.0;
        }
    }
}
