package org.mixlogit.stata;

/** What the plugin needs from Stata, in its own words; {@link SfiSession} maps it onto com.stata.sfi. */
interface StataSession {
    /** A local macro of the calling ado-file ("" when undefined). */
    String local(String name);

    void setLocal(String name, String value);

    /** Index of a variable for {@link #value}, or a negative number when it does not exist. */
    int variable(String name);

    /** Number of observations in the dataset. */
    long observations();

    /** Whether observation {@code obs} (1-based) satisfies the if/in restriction javacall was given. */
    boolean selected(long obs);

    /** The value of a variable in observation {@code obs} (1-based). */
    double value(int variable, long obs);

    /** Whether a variable holds strings (str# or strL). */
    boolean isString(int variable);

    /** Whether a numeric variable is stored as float (whole numbers above 2^24 cannot all be told apart). */
    boolean isFloat(int variable);

    /** The value of a string variable in observation {@code obs} (1-based). */
    String text(int variable, long obs);

    /** Stores a value (NaN and infinities become Stata's missing value); false when Stata refused it. */
    boolean store(int variable, long obs, double value);

    /**
     * All elements of a Stata matrix, row-major, a symmetric one first converted to standard storage; null when
     * there is no such matrix.
     */
    double[] matrix(String name);

    /** Number of columns of a Stata matrix, negative when there is no such matrix. */
    int matrixColumns(String name);

    /**
     * Creates (or replaces) Stata matrix {@code name}, {@code rows x cols}, with the values (row-major; NaN and
     * infinities become Stata's missing value) and simple row and column names (equations are the ado-file's
     * job). A refusal by Stata is a {@link org.mixlogit.MixlogitException} naming the matrix and the return code.
     */
    void storeMatrix(String name, int rows, int cols, double[] values, String[] rowNames, String[] colNames);

    /** Whether a value is one of Stata's missing values. */
    boolean isMissing(double value);

    void display(String line);

    void error(String line);

    /** Lets Stata process events; true when the user pressed Break. */
    boolean breakPressed();
}
