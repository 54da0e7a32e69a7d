package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.InvalidDataException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.msm.MsmConfig;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * Complete and quasi-complete separation are refused, naming the attribute, instead of a "certified" fit with
 * log-likelihood near 0 and standard errors of 1e3-1e4.
 */
class SeparationTest {
    /** 1 for the chosen alternative of every situation: predicts every choice. */
    private static final ChoiceData COMPLETE = new DesignData()
            .with("signal", (i, n, j, d) -> isChosen(d, i) ? 1 : 0).build();
    /** The chosen alternative's price minus 3 for the first 50 people (100 of 400 situations), else price: ties. */
    private static final ChoiceData QUASI = new DesignData()
            .with("flag", (i, n, j, d) -> n < 50 && isChosen(d, i) ? 1 : 0).build();

    private static boolean isChosen(ChoiceData d, int row) {
        return d.chosenRowRef()[row / 4] == row;
    }

    private static EstimatorConfig msle() {
        return EstimatorConfig.defaults().withThreads(1).withDiagnostics(DiagnosticsConfig.defaults());
    }

    private static String refusal(ChoiceData data, ModelSpec spec, EstimatorConfig config) {
        return assertThrows(InvalidDataException.class, () -> Estimator.of(config).estimate(data, spec))
                .getMessage();
    }

    @Test
    @DisplayName("complete separation: the plain logit is refused, naming the attribute and its sign")
    void complete() {
        String m = refusal(COMPLETE, ModelSpec.builder().fixed("price").fixed("quality").fixed("signal").build(),
                msle());
        assertTrue(m.contains("Complete separation: signal (+) predicts every one of the 400 choices"), m);
    }

    @Test
    @DisplayName("quasi-complete separation: 100 of 400 situations, by MSLE with a random coefficient and by MSM")
    void quasi() {
        ModelSpec spec = ModelSpec.builder().fixed("price").random("quality", Distribution.NORMAL).fixed("flag")
                .build();
        String m = refusal(QUASI, spec, msle());
        assertTrue(m.contains("Quasi-complete separation: flag (+) predicts the choice exactly in 100 of the 400"),
                m);
        String msm = refusal(QUASI, spec, msle().withMethod(MethodConfig.msm(MsmConfig.defaults())));
        assertTrue(msm.contains("Quasi-complete separation: flag (+)"), msm);
    }

    @Test
    @DisplayName("a combination: mix = signal + price separates with price; both are named")
    void combination() {
        ChoiceData data = new DesignData().with("mix", (i, n, j, d) -> (isChosen(d, i) ? 1 : 0)
                + d.attribute(i, d.attributeIndex("price"))).build();
        String m = refusal(data, ModelSpec.builder().fixed("price").fixed("quality").fixed("mix").build(), msle());
        assertTrue(m.contains("Complete separation: a combination of price (-), mix (+)"), m);
    }
}
