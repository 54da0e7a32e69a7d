package org.mixlogit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.InvalidDataException;

/**
 * {@link ChoiceDataBuilder#alternativeLabels} and {@link ChoiceDataBuilder#marketLabels}: a shard built from its own
 * rows (a partition of a distributed data set) codes alternatives and markets with the whole data's tables, so its
 * codes equal those of {@link ChoiceData#slice} of the whole.
 *
 * <p>Fixture: decision-makers 4 (alternatives a, b in market "far" and "m") and 9 (alternatives a, b, z in market
 * "m"); the shard holds decision-maker 9 only, whose own labels would be coded a=0, b=1, z=2 in any case but whose
 * own market table would be ["m"] (code 0) where the whole's is ["far", "m"] (code 1).
 */
class ShardLabelTablesTest {
    private static final long[] DM = {4, 4, 4, 4, 9, 9, 9, 9, 9};
    private static final long[] SITUATION = {40, 40, 41, 41, 90, 90, 90, 91, 91};
    private static final String[] ALT = {"a", "b", "a", "b", "z", "a", "b", "b", "a"};
    private static final String[] MARKET = {"far", "far", "m", "m", "m", "m", "m", "m", "m"};
    private static final double[] CHOSEN = {1, 0, 0, 1, 1, 0, 0, 0, 1};
    private static final double[] X = {1, 2, 3, 4, 5, 6, 7, 8, 9};

    private static ChoiceData whole() {
        return ChoiceData.builder().situations(SITUATION).decisionMakers(DM).chosen(CHOSEN).attribute("x", X)
                .alternatives(ALT).markets(MARKET).build();
    }

    /** Decision-maker 9's rows (input rows 4..8), in another order. */
    private static ChoiceDataBuilder shardOfNine() {
        int[] rows = {8, 6, 4, 7, 5};
        long[] dm = new long[rows.length];
        long[] situation = new long[rows.length];
        String[] alt = new String[rows.length];
        String[] market = new String[rows.length];
        double[] chosen = new double[rows.length];
        double[] x = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            dm[i] = DM[rows[i]];
            situation[i] = SITUATION[rows[i]];
            alt[i] = ALT[rows[i]];
            market[i] = MARKET[rows[i]];
            chosen[i] = CHOSEN[rows[i]];
            x[i] = X[rows[i]];
        }
        return ChoiceData.builder().situations(situation).decisionMakers(dm).chosen(chosen).attribute("x", x)
                .alternatives(alt).markets(market).firstOrdinal(1);
    }

    @Test
    @DisplayName("a shard built from its rows with the whole's label tables codes as the slice of the whole does")
    void shardCodesLikeTheSlice() {
        ChoiceData whole = whole();
        ChoiceData slice = whole.slice(1, 2);
        ChoiceData own = shardOfNine().build();
        ChoiceData shard = shardOfNine().alternativeLabels(whole.alternativeLabels())
                .marketLabels(whole.marketLabels()).build();
        assertEquals(List.of("far", "m"), shard.marketLabels());
        assertEquals(List.of("m"), own.marketLabels(), "without the table the shard's own markets");
        assertEquals(whole.alternativeLabels(), shard.alternativeLabels());
        assertEquals(slice.rowCount(), shard.rowCount());
        for (int i = 0; i < slice.rowCount(); i++) {
            assertEquals(slice.alternativeCode(i), shard.alternativeCode(i), "alternative of grouped row " + i);
            assertEquals(slice.attribute(i, 0), shard.attribute(i, 0), "x of grouped row " + i);
        }
        for (int s = 0; s < slice.situationCount(); s++) {
            assertEquals(1, shard.marketCode(s), "market of situation " + s);
            assertEquals(slice.marketCode(s), shard.marketCode(s));
        }
        assertEquals(0, own.marketCode(0));
        assertArrayEquals(slice.chosenRowRef(), shard.chosenRowRef());
        assertEquals(1, shard.decisionMakerOrdinal(0));
    }

    @Test
    @DisplayName("a label missing from the table is an error naming the label, its row and the table")
    void unknownLabelIsNamed() {
        InvalidDataException alt = assertThrows(InvalidDataException.class,
                () -> shardOfNine().alternativeLabels(List.of("a", "b")).build());
        assertTrue(alt.getMessage().contains("alternative 'z' in row 3 is not in the alternative label table [a, b]"),
                alt.getMessage());
        InvalidDataException market = assertThrows(InvalidDataException.class,
                () -> shardOfNine().marketLabels(List.of("far")).build());
        assertTrue(market.getMessage().contains("market 'm'") && market.getMessage().contains("[far]"),
                market.getMessage());
        InvalidDataException twice = assertThrows(InvalidDataException.class,
                () -> shardOfNine().alternativeLabels(List.of("a", "b", "a", "z")).build());
        assertTrue(twice.getMessage().contains("lists 'a' twice"), twice.getMessage());
    }

    @Test
    @DisplayName("a label table without its column is refused")
    void tableWithoutColumn() {
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> ChoiceData.builder()
                .situations(SITUATION).decisionMakers(DM).chosen(CHOSEN).attribute("x", X)
                .marketLabels(List.of("m")).build());
        assertTrue(e.getMessage().contains("without a market column"), e.getMessage());
    }
}
