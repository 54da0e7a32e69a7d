package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * Internal scaling: price in other units (x 1e6, x 1e-6) gives the same fit in the user's units — price's
 * coefficient divided by the factor, the same log-likelihood, certified, with standard errors scaled likewise.
 */
class ScalingTest {
    private static EstimationResult fit(double times, ModelSpec spec) {
        ChoiceData data = new DesignData().with("p", (i, n, j, d) -> times * d.attribute(i,
                d.attributeIndex("price"))).build();
        // a tight gradient tolerance, so that both searches end at the optimum to ~1e-8, whatever their paths
        EstimatorConfig config = EstimatorConfig.defaults().withThreads(1)
                .withDiagnostics(DiagnosticsConfig.defaults());
        config = config.withSearch(config.search().withOptimizer(config.search().optimizer()
                .withGradientTolerance(1e-12)));
        return new MsleEstimator(config).estimate(data, spec);
    }

    /**
     * @param tolerance relative, for the estimates: the two searches take different paths (other internal units)
     *        and stop at the optimizer's tolerance, closer on the plain logit than on a flat standard deviation
     */
    private static void same(double times, ModelSpec spec, double tolerance) {
        EstimationResult base = fit(1.0, spec);
        EstimationResult scaled = fit(times, spec);
        assertTrue(base.isCertified(), base.certification());
        assertTrue(scaled.isConverged() && scaled.isCertified(), scaled.message() + " " + scaled.certification());
        assertEquals(base.logLikelihood(), scaled.logLikelihood(), 1e-7 * Math.abs(base.logLikelihood()));
        double[] a = base.estimates();
        double[] b = scaled.estimates();
        double[] sa = base.standardErrors(CovarianceType.HESSIAN);
        double[] sb = scaled.standardErrors(CovarianceType.HESSIAN);
        java.util.Set<Integer> priceParameters = new java.util.HashSet<>();
        for (int k = 0; k < spec.coefficients().size(); k++) {
            if (spec.coefficients().get(k).attribute().equals("p")) {
                priceParameters.add(spec.layout().meanIndex(k));
                priceParameters.add(spec.layout().scaleIndex(k));
                for (int h = 0; h < spec.coefficients().get(k).heterogeneity().size(); h++) {
                    priceParameters.add(spec.layout().heterogeneityStart(k) + h);
                }
            }
        }
        for (int i = 0; i < a.length; i++) {
            boolean price = priceParameters.contains(i);
            double expected = price ? a[i] / times : a[i];
            assertEquals(Math.abs(expected), Math.abs(b[i]), tolerance * Math.abs(expected),
                    spec.layout().names().get(i));
            double se = price ? sa[i] / times : sa[i];
            assertEquals(se, sb[i], 1e-4 * se, "standard error of " + spec.layout().names().get(i));
        }
    }

    @ParameterizedTest(name = "mixed logit with observed heterogeneity in price's mean, x {0}")
    @ValueSource(doubles = {1e6, 1e-6})
    void heterogeneity(double times) {
        same(times, ModelSpec.builder().random("p", Distribution.NORMAL).heterogeneity("p", "income")
                .random("quality", Distribution.NORMAL).fixed("rare").build(), 1e-4);
    }

    @ParameterizedTest(name = "the default start is taken in internal units: price x {0}")
    @ValueSource(doubles = {1e6, 1e-6})
    void startInInternalUnits(double times) {
        ChoiceData data = new DesignData().with("p", (i, n, j, d) -> times * d.attribute(i,
                d.attributeIndex("price"))).build();
        ModelSpec spec = ModelSpec.builder().random("p", Distribution.NORMAL).random("quality", Distribution.NORMAL)
                .build();
        Rescaling scaling = Rescaling.of(data, spec);
        int mean = spec.layout().indexOf("p");
        int sd = spec.layout().indexOf("sd.p");
        double f = scaling.factors()[sd];
        // 1 / (the power of two at or below the spread of p, about 0.5 times 1e6 or 1e-6)
        assertEquals(f, Math.scalb(1.0, Math.getExponent(f)), 0.0);
        assertTrue(f * times >= 2 && f * times < 8, "factor " + f);
        assertEquals(f, scaling.factors()[mean], 0.0);
        assertEquals(1.0, scaling.factors()[spec.layout().indexOf("sd.quality")], 0.0);
        double[] start = scaling.defaultStart(spec, new double[] {-0.8 / times, 1.0});
        assertEquals(-0.8 / times, start[mean], 1e-15 / times);
        assertEquals(StartingValues.SCALE * f, start[sd], 0.0);
        assertEquals(StartingValues.SCALE, start[spec.layout().indexOf("sd.quality")], 0.0);
    }

    @ParameterizedTest(name = "plain logit, price x {0}")
    @ValueSource(doubles = {1e6, 1e-6})
    void plainLogit(double times) {
        same(times, ModelSpec.builder().fixed("p").fixed("quality").fixed("rare").build(), 1e-6);
    }

    @ParameterizedTest(name = "mixed logit with a normal price, x {0}")
    @ValueSource(doubles = {1e6, 1e-6})
    void mixedLogit(double times) {
        same(times, ModelSpec.builder().random("p", Distribution.NORMAL).random("quality", Distribution.NORMAL)
                .fixed("rare").build(), 1e-4);
    }

    @ParameterizedTest(name = "mixed logit with an exponential price (signed scale), x {0}")
    @ValueSource(doubles = {1e6, 1e-6})
    void exponentialPrice(double times) {
        // the exponential's scale is small and flat here (about 0.015): both searches stop within 1e-3 of it
        same(times, ModelSpec.builder().random("p", Distribution.EXPONENTIAL).random("quality", Distribution.NORMAL)
                .fixed("rare").build(), 1e-3);
    }
}
