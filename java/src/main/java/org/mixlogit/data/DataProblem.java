package org.mixlogit.data;

import java.util.Arrays;

import org.mixlogit.InvalidDataException;

/**
 * A problem of the data found by validation, with its place in the canonical order in which the local engine checks
 * (its {@link #position()}), so that a distributed reader whose partitions each validate their own rows reports the
 * problem the local engine would report first: the one with the smallest position over all partitions.
 *
 * <p>The order: cells as read, by source row ({@link #CELL}); then the builder's checks in its order — values by
 * column (the chosen indicator, the attributes, the characteristics, the weights' finiteness, their sign) and source
 * row ({@link #VALUE}); alternative labels by source row ({@link #ALTERNATIVE_LABEL}); situations split between
 * decision-makers by the offending source row ({@link #OWNER}); choice sets by decision-maker ordinal and situation
 * ({@link #CHOICE_SET}); attributes that never vary within a situation, by column ({@link #VARIATION}, a check of the
 * whole data); characteristics by column and ordinal ({@link #CHARACTERISTIC}); weights by ordinal
 * ({@link #WEIGHT}); repeated alternatives and markets by ordinal and situation ({@link #ALTERNATIVE_TWICE},
 * {@link #MARKET}). Source rows are positions in the whole input, ordinals those of the whole data, so positions
 * found in different shards compare as in the whole. Immutable.
 */
public final class DataProblem extends InvalidDataException {
    private static final long serialVersionUID = 1L;

    public static final long CELL = 0;
    public static final long VALUE = 1;
    public static final long ALTERNATIVE_LABEL = 2;
    public static final long OWNER = 3;
    public static final long CHOICE_SET = 4;
    public static final long VARIATION = 5;
    public static final long CHARACTERISTIC = 6;
    public static final long WEIGHT = 7;
    public static final long ALTERNATIVE_TWICE = 8;
    public static final long MARKET = 9;
    /** Problems outside the data's rows (a shape or label table given wrongly), after every other. */
    public static final long OTHER = 10;

    private final long[] position;

    private DataProblem(String message, long[] position) {
        super(message);
        this.position = position.clone();
    }

    /**
     * @param position the stage (one of the constants) and the keys within it, most significant first
     */
    public static DataProblem at(String message, long... position) {
        return new DataProblem(message, position);
    }

    /** The problem's place in the canonical order (a copy). */
    public long[] position() {
        return position.clone();
    }

    /** True when this problem comes before {@code other} in the canonical order (lexicographic by position). */
    public boolean precedes(DataProblem other) {
        return Arrays.compare(position, other.position) < 0;
    }

    /**
     * A situation whose rows name different decision-makers, at the first row (in source order) whose decision-maker
     * differs from that of the situation's first row.
     *
     * @param sourceRow the offending row's position in the whole input
     */
    public static DataProblem splitSituation(long situation, long firstOwner, String firstRow, long owner,
            String row, long sourceRow) {
        return at("Choice situation " + situation + " has rows with different decision-maker ids (" + firstOwner
                + " in " + firstRow + ", " + owner + " in " + row + "): all rows of a situation must belong to one"
                + " decision-maker; check the id columns.", OWNER, sourceRow);
    }

    /** An attribute that takes the same value for every alternative within each situation of the whole data. */
    public static DataProblem constantAttribute(String name, int column) {
        return at("Attribute '" + name + "' takes the same value for every alternative within each choice situation,"
                + " so its coefficient is not identified: drop it, or interact it with alternative-specific variables"
                + " (a decision-maker characteristic can also shift a random coefficient's mean as heterogeneity).",
                VARIATION, column);
    }
}
