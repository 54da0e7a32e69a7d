package org.mixlogit.postestimation;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.latent.ClassPosteriors;

/**
 * Each decision-maker's posterior class probabilities given their choices, h_nc = pi_nc L_nc / sum_s pi_ns L_ns,
 * and their modal class (1-based): lclogit2's {@code predict, posterior}. Decision-makers in the data's canonical
 * order (by id), computed on the model's backend. Immutable; arrays copy.
 */
public final class LatentClassPosterior {
    private final long[] ids;
    private final int classes;
    private final double[] probabilities;

    LatentClassPosterior(FittedModel model, ChoiceData data) {
        this.classes = model.spec().classCount();
        this.ids = new long[data.decisionMakerCount()];
        for (int n = 0; n < ids.length; n++) {
            ids[n] = data.decisionMakerId(n);
        }
        this.probabilities = model.perDecisionMaker(data, DecisionMakerOutputs.classPosteriors(model));
    }

    public int classes() {
        return classes;
    }

    public long[] decisionMakerIds() {
        return ids.clone();
    }

    /** N x C row-major: decision-maker n's probability of class c at {@code n * classes() + c}. */
    public double[] probabilities() {
        return probabilities.clone();
    }

    /** The class (1-based) with the largest posterior probability of every decision-maker. */
    public int[] modalClasses() {
        int[] modal = ClassPosteriors.modal(probabilities, classes);
        for (int n = 0; n < modal.length; n++) {
            modal[n]++;
        }
        return modal;
    }
}
