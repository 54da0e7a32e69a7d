package org.mixlogit.simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameter-independent structure of the attribute matrix that the kernel exploits, computed once per model.
 * <ul>
 * <li>Sparse rows: for grouped row i, its non-zero attributes are {@code attribute[nonZeroStart[i] ..
 * nonZeroStart[i+1]-1]} with values {@code value[...]}.</li>
 * <li>Attribute levels: within decision-maker n, the distinct non-zero (attribute, value) pairs are its levels
 * {@code levelStart[n] .. levelStart[n+1]-1} ({@code levelAttribute}, {@code levelValue}); each non-zero entry
 * knows its level ({@code level}, local to the decision-maker). When a decision-maker has fewer levels than rows
 * (discrete attribute levels, as in stated-preference designs), exp(x'beta) is the product of the per-level
 * factors exp(value * beta_k): one exponential per level and draw instead of one per row and draw.</li>
 * </ul>
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

    RowStructure(double[] x, int k, int[] situationStart, int[] chosenRow, int[] decisionMakerStart) {
        int rows = x.length / Math.max(k, 1);
        int nnz = 0;
        for (double v : x) {
            if (v != 0) {
                nnz++;
            }
        }
        nonZeroStart = new int[rows + 1];
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
        int people = decisionMakerStart.length - 1;
        levelStart = new int[people + 1];
        useLevels = new boolean[people];
        int[] levelOf = new int[nnz];
        int[] attrBuffer = new int[Math.min(nnz, 1024)];
        double[] valueBuffer = new double[attrBuffer.length];
        int levels = 0;
        int max = 0;
        List<Map<Long, Integer>> perAttribute = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            perAttribute.add(new HashMap<>());
        }
        for (int n = 0; n < people; n++) {
            levelStart[n] = levels;
            for (Map<Long, Integer> m : perAttribute) {
                m.clear();
            }
            int firstRow = situationStart[decisionMakerStart[n]];
            int endRow = situationStart[decisionMakerStart[n + 1]];
            int limit = levels + endRow - firstRow;
            // levels pay only when there are fewer of them than rows: stop counting as soon as they cannot
            for (int e = nonZeroStart[firstRow]; e < nonZeroStart[endRow] && levels < limit; e++) {
                Map<Long, Integer> seen = perAttribute.get(attribute[e]);
                Long key = Double.doubleToLongBits(value[e]);
                Integer l = seen.get(key);
                if (l == null) {
                    l = levels - levelStart[n];
                    seen.put(key, l);
                    if (levels == attrBuffer.length) {
                        attrBuffer = java.util.Arrays.copyOf(attrBuffer, 2 * levels);
                        valueBuffer = java.util.Arrays.copyOf(valueBuffer, 2 * levels);
                    }
                    attrBuffer[levels] = attribute[e];
                    valueBuffer[levels] = value[e];
                    levels++;
                }
                levelOf[e] = l;
            }
            useLevels[n] = levels < limit;
            if (useLevels[n]) {
                max = Math.max(max, levels - levelStart[n]);
            } else {
                levels = levelStart[n];
            }
        }
        levelStart[people] = levels;
        levelAttribute = java.util.Arrays.copyOf(attrBuffer, levels);
        levelValue = java.util.Arrays.copyOf(valueBuffer, levels);
        // the kernel reads levels only of decision-makers that use them: none, no table
        level = max > 0 ? levelOf : new int[0];
        maxLevels = max;
    }
}
