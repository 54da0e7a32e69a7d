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
        Random random = new Random(seed);
        int rows = people * situations * 3;
        long[] situation = new long[rows];
        long[] id = new long[rows];
        double[] chosen = new double[rows];
        double[] x = new double[rows];
        double[] z = new double[rows];
        int at = 0;
        for (int n = 0; n < people; n++) {
            double b = mean + sd * random.nextGaussian();
            for (int s = 0; s < situations; s++) {
                int best = -1;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < 3; j++) {
                    int i = at + j;
                    situation[i] = (long) n * situations + s;
                    id[i] = n;
                    x[i] = random.nextGaussian();
                    z[i] = random.nextGaussian();
                    double u = b * x[i] + 0.5 * z[i] - Math.log(-Math.log(random.nextDouble()));
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
                .attribute("z", z).build();
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
