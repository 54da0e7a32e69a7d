package org.mixlogit.postestimation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * Product-removal diversion when the removed alternative's logit probability rounds to one: its second choices are
 * still a logit over the others, s_k / (1 - s_j) = exp(V_k) / sum_{l != j} exp(V_l). Computing 1 - s_j from the
 * rounded s_j lost every such draw (found through the command line: with a lognormal coefficient, a quarter of a
 * percent of the removed alternative's share had no second choice, so a row of diversion ratios summed to 0.9975).
 */
class DominantAlternativeDiversionTest {
    private static final String[] ALTS = {"a", "b", "c", "d"};

    /** Situation s has x = gap[s] for alternative s % 4 and 0 for the others; alternative d has y = 1. */
    private static ChoiceData data(double[] gap) {
        int n = gap.length * 4;
        long[] situation = new long[n];
        double[] chosen = new double[n];
        double[] x = new double[n];
        double[] y = new double[n];
        String[] alternative = new String[n];
        for (int s = 0; s < gap.length; s++) {
            for (int j = 0; j < 4; j++) {
                int i = s * 4 + j;
                situation[i] = s + 1;
                alternative[i] = ALTS[j];
                chosen[i] = j == s % 4 ? 1 : 0;
                x[i] = j == s % 4 ? gap[s] : 0;
                y[i] = j == 3 ? 1 : 0;
            }
        }
        return ChoiceData.builder().situations(situation).chosen(chosen).alternatives(alternative).attribute("x", x)
                .attribute("y", y).build();
    }

    private static QuantityTable removal(ChoiceData data, ModelSpec spec, double[] theta) {
        int p = theta.length;
        double[] v = new double[p * p];
        java.util.Arrays.fill(v, Double.NaN);
        FittedModel model = new FittedModel(spec, theta, v, "hessian", IntegrationConfig.of(DrawType.HALTON, 200),
                95, 1);
        return new PostEstimation(model, data, PostEstimationOptions.defaults().withReplicates(0)).removalDiversion();
    }

    @Test
    @DisplayName("plain logit: removing an alternative with probability 1 - 1e-17 or 1 - 1e-300 sends its share"
            + " to the others in logit proportions")
    void dominantAlternativeInPlainLogit() {
        // one situation, alternative a ahead by 40 (1 - s_a about 1e-17, so s_a rounds to 1) or by 800 (the
        // others' exp(V - max) underflow to zero); d has y = 1, so its second-choice share is e / (2 + e)
        for (double gap : new double[] {40, 800}) {
            QuantityTable t = removal(data(new double[] {gap}), ModelSpec.builder().fixed("x").fixed("y").build(),
                    new double[] {1, 1});
            double e = Math.E;
            assertEquals(1 / (2 + e), t.estimate(t.markets().get(0), "a", "b"), 1e-15, "gap " + gap);
            assertEquals(1 / (2 + e), t.estimate(t.markets().get(0), "a", "c"), 1e-15, "gap " + gap);
            assertEquals(e / (2 + e), t.estimate(t.markets().get(0), "a", "d"), 1e-15, "gap " + gap);
        }
    }

    @Test
    @DisplayName("mixed logit with a wide lognormal coefficient: every row of removal diversion sums to one")
    void rowsSumToOneWithLognormalTails() {
        double[] gaps = {1, 2, 3, 1, 2, 3, 1, 2};
        ModelSpec spec = ModelSpec.builder().random("x", Distribution.LOGNORMAL).fixed("y").build();
        // log-coefficient ~ N(2, 2^2): many draws put the leading alternative's probability at 1 in floating point
        QuantityTable t = removal(data(gaps), spec, new double[] {2, 0.5, 2});
        Map<String, Double> rows = new HashMap<>();
        List<String> markets = t.markets();
        double[] estimates = t.estimates();
        for (int i = 0; i < t.size(); i++) {
            rows.merge(markets.get(i) + " " + t.alternatives().get(i), estimates[i], Double::sum);
        }
        assertEquals(4, rows.size());
        rows.forEach((row, sum) -> assertEquals(1.0, sum, 1e-12, row));
    }
}
