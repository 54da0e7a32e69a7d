package org.mixlogit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rows in any order are grouped by decision-maker id, then situation id (ascending, whatever the order of the rows),
 * with offsets that describe ragged choice sets and unbalanced panels; the caller's arrays are copied.
 *
 * <p>The fixture, in input order (row: decision-maker, situation, chosen, x):
 * <pre>
 * 0: 20, 7, 0, 1     3: 20, 7, 1, 4     6: 10, 5, 0, 7
 * 1: 10, 5, 0, 2     4: 10, 5, 0, 5     7: 20, 7, 0, 8
 * 2: 20, 3, 1, 3     5: 20, 3, 0, 6     8: 10, 5, 1, 9
 * </pre>
 * Decision-maker 10 (first seen in row 1, after 20) answers situation 5 (4 alternatives); decision-maker 20 answers
 * situations 3 (2 alternatives) and 7 (3 alternatives, first seen before 3).
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
    @DisplayName("scrambled panel rows: decision-makers by id, then situations by id, rows of a situation as input")
    void panelOrder() {
        ChoiceData data = panel().build();
        assertTrue(data.isPanel());
        assertEquals(9, data.rowCount());
        assertArrayEquals(new int[] {1, 4, 6, 8, 2, 5, 0, 3, 7}, sourceRows(data));
        assertArrayEquals(new long[] {10, 20}, new long[] {data.decisionMakerId(0), data.decisionMakerId(1)});
        assertArrayEquals(new long[] {5, 3, 7},
                new long[] {data.situationId(0), data.situationId(1), data.situationId(2)});
    }

    @Test
    @DisplayName("ragged choice sets (4, 2, 3 alternatives) and an unbalanced panel (1 and 2 situations)")
    void panelOffsets() {
        ChoiceData data = panel().build();
        assertArrayEquals(new int[] {0, 4, 6, 9}, data.situationStartRef());
        assertArrayEquals(new int[] {0, 1, 3}, data.decisionMakerStartRef());
        assertArrayEquals(new int[] {4, 2, 3},
                new int[] {data.alternatives(0), data.alternatives(1), data.alternatives(2)});
        assertArrayEquals(new int[] {1, 2}, new int[] {data.situations(0), data.situations(1)});
        assertEquals(4, data.maxAlternatives());
        // chosen: row 8 of situation 5 (grouped 3), row 2 of situation 3 (grouped 4), row 3 of situation 7 (grouped 7)
        assertArrayEquals(new int[] {3, 4, 7}, data.chosenRowRef());
    }

    @Test
    @DisplayName("attribute values follow their rows into grouped order, row-major")
    void attributesGrouped() {
        ChoiceData data = panel().build();
        assertArrayEquals(new double[] {2, 20, 5, 50, 7, 70, 9, 90, 3, 30, 6, 60, 1, 10, 4, 40, 8, 80},
                data.attributeMatrix());
        assertArrayEquals(new double[] {2, 5, 7, 9, 3, 6, 1, 4, 8}, data.attributeColumn("x"));
        for (int i = 0; i < data.rowCount(); i++) {
            assertEquals(X[data.sourceRow(i)], data.attribute(i, 0), "x in grouped row " + i);
            assertEquals(Y[data.sourceRow(i)], data.attribute(i, data.attributeIndex("y")), "y in grouped row " + i);
        }
    }

    @Test
    @DisplayName("without a decision-maker column each situation is its own decision-maker, keyed by situation id")
    void crossSection() {
        ChoiceData data = ChoiceData.builder().situations(SITUATION).chosen(CHOSEN).attribute("x", X).build();
        assertFalse(data.isPanel());
        assertEquals(3, data.decisionMakerCount());
        assertArrayEquals(new long[] {3, 5, 7},
                new long[] {data.decisionMakerId(0), data.decisionMakerId(1), data.decisionMakerId(2)});
        assertArrayEquals(new long[] {3, 5, 7},
                new long[] {data.situationId(0), data.situationId(1), data.situationId(2)});
        assertArrayEquals(new int[] {0, 1, 2, 3}, data.decisionMakerStartRef());
        assertArrayEquals(new int[] {0, 2, 6, 9}, data.situationStartRef());
        assertArrayEquals(new int[] {2, 5, 1, 4, 6, 8, 0, 3, 7}, sourceRows(data));
        assertArrayEquals(new int[] {0, 5, 7}, data.chosenRowRef());
        assertArrayEquals(new double[] {3, 6, 2, 5, 7, 9, 1, 4, 8}, data.attributeMatrix());
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
        assertEquals(5, data.situationId(0));
        assertEquals(10, data.decisionMakerId(0));
        assertArrayEquals(new int[] {3, 4, 7}, data.chosenRowRef());
        assertEquals(2.0, data.attribute(0, 0));
        assertArrayEquals(new double[] {9, 5}, data.characteristicsRef());
        assertArrayEquals(new double[] {3, 2}, data.weightsRef());
    }

    @Test
    @DisplayName("characteristics are stored once per decision-maker, row-major, in grouped order")
    void characteristicsPerDecisionMaker() {
        double[] income = {50, 30, 50, 50, 30, 50, 30, 50, 30};
        double[] urban = {1, 0, 1, 1, 0, 1, 0, 1, 0};
        ChoiceData data = panel().characteristic("income", income).characteristic("urban", urban).build();
        assertEquals(2, data.characteristicCount());
        assertEquals(1, data.characteristicIndex("urban"));
        // decision-maker 10 first: income 30, urban 0; then decision-maker 20: income 50, urban 1
        assertArrayEquals(new double[] {30, 0, 50, 1}, data.characteristicsRef());
    }

    @Test
    @DisplayName("weights are stored once per decision-maker; without a weight column they are all 1")
    void weightsPerDecisionMaker() {
        double[] weight = {2.0, 0.5, 2.0, 2.0, 0.5, 2.0, 0.5, 2.0, 0.5};
        ChoiceData weighted = panel().weights(weight).build();
        assertTrue(weighted.isWeighted());
        assertArrayEquals(new double[] {0.5, 2.0}, weighted.weightsRef());
        assertEquals(2.0, weighted.weight(1));

        ChoiceData unweighted = panel().build();
        assertFalse(unweighted.isWeighted());
        assertArrayEquals(new double[] {1.0, 1.0}, unweighted.weightsRef());
    }

    @Test
    @DisplayName("with alternative ids a situation's rows follow label order: numbers numerically, else by compareTo")
    void rowsByAlternative() {
        // situation 1: labels 10, 9, 2 in input order; situation 2: 2, 10
        ChoiceData numeric = ChoiceData.builder().situations(new long[] {1, 1, 1, 2, 2}).chosen(new double[] {0, 1, 0,
                1, 0}).attribute("x", new double[] {1, 2, 3, 4, 5}).alternatives(new String[] {"10", "9", "2", "2",
                "10"}).build();
        assertEquals(List.of("2", "9", "10"), numeric.alternativeLabels());
        assertArrayEquals(new int[] {2, 1, 0, 3, 4}, sourceRows(numeric));
        assertArrayEquals(new double[] {3, 2, 1, 4, 5}, numeric.attributeMatrix());
        assertArrayEquals(new int[] {1, 3}, numeric.chosenRowRef());
        assertArrayEquals(new int[] {0, 1, 2, 0, 2}, alternativeCodes(numeric));

        // one label is text, so all are ordered as text: "10" < "2" < "9" < "Bus" < "bus" (code units)
        ChoiceData text = ChoiceData.builder().situations(new long[] {1, 1, 1, 2, 2, 2}).chosen(new double[] {0, 1, 0,
                1, 0, 0}).attribute("x", new double[] {1, 2, 3, 4, 5, 6}).alternatives(new String[] {"bus", "9",
                "Bus", "2", "10", "bus"}).build();
        assertEquals(List.of("10", "2", "9", "Bus", "bus"), text.alternativeLabels());
        assertArrayEquals(new int[] {1, 2, 0, 4, 3, 5}, sourceRows(text));
        assertArrayEquals(new int[] {2, 3, 4, 0, 1, 4}, alternativeCodes(text));
    }

    @Test
    @DisplayName("labels naming one number (\"1\", \"1.0\") are ordered by their text, not by appearance")
    void numericTies() {
        String[][] orders = {{"1.0", "1", "2"}, {"1", "1.0", "2"}};
        for (String[] labels : orders) {
            ChoiceData data = ChoiceData.builder().situations(new long[] {1, 1, 1}).chosen(new double[] {1, 0, 0})
                    .attribute("x", new double[] {1, 2, 3}).alternatives(labels).build();
            assertEquals(List.of("1", "1.0", "2"), data.alternativeLabels(), String.join(",", labels));
        }
    }

    @Test
    @DisplayName("market labels are ordered as text whatever the order of the situations")
    void marketOrder() {
        ChoiceData data = panel().markets(new String[] {"north", "south", "east", "north", "south", "east", "south",
                "north", "south"}).build();
        assertEquals(List.of("east", "north", "south"), data.marketLabels());
        // situations in grouped order 5 (south), 3 (east), 7 (north)
        assertArrayEquals(new int[] {2, 0, 1}, new int[] {data.marketCode(0), data.marketCode(1), data.marketCode(2)});
    }

    @Test
    @DisplayName("ids sort as signed numbers: -5 before 3 before 40")
    void signedIds() {
        ChoiceData data = ChoiceData.builder().situations(new long[] {40, 40, -5, -5, 3, 3})
                .chosen(new double[] {1, 0, 1, 0, 0, 1}).attribute("x", new double[] {1, 2, 3, 4, 5, 6}).build();
        assertArrayEquals(new long[] {-5, 3, 40},
                new long[] {data.decisionMakerId(0), data.decisionMakerId(1), data.decisionMakerId(2)});
        assertArrayEquals(new int[] {0, 1, 2}, new int[] {data.decisionMakerOrdinal(0), data.decisionMakerOrdinal(1),
                data.decisionMakerOrdinal(2)});
        assertEquals(0, data.firstOrdinal());
    }

    @Test
    @DisplayName("any permutation of the rows gives the same grouped data (alternative ids given)")
    void permutationInvariant() {
        String[] alt = {"c", "a", "b", "a", "b", "a", "c", "b", "d"};
        String[] market = {"m2", "m1", "m2", "m2", "m1", "m2", "m1", "m2", "m1"};
        double[] income = {50, 30, 50, 50, 30, 50, 30, 50, 30};
        double[] weight = {2, 0.5, 2, 2, 0.5, 2, 0.5, 2, 0.5};
        ChoiceData reference = null;
        Random random = new Random(20240611L);
        for (int trial = 0; trial < 20; trial++) {
            int[] p = permutation(SITUATION.length, trial == 0 ? null : random);
            ChoiceData data = ChoiceData.builder().situations(permute(SITUATION, p))
                    .decisionMakers(permute(DECISION_MAKER, p)).chosen(permute(CHOSEN, p)).attribute("x", permute(X,
                    p)).attribute("y", permute(Y, p)).characteristic("income", permute(income, p))
                    .weights(permute(weight, p)).alternatives(permute(alt, p)).markets(permute(market, p)).build();
            if (reference == null) {
                reference = data;
                continue;
            }
            String what = "permutation " + Arrays.toString(p);
            assertArrayEquals(reference.attributeMatrix(), data.attributeMatrix(), what);
            assertArrayEquals(reference.characteristicsRef(), data.characteristicsRef(), what);
            assertArrayEquals(reference.weightsRef(), data.weightsRef(), what);
            assertArrayEquals(reference.situationStartRef(), data.situationStartRef(), what);
            assertArrayEquals(reference.decisionMakerStartRef(), data.decisionMakerStartRef(), what);
            assertArrayEquals(reference.chosenRowRef(), data.chosenRowRef(), what);
            assertArrayEquals(alternativeCodes(reference), alternativeCodes(data), what);
            assertEquals(reference.alternativeLabels(), data.alternativeLabels(), what);
            assertEquals(reference.marketLabels(), data.marketLabels(), what);
            for (int s = 0; s < data.situationCount(); s++) {
                assertEquals(reference.situationId(s), data.situationId(s), what);
                assertEquals(reference.marketCode(s), data.marketCode(s), what);
            }
            for (int i = 0; i < data.rowCount(); i++) {
                // the same input row, seen through the permutation
                assertEquals(reference.sourceRow(i), p[data.sourceRow(i)], what);
            }
        }
    }

    @Test
    @DisplayName("without alternative ids, permutations that keep each situation's rows in order give the same data")
    void permutationKeepingSituationOrder() {
        ChoiceData reference = panel().build();
        // rows of situations 7, 5, 3 in input order, the situations interleaved differently
        int[] p = {1, 2, 4, 0, 5, 6, 3, 7, 8};
        // check p keeps the rows of every situation in their input order
        for (int i = 0; i < p.length; i++) {
            for (int j = i + 1; j < p.length; j++) {
                if (SITUATION[p[i]] == SITUATION[p[j]]) {
                    assertTrue(p[i] < p[j]);
                }
            }
        }
        ChoiceData data = ChoiceData.builder().situations(permute(SITUATION, p))
                .decisionMakers(permute(DECISION_MAKER, p)).chosen(permute(CHOSEN, p)).attribute("x", permute(X, p))
                .attribute("y", permute(Y, p)).build();
        assertArrayEquals(reference.attributeMatrix(), data.attributeMatrix());
        assertArrayEquals(reference.chosenRowRef(), data.chosenRowRef());
        assertArrayEquals(reference.situationStartRef(), data.situationStartRef());
        assertArrayEquals(alternativeCodes(reference), alternativeCodes(data));
    }

    private static int[] permutation(int n, Random random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; random != null && i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** Row i of the result is row p[i] of the input. */
    private static long[] permute(long[] v, int[] p) {
        long[] out = new long[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = v[p[i]];
        }
        return out;
    }

    private static double[] permute(double[] v, int[] p) {
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = v[p[i]];
        }
        return out;
    }

    private static String[] permute(String[] v, int[] p) {
        String[] out = new String[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = v[p[i]];
        }
        return out;
    }

    private static int[] alternativeCodes(ChoiceData data) {
        int[] codes = new int[data.rowCount()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = data.alternativeCode(i);
        }
        return codes;
    }

    private static int[] sourceRows(ChoiceData data) {
        int[] rows = new int[data.rowCount()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = data.sourceRow(i);
        }
        return rows;
    }
}
