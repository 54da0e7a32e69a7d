package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.bench.SimulatedChoices;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.msm.MsmConfig;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * An exactly identified MSM fit that ends where G'WG is singular is refused, naming the parameters, instead of
 * being reported as converged without standard errors. The data: quality's true coefficient is -1 but it is
 * modelled as censored normal (non-negative), so the criterion is minimized where every draw is censored, and
 * there the moments do not move with quality's location or scale.
 */
class MsmSingularEstimateTest {
    @Test
    @DisplayName("censored for every draw at the estimate: G'WG singular, the quality parameters are named")
    void singularAtEstimate() {
        ChoiceData negative = SimulatedChoices.generate(200, 2, new double[] {-1.0, -1.0, -2.5, 0.0}, 3);
        ChoiceData built = new DesignData().with("quality2", (i, n, j, d) -> {
            double q = d.attribute(i, d.attributeIndex("quality"));
            return q * q;
        }).chosen((i, n, j, d) -> negative.chosenRowRef()[i / 4] == i ? 1 : 0).build();
        ModelSpec spec = ModelSpec.builder().fixed("price").random("quality", Distribution.CENSORED_NORMAL)
                .fixed("rare").build();
        EstimatorConfig config = EstimatorConfig.defaults().withThreads(1)
                .withSearch(SearchConfig.defaults().withStart(new double[] {-1.0, 0.5, -2.5, 0.5}))
                .withMethod(MethodConfig.msm(MsmConfig.defaults().withInstrumentColumns(Arrays.asList("price",
                        "quality", "rare", "quality2"))));
        String m = assertThrows(InvalidSpecificationException.class, () -> new MsmEstimator(config)
                .estimate(built, spec)).getMessage();
        assertTrue(m.contains("do not identify") && m.contains("at the estimate") && m.contains("quality"), m);
    }
}
