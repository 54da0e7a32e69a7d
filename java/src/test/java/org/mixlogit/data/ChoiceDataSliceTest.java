package org.mixlogit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.InvalidDataException;

/**
 * {@link ChoiceData#slice}: a range of decision-makers as data of their own, with the parent's label tables and
 * ordinals continued; and {@link ChoiceDataBuilder#firstOrdinal} for shards built from their own rows.
 *
 * <p>The fixture (row: decision-maker, situation, alternative, market, chosen, x, income, weight), rows scrambled:
 * decision-makers 4 (situations 40, 41), 7 (situation 70), 9 (situations 90, 91, 92); alternative "z" occurs only
 * for decision-maker 9, market "far" only for decision-maker 4.
 */
class ChoiceDataSliceTest {
    private static final long[] DM = {9, 4, 7, 9, 4, 9, 4, 7, 9, 4, 9, 9, 7};
    private static final long[] SITUATION = {91, 41, 70, 90, 40, 92, 41, 70, 90, 40, 91, 92, 70};
    private static final String[] ALT = {"a", "b", "a", "b", "a", "z", "a", "b", "a", "b", "z", "a", "c"};
    private static final String[] MARKET = {"m", "far", "m", "m", "m", "m", "far", "m", "m", "m", "m", "m", "m"};
    private static final double[] CHOSEN = {1, 0, 0, 1, 1, 0, 1, 1, 0, 0, 0, 1, 0};
    private static final double[] X = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13};
    private static final double[] INCOME = {90, 40, 70, 90, 40, 90, 40, 70, 90, 40, 90, 90, 70};
    private static final double[] WEIGHT = {3, 1, 2, 3, 1, 3, 1, 2, 3, 1, 3, 3, 2};

    private static ChoiceDataBuilder builder() {
        return ChoiceData.builder().situations(SITUATION).decisionMakers(DM).chosen(CHOSEN).attribute("x", X)
                .characteristic("income", INCOME).weights(WEIGHT).alternatives(ALT).markets(MARKET);
    }

    @Test
    @DisplayName("a slice holds exactly its decision-makers' situations and rows, ids, weights and characteristics")
    void sliceHoldsItsDecisionMakers() {
        ChoiceData whole = builder().build();
        assertArrayEquals(new long[] {4, 7, 9}, ids(whole));
        ChoiceData last = whole.slice(1, 3);
        assertArrayEquals(new long[] {7, 9}, ids(last));
        assertEquals(1, last.firstOrdinal());
        assertArrayEquals(new int[] {1, 2}, new int[] {last.decisionMakerOrdinal(0), last.decisionMakerOrdinal(1)});
        assertEquals(4, last.situationCount());
        assertArrayEquals(new long[] {70, 90, 91, 92},
                new long[] {last.situationId(0), last.situationId(1), last.situationId(2), last.situationId(3)});
        assertArrayEquals(new int[] {0, 1, 4}, last.decisionMakerStartRef());
        assertArrayEquals(new int[] {0, 3, 5, 7, 9}, last.situationStartRef());
        assertEquals(9, last.rowCount());
        assertArrayEquals(new double[] {2, 3}, last.weightsRef());
        assertArrayEquals(new double[] {70, 90}, last.characteristicsRef());
        assertTrue(last.isPanel());
        assertTrue(last.isWeighted());
        for (int i = 0; i < last.rowCount(); i++) {
            int row = last.sourceRow(i);
            assertEquals(X[row], last.attribute(i, 0), "x of grouped row " + i);
            assertEquals(ALT[row], last.alternativeLabels().get(last.alternativeCode(i)), "alternative of row " + i);
            assertEquals(whole.sourceRow(i + 4), row, "the parent's grouped row " + (i + 4));
        }
        for (int s = 0; s < last.situationCount(); s++) {
            int chosen = last.chosenRowRef()[s];
            assertTrue(chosen >= last.situationStartRef()[s] && chosen < last.situationStartRef()[s + 1]);
            assertEquals(1.0, CHOSEN[last.sourceRow(chosen)]);
            assertEquals(MARKET[last.sourceRow(last.situationStartRef()[s])],
                    last.marketLabels().get(last.marketCode(s)));
        }
        assertEquals("row 2", last.describeSourceRow(1));
    }

    @Test
    @DisplayName("a slice keeps the parent's label tables, even labels it does not use, so codes line up")
    void sliceKeepsLabelTables() {
        ChoiceData whole = builder().build();
        assertEquals(List.of("a", "b", "c", "z"), whole.alternativeLabels());
        assertEquals(List.of("far", "m"), whole.marketLabels());
        ChoiceData first = whole.slice(0, 1);
        assertEquals(whole.alternativeLabels(), first.alternativeLabels());
        assertEquals(whole.marketLabels(), first.marketLabels());
        for (int i = 0; i < first.rowCount(); i++) {
            assertEquals(whole.alternativeCode(i), first.alternativeCode(i));
        }
        // situation 40 is in market "m", situation 41 in "far"
        assertArrayEquals(new int[] {1, 0}, new int[] {first.marketCode(0), first.marketCode(1)});
        assertEquals(3, first.alternativeIndex("z"));
    }

    @Test
    @DisplayName("slices of slices continue the ordinals, and the slices of a partition hold every row once")
    void slicesPartition() {
        ChoiceData whole = builder().build();
        ChoiceData middle = whole.slice(1, 3).slice(0, 1);
        assertEquals(1, middle.firstOrdinal());
        assertArrayEquals(new long[] {7}, ids(middle));
        int[] seen = new int[whole.rowCount()];
        for (int from = 0; from < whole.decisionMakerCount(); from++) {
            ChoiceData one = whole.slice(from, from + 1);
            assertEquals(from, one.decisionMakerOrdinal(0));
            for (int i = 0; i < one.rowCount(); i++) {
                seen[one.sourceRow(i)]++;
            }
        }
        int[] once = new int[whole.rowCount()];
        Arrays.fill(once, 1);
        assertArrayEquals(once, seen);
    }

    @Test
    @DisplayName("a slice owns its arrays")
    void sliceCopies() {
        ChoiceData whole = builder().build();
        ChoiceData all = whole.slice(0, whole.decisionMakerCount());
        assertNotSame(whole.attributeValues(0), all.attributeValues(0));
        assertNotSame(whole.situationStartRef(), all.situationStartRef());
        assertNotSame(whole.weightsRef(), all.weightsRef());
        assertNotSame(whole.characteristicsRef(), all.characteristicsRef());
        assertArrayEquals(whole.attributeMatrix(), all.attributeMatrix());
        assertArrayEquals(whole.chosenRowRef(), all.chosenRowRef());
        assertArrayEquals(whole.decisionMakerStartRef(), all.decisionMakerStartRef());
        all.attributeMatrix()[0] = -99;
        assertEquals(X[whole.sourceRow(0)], whole.attribute(0, 0));
    }

    @Test
    @DisplayName("rebuilding a slice's source rows with its first ordinal gives the same data")
    void rebuildFromSourceRows() {
        ChoiceData whole = builder().build();
        ChoiceData slice = whole.slice(1, 3);
        int[] rows = new int[slice.rowCount()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = slice.sourceRow(i);
        }
        // the same rows, in reverse input order
        int[] reversed = rows.clone();
        for (int i = 0; i < reversed.length; i++) {
            reversed[i] = rows[rows.length - 1 - i];
        }
        ChoiceData rebuilt = ChoiceData.builder().situations(pick(SITUATION, reversed)).decisionMakers(pick(DM,
                reversed)).chosen(pick(CHOSEN, reversed)).attribute("x", pick(X, reversed)).characteristic("income",
                pick(INCOME, reversed)).weights(pick(WEIGHT, reversed)).alternatives(pick(ALT, reversed))
                .markets(pick(MARKET, reversed)).firstOrdinal(slice.firstOrdinal()).build();
        assertEquals(slice.firstOrdinal(), rebuilt.firstOrdinal());
        assertArrayEquals(ids(slice), ids(rebuilt));
        assertArrayEquals(slice.attributeMatrix(), rebuilt.attributeMatrix());
        assertArrayEquals(slice.characteristicsRef(), rebuilt.characteristicsRef());
        assertArrayEquals(slice.weightsRef(), rebuilt.weightsRef());
        assertArrayEquals(slice.situationStartRef(), rebuilt.situationStartRef());
        assertArrayEquals(slice.decisionMakerStartRef(), rebuilt.decisionMakerStartRef());
        assertArrayEquals(slice.chosenRowRef(), rebuilt.chosenRowRef());
        for (int i = 0; i < slice.rowCount(); i++) {
            assertEquals(slice.sourceRow(i), reversed[rebuilt.sourceRow(i)], "grouped row " + i);
            assertEquals(slice.alternativeLabels().get(slice.alternativeCode(i)),
                    rebuilt.alternativeLabels().get(rebuilt.alternativeCode(i)), "alternative of grouped row " + i);
        }
        for (int n = 0; n < slice.decisionMakerCount(); n++) {
            assertEquals(slice.decisionMakerOrdinal(n), rebuilt.decisionMakerOrdinal(n));
        }
    }

    @Test
    @DisplayName("a shard skips the whole-data check that an attribute varies within some situation")
    void shardSkipsGlobalCheck() {
        // within decision-maker 7's situation x2 is constant; in the whole data it varies
        double[] x2 = {1, 2, 0, 4, 5, 6, 7, 0, 9, 10, 11, 12, 0};
        int[] rows = {2, 7, 12};
        InvalidDataException whole = assertThrows(InvalidDataException.class, () -> ChoiceData.builder()
                .situations(pick(SITUATION, rows)).decisionMakers(pick(DM, rows)).chosen(pick(CHOSEN, rows))
                .attribute("x2", pick(x2, rows)).build());
        assertTrue(whole.getMessage().contains("'x2' takes the same value"), whole.getMessage());
        ChoiceData shard = ChoiceData.builder().situations(pick(SITUATION, rows)).decisionMakers(pick(DM, rows))
                .chosen(pick(CHOSEN, rows)).attribute("x2", pick(x2, rows)).firstOrdinal(1).build();
        assertEquals(1, shard.decisionMakerOrdinal(0));
        ChoiceData first = ChoiceData.builder().situations(pick(SITUATION, rows)).decisionMakers(pick(DM, rows))
                .chosen(pick(CHOSEN, rows)).attribute("x2", pick(x2, rows)).firstOrdinal(0).build();
        assertEquals(0, first.decisionMakerOrdinal(0));
        ChoiceData sliced = builder().attribute("x2", x2).build().slice(1, 2);
        assertEquals(1, sliced.decisionMakerOrdinal(0));
    }

    @Test
    @DisplayName("bad slice bounds and ordinals beyond 2^31 are errors that say what is allowed")
    void bounds() {
        ChoiceData whole = builder().build();
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> whole.slice(2, 2));
        assertTrue(empty.getMessage().contains("0 <= from < to <= decisionMakerCount()"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> whole.slice(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> whole.slice(0, 4));
        InvalidDataException negative = assertThrows(InvalidDataException.class,
                () -> builder().firstOrdinal(-1));
        assertTrue(negative.getMessage().contains("-1"), negative.getMessage());
        InvalidDataException tooFar = assertThrows(InvalidDataException.class,
                () -> builder().firstOrdinal(Integer.MAX_VALUE - 1L).build());
        assertTrue(tooFar.getMessage().contains("2^31"), tooFar.getMessage());
        ChoiceData top = builder().firstOrdinal(Integer.MAX_VALUE - 2L).build();
        assertEquals(Integer.MAX_VALUE, top.decisionMakerOrdinal(2));
    }

    private static long[] ids(ChoiceData data) {
        long[] out = new long[data.decisionMakerCount()];
        for (int n = 0; n < out.length; n++) {
            out[n] = data.decisionMakerId(n);
        }
        return out;
    }

    private static long[] pick(long[] v, int[] rows) {
        long[] out = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }

    private static double[] pick(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }

    private static String[] pick(String[] v, int[] rows) {
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }
}
