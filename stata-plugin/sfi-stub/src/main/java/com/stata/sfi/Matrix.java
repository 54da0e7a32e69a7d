package com.stata.sfi;

/**
 * COMPILE-TIME STAND-IN for Stata's {@code com.stata.sfi.Matrix} (Stata 16/17). Never ship it.
 *
 * <p><b>Indexing: rows and columns are 0-based</b> (unlike {@link Data}): the official example
 * loops {@code for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++)
 * Matrix.getAt(matrix, cols, i, j)} and prints {@code [i+1, j+1]}; Rosetta Code's Stata Java
 * example notes "Unlike Stata and the C API, indices are 0-based in the Java API".
 *
 * <p>Confirmed from:
 * <ul>
 * <li>https://www.stata.com/java/api16/com/stata/sfi/Matrix.html (and api15): method summary
 *     "static int convertSymmetricToStd(String name)", "static int createMatrix(String name,
 *     int rows, int cols, double initialValue)", "static int createMatrix(String name, int rows,
 *     int cols, double initialValue, boolean isSymmetric)", "static double getAt(double[] matrix,
 *     int colCount, int row, int col)", "static double[] getMatrix(String name)", "static int
 *     getMatrixCol(String name)", "static String[] getMatrixColNames(String name)", "static int
 *     getMatrixRow(String name)", "static String[] getMatrixRowNames(String name)".</li>
 * <li>https://www.stata.com/java/api/com/stata/sfi/Matrix.html: createMatrix "Returns: Return code
 *     from Stata; 0 if successful."</li>
 * <li>https://www.stata.com/java/api13/com/stata/sfi/Matrix.html: getMatrix "If an error occurs null
 *     will be returned"; getMatrixRow/getMatrixCol "If an error occurs -1 will be returned".</li>
 * </ul>
 * <p><b>Deliberately absent</b> (return type not confirmed, so a stand-in could compile code that
 * fails with NoSuchMethodError inside Stata): {@code storeMatrixAt(String, int, int, double)},
 * {@code setMatrixRowNames(String, String[])}, {@code setMatrixColNames(String, String[])} — their
 * parameter lists are confirmed (api17 index-files/index-19.html; Rosetta Code) but not their return
 * type. {@code getMatrixAt} does not exist in the api16 method summary (getMatrix is followed
 * directly by getMatrixCol); read elements with {@link #getMatrix(String)} + {@link #getAt}.
 * Tests can seed/inspect matrices with {@link StataSimulator#putMatrix} / {@link StataSimulator#matrix}.
 */
public final class Matrix {

    private Matrix() {
    }

    /**
     * Creates (or replaces) Stata matrix {@code name} with {@code rows x cols} elements all equal
     * to {@code initialValue}; row/column names default to r1.. / c1... Returns 0 on success
     * (simulator: {@link SFIToolkit#RC_GENERAL_ERROR} for sizes below 1 in non-strict mode).
     */
    public static int createMatrix(String name, int rows, int cols, double initialValue) {
        return createMatrix(name, rows, cols, initialValue, false);
    }

    /** As {@link #createMatrix(String, int, int, double)}, optionally flagged symmetric. */
    public static int createMatrix(String name, int rows, int cols, double initialValue, boolean isSymmetric) {
        synchronized (StataSimulator.LOCK) {
            if (name == null || name.isEmpty() || rows < 1 || cols < 1) {
                if (StataSimulator.strict) {
                    throw new IllegalArgumentException(
                            "Matrix.createMatrix: invalid name or size " + name + " " + rows + "x" + cols);
                }
                return SFIToolkit.RC_GENERAL_ERROR;
            }
            StataSimulator.Mat m = StataSimulator.newMatrix(rows, cols, initialValue);
            m.symmetric = isSymmetric;
            StataSimulator.matrices.put(name, m);
            return 0;
        }
    }

    /** Converts a symmetric matrix to a standard one (no-op otherwise). Returns 0 on success. */
    public static int convertSymmetricToStd(String name) {
        synchronized (StataSimulator.LOCK) {
            StataSimulator.Mat m = StataSimulator.matrices.get(name);
            if (m == null) {
                return SFIToolkit.RC_GENERAL_ERROR;
            }
            m.symmetric = false;
            return 0;
        }
    }

    /**
     * All elements of matrix {@code name} as one array, or null on error (e.g. not found).
     * Layout (inferred from {@link #getAt}'s {@code colCount} parameter): row-major, element
     * (row, col) at {@code row * colCount + col}, 0-based.
     */
    public static double[] getMatrix(String name) {
        synchronized (StataSimulator.LOCK) {
            StataSimulator.Mat m = StataSimulator.matrices.get(name);
            return m == null ? null : m.data.clone();
        }
    }

    /**
     * Element (row, col), both <b>0-based</b>, of an array returned by {@link #getMatrix(String)}
     * for a matrix with {@code colCount} columns.
     */
    public static double getAt(double[] matrix, int colCount, int row, int col) {
        return matrix[row * colCount + col];
    }

    /** Number of rows of matrix {@code name}; -1 on error. */
    public static int getMatrixRow(String name) {
        synchronized (StataSimulator.LOCK) {
            StataSimulator.Mat m = StataSimulator.matrices.get(name);
            return m == null ? -1 : m.rows;
        }
    }

    /** Number of columns of matrix {@code name}; -1 on error. */
    public static int getMatrixCol(String name) {
        synchronized (StataSimulator.LOCK) {
            StataSimulator.Mat m = StataSimulator.matrices.get(name);
            return m == null ? -1 : m.cols;
        }
    }

    /** Row names of matrix {@code name} (element 0 = first row); simulator: null if not found. */
    public static String[] getMatrixRowNames(String name) {
        synchronized (StataSimulator.LOCK) {
            StataSimulator.Mat m = StataSimulator.matrices.get(name);
            return m == null ? null : m.rowNames.clone();
        }
    }

    /** Column names of matrix {@code name} (element 0 = first column); simulator: null if not found. */
    public static String[] getMatrixColNames(String name) {
        synchronized (StataSimulator.LOCK) {
            StataSimulator.Mat m = StataSimulator.matrices.get(name);
            return m == null ? null : m.colNames.clone();
        }
    }
}
