package org.mixlogit.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * The latent class support: the log-likelihood is sum_n log sum_c pi_nc prod_t P_nt(beta_c) (checked by brute
 * force), its gradient (coefficients, common coefficients, class shares with characteristics; with random
 * coefficients within classes too) equals finite differences, one class is the class model itself, and the sums
 * are bit-identical across threads and shards.
 */
class LatentClassLikelihoodTest {
    private static final ChoiceData DATA = SyntheticPanel.create(80, 5L, true);
    private static final IntegrationConfig DRAWS = IntegrationConfig.of(DrawType.HALTON, 20);
    private static final ModelSpec LOGIT = ModelSpec.builder().fixed("x1").fixed("x2").fixed("x3")
            .latentClasses(3, List.of("income"), List.of("x3")).build();
    private static final ModelSpec MIXED = ModelSpec.builder().random("x1", Distribution.NORMAL).fixed("x2")
            .random("x3", Distribution.LOGNORMAL).latentClasses(2, List.of("income", "age"), List.of()).build();

    /** x1@1..3, x2@1..3, x3 common, share2 (cons, income), share3 (cons, income). */
    private static final double[] LOGIT_THETA = {0.5, -0.3, -0.8, 1.2, 0.1, -0.6, 0.4, 0.3, -0.2, -0.5, 0.4};

    private static double[] mixedTheta() {
        // per class: x1, x2, x3 (log-mean), sd.x1, sd.x3; then share2 (cons, income, age)
        return new double[] {0.6, -0.7, -0.5, 0.4, 0.3, -0.4, 0.2, 0.1, 0.5, 0.6, 0.2, -0.3, 0.5};
    }

    @Test
    @DisplayName("the parameter vector: classes, then common coefficients, then class shares")
    void layout() {
        assertEquals(List.of("class1.x1", "class1.x2", "class2.x1", "class2.x2", "class3.x1", "class3.x2", "x3",
                "share2._cons", "share2.income", "share3._cons", "share3.income"), LOGIT.layout().names());
        assertEquals(13, MIXED.layout().size());
    }

    @Test
    @DisplayName("the log-likelihood equals sum_n log sum_c pi_nc prod_t P_nt(beta_c), computed by brute force")
    void bruteForce() {
        try (SimulatedLogLikelihood ll = Simulators.likelihood(DATA, LOGIT, DRAWS, 1)) {
            double expected = 0;
            double[] t = LOGIT_THETA;
            double[][] beta = {{t[0], t[1], t[6]}, {t[2], t[3], t[6]}, {t[4], t[5], t[6]}};
            int[] dm = DATA.decisionMakerStartRef();
            int[] ss = DATA.situationStartRef();
            int[] chosen = DATA.chosenRowRef();
            int income = DATA.characteristicIndex("income");
            int[] cols = {DATA.attributeIndex("x1"), DATA.attributeIndex("x2"), DATA.attributeIndex("x3")};
            for (int n = 0; n < DATA.decisionMakerCount(); n++) {
                double z = DATA.characteristicsRef()[n * DATA.characteristicCount() + income];
                double[] e = {1, Math.exp(t[7] + t[8] * z), Math.exp(t[9] + t[10] * z)};
                double sum = e[0] + e[1] + e[2];
                double mix = 0;
                for (int c = 0; c < 3; c++) {
                    double prod = 1;
                    for (int s = dm[n]; s < dm[n + 1]; s++) {
                        double den = 0;
                        double num = 0;
                        for (int row = ss[s]; row < ss[s + 1]; row++) {
                            double u = 0;
                            for (int a = 0; a < 3; a++) {
                                u += beta[c][a] * DATA.attribute(row, cols[a]);
                            }
                            den += Math.exp(u);
                            if (row == chosen[s]) {
                                num = Math.exp(u);
                            }
                        }
                        prod *= num / den;
                    }
                    mix += e[c] / sum * prod;
                }
                expected += Math.log(mix);
            }
            assertEquals(expected, ll.value(LOGIT_THETA), 1e-9);
            assertNull(ll.hessian(LOGIT_THETA));
        }
    }

    @Test
    @DisplayName("latent class logit: the analytic gradient equals central finite differences")
    void logitGradient() {
        checkGradient(LOGIT, LOGIT_THETA);
    }

    @Test
    @DisplayName("latent class mixed logit (normal and lognormal within classes): gradient equals finite differences")
    void mixedGradient() {
        checkGradient(MIXED, mixedTheta());
    }

    private static void checkGradient(ModelSpec spec, double[] theta) {
        try (SimulatedLogLikelihood ll = Simulators.likelihood(DATA, spec, DRAWS, 2)) {
            double[] g = new double[theta.length];
            ll.valueAndGradient(theta, g);
            for (int j = 0; j < theta.length; j++) {
                double h = 1e-5;
                double[] plus = theta.clone();
                double[] minus = theta.clone();
                plus[j] += h;
                minus[j] -= h;
                double fd = (ll.value(plus) - ll.value(minus)) / (2 * h);
                assertEquals(fd, g[j], 1e-6 * Math.max(1, Math.abs(fd)), spec.layout().names().get(j));
            }
        }
    }

    @Test
    @DisplayName("one class is the class model: the same log-likelihood and gradient (mixed logit within)")
    void oneClass() {
        ModelSpec plain = ModelSpec.builder().random("x1", Distribution.NORMAL).fixed("x2").build();
        ModelSpec one = plain.withLatentClasses(new org.mixlogit.spec.LatentClasses(1, List.of(), List.of()));
        double[] theta = {0.4, -0.6, 0.7};
        try (SimulatedLogLikelihood a = Simulators.likelihood(DATA, plain, DRAWS, 1);
                SimulatedLogLikelihood b = Simulators.likelihood(DATA, one, DRAWS, 1)) {
            double[] ga = new double[3];
            double[] gb = new double[3];
            assertEquals(a.valueAndGradient(theta, ga), b.valueAndGradient(theta, gb), 1e-12);
            assertArrayEquals(ga, gb, 1e-12);
            assertEquals(List.of("class1.x1", "class1.x2", "class1.sd.x1"), one.layout().names());
        }
    }

    @Test
    @DisplayName("value, gradient and score sums are bit-identical for 1 and 3 threads and 1 to 4 shards")
    void partitionInvariance() {
        double[] theta = mixedTheta();
        LikelihoodEvaluator local = Backend.local(1).likelihood(DATA, MIXED, DRAWS, null);
        double[] g0 = new double[theta.length];
        double v0 = local.valueAndGradient(theta, g0);
        ScoreSums s0 = local.scoreSums(theta, null);
        local.close();
        for (int shards = 1; shards <= 4; shards++) {
            try (LikelihoodEvaluator other = Backend.sharded(shards, 3).likelihood(DATA, MIXED, DRAWS, null)) {
                double[] g = new double[theta.length];
                assertEquals(v0, other.valueAndGradient(theta, g), 0.0);
                assertArrayEquals(g0, g, 0.0);
                assertArrayEquals(s0.information(), other.scoreSums(theta, null).information(), 0.0);
            }
        }
    }
}
