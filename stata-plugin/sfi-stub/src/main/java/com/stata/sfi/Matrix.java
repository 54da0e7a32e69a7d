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
 * <li>Stata 16's own sfi-api.jar (vendored Stata 16 installation, read with javap; see
 *     /work/shared/reviews/stata-review.md item 9): {@code public static synchronized native int
 *     storeMatrixAt(String, int, int, double)} (0-based), {@code int createMatrix(String, int, int, double)},
 *     {@code int setMatrixRowNames(String, String[])}, {@code int setMatrixColNames(String, String[])}.</li>
 * </ul>
 * <p>Names: the simulator accepts only simple Stata names (a letter or underscore, then letters, digits or
 * underscores, at most 32 characters) in setMatrixRowNames/setMatrixColNames. Whether real Stata reads
 * {@code "eq:name"} there as an equation and a name is not documented, so the plugin sets simple names through the
 * API and equations with {@code matrix roweq/coleq} in the ado-file; the strict simulator refuses anything else so
 * that a test catches code that relies on it. {@code getMatrixAt} does not exist in the api16 method summary
 * (getMatrix is followed directly by getMatrixCol); read elements with {@link #getMatrix(String)} + {@link #getAt}.
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

    /**
     * Stores {@code value} at (row, col), both <b>0-based</b>, of matrix {@code name}. Returns 0 on success
     * (simulator: {@link SFIToolkit#RC_GENERAL_ERROR} for an unknown matrix or an index out of range in
     * non-strict mode; strict mode throws).
     */
    public static int storeMatrixAt(String name, int row, int col, double value) {
        synchronized (StataSimulator.LOCK) {
            StataSimulator.Mat m = StataSimulator.matrices.get(name);
            if (m == null || row < 0 || col < 0 || row >= m.rows || col >= m.cols) {
                if (StataSimulator.strict) {
                    throw new IndexOutOfBoundsException("Matrix.storeMatrixAt: " + name + "[" + row + ", " + col
                            + "] (0-based) of " + (m == null ? "no matrix" : m.rows + " x " + m.cols));
                }
                return SFIToolkit.RC_GENERAL_ERROR;
            }
            m.data[row * m.cols + col] = value;
            return 0;
        }
    }

    /** Sets the row names of matrix {@code name} (one simple name per row). Returns 0 on success. */
    public static int setMatrixRowNames(String name, String[] rowNames) {
        synchronized (StataSimulator.LOCK) {
            StataSimulator.Mat m = StataSimulator.matrices.get(name);
            if (!StataSimulator.validNames("Matrix.setMatrixRowNames", m, rowNames, m == null ? 0 : m.rows)) {
                return SFIToolkit.RC_GENERAL_ERROR;
            }
            m.rowNames = rowNames.clone();
            return 0;
        }
    }

    /** Sets the column names of matrix {@code name} (one simple name per column). Returns 0 on success. */
    public static int setMatrixColNames(String name, String[] colNames) {
        synchronized (StataSimulator.LOCK) {
            StataSimulator.Mat m = StataSimulator.matrices.get(name);
            if (!StataSimulator.validNames("Matrix.setMatrixColNames", m, colNames, m == null ? 0 : m.cols)) {
                return SFIToolkit.RC_GENERAL_ERROR;
            }
            m.colNames = colNames.clone();
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
