package org.mixlogit.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.integration.IntegrationRule;
import org.mixlogit.integration.IntegrationRules;
import org.mixlogit.integration.NodeCursor;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * The kernel's simulated log-likelihood equals a direct, unoptimised computation of
 * sum_n log(sum_r w_r prod_t P_nt(beta_nr)) with the same nodes, including utilities so large that exp overflows
 * (the kernel must fall back to max-shifted utilities rather than return a wrong number).
 */
class BruteForceLikelihoodTest {

    @ParameterizedTest(name = "attribute scale {0}")
    @ValueSource(doubles = {1.0, 300.0})
    @DisplayName("kernel = brute force, on discrete levels and continuous attributes")
    void matchesBruteForce(double attributeScale) {
        for (boolean discrete : new boolean[] {true, false}) {
            ChoiceData data = scaled(SyntheticPanel.create(40, 21, true, discrete), attributeScale);
            ModelSpec spec = ModelSpec.builder().random("x1", Distribution.NORMAL).random("x2", Distribution.LOGNORMAL)
                    .fixed("x3").build();
            double[] theta = {0.8, -0.5, -1.2, 1.1, 0.6};
            IntegrationConfig config = IntegrationConfig.of(DrawType.HALTON, 30);
            try (SimulatedLogLikelihood ll = Simulators.likelihood(data, spec, config, 1)) {
                double kernel = ll.value(theta);
                double brute = bruteForce(data, theta, IntegrationRules.create(config, 2));
                assertTrue(Double.isFinite(kernel), "kernel " + kernel);
                assertEquals(brute, kernel, 1e-9 * Math.abs(brute), "discrete " + discrete);
            }
        }
    }

    private static ChoiceData scaled(ChoiceData data, double factor) {
        double[] w = new double[data.rowCount()];
        java.util.Arrays.fill(w, 1.0);
        ChoiceData copy = SyntheticPanelWeights.withWeights(data, w);
        return factor == 1.0 ? copy : SyntheticPanelWeights.scaleAttribute(copy, "x1", factor);
    }

    private static double bruteForce(ChoiceData data, double[] theta, IntegrationRule rule) {
        NodeCursor cursor = rule.newCursor();
        int r = rule.nodeCount();
        double[] nodes = new double[r * 2];
        double[] weights = new double[r];
        int x1 = data.attributeIndex("x1");
        int x2 = data.attributeIndex("x2");
        int x3 = data.attributeIndex("x3");
        double total = 0;
        for (int n = 0; n < data.decisionMakerCount(); n++) {
            cursor.fill(n, nodes, weights);
            double[] logL = new double[r];
            for (int q = 0; q < r; q++) {
                double b1 = theta[0] + theta[3] * nodes[q * 2];
                double b2 = Math.exp(theta[1] + theta[4] * nodes[q * 2 + 1]);
                double b3 = theta[2];
                for (int s = data.decisionMakerStartRef()[n]; s < data.decisionMakerStartRef()[n + 1]; s++) {
                    int first = data.situationStartRef()[s];
                    int end = data.situationStartRef()[s + 1];
                    double[] u = new double[end - first];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int i = first; i < end; i++) {
                        u[i - first] = b1 * data.attribute(i, x1) + b2 * data.attribute(i, x2)
                                + b3 * data.attribute(i, x3);
                        max = Math.max(max, u[i - first]);
                    }
                    double sum = 0;
                    for (double v : u) {
                        sum += Math.exp(v - max);
                    }
                    logL[q] += u[data.chosenRowRef()[s] - first] - max - Math.log(sum);
                }
            }
            double max = Double.NEGATIVE_INFINITY;
            for (double v : logL) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (int q = 0; q < r; q++) {
                sum += weights[q] * Math.exp(logL[q] - max);
            }
            total += max + Math.log(sum);
        }
        return total;
    }
}
