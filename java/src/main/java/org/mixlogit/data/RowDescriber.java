package org.mixlogit.data;

/** Turns a 0-based input row position into the words an error message uses to point at it. */
@FunctionalInterface
public interface RowDescriber {
    /** Rows numbered from 1, as users count them. */
    RowDescriber ONE_BASED = inputRow -> "row " + (inputRow + 1);

    String describe(int inputRow);

    /** Rows of a file with one header line: "row 5 (line 6 of file.csv)". */
    static RowDescriber ofFile(String fileName) {
        return inputRow -> "row " + (inputRow + 1) + " (line " + (inputRow + 2) + " of " + fileName + ")";
    }
}
