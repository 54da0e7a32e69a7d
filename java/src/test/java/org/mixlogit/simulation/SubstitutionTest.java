package org.mixlogit.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * Substitution patterns: the plain-logit closed forms exactly, and with random coefficients analytic derivatives
 * against finite differences of the integrated shares, removal diversions summing to one.
 */
class SubstitutionTest {

    @Test
    @DisplayName("plain logit: elasticities beta x_j (1 - s_j) and -beta x_k s_k; both diversions s_k / (1 - s_j)")
    void plainLogitClosedForms() {
        ChoiceData data = SyntheticPanel.create(20, 14, false);
        ModelSpec spec = ModelSpec.builder().fixed("x1").fixed("x2").build();
        double[] beta = {0.8, -1.3};
        try (SimulatedLogLikelihood ll = Simulators.likelihood(data, spec, IntegrationConfig.of(DrawType.HALTON,
                10), 2)) {
            Substitution sub = ll.substitution(beta, "x2");
            int x2 = data.attributeIndex("x2");
            for (int s = 0; s < data.situationCount(); s++) {
                int first = data.situationStartRef()[s];
                int n = sub.alternatives(s);
                for (int j = 0; j < n; j++) {
                    double sj = sub.share(s, j);
                    double xj = data.attribute(first + j, x2);
                    assertEquals(beta[1] * xj * (1 - sj), sub.elasticity(s, j, j), 1e-12);
                    for (int k = 0; k < n; k++) {
                        if (k == j) {
                            continue;
                        }
                        double sk = sub.share(s, k);
                        double xk = data.attribute(first + k, x2);
                        assertEquals(-beta[1] * xk * sk, sub.elasticity(s, j, k), 1e-12);
                        assertEquals(sk / (1 - sj), sub.marginalDiversion(s, j, k), 1e-12);
                        assertEquals(sk / (1 - sj), sub.removalDiversion(s, j, k), 1e-12);
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("mixed logit: derivatives equal finite differences of shares; removal diversions sum to one")
    void mixedLogit() {
        int situations = 6;
        int alternatives = 3;
        long[] sit = new long[situations * alternatives];
        double[] chosen = new double[sit.length];
        double[] x1 = new double[sit.length];
        double[] x2 = new double[sit.length];
        java.util.Random random = new java.util.Random(2);
        for (int i = 0; i < sit.length; i++) {
            sit[i] = i / alternatives;
            chosen[i] = i % alternatives == 0 ? 1 : 0;
            x1[i] = random.nextGaussian();
            x2[i] = random.nextDouble() * 2;
        }
        ModelSpec spec = ModelSpec.builder().random("x1", Distribution.NORMAL).random("x2", Distribution.LOGNORMAL)
                .build();
        double[] theta = {0.5, -0.2, 1.1, 0.6};
        IntegrationConfig draws = IntegrationConfig.of(DrawType.SOBOL, 2000);
        Substitution sub;
        try (SimulatedLogLikelihood ll = Simulators.likelihood(build(sit, chosen, x1, x2), spec, draws, 1)) {
            sub = ll.substitution(theta, "x2");
        }
        double h = 1e-6;
        for (int k = 0; k < alternatives; k++) {
            double[] plus = x2.clone();
            double[] minus = x2.clone();
            plus[k] += h;
            minus[k] -= h;
            double[] up;
            double[] down;
            try (SimulatedLogLikelihood a = Simulators.likelihood(build(sit, chosen, x1, plus), spec, draws, 1);
                    SimulatedLogLikelihood b = Simulators.likelihood(build(sit, chosen, x1, minus), spec, draws,
                            1)) {
                up = a.probabilities(theta);
                down = b.probabilities(theta);
            }
            for (int j = 0; j < alternatives; j++) {
                assertEquals((up[j] - down[j]) / (2 * h), sub.derivative(0, j, k), 1e-7, "d s_" + j + " / d x_" + k);
            }
        }
        for (int s = 0; s < situations; s++) {
            for (int j = 0; j < alternatives; j++) {
                double sum = 0;
                for (int k = 0; k < alternatives; k++) {
                    sum += k == j ? 0 : sub.removalDiversion(s, j, k);
                }
                assertEquals(1.0, sum, 1e-12);
            }
        }
    }

    private static ChoiceData build(long[] sit, double[] chosen, double[] x1, double[] x2) {
        return ChoiceData.builder().situations(sit).chosen(chosen).attribute("x1", x1).attribute("x2", x2).build();
    }
}
