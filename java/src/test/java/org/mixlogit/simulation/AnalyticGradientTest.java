package org.mixlogit.simulation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/** The analytic gradient equals central finite differences (relative error below 1e-6) for every model feature. */
class AnalyticGradientTest {
    private static final ChoiceData PANEL = SyntheticPanel.create(60, 11, true);
    private static final ChoiceData CROSS_SECTION = SyntheticPanel.create(120, 12, false);
    /** Few attribute levels per person: the kernel takes products of per-level factors. */
    private static final ChoiceData LEVELS = SyntheticPanel.create(60, 13, true, true);

    static Stream<Arguments> models() {
        return Stream.concat(Stream.concat(handPicked(), everyDistribution()), everyBlockMember());
    }

    /**
     * Every random distribution twice (so one scale is negative at the test point) beside a fixed coefficient,
     * with heterogeneity: a new {@link Distribution} constant is tested here without editing this class.
     */
    static Stream<Arguments> everyDistribution() {
        return Arrays.stream(Distribution.values()).filter(Distribution::isRandom)
                .map(d -> Arguments.of("every distribution: " + d.label() + ", panel", ModelSpec.builder()
                        .random("x1", d).fixed("x2").random("x3", d).heterogeneity("x1", "income").build(), PANEL));
    }

    /** Every distribution that may join a correlated block, as two members of a block with a normal one. */
    static Stream<Arguments> everyBlockMember() {
        return Arrays.stream(Distribution.values()).filter(d -> d.transform().mayJoinCorrelatedBlock())
                .map(d -> Arguments.of("correlated block with " + d.label() + " members", ModelSpec.builder()
                        .random("x1", d).fixed("x2").random("x3", Distribution.NORMAL).random("x4", d)
                        .heterogeneity("x4", "age").correlated("x1", "x3", "x4").build(), PANEL));
    }

