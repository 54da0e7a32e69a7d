package org.mixlogit.postestimation;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.bench.SimulatedChoices;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * A willingness to pay needs two coefficients: an attribute in units of itself is refused by every entry point
 * (the command line printed -1, the ratio of any coefficient to itself).
 */
class WillingnessToPayPairTest {
    @Test
    @DisplayName("wtp of an attribute in units of itself is refused naming it; of another attribute it is computed")
    void sameAttributeRefused() {
        ChoiceData data = SimulatedChoices.generate(40, 2, SimulatedChoices.TRUTH, 5);
        ModelSpec spec = ModelSpec.builder().fixed("price").random("quality", Distribution.NORMAL).build();
        double[] theta = {-1.2, 0.8, 0.5};
        double[] v = new double[9];
        Arrays.fill(v, Double.NaN);
        PostEstimation post = new PostEstimation(new FittedModel(spec, theta, v, "hessian",
                IntegrationConfig.of(DrawType.HALTON, 20), 95, 1), data, PostEstimationOptions.defaults());
        for (org.junit.jupiter.api.function.Executable call : new org.junit.jupiter.api.function.Executable[] {
            () -> post.willingnessToPay("quality", "quality"), () -> post.willingnessToPayTable("price", "price")}) {
            InvalidSpecificationException e = assertThrows(InvalidSpecificationException.class, call);
            assertTrue(e.getMessage().contains("the attribute and the cost are the same coefficient"), e.getMessage());
        }
        assertTrue(Math.abs(post.willingnessToPay("quality", "price").mean() - 0.8 / 1.2) < 0.2);
    }
}
