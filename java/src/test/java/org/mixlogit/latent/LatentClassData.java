package org.mixlogit.latent;

import java.util.Random;

import org.mixlogit.data.ChoiceData;

/**
 * Panels simulated from a latent class logit with known parameters: N decision-makers, T situations of J
 * alternatives, attributes x1..x3 (standard normal, x3 binary), characteristic "z" (standard normal) and "female"
 * (0/1). Class c has coefficients beta[c]; class shares are a logit in (1, z) with parameters gamma (class 1 the
 * base, gamma[c - 1] = {constant, z} for c &gt;= 2). One class per decision-maker for all situations.
 */
public final class LatentClassData {
    private LatentClassData() {
    }

    public static ChoiceData simulate(int n, int t, int j, double[][] beta, double[][] gamma, long seed) {
        Random random = new Random(seed);
        int rows = n * t * j;
        long[] situation = new long[rows];
        long[] person = new long[rows];
        double[] chosen = new double[rows];
        double[][] x = new double[3][rows];
        double[] z = new double[rows];
        double[] female = new double[rows];
        int row = 0;
        int classes = beta.length;
        for (int i = 0; i < n; i++) {
            double zi = random.nextGaussian();
            double fi = random.nextInt(2);
            double[] eta = new double[classes];
            double sum = 1;
            eta[0] = 1;
            for (int c = 1; c < classes; c++) {
                eta[c] = Math.exp(gamma[c - 1][0] + gamma[c - 1][1] * zi);
                sum += eta[c];
            }
            double u = random.nextDouble() * sum;
            int cls = classes - 1;
            for (int c = 0; c < classes; c++) {
                u -= eta[c];
                if (u <= 0) {
                    cls = c;
                    break;
                }
            }
            for (int s = 0; s < t; s++) {
                int best = 0;
                double bestU = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < j; a++) {
                    double x1 = random.nextGaussian();
                    double x2 = random.nextGaussian();
                    double x3 = random.nextInt(2);
                    double util = beta[cls][0] * x1 + beta[cls][1] * x2 + beta[cls][2] * x3
                            - Math.log(-Math.log(random.nextDouble()));
                    if (util > bestU) {
                        bestU = util;
                        best = a;
                    }
                    situation[row + a] = (long) i * t + s;
                    person[row + a] = i + 1;
                    x[0][row + a] = x1;
                    x[1][row + a] = x2;
                    x[2][row + a] = x3;
                    z[row + a] = zi;
                    female[row + a] = fi;
                }
                chosen[row + best] = 1;
                row += j;
            }
        }
        return ChoiceData.builder().situations(situation).decisionMakers(person).chosen(chosen)
                .attribute("x1", x[0]).attribute("x2", x[1]).attribute("x3", x[2])
                .characteristic("z", z).characteristic("female", female).build();
    }
}
