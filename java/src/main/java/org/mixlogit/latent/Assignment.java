package org.mixlogit.latent;

import java.io.Serializable;
import java.util.SplittableRandom;

import org.mixlogit.data.ChoiceData;

/**
 * A hard assignment of decision-makers to classes, for a starting point (the M-step of the split): a function of the
 * decision-maker alone (its ordinal, or its plain-logit score), so that it is computed where the data live and any
 * split of the data gives the same classes. Serializable.
 */
@FunctionalInterface
interface Assignment extends Serializable {
    /**
     * @param logit the part's class logit (for scores)
     * @param n a decision-maker of {@code part}
     * @return its class, 0 .. C-1
     */
    int classOf(ClassLogit logit, ChoiceData part, int n);

    /**
     * Each decision-maker's class drawn uniformly from a generator keyed by the seed and its ordinal (as flexmix
     * and lclogit2 start); the first C ordinals take classes 0 .. C-1 when there are at least 2C decision-makers, so
     * that no class is empty.
     */
    static Assignment random(int classes, long decisionMakers, long seed) {
        return (logit, part, n) -> {
            long ordinal = part.decisionMakerOrdinal(n);
            if (ordinal < classes && decisionMakers >= 2L * classes) {
                return (int) ordinal;
            }
            return new SplittableRandom(seed + 0xBF58476D1CE4E5B9L * (ordinal + 1)).nextInt(classes);
        };
    }

    /**
     * The nearest of C centres of the standardized plain-logit scores ({@link ClassSplit}).
     *
     * @param beta Not modified (copied): the plain-logit coefficients the scores are taken at
     */
    static Assignment nearest(double[] beta, ClassSplit.Centres centres) {
        double[] b = beta.clone();
        return (logit, part, n) -> {
            double[] score = new double[b.length];
            logit.score(n, b, score);
            return centres.nearest(score);
        };
    }
}
