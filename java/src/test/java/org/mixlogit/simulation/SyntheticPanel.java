package org.mixlogit.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.mixlogit.data.ChoiceData;

/**
 * Deterministic synthetic long-format data for likelihood tests: ragged choice sets (2 to 4 alternatives),
 * unbalanced panels (1 to 4 situations per decision-maker), attributes x1..x4, an alternative dummy "asc",
 * and characteristics income and age. Choices come from a logit with fixed coefficients so every situation has
 * exactly one chosen alternative.
 */
final class SyntheticPanel {
    private SyntheticPanel() {
    }

    static ChoiceData create(int decisionMakers, long seed, boolean panel) {
        return create(decisionMakers, seed, panel, false);
    }

    /**
     * With {@code discrete}, attributes take a few levels (x1 in {-1,0,1,2}, x2 in {0,0.5,...,2}, x3 in {0,1},
     * x4 in {-0.5,0,0.5}), as in stated-preference designs, and situations per person go up to 8.
     */
    static ChoiceData create(int decisionMakers, long seed, boolean panel, boolean discrete) {
        Random random = new Random(seed);
        List<Long> situation = new ArrayList<>();
        List<Long> person = new ArrayList<>();
        List<Double> chosen = new ArrayList<>();
        List<double[]> attributes = new ArrayList<>();
        List<double[]> characteristics = new ArrayList<>();
        long situationId = 1000;
        for (int n = 0; n < decisionMakers; n++) {
            int situations = panel ? 1 + random.nextInt(discrete ? 8 : 4) : 1;
            double income = 0.5 + random.nextDouble() * 2;
            double age = random.nextInt(2);
            for (int t = 0; t < situations; t++) {
                int alternatives = 2 + random.nextInt(3);
                double[] utility = new double[alternatives];
                double[][] rows = new double[alternatives][];
                for (int j = 0; j < alternatives; j++) {
                    double[] a = discrete
                            ? new double[] {random.nextInt(4) - 1, 0.5 * random.nextInt(5), random.nextInt(2),
                                0.5 * (random.nextInt(3) - 1), j == 0 ? 1 : 0}
                            : new double[] {random.nextGaussian(), random.nextDouble() * 2, random.nextInt(2),
                                random.nextGaussian() * 0.5, j == 0 ? 1 : 0};
                    rows[j] = a;
                    utility[j] = 0.5 * a[0] - 0.8 * a[1] + 0.6 * a[2] + 0.3 * a[3] + 0.2 * a[4]
                            - Math.log(-Math.log(random.nextDouble()));
                }
                int best = 0;
                for (int j = 1; j < alternatives; j++) {
                    if (utility[j] > utility[best]) {
                        best = j;
                    }
                }
                for (int j = 0; j < alternatives; j++) {
                    situation.add(situationId);
                    person.add((long) (7 * n + 3));
                    chosen.add(j == best ? 1.0 : 0.0);
                    attributes.add(rows[j]);
                    characteristics.add(new double[] {income, age});
                }
                situationId += 1 + random.nextInt(3);
            }
        }
        int rows = situation.size();
        long[] s = new long[rows];
        long[] p = new long[rows];
        double[] c = new double[rows];
        double[][] cols = new double[5][rows];
        double[][] chars = new double[2][rows];
        for (int i = 0; i < rows; i++) {
            s[i] = situation.get(i);
            p[i] = person.get(i);
            c[i] = chosen.get(i);
            for (int a = 0; a < 5; a++) {
                cols[a][i] = attributes.get(i)[a];
            }
            chars[0][i] = characteristics.get(i)[0];
            chars[1][i] = characteristics.get(i)[1];
        }
        return ChoiceData.builder().situations(s).decisionMakers(panel ? p : null).chosen(c)
                .attribute("x1", cols[0]).attribute("x2", cols[1]).attribute("x3", cols[2])
                .attribute("x4", cols[3]).attribute("asc", cols[4])
                .characteristic("income", chars[0]).characteristic("age", chars[1]).build();
    }
}
