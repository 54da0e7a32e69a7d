package org.mixlogit.spark;

import java.io.Serializable;

import org.mixlogit.data.ChoiceData;

/**
 * What a partition keeps of the data: one shard of whole reduction blocks, from which it builds its
 * {@link ChoiceData} (and then its simulators) where it runs. Its decision-makers keep their global ordinals and
 * its labels the whole data's codes, so its block partials are those of the same decision-makers in the whole.
 */
interface Shard extends Serializable {
    /** The global ordinal of the shard's first decision-maker. */
    long firstOrdinal();

    /** The shard as validated choice data (decision-makers numbered from {@link #firstOrdinal()}). */
    ChoiceData build();

    /**
     * The 0-based position in the whole input of the shard's own row {@code row} (what {@link ChoiceData#sourceRow}
     * of the built data returns), for tables by input row.
     */
    long inputRow(int row);
}
