package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.spec.ParameterLayout;

/** Extra starts perturb values and signs of the scales; the result keeps the distinct optima and the best. */
class MultipleStartsTest {

    @Test
    @DisplayName("perturbations are seeded, jitter the means and flip the signs of scales")
    void perturbationsFlipSigns() {
        ModelSpec spec = ModelSpec.builder().random("a", Distribution.NORMAL).random("b", Distribution.NORMAL)
                .random("c", Distribution.LOGNORMAL).random("d", Distribution.NORMAL).correlated("b", "d").build();
        ParameterLayout layout = spec.layout();
        double[] defaults = StartingValues.defaults(spec, new double[] {1.0, -2.0, 0.5, 0.3});
        assertEquals(Math.log(0.5), defaults[2], 1e-12);
        assertEquals(StartingValues.SCALE, defaults[layout.indexOf("sd.a")], 0.0);
        assertEquals(StartingValues.SCALE, defaults[layout.choleskyIndex(1, 1)], 0.0);
        assertEquals(0.0, defaults[layout.choleskyIndex(1, 0)], 0.0);
        int negative = 0;
        for (int s = 1; s <= 40; s++) {
            double[] p = StartingValues.perturbed(layout, defaults, 7, s);
            assertEquals(java.util.Arrays.toString(p),
                    java.util.Arrays.toString(StartingValues.perturbed(layout, defaults, 7, s)));
            assertNotEquals(defaults[0], p[0]);
            if (p[layout.indexOf("sd.a")] < 0) {
                negative++;
            }
        }
        assertTrue(negative > 5 && negative < 35, "sign flips of sd.a in 40 starts: " + negative);
    }

    @Test
    @DisplayName("an exponential scale keeps its sign in every start; the other parameters' draws do not change")
    void identifiedSignKept() {
        ModelSpec normal = ModelSpec.builder().random("a", Distribution.NORMAL).random("p", Distribution.NORMAL)
                .build();
        ModelSpec exponential = ModelSpec.builder().random("a", Distribution.NORMAL)
                .random("p", Distribution.EXPONENTIAL).build();
        double[] plain = {1.0, -2.0};
        double[] defaults = StartingValues.defaults(exponential, plain);
        ParameterLayout layout = exponential.layout();
        int sd = layout.indexOf("sd.p");
        assertEquals(-StartingValues.SCALE, defaults[sd], 0.0, "a negative plain-logit estimate: the tail points down");
        assertEquals(-2.0 + StartingValues.SCALE, defaults[layout.indexOf("p")], 1e-15, "mean -2 at the start");
        double[] normalDefaults = StartingValues.defaults(normal, plain);
        int flips = 0;
        for (int s = 1; s <= 40; s++) {
            double[] p = StartingValues.perturbed(layout, defaults, 11, s);
            double[] q = StartingValues.perturbed(normal.layout(), normalDefaults, 11, s);
            assertTrue(p[sd] < 0, "start " + s + ": sd.p = " + p[sd]);
            assertEquals(Math.abs(q[sd]), Math.abs(p[sd]), 0.0);
            assertEquals(q[layout.indexOf("sd.a")], p[layout.indexOf("sd.a")], 0.0);
            flips += q[sd] > 0 ? 1 : 0;
        }
        assertTrue(flips > 5, "a normal scale still flips: " + flips);
    }

    @Test
    @DisplayName("optima are compared in absolute value only where the sign is not identified")
    void closeComparesUnidentifiedSignsOnly() {
        ParameterLayout layout = ModelSpec.builder().random("a", Distribution.NORMAL)
                .random("p", Distribution.EXPONENTIAL).build().layout();
        double[] base = {0.5, -1.0, 0.8, -1.2};
        assertTrue(MsleEstimator.close(base, new double[] {0.5, -1.0, -0.8, -1.2}, layout), "sd.a flipped");
        assertFalse(MsleEstimator.close(base, new double[] {-0.5, -1.0, 0.8, -1.2}, layout), "mean a flipped");
        assertFalse(MsleEstimator.close(base, new double[] {0.5, -1.0, 0.8, 1.2}, layout), "sd.p flipped");
        assertTrue(MsleEstimator.close(base, new double[] {0.5, -1.0, 0.8, -1.2000001}, layout));
    }

    @Test
    @DisplayName("three starts: the optima table accounts for all three and the best is reported")
    void optimaTable() {
        ChoiceData data = ParameterRecoveryTest.simulate(300, 4, 3, 5);
        ModelSpec spec = ModelSpec.builder().fixed("price").random("quality", Distribution.NORMAL)
                .random("comfort", Distribution.NORMAL).build();
        EstimationResult r = new MsleEstimator(EstimatorConfig.defaults().withThreads(2)
                .withSearch(SearchConfig.defaults().withStarts(3)))
                .estimate(data, spec);
        int starts = r.optima().stream().mapToInt(LocalOptimum::starts).sum();
        assertEquals(3, starts);
        double best = r.optima().get(0).logLikelihood();
        for (LocalOptimum o : r.optima()) {
            assertTrue(o.logLikelihood() <= best);
        }
        assertEquals(best, r.logLikelihood(), 1e-6);
    }
}
