package org.mixlogit.latent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.simulation.Backend;
import org.mixlogit.simulation.BlockPartials;
import org.mixlogit.simulation.DataSums;

/**
 * A k-means-like split of decision-makers into C groups, for starting values: the decision-makers' features (each
 * one's score of the plain logit, which points where their choices pull the coefficients) are standardized, C
 * centres are seeded by k-means++ with a seeded generator, and Lloyd's iterations assign each decision-maker to
 * its nearest centre. Deterministic for a seed. Every step is a sum over decision-makers on the estimator's backend,
 * computed where the data live and added in canonical block order ({@link #centres}), so the split is the same on
 * every backend to the last bit and the features never gather in one process.
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

        /** The centres, C x K row-major standardized. Not to be modified. */
        double[] centresRef() {
            return centres;
        }

        /**
         * Standardized features of decision-maker {@code i} of a part's raw features (a new array).
         *
         * @param features Not modified: N_part x K
         */
        double[] standardize(double[] features, int i, int k) {
            double[] f = new double[k];
            for (int j = 0; j < k; j++) {
                f[j] = sd[j] > 0 ? (features[i * k + j] - mean[j]) / sd[j] : 0;
            }
            return f;
        }

        /** Every decision-maker's standardized features (a new array); @param features Not modified */
        double[] standardize(double[] features, int k) {
            double[] f = new double[features.length];
            for (int i = 0; i < features.length / k; i++) {
                System.arraycopy(standardize(features, i, k), 0, f, i * k, k);
            }
            return f;
        }

        /**
         * @param features Not modified: one decision-maker's K raw features
         * @return the group whose centre is nearest its standardized features (the first of equals)
         */
        int nearest(double[] features) {
            return ClassSplit.nearest(standardize(features, 0, features.length), centres, classes, features.length);
        }
    }

    /** The split's features of a part's decision-makers, N_part x K row-major, computed from the part alone. */
    @FunctionalInterface
    interface Features extends java.io.Serializable {
        double[] of(ChoiceData part);
    }

    /** A term of a sum over decision-makers that reads their features. */
    @FunctionalInterface
    private interface FeatureTerm extends java.io.Serializable {
        /**
         * @param f Not modified: the part's features; @param i the decision-maker's index in the part
         * @param ordinal its index in the whole data
         */
        void add(double[] f, int i, long ordinal, double[] sums, int at);
    }

    /**
     * The k-means-like split with every sum over decision-makers on {@code backend}, each partition computing its
     * decision-makers' features where it lives: the standardization's means and variances, the k-means++ seeding's
     * distance totals (the seed falls in the first block whose running total reaches the draw, then in that block's
     * decision-makers in order) and each Lloyd step's group sums and counts are block sums added in canonical order,
     * so every backend gives the same centres to the last bit; only K-sized and C x K-sized vectors come back.
     *
     * @param k the features per decision-maker
     */
    static Centres centres(Backend backend, ChoiceData data, Features features, int k, int classes, long seed) {
        int n = data.decisionMakerCount();
        SplittableRandom random = new SplittableRandom(seed);
        int first = random.nextInt(n);
        // the features' sums, and the first seed's raw features (added from zero: exact) in the same pass
        double[] sums = sum(backend, data, features, 2 * k, (f, i, o, out, at) -> {
            for (int j = 0; j < k; j++) {
                out[at + j] += f[i * k + j];
            }
            if (o == first) {
                System.arraycopy(f, i * k, out, at + k, k);
            }
        });
        double[] mean = new double[k];
        for (int j = 0; j < k; j++) {
            mean[j] = sums[j] / n;
        }
        double[] m = mean.clone();
        double[] var = sum(backend, data, features, k, (f, i, o, out, at) -> {
            for (int j = 0; j < k; j++) {
                double d = f[i * k + j] - m[j];
                out[at + j] += d * d;
            }
        });
        double[] sd = new double[k];
        for (int j = 0; j < k; j++) {
            sd[j] = Math.sqrt(var[j] / Math.max(1, n - 1));
        }
        Centres scale = new Centres(mean, sd, new double[0], 0);
        double[] centres = new double[classes * k];
        System.arraycopy(scale.standardize(Arrays.copyOfRange(sums, k, 2 * k), 0, k), 0, centres, 0, k);
        for (int c = 1; c < classes; c++) {
            double[] seeded = Arrays.copyOf(centres, c * k);
            int count = c;
            List<BlockPartials> distances = backend.partials(data, part -> {
                double[] f = scale.standardize(features.of(part), k);
                return DataSums.partials(part, 1, (d, i, out, at) -> out[at] += nearestDistance(f, i, seeded, count,
                        k));
            });
            double u = random.nextDouble() * BlockPartials.total(distances)[0];
            double[] chosen = seed(backend, data, features, scale, distances, seeded, count, k, u);
            System.arraycopy(chosen, 0, centres, c * k, k);
        }
        double[] assigned = centres.clone();
        double[] previous = null;
        int width = classes * k + classes + 1;
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            assigned = centres.clone();
            double[] now = centres.clone();
            double[] before = previous;
            double[] step = sum(backend, data, features, width, (f, i, o, out, at) -> {
                double[] z = scale.standardize(f, i, k);
                int best = nearest(z, now, classes, k);
                int old = before == null ? 0 : nearest(z, before, classes, k);
                if (old != best) {
                    out[at + width - 1] += 1;
                }
                out[at + classes * k + best] += 1;
                for (int j = 0; j < k; j++) {
                    out[at + best * k + j] += z[j];
                }
            });
            previous = now;
            if (step[width - 1] == 0 && iteration > 0) {
                break;
            }
            for (int c = 0; c < classes; c++) {
                double counted = step[classes * k + c];
                if (counted > 0) {
                    for (int j = 0; j < k; j++) {
                        centres[c * k + j] = step[c * k + j] / counted;
                    }
                }
            }
        }
        return new Centres(mean, sd, assigned, classes);
    }

    /** A block-order sum over decision-makers of a term of their (raw) features. */
    private static double[] sum(Backend backend, ChoiceData data, Features features, int width, FeatureTerm term) {
        long origin = data.firstOrdinal();
        return BlockPartials.total(backend.partials(data, part -> {
            double[] f = features.of(part);
            long first = part.firstOrdinal() - origin;
            return DataSums.partials(part, width, (d, i, out, at) -> term.add(f, i, first + i, out, at));
        }));
    }

    /** Decision-maker {@code ordinal}'s (index in the data) standardized features, added from zero: exact. */
    private static double[] featuresOf(Backend backend, ChoiceData data, Features features, Centres scale, int k,
            int ordinal) {
        return sum(backend, data, features, k, (f, i, o, out, at) -> {
            if (o == ordinal) {
                System.arraycopy(scale.standardize(f, i, k), 0, out, at, k);
            }
        });
    }

    /**
     * The k-means++ draw: the first block (in order) whose distance total takes the draw to zero or below, then
     * within that block, on its partition, the first decision-maker whose distance does; the block's last when
     * rounding leaves the draw above zero, the data's last when no block does.
     *
     * @return the chosen decision-maker's standardized features (a new array)
     */
    private static double[] seed(Backend backend, ChoiceData data, Features features, Centres scale,
            List<BlockPartials> distances, double[] seeded, int count, int k, double u) {
        List<BlockPartials> ordered = new ArrayList<>(distances);
        ordered.sort(java.util.Comparator.comparingLong(BlockPartials::firstBlock));
        int n = data.decisionMakerCount();
        long origin = data.firstOrdinal();
        for (BlockPartials part : ordered) {
            for (int b = 0; b < part.blockCount(); b++) {
                double total = part.get(b, 0);
                if (u - total <= 0) {
                    long block = part.firstBlock() + b;
                    double start = u;
                    double[] found = BlockPartials.total(backend.partials(data, p -> {
                        double[] f = scale.standardize(features.of(p), k);
                        long first = p.firstOrdinal();
                        return DataSums.partials(p, 2 + k, (d, i, out, at) -> {
                            long o = first + i;
                            if (o / BlockPartials.BLOCK_SIZE != block || out[at] != 0) {
                                return;
                            }
                            if (i == 0 || o % BlockPartials.BLOCK_SIZE == 0) {
                                out[at + 1] = start;
                            }
                            out[at + 1] -= nearestDistance(f, i, seeded, count, k);
                            if (out[at + 1] <= 0) {
                                out[at] = o - origin + 1;
                                System.arraycopy(f, i * k, out, at + 2, k);
                            }
                        });
                    }));
                    if (found[0] > 0) {
                        return Arrays.copyOfRange(found, 2, 2 + k);
                    }
                    return featuresOf(backend, data, features, scale, k,
                            (int) Math.min(n - 1, (block + 1) * BlockPartials.BLOCK_SIZE - 1 - origin));
                }
                u -= total;
            }
        }
        return featuresOf(backend, data, features, scale, k, n - 1);
    }

    private static double nearestDistance(double[] f, int i, double[] centres, int count, int k) {
        double best = Double.POSITIVE_INFINITY;
        for (int s = 0; s < count; s++) {
            best = Math.min(best, squared(f, i, centres, s, k));
        }
        return best;
    }

    private static int nearest(double[] z, double[] centres, int classes, int k) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            double d = squared(z, 0, centres, c, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    private static double squared(double[] f, int i, double[] centres, int c, int k) {
        double s = 0;
        for (int j = 0; j < k; j++) {
            double d = f[i * k + j] - centres[c * k + j];
            s += d * d;
        }
        return s;
    }
}
