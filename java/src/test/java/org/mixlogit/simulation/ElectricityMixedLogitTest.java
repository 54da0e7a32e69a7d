package org.mixlogit.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.io.ExampleData;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * The mlogit vignette's mixed logit on Train's Electricity data ("Exercise 3: Mixed logit model", Train and
 * Croissant): all six coefficients independent normal, panel by id, 100 plain Halton draws. At mlogit's
 * published estimates the simulated log-likelihood is -3952.49 (the vignette prints -3952.5).
 */
class ElectricityMixedLogitTest {
    static final String[] ATTRIBUTES = {"pf", "cl", "loc", "wk", "tod", "seas"};
    static final double[] MLOGIT = {-0.973386, -0.205557, 2.075724, 1.475645, -9.052539, -9.103759,
        0.219943, 0.378303, 1.482974, 1.000057, 2.289477, 1.180869};

    static ModelSpec allNormal() {
        ModelSpec.Builder b = ModelSpec.builder();
        for (String a : ATTRIBUTES) {
            b.random(a, Distribution.NORMAL);
        }
        return b.build();
    }

    @Test
    @DisplayName("mlogit estimates, 100 Halton draws, panel: LL = -3952.49 +- 0.01")
    void reproducesMlogitLogLikelihood() {
        try (SimulatedLogLikelihood ll = Simulators.likelihood(ExampleData.electricity(), allNormal(),
                IntegrationConfig.of(DrawType.HALTON, 100), 2)) {
            assertEquals(-3952.49, ll.value(MLOGIT), 0.01);
        }
    }
}
