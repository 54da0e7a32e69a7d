package org.mixlogit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rows in any order are grouped by decision-maker, then situation, in order of first appearance, with offsets that
 * describe ragged choice sets and unbalanced panels; the caller's arrays are copied.
 *
 * <p>The fixture, in input order (row: decision-maker, situation, chosen, x):
 * <pre>
 * 0: 20, 7, 0, 1     3: 20, 7, 1, 4     6: 10, 5, 0, 7
 * 1: 10, 5, 0, 2     4: 10, 5, 0, 5     7: 20, 7, 0, 8
 * 2: 20, 3, 1, 3     5: 20, 3, 0, 6     8: 10, 5, 1, 9
 * </pre>
 * Decision-maker 20 (first seen in row 0) answers situation 7 (3 alternatives) and then 3 (2 alternatives);
 * decision-maker 10 answers situation 5 (4 alternatives).
 */
class ChoiceDataGroupingTest {
    private static final long[] SITUATION = {7, 5, 3, 7, 5, 3, 5, 7, 5};
    private static final long[] DECISION_MAKER = {20, 10, 20, 20, 10, 20, 10, 20, 10};
    private static final double[] CHOSEN = {0, 0, 1, 1, 0, 0, 0, 0, 1};
    private static final double[] X = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    private static final double[] Y = {10, 20, 30, 40, 50, 60, 70, 80, 90};

    private static ChoiceDataBuilder panel() {
        return ChoiceData.builder().situations(SITUATION).decisionMakers(DECISION_MAKER).chosen(CHOSEN)
                .attribute("x", X).attribute("y", Y);
    }

    @Test
    @DisplayName("scrambled panel rows: decision-makers, then situations, in order of first appearance")
    void panelOrder() {
        ChoiceData data = panel().build();
        assertTrue(data.isPanel());
        assertEquals(9, data.rowCount());
        assertArrayEquals(new int[] {0, 3, 7, 2, 5, 1, 4, 6, 8}, sourceRows(data));
        assertArrayEquals(new long[] {20, 10}, new long[] {data.decisionMakerId(0), data.decisionMakerId(1)});
        assertArrayEquals(new long[] {7, 3, 5},
                new long[] {data.situationId(0), data.situationId(1), data.situationId(2)});
    }

    @Test
    @DisplayName("ragged choice sets (3, 2, 4 alternatives) and an unbalanced panel (2 and 1 situations)")
    void panelOffsets() {
        ChoiceData data = panel().build();
        assertArrayEquals(new int[] {0, 3, 5, 9}, data.situationStartRef());
        assertArrayEquals(new int[] {0, 2, 3}, data.decisionMakerStartRef());
        assertArrayEquals(new int[] {3, 2, 4},
                new int[] {data.alternatives(0), data.alternatives(1), data.alternatives(2)});
        assertArrayEquals(new int[] {2, 1}, new int[] {data.situations(0), data.situations(1)});
        assertEquals(4, data.maxAlternatives());
        // chosen: row 3 of situation 7 (grouped 1), row 2 of situation 3 (grouped 3), row 8 of situation 5 (grouped 8)
        assertArrayEquals(new int[] {1, 3, 8}, data.chosenRowRef());
    }

    @Test
    @DisplayName("attribute values follow their rows into grouped order, row-major")
    void attributesGrouped() {
        ChoiceData data = panel().build();
        assertArrayEquals(new double[] {1, 10, 4, 40, 8, 80, 3, 30, 6, 60, 2, 20, 5, 50, 7, 70, 9, 90},
                data.attributesRef());
        assertArrayEquals(new double[] {1, 4, 8, 3, 6, 2, 5, 7, 9}, data.attributeColumn("x"));
        for (int i = 0; i < data.rowCount(); i++) {
            assertEquals(X[data.sourceRow(i)], data.attribute(i, 0), "x in grouped row " + i);
            assertEquals(Y[data.sourceRow(i)], data.attribute(i, data.attributeIndex("y")), "y in grouped row " + i);
        }
    }

