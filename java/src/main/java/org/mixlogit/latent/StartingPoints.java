package org.mixlogit.latent;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.spec.ParameterLayout;

/**
 * Starting points of a latent class logit's multi-start search, from the plain-logit estimate b, of three kinds
 * that each take the M-step of a hard assignment of decision-makers to classes (each class's logit on its group,
 * shares the groups' sizes) or perturb b:
 * <ul>
 * <li>start 0: a k-means-like split of the decision-makers by their plain-logit scores ({@link ClassSplit});</li>
 * <li>starts 3, 6, 9, ...: b perturbed in every class, beta_cj = b_j + e (0.5 |b_j| + 0.1), e standard normal
 * (common coefficients keep b_j), equal shares;</li>
 * <li>the others (1, 2, 4, 5, 7, 8, ...): a random partition, each decision-maker in a class drawn uniformly, as
 * flexmix and lclogit2 start (keyed by its ordinal, {@link Assignment#random}).</li>
 * </ul>
 * The splits are functions of each decision-maker ({@link Assignment}) and their M-steps passes of the EM on its
 * backend, and so are the k-means steps of the split (block sums over the decision-makers' plain-logit scores,
 * computed where the data live; only K- and C x K-sized vectors come to this process).
 * Random partitions find the best optimum most often: on Electricity with three classes (optima -4298.03,
 * -4304.51, -4338.36), 45% of random partitions led EM there, 30% of perturbations and 5% of k-means-like splits
 * (these favour one basin; 40 to 80 starts of each). Deterministic for a seed.
 */
public final class StartingPoints {
    /** Newton M-steps that turn a split into a start. */
    private static final int SPLIT_STEPS = 3;

    private StartingPoints() {
    }

    /**
     * @param plainLogit Not modified: b, one value per coefficient of the class model
     * @return {@code starts} parameter vectors of {@code em}'s specification
     */
    public static List<double[]> of(ExpectationMaximization em, double[] plainLogit, int starts, long seed) {
        ChoiceData data = em.data();
        ModelSpec spec = em.spec();
        ParameterLayout layout = spec.layout();
        int classes = spec.classCount();
        int k = plainLogit.length;
        double[] base = new double[layout.size()];
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < k; j++) {
                base[layout.classIndex(c, j)] = plainLogit[j];
            }
        }
        List<double[]> out = new ArrayList<>();
        if (classes == 1) {
            out.add(base);
            return out;
        }
        int n = data.decisionMakerCount();
        ModelSpec classModel = spec.classModel();
        double[] b = plainLogit.clone();
        // the split's features: every decision-maker's plain-logit score, computed where the data live, and the
        // k-means steps as block sums over them there
        ClassSplit.Features scores = part -> {
            ClassLogit logit = new ClassLogit(part, classModel);
            double[] partScores = new double[part.decisionMakerCount() * b.length];
            logit.scores(b, partScores);
            return partScores;
        };
        for (int s = 0; s < starts; s++) {
            long startSeed = seed + 0x9E3779B97F4A7C15L * (s + 1);
            if (s == 0 || s % 3 != 0) {
                Assignment split = s == 0
                        ? Assignment.nearest(b, ClassSplit.centres(em.backend(), data, scores, k, classes, startSeed))
                        : Assignment.random(classes, n, startSeed);
                out.add(em.fromAssignment(split, base, SPLIT_STEPS));
            } else {
                SplittableRandom random = new SplittableRandom(startSeed);
                double[] theta = base.clone();
                for (int c = 0; c < classes; c++) {
                    for (int j = 0; j < k; j++) {
                        int at = layout.classIndex(c, j);
                        if (layout.classIndex(0, j) != layout.classIndex(1, j)) {
                            theta[at] = plainLogit[j] + gaussian(random) * (0.5 * Math.abs(plainLogit[j]) + 0.1);
                        }
                    }
                }
                out.add(theta);
            }
        }
        return out;
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
