package org.mixlogit.latent;

import java.util.SplittableRandom;

/**
 * A k-means-like split of decision-makers into C groups, for starting values: the decision-makers' features (each
 * one's score of the plain logit, which points where their choices pull the coefficients) are standardized, C
 * centres are seeded by k-means++ with a seeded generator, and Lloyd's iterations assign each decision-maker to
 * its nearest centre. Deterministic for a seed.
 */
final class ClassSplit {
    private static final int ITERATIONS = 25;

    private ClassSplit() {
    }

    /**
     * The split's standardization and the centres of its final assignment: a decision-maker's group is the centre
     * nearest its standardized features ({@link #nearest}), computable wherever its features are. Immutable;
     * serializable.
     */
    static final class Centres implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final double[] mean;
        private final double[] sd;
        private final double[] centres;
        private final int classes;

        Centres(double[] mean, double[] sd, double[] centres, int classes) {
            this.mean = mean;
            this.sd = sd;
            this.centres = centres;
            this.classes = classes;
        }

        /**
         * @param features Not modified: one decision-maker's K raw features
         * @return the group whose centre is nearest its standardized features (the first of equals)
         */
        int nearest(double[] features) {
            int k = features.length;
            double[] f = new double[k];
            for (int j = 0; j < k; j++) {
                f[j] = sd[j] > 0 ? (features[j] - mean[j]) / sd[j] : 0;
            }
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                double d = squared(f, 0, centres, c, k);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
            return best;
        }
    }

    /**
     * The k-means-like split of the features as its standardization and the centres of its final assignment.
     *
     * @param features Not modified: N x K row-major
     */
    static Centres centres(double[] features, int n, int k, int classes, long seed) {
        double[] mean = new double[k];
        double[] sd = new double[k];
        double[] f = standardized(features, n, k, mean, sd);
        SplittableRandom random = new SplittableRandom(seed);
        double[] centres = new double[classes * k];
        int first = random.nextInt(n);
        System.arraycopy(f, first * k, centres, 0, k);
        double[] distance = new double[n];
        for (int c = 1; c < classes; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                double best = Double.POSITIVE_INFINITY;
                for (int s = 0; s < c; s++) {
                    best = Math.min(best, squared(f, i, centres, s, k));
                }
                distance[i] = best;
                total += best;
            }
            double u = random.nextDouble() * total;
            int chosen = n - 1;
            for (int i = 0; i < n; i++) {
                u -= distance[i];
                if (u <= 0) {
                    chosen = i;
                    break;
                }
            }
            System.arraycopy(f, chosen * k, centres, c * k, k);
        }
        int[] group = new int[n];
        double[] assigned = centres.clone();
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            boolean moved = false;
            assigned = centres.clone();
            for (int i = 0; i < n; i++) {
                int best = 0;
                double bestDistance = Double.POSITIVE_INFINITY;
                for (int c = 0; c < classes; c++) {
                    double d = squared(f, i, centres, c, k);
                    if (d < bestDistance) {
                        bestDistance = d;
                        best = c;
                    }
                }
                moved |= group[i] != best;
                group[i] = best;
            }
            if (!moved && iteration > 0) {
                break;
            }
            double[] sums = new double[classes * k];
            int[] counts = new int[classes];
            for (int i = 0; i < n; i++) {
                counts[group[i]]++;
                for (int j = 0; j < k; j++) {
                    sums[group[i] * k + j] += f[i * k + j];
                }
            }
            for (int c = 0; c < classes; c++) {
                if (counts[c] > 0) {
                    for (int j = 0; j < k; j++) {
                        centres[c * k + j] = sums[c * k + j] / counts[c];
                    }
                }
            }
        }
        return new Centres(mean, sd, assigned, classes);
    }

    private static double squared(double[] f, int i, double[] centres, int c, int k) {
        double s = 0;
        for (int j = 0; j < k; j++) {
            double d = f[i * k + j] - centres[c * k + j];
            s += d * d;
        }
        return s;
    }

    /** @param means <b>Modified</b>: each feature's mean; @param sds <b>Modified</b>: each one's sd */
    private static double[] standardized(double[] features, int n, int k, double[] means, double[] sds) {
        double[] f = features.clone();
        for (int j = 0; j < k; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += f[i * k + j];
            }
            mean /= n;
            double var = 0;
            for (int i = 0; i < n; i++) {
                double d = f[i * k + j] - mean;
                var += d * d;
            }
            double sd = Math.sqrt(var / Math.max(1, n - 1));
            means[j] = mean;
            sds[j] = sd;
            for (int i = 0; i < n; i++) {
                f[i * k + j] = sd > 0 ? (f[i * k + j] - mean) / sd : 0;
            }
        }
        return f;
    }
}