    static Stream<Arguments> handPicked() {
        return Stream.of(
                Arguments.of("plain logit (all fixed)", ModelSpec.builder().fixed("x1").fixed("x2").fixed("x3")
                        .fixed("x4").build(), PANEL),
                Arguments.of("independent normal, panel", ModelSpec.builder().random("x1", Distribution.NORMAL)
                        .fixed("x2").random("x3", Distribution.NORMAL).build(), PANEL),
                Arguments.of("independent normal, cross-section", ModelSpec.builder()
                        .random("x1", Distribution.NORMAL).fixed("x2").random("x3", Distribution.NORMAL).build(),
                        CROSS_SECTION),
                Arguments.of("lognormal", ModelSpec.builder().fixed("x1").random("x2", Distribution.LOGNORMAL)
                        .fixed("x3").build(), PANEL),
                Arguments.of("triangular", ModelSpec.builder().random("x1", Distribution.TRIANGULAR).fixed("x2")
                        .build(), PANEL),
                Arguments.of("uniform", ModelSpec.builder().fixed("x1").random("x3", Distribution.UNIFORM)
                        .fixed("x2").build(), CROSS_SECTION),
                Arguments.of("censored normal", ModelSpec.builder().random("x1", Distribution.CENSORED_NORMAL)
                        .fixed("x2").build(), PANEL),
                Arguments.of("truncated normal", ModelSpec.builder().random("x1", Distribution.TRUNCATED_NORMAL)
                        .fixed("x2").random("x4", Distribution.TRUNCATED_NORMAL).build(), PANEL),
                Arguments.of("correlated normal block", ModelSpec.builder().random("x1", Distribution.NORMAL)
                        .fixed("x2").random("x3", Distribution.NORMAL).random("x4", Distribution.NORMAL)
                        .correlated("x1", "x3", "x4").build(), PANEL),
                Arguments.of("correlated normal block of two beside lognormal and censored", ModelSpec.builder()
                        .random("x1", Distribution.CENSORED_NORMAL).random("x2", Distribution.NORMAL)
                        .random("x3", Distribution.NORMAL).random("x4", Distribution.LOGNORMAL)
                        .correlated("x2", "x3").build(), PANEL),
                Arguments.of("correlated block beside independent", ModelSpec.builder()
                        .random("x1", Distribution.NORMAL).random("x2", Distribution.UNIFORM)
                        .random("x3", Distribution.NORMAL).correlated("x3", "x1").build(), CROSS_SECTION),
                Arguments.of("zero-mean error component", ModelSpec.builder().fixed("x1").fixed("x2")
                        .errorComponent("asc").build(), PANEL),
                Arguments.of("zero-mean triangular component", ModelSpec.builder().fixed("x1").fixed("x2")
                        .zeroMean("asc", Distribution.TRIANGULAR).build(), CROSS_SECTION),
                Arguments.of("heterogeneity on normal and lognormal", ModelSpec.builder()
                        .random("x1", Distribution.NORMAL).random("x2", Distribution.LOGNORMAL).fixed("x3")
                        .heterogeneity("x1", "income", "age").heterogeneity("x2", "income").build(), PANEL),
                Arguments.of("heterogeneity in a correlated block", ModelSpec.builder()
                        .random("x1", Distribution.NORMAL).random("x3", Distribution.NORMAL)
                        .heterogeneity("x3", "age").correlated("x1", "x3").build(), PANEL),
                Arguments.of("discrete levels: normal, lognormal, uniform, fixed", ModelSpec.builder()
                        .random("x1", Distribution.NORMAL).random("x2", Distribution.LOGNORMAL)
                        .random("x3", Distribution.UNIFORM).fixed("x4").fixed("asc").build(), LEVELS),
                Arguments.of("discrete levels: correlated block and heterogeneity", ModelSpec.builder()
                        .random("x1", Distribution.NORMAL).random("x2", Distribution.NORMAL)
                        .random("x4", Distribution.TRUNCATED_NORMAL).correlated("x1", "x2")
                        .heterogeneity("x1", "income").build(), LEVELS),
                Arguments.of("heterogeneity on truncated normal", ModelSpec.builder()
                        .random("x1", Distribution.TRUNCATED_NORMAL).fixed("x2").heterogeneity("x1", "income")
                        .build(), CROSS_SECTION));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    @DisplayName("analytic gradient = central finite differences")
    void gradientMatchesFiniteDifferences(String name, ModelSpec spec, ChoiceData data) {
        IntegrationConfig draws = IntegrationConfig.of(DrawType.HALTON, 25);
        try (SimulatedLogLikelihood ll = Simulators.likelihood(data, spec, draws, 2)) {
            double[] theta = testPoint(ll);
            double[] analytic = new double[theta.length];
            double value = ll.valueAndGradient(theta, analytic);
            assertTrue(Double.isFinite(value), "value " + value);
            for (int j = 0; j < theta.length; j++) {
                double h = 1e-5 * Math.max(1.0, Math.abs(theta[j]));
                double[] plus = theta.clone();
                double[] minus = theta.clone();
                plus[j] += h;
                minus[j] -= h;
                double numeric = (ll.value(plus) - ll.value(minus)) / (2 * h);
                double error = Math.abs(analytic[j] - numeric) / Math.max(1.0, Math.abs(numeric));
                assertTrue(error < 1e-6, ll.layout().names().get(j) + ": analytic " + analytic[j]
                        + ", numeric " + numeric + ", relative error " + error);
            }
            assertTrue(norm(analytic) > 1e-3, "the test point must not be a stationary point");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    @DisplayName("analytic Hessian = central differences of the analytic gradient; thread count changes no bit")
    void hessianMatchesFiniteDifferences(String name, ModelSpec spec, ChoiceData data) {
        IntegrationConfig draws = IntegrationConfig.of(DrawType.HALTON, 25);
        try (SimulatedLogLikelihood ll = Simulators.likelihood(data, spec, draws, 2);
                SimulatedLogLikelihood one = Simulators.likelihood(data, spec, draws, 1)) {
            double[] theta = testPoint(ll);
            double[] analytic = ll.hessian(theta);
            boolean secondOrder = spec.coefficients().stream()
                    .allMatch(c -> c.distribution().transform().hasSecondDerivatives());
            if (!secondOrder) {
                assertTrue(analytic == null, "coefficients without analytic second derivatives (truncated normal)"
                        + " fall back to finite differences");
                return;
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(analytic, one.hessian(theta));
            int p = theta.length;
            double[] plus = new double[p];
            double[] minus = new double[p];
            for (int j = 0; j < p; j++) {
                double h = 1e-5 * Math.max(1.0, Math.abs(theta[j]));
                double[] x = theta.clone();
                x[j] += h;
                ll.valueAndGradient(x, plus);
                x[j] -= 2 * h;
                ll.valueAndGradient(x, minus);
                for (int i = 0; i < p; i++) {
                    double numeric = (plus[i] - minus[i]) / (2 * h);
                    double error = Math.abs(analytic[i * p + j] - numeric) / Math.max(1.0, Math.abs(numeric));
                    assertTrue(error < 1e-6, ll.layout().names().get(i) + " x " + ll.layout().names().get(j)
                            + ": analytic " + analytic[i * p + j] + ", numeric " + numeric);
                }
            }
        }
    }

    /** A point away from zero scales, with alternating signs, so every derivative is exercised. */
    private static double[] testPoint(SimulatedLogLikelihood ll) {
        double[] theta = new double[ll.parameterCount()];
        for (int j = 0; j < theta.length; j++) {
            String name = ll.layout().names().get(j);
            double base = name.startsWith("sd.") || name.startsWith("spread.") ? 0.7
                    : name.startsWith("chol.") ? 0.4 : 0.3;
            theta[j] = base * (1 + 0.37 * j) * (j % 3 == 2 ? -1 : 1);
        }
        return theta;
    }

    private static double norm(double[] g) {
        double s = 0;
        for (double v : g) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
