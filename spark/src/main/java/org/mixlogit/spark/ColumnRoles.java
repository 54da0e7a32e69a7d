package org.mixlogit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mixlogit.InvalidDataException;
import org.mixlogit.io.CsvLayout;

/**
 * The columns a DataFrame must have and their roles, as the command line's options name them ({@code --group},
 * {@code --choice}, {@code --id}, attributes, ...), in the layout's order, with the name of the source for
 * messages. Serializable, so that every partition reads its rows the same way. Immutable.
 */
final class ColumnRoles implements Serializable {
    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, CsvLayout.Role> roles;
    private final String source;

    ColumnRoles(CsvLayout layout, String source) {
        this.roles = new LinkedHashMap<>(layout.roles());
        this.source = source;
    }

    /** Column names in layout order. */
    List<String> names() {
        return new ArrayList<>(roles.keySet());
    }

    CsvLayout.Role role(String column) {
        return roles.get(column);
    }

    Map<String, CsvLayout.Role> roles() {
        return roles;
    }

    String source() {
        return source;
    }

    /** "row k of SOURCE" for a 0-based input row, counting rows in the source's order from 1. */
    String describe(long inputRow) {
        return "row " + (inputRow + 1) + " of " + source;
    }

    /**
     * Every column of the layout must be among the DataFrame's columns, once; otherwise the command line's message
     * for a CSV header, naming the column, its role and the columns there are.
     */
    void check(String[] columns) {
        List<String> names = Arrays.asList(columns);
        for (Map.Entry<String, CsvLayout.Role> e : roles.entrySet()) {
            String name = e.getKey();
            int position = names.indexOf(name);
            if (position < 0) {
                throw new InvalidDataException("Column '" + name + "' (" + e.getValue() + ") is not a column of "
                        + source + ". Columns in the data: " + names + "." + spellingHint(name, names));
            }
            int again = names.subList(position + 1, names.size()).indexOf(name);
            if (again >= 0) {
                throw new InvalidDataException("Column '" + name + "' appears more than once in " + source
                        + " (columns " + (position + 1) + " and " + (position + 2 + again) + "): rename one so that"
                        + " the layout is unambiguous.");
            }
        }
    }

    private static String spellingHint(String name, List<String> names) {
        for (String n : names) {
            if (n.equalsIgnoreCase(name)) {
                return " Names are case-sensitive: did you mean '" + n + "'?";
            }
        }
        return " Check the spelling.";
    }
}
