package org.mixlogit.testdata;

import java.util.Random;
import java.util.function.Function;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.data.ChoiceDataBuilder;

/**
 * The generator behind {@link StepPanel} and {@link SharpPanel}: every person makes {@code situations} choices among
 * three alternatives; each row's attributes are independent normals with the given scales, and the chosen
 * alternative maximizes the person's coefficients times the attributes plus Gumbel noise. Draws come from one
 * {@link Random} in a fixed order: the person's coefficients, then per row the attributes in column order and the
 * Gumbel uniform.
 */
final class GaussianPanel {
    private GaussianPanel() {
    }

    /**
     * @param names   attribute names, in column order
     * @param scales  each attribute's standard deviation (not modified)
     * @param person  draws one person's coefficients (one per attribute) from the generator
     */
    static ChoiceData create(int people, int situations, long seed, String[] names, double[] scales,
            Function<Random, double[]> person) {
        Random random = new Random(seed);
        int rows = people * situations * 3;
        int columns = names.length;
        long[] situation = new long[rows];
        long[] id = new long[rows];
        double[] chosen = new double[rows];
        double[][] attributes = new double[columns][rows];
        int at = 0;
        for (int n = 0; n < people; n++) {
            double[] beta = person.apply(random);
            for (int s = 0; s < situations; s++) {
                int best = -1;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < 3; j++) {
                    int i = at + j;
                    situation[i] = (long) n * situations + s;
                    id[i] = n;
                    double u = 0;
                    for (int k = 0; k < columns; k++) {
                        attributes[k][i] = scales[k] * random.nextGaussian();
                        u += beta[k] * attributes[k][i];
                    }
                    u -= Math.log(-Math.log(random.nextDouble()));
                    if (u > max) {
                        max = u;
                        best = i;
                    }
                }
                chosen[best] = 1;
                at += 3;
            }
        }
        ChoiceDataBuilder builder = ChoiceData.builder().situations(situation).decisionMakers(id).chosen(chosen);
        for (int k = 0; k < columns; k++) {
            builder.attribute(names[k], attributes[k]);
        }
        return builder.build();
    }
}
