package org.mixlogit.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mixlogit.InvalidDataException;

/**
 * A categorical column coded as small integers: the distinct labels in their canonical order, and one code per
 * entry. The order depends only on the set of labels, never on the order of the rows: numeric order when every
 * label is a number (labels naming the same number, such as "1" and "1.0", in text order), otherwise text order by
 * {@link String#compareTo} (UTF-16 code units, as R's {@code sort(method = "radix")} for ASCII labels).
 * Immutable.
 */
final class Labels {
    /** Numeric order, ties between spellings of one number in text order. */
    private static final Comparator<String> NUMERIC =
            Comparator.<String>comparingDouble(Double::parseDouble).thenComparing(Comparator.naturalOrder());

    final List<String> names;
    final int[] codes;

    private Labels(List<String> names, int[] codes) {
        this.names = names;
        this.codes = codes;
    }

    /** The distinct labels sorted into canonical order (numeric when all are numbers, else text), unmodifiable. */
    static List<String> canonical(List<String> distinct) {
        List<String> names = new ArrayList<>(distinct);
        names.sort(names.stream().allMatch(Labels::isNumber) ? NUMERIC : Comparator.naturalOrder());
        return Collections.unmodifiableList(names);
    }

    /** Names only (a driver's summary of data whose rows live elsewhere): no codes. */
    static Labels tableOnly(List<String> names) {
        return new Labels(Collections.unmodifiableList(new ArrayList<>(names)), null);
    }

    /** Codes for values taken in the given order ({@code order[i]} is the input position of entry i). */
    static Labels of(String[] values, int[] order) {
        Set<String> distinct = new LinkedHashSet<>();
        for (int position : order) {
            distinct.add(values[position]);
        }
        List<String> names = canonical(new ArrayList<>(distinct));
        Map<String, Integer> code = new HashMap<>();
        for (String name : names) {
            code.put(name, code.size());
        }
        int[] codes = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            codes[i] = code.get(values[order[i]]);
        }
        return new Labels(Collections.unmodifiableList(names), codes);
    }

    /**
     * Codes for values taken in the given order against a table of labels fixed elsewhere (the whole data's, when
     * these values are one shard of it), so that every shard codes a label the same way; a value that is not in
     * the table is an error naming its row.
     *
     * @param what what the labels are, for the message ("alternative", "market")
     */
    static Labels ofTable(List<String> table, String[] values, int[] order, String what,
            RowDescriber describer) {
        Map<String, Integer> code = new HashMap<>();
        for (String name : table) {
            if (code.put(name, code.size()) != null) {
                throw new InvalidDataException("The " + what + " label table lists '" + name
                        + "' twice: give each label once.");
            }
        }
        int[] codes = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            Integer c = code.get(values[order[i]]);
            if (c == null) {
                throw new InvalidDataException("The " + what + " '" + values[order[i]] + "' in "
                        + describer.describe(order[i]) + " is not in the " + what + " label table " + table
                        + ": the table must list every label of the whole data.");
            }
            codes[i] = c;
        }
        return new Labels(Collections.unmodifiableList(new ArrayList<>(table)), codes);
    }

    /** Codes for the values in their own order. */
    static Labels of(String[] values) {
        int[] identity = new int[values.length];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = i;
        }
        return of(values, identity);
    }

    /** The same labels with entries rearranged: entry i of the result is entry {@code order[i]} of this. */
    Labels reorder(int[] order) {
        int[] out = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = codes[order[i]];
        }
        return new Labels(names, out);
    }

    /** The same labels (all of them, even those no longer used) for entries from..to-1, codes copied. */
    Labels range(int from, int to) {
        return new Labels(names, Arrays.copyOfRange(codes, from, to));
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
