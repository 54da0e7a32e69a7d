package org.mixlogit.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Delta-method standard errors of row probabilities and of willingness to pay (what R's predict(se = TRUE) and
 * wtp() show), against the closed forms of a conditional logit: dP_i/db = P_i (x_i - sum_j P_j x_j) and
 * d(-b_a/b_c)/d(b_a, b_c) = (-1/b_c, b_a/b_c^2).
 */
class InferenceTablesTest {
    private static final String[] NAMES = ElectricityColumns.NAMES;
    private static final int K = NAMES.length;
    private final ElectricityColumns data = new ElectricityColumns(30);

    private static String spec(String clDistribution) {
        StringBuilder b = new StringBuilder("{\"coefficients\": [");
        for (int k = 0; k < K; k++) {
            b.append(k > 0 ? ", " : "").append("{\"attribute\": \"").append(NAMES[k]).append("\", \"distribution\": \"")
                    .append(k == 1 ? clDistribution : "f").append("\"}");
        }
        return b.append("]}").toString();
    }

    private BridgeFit fit(String clDistribution) {
        return MixlogitBridge.fit(data.situation, data.person, data.chosen, NAMES, data.attributes, new String[0],
                new double[0], new double[0], data.alternative, new String[0], spec(clDistribution),
                "{\"R\": 50, \"threads\": 2}");
    }

    @Test
    @DisplayName("row probabilities: the estimates are the fitted ones and the delta-method errors the closed form")
    void probabilities() {
        BridgeFit fit = fit("f");
        BridgeTable t = fit.post("{\"replicates\": 0}").probabilityTable();
        double[] v = fit.covariance("hessian");
        double[] p = fit.fittedProbabilities();
        assertArrayEquals(p, t.estimates(), 1e-15);
        assertEquals(Arrays.asList(data.alternative), Arrays.asList(t.alternatives()), "rows in the caller's order");
        double[] se = t.standardErrors();
        int n = data.n;
        double z = 1.959963984540054;
        for (int s = 0; s < n; s += 4) {
            double[] mean = new double[K];
            for (int i = s; i < s + 4; i++) {
                for (int k = 0; k < K; k++) {
                    mean[k] += p[i] * data.attributes[k * n + i];
                }
            }
            for (int i = s; i < s + 4; i++) {
                double[] g = new double[K];
                for (int k = 0; k < K; k++) {
                    g[k] = p[i] * (data.attributes[k * n + i] - mean[k]);
                }
                double expected = Math.sqrt(quadratic(g, v));
                assertEquals(expected, se[i], 1e-6 * expected, "row " + i);
                assertEquals(p[i] - z * se[i], t.lower()[i], 1e-12);
            }
        }
        assertTrue(Double.isNaN(t.simulationErrors()[0]), "no simulation error was asked for");
    }

    @Test
    @DisplayName("willingness to pay of a conditional logit: -b_a/b_c for every statistic, with the closed-form delta method")
    void wtpClosedForm() {
        BridgeFit fit = fit("f");
        BridgeTable t = fit.post("").wtpInference("cl", "pf");
        double[] b = fit.estimates();
        double[] v = fit.covariance("hessian");
        assertEquals(Arrays.asList("mean", "median", "q05", "q25", "q75", "q95"), Arrays.asList(t.alternatives()));
        double wtp = -b[1] / b[0];
        double[] g = new double[K];
        g[1] = -1 / b[0];
        g[0] = b[1] / (b[0] * b[0]);
        double se = Math.sqrt(quadratic(g, v));
        for (int i = 0; i < 6; i++) {
            assertEquals(wtp, t.estimates()[i], 1e-12 * Math.abs(wtp));
            assertEquals(se, t.standardErrors()[i], 1e-6 * se);
        }
    }

    @Test
    @DisplayName("willingness to pay of a mixed logit: the summary of wtpSummary, finite errors, Krinsky-Robb with a seed")
    void wtpMixed() {
        BridgeFit fit = fit("n");
        BridgePost post = fit.post("{\"krinskyRobb\": 40, \"seed\": 7, \"replicates\": 3}");
        BridgeTable t = post.wtpInference("cl", "pf");
        assertArrayEquals(post.wtpSummary("cl", "pf"), t.estimates(), 1e-15);
        for (int i = 0; i < 6; i++) {
            assertTrue(t.standardErrors()[i] > 0 && Double.isFinite(t.standardErrors()[i]), "se " + i);
            assertTrue(t.krinskyRobbSd()[i] > 0, "kr " + i);
            assertTrue(t.simulationErrors()[i] > 0, "sim " + i);
        }
        BridgeTable again = fit.post("{\"krinskyRobb\": 40, \"seed\": 7, \"replicates\": 3}").wtpInference("cl", "pf");
        assertArrayEquals(t.krinskyRobbLower(), again.krinskyRobbLower(), 0.0, "the seed fixes the draws");
    }

    private static double quadratic(double[] g, double[] v) {
        int p = g.length;
        double out = 0;
        for (int a = 0; a < p; a++) {
            for (int c = 0; c < p; c++) {
                out += g[a] * v[a * p + c] * g[c];
            }
        }
        return out;
    }
}
