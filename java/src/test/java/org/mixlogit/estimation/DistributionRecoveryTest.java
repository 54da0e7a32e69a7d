package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.data.ChoiceDataBuilder;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * Panels simulated from known parameters are estimated back within their 99.9% confidence intervals: an
 * exponential price coefficient with a long negative tail (its scale's sign is identified and recovered), and a
 * correlated block of a normal and a lognormal coefficient (the covariance of the underlying normals and the
 * lognormal's moments, with delta-method standard errors).
 */
class DistributionRecoveryTest {
    private static final int ALTERNATIVES = 3;

    @Test
    @DisplayName("exponential price, beta = -0.3 - 1.2 E: location, negative scale and mean recovered")
    void exponentialWithNegativeScale() {
        double m = -0.3;
        double s = -1.2;
        double quality = 1.0;
        SplittableRandom random = new SplittableRandom(20240611L);
        ChoiceData data = simulate(1500, 8, random, () -> {
            double e = -Math.log(1 - random.nextDouble());
            return new double[] {m + s * e, quality};
        });
        ModelSpec spec = ModelSpec.builder().random("price", Distribution.EXPONENTIAL).fixed("quality").build();
        EstimationResult r = estimate(data, spec, 200);
        assertEquals(List.of("price", "quality", "sd.price"), r.names());
        assertCovers(r.coefficients(), "price", m);
        assertCovers(r.coefficients(), "quality", quality);
        assertCovers(r.coefficients(), "sd.price", s);
        assertTrue(r.estimates()[2] < -0.8, "the tail points down: sd.price = " + r.estimates()[2]);
        List<CoefficientEstimate> derived = r.derived();
        assertFalse(derived.stream().anyMatch(d -> d.name().startsWith("abs(")), "an identified sign is not abs()'d");
        assertCovers(derived, "mean(price)", m + s);
        assertCovers(derived, "median(price)", m + s * Math.log(2));
        assertCovers(derived, "sd(price)", -s);
    }

    @Test
    @DisplayName("correlated normal and lognormal: covariance of the underlying normals and lognormal moments")
    void lognormalInCorrelatedBlock() {
        double price = -1.0;
        double[] mean = {0.8, -0.5};
        double[] chol = {1.0, 0.4, 0.5};
        SplittableRandom random = new SplittableRandom(771L);
        ChoiceData data = simulate(2000, 8, random, () -> {
            double z1 = gaussian(random);
            double z2 = gaussian(random);
            double quality = mean[0] + chol[0] * z1;
            double comfort = Math.exp(mean[1] + chol[1] * z1 + chol[2] * z2);
            return new double[] {price, quality, comfort};
        });
        ModelSpec spec = ModelSpec.builder().fixed("price").random("quality", Distribution.NORMAL)
                .random("comfort", Distribution.LOGNORMAL).correlated("quality", "comfort").build();
        EstimationResult r = estimate(data, spec, 200);
        assertCovers(r.coefficients(), "price", price);
        assertCovers(r.coefficients(), "quality", mean[0]);
        assertCovers(r.coefficients(), "comfort", mean[1]);
        double var2 = chol[1] * chol[1] + chol[2] * chol[2];
        List<CoefficientEstimate> derived = r.derived();
        assertCovers(derived, "cov(quality,quality)", chol[0] * chol[0]);
        assertCovers(derived, "cov(log(comfort),quality)", chol[0] * chol[1]);
        assertCovers(derived, "cov(log(comfort),log(comfort))", var2);
        assertCovers(derived, "cor(log(comfort),quality)", chol[1] / Math.sqrt(var2));
        assertCovers(derived, "mean(comfort)", Math.exp(mean[1] + var2 / 2));
        assertCovers(derived, "median(comfort)", Math.exp(mean[1]));
        assertCovers(derived, "sd(comfort)", Math.sqrt(Math.expm1(var2) * Math.exp(2 * mean[1] + var2)));
    }

    private static EstimationResult estimate(ChoiceData data, ModelSpec spec, int draws) {
        EstimatorConfig config = EstimatorConfig.defaults().withThreads(2)
                .withInference(InferenceConfig.defaults().withLevel(99.9))
                .withDiagnostics(DiagnosticsConfig.defaults().withCheckReplicates(0))
                .withIntegration(IntegrationConfig.of(DrawType.SOBOL, draws));
        EstimationResult r = new MsleEstimator(config).estimate(data, spec);
        assertTrue(r.isConverged(), r.message());
        return r;
    }

    private static void assertCovers(List<CoefficientEstimate> estimates, String name, double truth) {
        CoefficientEstimate c = estimates.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + estimates));
        assertTrue(c.lower() <= truth && truth <= c.upper(), name + ": truth " + truth + " outside [" + c.lower()
                + ", " + c.upper() + "], estimate " + c.estimate());
        assertTrue(c.standardError() < 0.15 * Math.max(0.5, Math.abs(truth)), name + " s.e. " + c.standardError());
    }

    /** One decision-maker's coefficients, in attribute order (price, quality[, comfort]). */
    private interface Coefficients {
        double[] draw();
    }

    /**
     * A panel with three alternatives: price ~ U(0, 2), quality ~ N(0, 1), comfort ~ U(0, 2) (only when the
     * coefficients have three entries), Gumbel errors.
     */
    private static ChoiceData simulate(int people, int situations, SplittableRandom random, Coefficients beta) {
        int rows = people * situations * ALTERNATIVES;
        long[] sit = new long[rows];
        long[] id = new long[rows];
        double[] chosen = new double[rows];
        double[][] x = new double[3][rows];
        int k = 0;
        int at = 0;
        for (int n = 0; n < people; n++) {
            double[] b = beta.draw();
            k = b.length;
            for (int t = 0; t < situations; t++) {
                int best = -1;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < ALTERNATIVES; j++) {
                    int i = at + j;
                    sit[i] = (long) n * situations + t;
                    id[i] = n;
                    x[0][i] = 2 * random.nextDouble();
                    x[1][i] = gaussian(random);
                    x[2][i] = 2 * random.nextDouble();
                    double u = -Math.log(-Math.log(random.nextDouble()));
                    for (int a = 0; a < k; a++) {
                        u += b[a] * x[a][i];
                    }
                    if (u > max) {
                        max = u;
                        best = i;
                    }
                }
                chosen[best] = 1;
                at += ALTERNATIVES;
            }
        }
        ChoiceDataBuilder builder = ChoiceData.builder().situations(sit).decisionMakers(id).chosen(chosen)
                .attribute("price", x[0]).attribute("quality", x[1]);
        return k > 2 ? builder.attribute("comfort", x[2]).build() : builder.build();
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
