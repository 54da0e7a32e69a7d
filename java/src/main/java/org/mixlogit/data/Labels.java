package org.mixlogit.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A categorical column coded as small integers: the distinct labels, in numeric order when every label is a
 * number and in order of first appearance otherwise, and one code per entry. Immutable.
 */
final class Labels {
    final List<String> names;
    final int[] codes;

    private Labels(List<String> names, int[] codes) {
        this.names = names;
        this.codes = codes;
    }

    /** Codes for values taken in the given order ({@code order[i]} is the input position of entry i). */
    static Labels of(String[] values, int[] order) {
        Map<String, Integer> first = new LinkedHashMap<>();
        for (int position : order) {
            first.putIfAbsent(values[position], first.size());
        }
        List<String> names = new ArrayList<>(first.keySet());
        if (names.stream().allMatch(Labels::isNumber)) {
            names.sort(Comparator.comparingDouble(Double::parseDouble));
        }
        Map<String, Integer> code = new LinkedHashMap<>();
        for (String name : names) {
            code.put(name, code.size());
        }
        int[] codes = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            codes[i] = code.get(values[order[i]]);
        }
        return new Labels(Collections.unmodifiableList(names), codes);
    }

    /** Positional labels "1", "2", ... for each entry's index within its group of consecutive entries. */
    static Labels positions(int[] groupStart) {
        int max = 0;
        int entries = groupStart[groupStart.length - 1];
        int[] codes = new int[entries];
        for (int g = 0; g + 1 < groupStart.length; g++) {
            for (int i = groupStart[g]; i < groupStart[g + 1]; i++) {
                codes[i] = i - groupStart[g];
            }
            max = Math.max(max, groupStart[g + 1] - groupStart[g]);
        }
        List<String> names = new ArrayList<>();
        for (int j = 1; j <= max; j++) {
            names.add(Integer.toString(j));
        }
        return new Labels(Collections.unmodifiableList(names), codes);
    }

    /** One label for every entry. */
    static Labels single(String name, int entries) {
        return new Labels(Collections.singletonList(name), new int[entries]);
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
