package org.mixlogit.data;

import java.util.Arrays;

import org.mixlogit.InvalidDataException;

/**
 * The canonical order in which the data are validated: each problem found is an {@link InvalidDataException} with its
 * place in this order ({@link InvalidDataException#position()}), so that a distributed reader whose partitions each
 * validate their own rows reports the problem the local engine would report first: the one with the smallest
 * position over all partitions ({@link #first}). The exception keeps its class, so front ends map it as any data
 * problem.
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
public final class DataProblem {
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

    private DataProblem() {
    }

    /**
     * A problem at a place in the canonical order.
     *
     * @param position the stage (one of the constants) and the keys within it, most significant first
     */
    public static InvalidDataException at(String message, long... position) {
        return new InvalidDataException(message, position);
    }

    /**
     * The problem that comes first in the canonical order (lexicographic by position; one without a position comes
     * after every other, at {@link #OTHER}); either may be null.
     */
    public static InvalidDataException first(InvalidDataException a, InvalidDataException b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return Arrays.compare(positionOf(a), positionOf(b)) <= 0 ? a : b;
    }

    private static long[] positionOf(InvalidDataException e) {
        long[] p = e.position();
        return p != null ? p : new long[] {OTHER};
    }

    /**
     * A situation whose rows name different decision-makers, at the first row (in source order) whose decision-maker
     * differs from that of the situation's first row.
     *
     * @param sourceRow the offending row's position in the whole input
     */
    public static InvalidDataException splitSituation(long situation, long firstOwner, String firstRow, long owner,
            String row, long sourceRow) {
        return at("Choice situation " + situation + " has rows with different decision-maker ids (" + firstOwner
                + " in " + firstRow + ", " + owner + " in " + row + "): all rows of a situation must belong to one"
                + " decision-maker; check the id columns. Situation ids must be unique in the whole data, not only"
                + " within each decision-maker: if they restart for every decision-maker, renumber them (for"
                + " example 1, 2, 3, ... over the whole file).", OWNER, sourceRow);
    }

    /** An attribute that takes the same value for every alternative within each situation of the whole data. */
    public static InvalidDataException constantAttribute(String name, int column) {
        return at("Attribute '" + name + "' takes the same value for every alternative within each choice situation,"
                + " so its coefficient is not identified: drop it, or interact it with alternative-specific variables"
                + " (a decision-maker characteristic can also shift a random coefficient's mean as heterogeneity).",
                VARIATION, column);
    }
}
