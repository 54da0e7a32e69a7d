package org.mixlogit.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameter-independent structure of the attribute matrix that the kernel exploits, computed once per model.
 * <ul>
 * <li>Sparse rows: for grouped row i, its attributes are {@code attribute[nonZeroStart[i] .. nonZeroStart[i+1]-1]}
 * with values {@code value[...]}. Normally these are the non-zero entries. When the matrix is {@link #isDense()
 * dense} (no decision-maker uses levels and every situation has at least half of its entries non-zero: continuous
 * attributes), they are all K entries of every row, zeros included, and {@code value} is the attribute matrix
 * itself (no copy): a zero entry adds 0 x beta = 0 to a utility and 0 x P to a score, so for finite coefficients
 * every sum is the same number to the last bit, and the kernel's per-situation choice of path is unchanged (it
 * takes the differences to the chosen alternative in both cases).</li>
 * <li>Attribute levels: within decision-maker n, the distinct non-zero (attribute, value) pairs are its levels
 * {@code levelStart[n] .. levelStart[n+1]-1} ({@code levelAttribute}, {@code levelValue}); each non-zero entry
 * knows its level ({@code level}, local to the decision-maker). When a decision-maker has fewer levels than rows
 * (discrete attribute levels, as in stated-preference designs), exp(x'beta) is the product of the per-level
 * factors exp(value * beta_k): one exponential per level and draw instead of one per row and draw.</li>
 * </ul>
 * Memory for R rows and K coefficients of which Z entries are non-zero: 4 R + 12 Z bytes (sparse), 4 R + 4 R K
 * (dense), besides the attribute matrix; the level table only when some decision-maker uses levels.
 */
final class RowStructure {
    final int[] nonZeroStart;
    final int[] attribute;
    final double[] value;
    final int[] level;
    final int[] levelStart;
    final int[] levelAttribute;
    final double[] levelValue;
    final boolean[] useLevels;
    final int maxLevels;
    private final boolean dense;

    /**
     * @param x Not modified: rows x K attributes; kept (as {@link #value}) when the matrix is dense, so the
     *          caller must not modify it afterwards either
     */
    RowStructure(double[] x, int k, int[] situationStart, int[] chosenRow, int[] decisionMakerStart) {
        int rows = x.length / Math.max(k, 1);
        int nnz = 0;
        boolean halfFull = k > 0;
        for (int t = 0; t + 1 < situationStart.length; t++) {
            int situationNonZero = 0;
            for (int i = situationStart[t] * k; i < situationStart[t + 1] * k; i++) {
                if (x[i] != 0) {
                    situationNonZero++;
                }
            }
            nnz += situationNonZero;
            halfFull &= 2 * situationNonZero >= (situationStart[t + 1] - situationStart[t]) * k;
        }
        int people = decisionMakerStart.length - 1;
        levelStart = new int[people + 1];
        useLevels = new boolean[people];
        LevelTable table = new LevelTable(k, nnz);
        for (int n = 0; n < people; n++) {
            levelStart[n] = table.count;
            int firstRow = situationStart[decisionMakerStart[n]];
            int endRow = situationStart[decisionMakerStart[n + 1]];
            useLevels[n] = table.person(x, k, firstRow, endRow);
        }
        levelStart[people] = table.count;
        levelAttribute = Arrays.copyOf(table.attribute, table.count);
        levelValue = Arrays.copyOf(table.value, table.count);
        // the kernel reads levels only of decision-makers that use them: none, no table
        level = table.max > 0 ? table.level : new int[0];
        maxLevels = table.max;
        dense = halfFull && table.max == 0;
        nonZeroStart = new int[rows + 1];
        if (dense) {
            attribute = new int[rows * k];
            for (int i = 0; i < rows; i++) {
                nonZeroStart[i] = i * k;
                for (int c = 0; c < k; c++) {
                    attribute[i * k + c] = c;
                }
            }
            nonZeroStart[rows] = rows * k;
            value = x;
            return;
        }
        attribute = new int[nnz];
        value = new double[nnz];
        int at = 0;
        for (int i = 0; i < rows; i++) {
            nonZeroStart[i] = at;
            for (int c = 0; c < k; c++) {
                double v = x[i * k + c];
                if (v != 0) {
                    attribute[at] = c;
                    value[at] = v;
                    at++;
                }
            }
        }
        nonZeroStart[rows] = at;
    }

    /** True when the sparse rows hold every entry, zeros included, and {@link #value} is the attribute matrix. */
    boolean isDense() {
        return dense;
    }

    /**
     * The per-decision-maker levels while they are counted. The level of every non-zero entry (numbered as in the
     * sparse rows) is kept only from the first decision-maker that uses levels on, in an array allocated then.
     */
    private static final class LevelTable {
        private final List<Map<Long, Integer>> perAttribute = new ArrayList<>();
        private final int nnz;
        int[] attribute = new int[16];
        double[] value = new double[16];
        int count;
        int max;
        int[] level;
        /** Levels of the current decision-maker's non-zero entries, before it is known whether they are kept. */
        private int[] pending = new int[64];
        /** Sparse index of the next non-zero entry. */
        private int entry;

        LevelTable(int k, int nnz) {
            this.nnz = nnz;
            for (int a = 0; a < k; a++) {
                perAttribute.add(new HashMap<>());
            }
        }

        /** Counts the levels of the rows firstRow..endRow-1; true (and kept) when there are fewer than rows. */
        boolean person(double[] x, int k, int firstRow, int endRow) {
            for (Map<Long, Integer> m : perAttribute) {
                m.clear();
            }
            int start = count;
            int firstEntry = entry;
            int limit = start + endRow - firstRow;
            int seenEntries = 0;
            // levels pay only when there are fewer of them than rows: stop counting as soon as they cannot
            for (int i = firstRow * k; i < endRow * k; i++) {
                double v = x[i];
                if (v == 0) {
                    continue;
                }
                entry++;
                if (count >= limit) {
                    continue;
                }
                int a = i % k;
                Map<Long, Integer> seen = perAttribute.get(a);
                Long key = Double.doubleToLongBits(v);
                Integer l = seen.get(key);
                if (l == null) {
                    l = count - start;
                    seen.put(key, l);
                    if (count == attribute.length) {
                        attribute = Arrays.copyOf(attribute, 2 * count);
                        value = Arrays.copyOf(value, 2 * count);
                    }
                    attribute[count] = a;
                    value[count] = v;
                    count++;
                }
                if (seenEntries == pending.length) {
                    pending = Arrays.copyOf(pending, 2 * seenEntries);
                }
                pending[seenEntries++] = l;
            }
            if (count >= limit) {
                count = start;
                return false;
            }
            max = Math.max(max, count - start);
            if (level == null) {
                level = new int[nnz];
            }
            System.arraycopy(pending, 0, level, firstEntry, seenEntries);
            return true;
        }
    }
}
