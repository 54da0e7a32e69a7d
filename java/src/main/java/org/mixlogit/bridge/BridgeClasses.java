package org.mixlogit.bridge;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.postestimation.FittedModel;
import org.mixlogit.report.SavedResult;
import org.mixlogit.simulation.SimulatedLogLikelihood;
import org.mixlogit.simulation.Simulators;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.spec.ParameterLayout;

/**
 * Per-class predictions of a latent class fit for the front ends, from its saved form ({@link BridgeFit#json()}):
 * the choice probabilities of every row if its decision-maker belonged to one class (lclogit2's
 * {@code lclogitpr2, pr class(#)}; Stata's {@code predict newvar, pr class(#)}). With random coefficients within
 * classes, the class model's probabilities integrated over the estimation's rule.
 */
public final class BridgeClasses {
    private BridgeClasses() {
    }

    /**
     * Probabilities of every row in class {@code klass} (1-based, classes sorted by share as in the fit), in the
     * caller's row order; data as for {@link MixlogitBridge#postSaved} (no choices needed).
     *
     * @param threads worker threads (numbers do not depend on them)
     */
    public static double[] classProbabilities(String resultJson, int[] situation, int[] decisionMaker,
            String[] attributeNames, double[] attributes, String[] characteristicNames, double[] characteristics,
            int threads, int klass) {
        FittedModel model = SavedResult.read(resultJson).fittedModel(threads);
        ModelSpec spec = model.spec();
        if (!spec.isLatentClass()) {
            throw new InvalidSpecificationException("Probabilities by class need a latent class model; this one has"
                    + " no classes: predict the probabilities without class().");
        }
        if (klass < 1 || klass > spec.classCount()) {
            throw new InvalidSpecificationException("class(" + klass + "): the model has classes 1 to "
                    + spec.classCount() + ".");
        }
        ParameterLayout layout = spec.layout();
        double[] theta = model.estimates();
        double[] own = new double[layout.classLayout().size()];
        for (int j = 0; j < own.length; j++) {
            own[j] = theta[layout.classIndex(klass - 1, j)];
        }
        ChoiceData data = BridgeData.build(situation, decisionMaker, null, attributeNames, attributes,
                characteristicNames, characteristics, new double[0], null, null, true);
        try (SimulatedLogLikelihood ll = Simulators.unconditional(data, spec.classModel(), model.integration(),
                threads)) {
            return BridgeData.inputOrder(data, ll.probabilities(own));
        }
    }
}
