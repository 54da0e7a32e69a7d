package org.mixlogit.latent;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.spec.ParameterLayout;

/**
 * Starting points of a latent class logit's multi-start search, from the plain-logit estimate b. Even-numbered
 * starts (the first among them) split the decision-makers k-means-like by their plain-logit scores
 * ({@link ClassSplit}, a different seed each) and take the M-step of that hard assignment: each class's logit on its
 * group, shares the groups' sizes. Odd-numbered starts perturb b in every class: beta_cj = b_j + e (0.5 |b_j| +
 * 0.1), e standard normal (common coefficients keep b_j), equal shares. Deterministic for a seed.
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
    public static List<double[]> of(ChoiceData data, ExpectationMaximization em, double[] plainLogit, int starts,
            long seed) {
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
        ClassLogit logit = new ClassLogit(data, spec.classModel());
        int n = data.decisionMakerCount();
        double[] scores = new double[n * k];
        logit.scores(plainLogit, scores);
        for (int s = 0; s < starts; s++) {
            long startSeed = seed + 0x9E3779B97F4A7C15L * (s + 1);
            if (s % 2 == 0) {
                int[] group = ClassSplit.of(scores, n, k, classes, startSeed);
                double[] h = new double[n * classes];
                for (int i = 0; i < n; i++) {
                    h[i * classes + group[i]] = 1;
                }
                out.add(em.fromAssignment(h, base, SPLIT_STEPS));
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