    @Test
    @DisplayName("without a decision-maker column each situation is its own decision-maker, and it is no panel")
    void crossSection() {
        ChoiceData data = ChoiceData.builder().situations(SITUATION).chosen(CHOSEN).attribute("x", X).build();
        assertFalse(data.isPanel());
        assertEquals(3, data.decisionMakerCount());
        assertArrayEquals(new long[] {7, 5, 3},
                new long[] {data.decisionMakerId(0), data.decisionMakerId(1), data.decisionMakerId(2)});
        assertArrayEquals(new long[] {7, 5, 3},
                new long[] {data.situationId(0), data.situationId(1), data.situationId(2)});
        assertArrayEquals(new int[] {0, 1, 2, 3}, data.decisionMakerStartRef());
        assertArrayEquals(new int[] {0, 3, 7, 9}, data.situationStartRef());
        assertArrayEquals(new int[] {0, 3, 7, 1, 4, 6, 8, 2, 5}, sourceRows(data));
        assertArrayEquals(new int[] {1, 6, 7}, data.chosenRowRef());
        assertArrayEquals(new double[] {1, 4, 8, 2, 5, 7, 9, 3, 6}, data.attributesRef());
    }

    @Test
    @DisplayName("the caller's arrays are neither modified nor shared")
    void callerArraysCopied() {
        long[] situation = SITUATION.clone();
        long[] decisionMaker = DECISION_MAKER.clone();
        double[] chosen = CHOSEN.clone();
        double[] x = X.clone();
        double[] income = {5, 9, 5, 5, 9, 5, 9, 5, 9};
        double[] weight = {2, 3, 2, 2, 3, 2, 3, 2, 3};
        ChoiceData data = ChoiceData.builder().situations(situation).decisionMakers(decisionMaker).chosen(chosen)
                .attribute("x", x).characteristic("income", income).weights(weight).build();

        assertArrayEquals(SITUATION, situation);
        assertArrayEquals(DECISION_MAKER, decisionMaker);
        assertArrayEquals(CHOSEN, chosen);
        assertArrayEquals(X, x);
        assertArrayEquals(new double[] {5, 9, 5, 5, 9, 5, 9, 5, 9}, income);
        assertArrayEquals(new double[] {2, 3, 2, 2, 3, 2, 3, 2, 3}, weight);

        situation[0] = 99;
        decisionMaker[0] = 99;
        chosen[2] = 0;
        x[0] = -1;
        income[0] = -1;
        weight[0] = -1;
        assertEquals(7, data.situationId(0));
        assertEquals(20, data.decisionMakerId(0));
        assertArrayEquals(new int[] {1, 3, 8}, data.chosenRowRef());
        assertEquals(1.0, data.attribute(0, 0));
        assertArrayEquals(new double[] {5, 9}, data.characteristicsRef());
        assertArrayEquals(new double[] {2, 3}, data.weightsRef());
    }

    @Test
    @DisplayName("characteristics are stored once per decision-maker, row-major, in grouped order")
    void characteristicsPerDecisionMaker() {
        double[] income = {50, 30, 50, 50, 30, 50, 30, 50, 30};
        double[] urban = {1, 0, 1, 1, 0, 1, 0, 1, 0};
        ChoiceData data = panel().characteristic("income", income).characteristic("urban", urban).build();
        assertEquals(2, data.characteristicCount());
        assertEquals(1, data.characteristicIndex("urban"));
        // decision-maker 20 first: income 50, urban 1; then decision-maker 10: income 30, urban 0
        assertArrayEquals(new double[] {50, 1, 30, 0}, data.characteristicsRef());
    }

    @Test
    @DisplayName("weights are stored once per decision-maker; without a weight column they are all 1")
    void weightsPerDecisionMaker() {
        double[] weight = {2.0, 0.5, 2.0, 2.0, 0.5, 2.0, 0.5, 2.0, 0.5};
        ChoiceData weighted = panel().weights(weight).build();
        assertTrue(weighted.isWeighted());
        assertArrayEquals(new double[] {2.0, 0.5}, weighted.weightsRef());
        assertEquals(0.5, weighted.weight(1));

        ChoiceData unweighted = panel().build();
        assertFalse(unweighted.isWeighted());
        assertArrayEquals(new double[] {1.0, 1.0}, unweighted.weightsRef());
    }

    private static int[] sourceRows(ChoiceData data) {
        int[] rows = new int[data.rowCount()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = data.sourceRow(i);
        }
        return rows;
    }
}
