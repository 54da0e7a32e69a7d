package org.mixlogit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixlogit.InvalidDataException;

/**
 * Every kind of unusable data is refused by {@link ChoiceDataBuilder#build()} with a message naming the offending
 * row, id or column. The valid fixture (rows counted from 1 as the messages do):
 * <pre>
 * row:       1  2  3  4  5  6  7
 * situation: 1  1  1  2  2  3  3
 * dm:        1  1  1  1  1  2  2
 * chosen:    0  1  0  1  0  0  1
 * pf:        1  2  3  4  5  6  7
 * cl:        0  1  0  1  1  0  0
 * </pre>
 */
class ChoiceDataValidationTest {
    private long[] situation;
    private long[] decisionMaker;
    private double[] chosen;
    private double[] pf;
    private double[] cl;

    ChoiceDataValidationTest() {
        situation = new long[] {1, 1, 1, 2, 2, 3, 3};
        decisionMaker = new long[] {1, 1, 1, 1, 1, 2, 2};
        chosen = new double[] {0, 1, 0, 1, 0, 0, 1};
        pf = new double[] {1, 2, 3, 4, 5, 6, 7};
        cl = new double[] {0, 1, 0, 1, 1, 0, 0};
    }

    private ChoiceDataBuilder builder() {
        return ChoiceData.builder().situations(situation).decisionMakers(decisionMaker).chosen(chosen)
                .attribute("pf", pf).attribute("cl", cl);
    }

    private static void assertMessage(Executable action, String... fragments) {
        InvalidDataException e = assertThrows(InvalidDataException.class, action);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' lacks '" + f + "'");
        }
    }

    @Test
    @DisplayName("the fixture itself is valid")
    void fixtureIsValid() {
        assertEquals(3, builder().build().situationCount());
    }

    @Test
    @DisplayName("a NaN attribute names the row and the column")
    void nanAttribute() {
        pf[2] = Double.NaN;
        assertMessage(() -> builder().build(), "'pf'", "row 3", "missing");
    }

    @Test
    @DisplayName("an infinite attribute names the row and the column")
    void infiniteAttribute() {
        cl[4] = Double.NEGATIVE_INFINITY;
        assertMessage(() -> builder().build(), "'cl'", "row 5", "infinite");
    }

    @Test
    @DisplayName("an extreme attribute (1e308, and 1e61 whose squared products overflow) names the row and column")
    void extremeAttribute() {
        pf[2] = 1e308;
        assertMessage(() -> builder().build(), "'pf'", "row 3", "1.0E308", "rescale the column");
        pf[2] = 1;
        cl[4] = -1e61;
        assertMessage(() -> builder().build(), "'cl'", "row 5", "-1.0E61", "overflow");
        cl[4] = 1e60;
        builder().build();
    }

    @Test
    @DisplayName("a missing chosen indicator names the row")
    void missingChosen() {
        chosen[1] = Double.NaN;
        assertMessage(() -> builder().build(), "chosen indicator", "row 2", "missing");
    }

    @Test
    @DisplayName("a chosen indicator of 2 names the row and the value")
    void chosenTwo() {
        chosen[3] = 2;
        assertMessage(() -> builder().build(), "row 4", "2.0", "1 for the chosen alternative and 0");
    }

    @Test
    @DisplayName("a situation without a chosen alternative names the situation and its first row")
    void noChosen() {
        chosen[6] = 0;
        assertMessage(() -> builder().build(), "situation 3", "no chosen alternative", "row 6");
    }

    @Test
    @DisplayName("a situation with two chosen alternatives names the situation and both rows")
    void twoChosen() {
        chosen[0] = 1;
        assertMessage(() -> builder().build(), "situation 1", "more than one chosen", "row 1", "row 2");
    }

    @Test
    @DisplayName("a situation with a single alternative names the situation and the row")
    void singleAlternative() {
        situation = new long[] {1, 1, 1, 2, 2, 3, 4};
        chosen = new double[] {0, 1, 0, 1, 0, 1, 1};
        assertMessage(() -> builder().build(), "situation 3", "only one alternative", "row 6", "no information");
        // in prediction data a lone row is most likely a choice set cut short: refused too, saying so
        assertMessage(() -> builder().forPrediction().build(), "situation 3", "only one alternative", "row 6",
                "cut short", "give all its alternatives, or drop it");
    }

    @Test
    @DisplayName("a situation whose rows carry two decision-maker ids names the situation, both ids and rows")
    void situationWithTwoDecisionMakers() {
        decisionMaker[2] = 2;
        assertMessage(() -> builder().build(), "situation 1", "different decision-maker ids", "1 in row 1",
                "2 in row 3", "Situation ids must be unique in the whole data", "renumber them");
    }

    @Test
    @DisplayName("an attribute constant within every situation is named as not identified")
    void attributeWithoutVariation() {
        double[] loc = {5, 5, 5, 6, 6, 7, 7};
        assertMessage(() -> builder().attribute("loc", loc).build(), "'loc'", "not identified");
    }

    @Test
    @DisplayName("a characteristic that changes within a decision-maker names it, the decision-maker and the rows")
    void characteristicVaries() {
        double[] income = {10, 10, 10, 10, 11, 20, 20};
        assertMessage(() -> builder().characteristic("income", income).build(), "'income'", "decision-maker 1",
                "10.0 in row 1", "11.0 in row 5", "cluster on a column that holds whole decision-makers");
    }

    @Test
    @DisplayName("a weight that changes within a decision-maker names the decision-maker and the rows")
    void weightVaries() {
        double[] weight = {1, 1, 1, 1, 1, 3, 4};
        assertMessage(() -> builder().weights(weight).build(), "weight", "decision-maker 2", "3.0 in row 6",
                "4.0 in row 7");
    }

    @ParameterizedTest(name = "weight {0}")
    @ValueSource(doubles = {0.0, -1.5})
    @DisplayName("a weight that is not positive names the row")
    void nonPositiveWeight(double bad) {
        double[] weight = {1, 1, 1, 1, 1, bad, bad};
        assertMessage(() -> builder().weights(weight).build(), "weight is " + bad, "row 6", "positive");
    }

    @Test
    @DisplayName("empty data are refused")
    void empty() {
        assertMessage(() -> ChoiceData.builder().situations(new long[0]).chosen(new double[0])
                .attribute("pf", new double[0]).build(), "empty", "0 rows");
    }

    @Test
    @DisplayName("a column of the wrong length names the column and both lengths")
    void lengthMismatch() {
        pf = new double[] {1, 2, 3, 4, 5, 6};
        assertMessage(() -> builder().build(), "'pf'", "6 values", "has 7");
    }

    @Test
    @DisplayName("a column name given twice is refused when given")
    void duplicateName() {
        assertMessage(() -> builder().attribute("pf", pf), "'pf'", "twice");
        assertMessage(() -> builder().characteristic("cl", cl), "'cl'", "twice");
    }

    @Test
    @DisplayName("an unknown attribute name lists the known ones")
    void unknownAttribute() {
        ChoiceData data = builder().build();
        assertMessage(() -> data.attributeIndex("price"), "'price'", "[pf, cl]");
    }
}
