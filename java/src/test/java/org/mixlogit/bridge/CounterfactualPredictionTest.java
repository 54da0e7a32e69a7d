package org.mixlogit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.InvalidDataException;

/**
 * Prediction needs no identification: a counterfactual that sets an attribute to the same value for every
 * alternative (no seasonal rates anywhere: seas = 0) is predicted and post-estimated through every path of the
 * bridge (fitted model: predict and post-estimation on new data; the stateless post-estimation Stata uses), while
 * estimating on such data is still refused.
 */
class CounterfactualPredictionTest {
    private static final String[] NAMES = ElectricityColumns.NAMES;
    private static final int PEOPLE = 25;
    private static final String SPEC = "{\"coefficients\": [{\"attribute\": \"pf\", \"distribution\": \"f\"},"
            + " {\"attribute\": \"cl\", \"distribution\": \"n\"}, {\"attribute\": \"loc\", \"distribution\": \"f\"},"
            + " {\"attribute\": \"wk\", \"distribution\": \"f\"}, {\"attribute\": \"tod\", \"distribution\": \"f\"},"
            + " {\"attribute\": \"seas\", \"distribution\": \"f\"}]}";
    private static final String OPTIONS = "{\"R\": 20, \"threads\": 2}";

    private final ElectricityColumns data = new ElectricityColumns(PEOPLE);
    private final int[] situation = data.situation;
    private final int[] person = data.person;
    private final double[] chosen = data.chosen;
    private final String[] alternative = data.alternative;
    private final double[] attributes = data.attributes;
    private final int n = data.n;

    /** The attributes with seas = 0 for every row. */
    private double[] withoutSeasonalRates() {
        double[] x = attributes.clone();
        Arrays.fill(x, 5 * n, 6 * n, 0.0);
        return x;
    }

    @Test
    @DisplayName("predict and post-estimation on a counterfactual with a constant attribute work; estimating on it does not")
    void counterfactual() {
        BridgeFit fit = MixlogitBridge.fit(situation, person, chosen, NAMES, attributes, new String[0], new double[0],
                new double[0], SPEC, OPTIONS);
        double[] x = withoutSeasonalRates();
        double[] p = fit.predict(situation, person, NAMES, x, new String[0], new double[0]);
        double[] fitted = fit.fittedProbabilities();
        for (int s = 0; s < n; s += 4) {
            assertEquals(1.0, p[s] + p[s + 1] + p[s + 2] + p[s + 3], 1e-12);
        }
        assertNotEquals(fitted[0], p[0], "the counterfactual changes the probabilities");

        BridgePost fresh = fit.postOn(situation, person, NAMES, x, new String[0], new double[0], alternative,
                new String[0], "");
        double total = Arrays.stream(fresh.shares().estimates()).sum();
        assertEquals(1.0, total, 1e-12);

        double[] b = fit.estimates();
        BridgePost stateless = MixlogitBridge.post(situation, person, chosen, NAMES, x, new String[0], new double[0],
                new double[0], alternative, new String[0], SPEC, OPTIONS, b, new double[0], "");
        assertEquals(Arrays.toString(fresh.shares().estimates()), Arrays.toString(stateless.shares().estimates()));

        InvalidDataException refused = assertThrows(InvalidDataException.class, () -> MixlogitBridge.fit(situation,
                person, chosen, NAMES, x, new String[0], new double[0], new double[0], SPEC, OPTIONS));
        assertTrue(refused.getMessage().contains("'seas'"), refused.getMessage());
    }
}
