package org.mixlogit.testdata;

import java.util.Random;

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
        Random random = new Random(seed);
        int rows = people * situations * 3;
        long[] situation = new long[rows];
        long[] id = new long[rows];
        double[] chosen = new double[rows];
        double[] x = new double[rows];
        double[] w = new double[rows];
        double[] z = new double[rows];
        int at = 0;
        for (int n = 0; n < people; n++) {
            double e0 = random.nextGaussian();
            double e1 = random.nextGaussian();
            double bx = MEAN[0] + CHOLESKY[0] * e0;
            double bw = MEAN[1] + CHOLESKY[2] * e0 + CHOLESKY[3] * e1;
            for (int s = 0; s < situations; s++) {
                int best = -1;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < 3; j++) {
                    int i = at + j;
                    situation[i] = (long) n * situations + s;
                    id[i] = n;
                    x[i] = scale * random.nextGaussian();
                    w[i] = random.nextGaussian();
                    z[i] = random.nextGaussian();
                    double u = bx * x[i] + bw * w[i] + Z * z[i] - Math.log(-Math.log(random.nextDouble()));
                    if (u > max) {
                        max = u;
                        best = i;
                    }
                }
                chosen[best] = 1;
                at += 3;
            }
        }
        return ChoiceData.builder().situations(situation).decisionMakers(id).chosen(chosen).attribute("x", x)
                .attribute("w", w).attribute("z", z).build();
    }
}
