package org.mixlogit.testdata;

import java.util.Random;

import org.mixlogit.data.ChoiceData;

/**
 * A panel with sharp individual posteriors for quadrature tests: each person makes many choices among three
 * alternatives with attributes x and z; utility b_n x + 0.5 z + Gumbel noise with b_n ~ N(mean, sd^2).
 */
public final class SharpPanel {
    private SharpPanel() {
    }

    public static ChoiceData create(int people, int situations, double mean, double sd, long seed) {
        return GaussianPanel.create(people, situations, seed, new String[] {"x", "z"}, new double[] {1, 1},
                random -> new double[] {mean + sd * random.nextGaussian(), 0.5});
    }

    /** The individual coefficients b_n that {@link #create} draws with the same arguments. */
    public static double[] coefficients(int people, int situations, double mean, double sd, long seed) {
        Random random = new Random(seed);
        double[] out = new double[people];
        for (int n = 0; n < people; n++) {
            out[n] = mean + sd * random.nextGaussian();
            for (int s = 0; s < situations; s++) {
                for (int j = 0; j < 3; j++) {
                    random.nextGaussian();
                    random.nextGaussian();
                    random.nextDouble();
                }
            }
        }
        return out;
    }
}
