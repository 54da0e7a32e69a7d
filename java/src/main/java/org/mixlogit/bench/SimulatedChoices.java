package org.mixlogit.bench;

import java.util.SplittableRandom;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * Choice data simulated from known parameters, for the Monte Carlo study and the tests. Each decision-maker faces
 * {@code situations} situations (1 = a cross-section) of four alternatives; utility is
 * U_tj = b_price price_tj + b_n quality_tj + b_rare rare_j + Gumbel, price ~ U(1, 3), quality ~ N(0, 1), rare = 1
 * for the fourth alternative only (a small-share alternative: about 6% of choices at the default truth), and
 * b_n ~ N(mean, sd^2) drawn once per decision-maker. Parameters in layout order: price, quality, rare, sd.quality.
 */
public final class SimulatedChoices {
    /** The default truth: price -1, quality mean 1, rare -2.5, sd of quality 1.5. */
    public static final double[] TRUTH = {-1.0, 1.0, -2.5, 1.5};
    private static final int ALTERNATIVES = 4;

    private SimulatedChoices() {
    }

    /** The model that generated the data: price and rare fixed, quality normal. */
    public static ModelSpec spec() {
        return ModelSpec.builder().fixed("price").random("quality", Distribution.NORMAL).fixed("rare").build();
    }

    /**
     * @param truth price, quality mean, rare, quality sd
     * @param seed the data are a deterministic function of the seed
     */
    public static ChoiceData generate(int people, int situations, double[] truth, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int rows = people * situations * ALTERNATIVES;
        long[] sit = new long[rows];
        long[] id = new long[rows];
        double[] chosen = new double[rows];
        double[] price = new double[rows];
        double[] quality = new double[rows];
        double[] rare = new double[rows];
        int at = 0;
        for (int n = 0; n < people; n++) {
            double bq = truth[1] + truth[3] * gaussian(random);
            for (int t = 0; t < situations; t++) {
                int best = -1;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < ALTERNATIVES; j++) {
                    int i = at + j;
                    sit[i] = (long) n * situations + t;
                    id[i] = n;
                    price[i] = 1 + 2 * random.nextDouble();
                    quality[i] = gaussian(random);
                    rare[i] = j == ALTERNATIVES - 1 ? 1 : 0;
                    double u = truth[0] * price[i] + bq * quality[i] + truth[2] * rare[i]
                            - Math.log(-Math.log(random.nextDouble()));
                    if (u > max) {
                        max = u;
                        best = i;
                    }
                }
                chosen[best] = 1;
                at += ALTERNATIVES;
            }
        }
        return ChoiceData.builder().situations(sit).decisionMakers(situations > 1 ? id : null).chosen(chosen)
                .attribute("price", price).attribute("quality", quality).attribute("rare", rare).build();
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
