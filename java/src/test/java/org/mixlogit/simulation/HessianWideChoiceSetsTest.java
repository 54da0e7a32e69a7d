package org.mixlogit.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * Choice sets of 2 to 9 alternatives: the analytic Hessian's situations with at most four other alternatives take
 * its fused passes, larger ones its general passes (with zero differences skipped); both equal central differences
 * of the analytic gradient, and the Hessian is the same bits on one and three threads.
 */
class HessianWideChoiceSetsTest {
    private static ChoiceData data() {
        Random random = new Random(20261130);
        List<Long> situation = new ArrayList<>();
        List<Long> person = new ArrayList<>();
        List<Double> chosen = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        long s = 0;
        for (long n = 1; n <= 40; n++) {
            for (int t = 0; t < 3; t++) {
                s++;
                int alternatives = 2 + random.nextInt(8);
                int pick = random.nextInt(alternatives);
                for (int j = 0; j < alternatives; j++) {
                    situation.add(s);
                    person.add(n);
                    chosen.add(j == pick ? 1.0 : 0.0);
                    // about a third of the dummy's values are zero, so some differences vanish
                    rows.add(new double[] {random.nextGaussian(), random.nextInt(3) == 0 ? 0 : 1,
                            0.5 * random.nextGaussian()});
                }
            }
        }
        int size = situation.size();
        long[] sit = new long[size];
        long[] dm = new long[size];
        double[] ch = new double[size];
        double[][] x = new double[3][size];
        for (int i = 0; i < size; i++) {
            sit[i] = situation.get(i);
            dm[i] = person.get(i);
            ch[i] = chosen.get(i);
            for (int a = 0; a < 3; a++) {
                x[a][i] = rows.get(i)[a];
            }
        }
        return ChoiceData.builder().situations(sit).decisionMakers(dm).chosen(ch).attribute("x", x[0])
                .attribute("d", x[1]).attribute("z", x[2]).build();
    }

    @Test
    @DisplayName("2 to 9 alternatives: Hessian = central differences of the gradient; same bits on 1 and 3 threads")
    void wideChoiceSets() {
        ChoiceData data = data();
        ModelSpec spec = ModelSpec.builder().random("x", Distribution.NORMAL).fixed("d")
                .random("z", Distribution.NORMAL).correlated("x", "z").build();
        IntegrationConfig integration = IntegrationConfig.of(DrawType.HALTON, 30);
        try (SimulatedLogLikelihood ll = Simulators.likelihood(data, spec, integration, 1);
                SimulatedLogLikelihood three = Simulators.likelihood(data, spec, integration, 3)) {
            int p = ll.parameterCount();
            double[] theta = new double[p];
            for (int i = 0; i < p; i++) {
                theta[i] = 0.3 + 0.1 * i * (i % 2 == 0 ? 1 : -1);
            }
            double[] h = ll.hessian(theta);
            assertArrayEquals(h, three.hessian(theta), 0.0);
            double[] plus = new double[p];
            double[] minus = new double[p];
            for (int j = 0; j < p; j++) {
                double step = 1e-5;
                double[] t = theta.clone();
                t[j] += step;
                ll.valueAndGradient(t, plus);
                t[j] -= 2 * step;
                ll.valueAndGradient(t, minus);
                for (int i = 0; i < p; i++) {
                    double numeric = (plus[i] - minus[i]) / (2 * step);
                    assertEquals(numeric, h[i * p + j], 1e-5 * Math.max(1, Math.abs(numeric)), i + " x " + j);
                }
            }
        }
    }
}
