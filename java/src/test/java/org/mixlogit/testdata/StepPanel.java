package org.mixlogit.testdata;

import org.mixlogit.data.ChoiceData;

/**
 * A panel whose logit kernels are nearly step functions of the random coefficients: three alternatives with
 * attributes x and w whose differences are large (x ~ N(0, scale^2), w ~ N(0, 1)) and a fixed z ~ N(0, 1);
 * utility b_x x + b_w w + 0.5 z + Gumbel with (b_x, b_w) normal, mean (1, -0.5) and lower Cholesky factor
 * [[2, 0], [0.5, 0.8]] (correlated); every person makes {@code situations} choices, so each person's posterior is
 * narrow and far from the prior's mode.
 */
public final class StepPanel {
    /** Means and lower Cholesky factor of (b_x, b_w). */
    public static final double[] MEAN = {1.0, -0.5};
    public static final double[] CHOLESKY = {2.0, 0.0, 0.5, 0.8};
    public static final double Z = 0.5;

    private StepPanel() {
    }

    public static ChoiceData create(int people, int situations, double scale, long seed) {
        return GaussianPanel.create(people, situations, seed, new String[] {"x", "w", "z"},
                new double[] {scale, 1, 1}, random -> {
                    double e0 = random.nextGaussian();
                    double e1 = random.nextGaussian();
                    return new double[] {MEAN[0] + CHOLESKY[0] * e0, MEAN[1] + CHOLESKY[2] * e0 + CHOLESKY[3] * e1, Z};
                });
    }
}
