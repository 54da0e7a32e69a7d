package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.simulation.SimulatedLogLikelihood;
import org.mixlogit.simulation.Simulators;
import org.mixlogit.simulation.WillingnessToPay;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/** Willingness to pay -beta_a / beta_c: with a fixed price coefficient of -1 it is the normal coefficient itself. */
class WillingnessToPayTest {

    @Test
    @DisplayName("WTP for quality with price fixed at -1 is N(0.8, 1.2^2): mean, median and quantiles")
    void normalOverFixedPrice() {
        ChoiceData data = ParameterRecoveryTest.simulate(300, 3, 3, 41);
        ModelSpec spec = ModelSpec.builder().fixed("price").random("quality", Distribution.NORMAL).fixed("comfort")
                .build();
        double[] theta = {-1.0, 0.8, 0.5, 1.2};
        try (SimulatedLogLikelihood ll = Simulators.likelihood(data, spec,
                IntegrationConfig.of(DrawType.SOBOL, 500), 2)) {
            WillingnessToPay wtp = ll.willingnessToPay(theta, "quality", "price");
            assertEquals(150_000, wtp.draws());
            assertEquals(0.8, wtp.mean(), 0.01);
            assertEquals(0.8, wtp.median(), 0.01);
            assertEquals(0.8 - 1.6448536 * 1.2, wtp.quantile(0.05), 0.02);
            assertEquals(0.8 + 1.6448536 * 1.2, wtp.quantile(0.95), 0.02);
            double[] individual = wtp.individual();
            assertEquals(300, individual.length);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : individual) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            assertTrue(max - min > 1, "conditional WTP differs between people: " + min + " .. " + max);
        }
        try (SimulatedLogLikelihood gh = Simulators.likelihood(data, spec,
                IntegrationConfig.of(DrawType.GAUSS_HERMITE, 9), 1)) {
            assertThrows(InvalidSpecificationException.class, () -> gh.willingnessToPay(theta, "quality", "price"));
        }
    }

    @Test
    @DisplayName("a censored normal cost coefficient (zero in 31% of draws) is refused naming the cost and the share,"
            + " not summarised as NaN")
    void costZeroInSomeDraws() {
        ChoiceData data = ParameterRecoveryTest.simulate(300, 3, 3, 41);
        ModelSpec spec = ModelSpec.builder().random("price", Distribution.CENSORED_NORMAL).random("quality",
                Distribution.NORMAL).fixed("comfort").build();
        java.util.List<String> names = spec.layout().names();
        double[] theta = new double[names.size()];
        theta[names.indexOf("price")] = 0.5; // price = max(0, 0.5 + z): zero with probability Phi(-0.5) = 0.3085
        theta[names.indexOf("sd.price")] = 1.0;
        theta[names.indexOf("quality")] = 0.8;
        theta[names.indexOf("sd.quality")] = 1.2;
        theta[names.indexOf("comfort")] = 0.5;
        try (SimulatedLogLikelihood ll = Simulators.likelihood(data, spec,
                IntegrationConfig.of(DrawType.SOBOL, 500), 2)) {
            // before: mean NaN, 5% quantile NaN and every person's conditional mean NaN
            InvalidSpecificationException e = assertThrows(InvalidSpecificationException.class,
                    () -> ll.willingnessToPay(theta, "quality", "price"));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Willingness to pay in units of 'price'"
                    + " divides by its coefficient \\(censored normal at zero\\), which is zero in (\\d+) of the"
                    + " 150000 draws examined \\((\\d+\\.\\d)%\\)").matcher(e.getMessage());
            assertTrue(m.find(), e.getMessage());
            assertEquals(0.3085, Integer.parseInt(m.group(1)) / 150000.0, 0.01, e.getMessage());
            assertTrue(e.getMessage().contains("Give a cost coefficient that is never zero"), e.getMessage());
            // the attribute may still be the censored one: its ratio over a cost that is never zero is finite
            WillingnessToPay fine = ll.willingnessToPay(theta, "price", "quality");
            assertTrue(Double.isFinite(fine.median()), "median " + fine.median());
        }
    }
}
