package org.mixlogit.simulation;

import java.util.TreeMap;

/**
 * One reduction block's sums by key (a market, a cluster): vectors of a fixed width, created at zero when a key is
 * first used. Aggregators of post-estimation quantities add their decision-makers' terms here; the blocks' sums
 * are then added in the canonical order of {@link BlockPartials} ({@link ClusterPartials}). Not thread-safe: one
 * per block, filled by one worker.
 */
public final class KeyedSums {
    private final int width;
    private final TreeMap<Long, double[]> sums = new TreeMap<>();

    KeyedSums(int width) {
        this.width = width;
    }

    /** Adds {@code value} to entry {@code index} of key's vector. */
    public void add(long key, int index, double value) {
        row(key)[index] += value;
    }

    /** Key's vector, to add into directly (<b>modified</b> by the caller); zeros when the key is new. */
    public double[] row(long key) {
        return sums.computeIfAbsent(key, k -> new double[width]);
    }

    public int width() {
        return width;
    }

    TreeMap<Long, double[]> sums() {
        return sums;
    }
}
