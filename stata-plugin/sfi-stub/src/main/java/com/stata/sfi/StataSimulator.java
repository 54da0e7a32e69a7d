package com.stata.sfi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.function.ToIntFunction;

/**
 * Test-support class: an in-memory "Stata" behind the stand-in {@code com.stata.sfi} classes.
 *
 * <p><b>This class does not exist in Stata's sfi-api.jar.</b> It is the only place where
 * simulator-only methods live; the stand-in classes {@link Data}, {@link Missing}, {@link Matrix},
 * {@link Scalar}, {@link Macro} and {@link SFIToolkit} expose only the published signatures and
 * read/write the package-private static state kept here. Plugin code must never call this class
 * (it would fail with {@code NoClassDefFoundError} inside real Stata); only tests do.
 *
 * <p>Indexing mirrors the real API: variables and observations are <b>1-based</b>
 * (javadoc of {@code com.stata.sfi.Data}: "All variable and observation numbering begins at 1
 * unless otherwise stated"); matrix rows/columns are <b>0-based</b>. The helpers below that take an
 * observation number are 1-based too; helpers that take or return Java arrays are 0-based arrays.
 *
 * <p>Typical use (JUnit):
 * <pre>{@code
 * @BeforeEach void setUp() { StataSimulator.reset(); }
 *
 * @Test void fits() {
 *     StataSimulator.addNumericVariable("y", 1, 0, 1, 0);
 *     StataSimulator.addNumericVariable("x", 0.5, StataSimulator.missing(), 2, 3);
 *     StataSimulator.setVarlist("y", "x");          // javacall MyClass run y x
 *     StataSimulator.setIfCondition(true, true, false, true);   // ... if <exp>
 *     StataSimulator.setInRange(1, 4);              // ... in 1/4
 *     StataSimulator.putLocal("options", "tol(1e-8)");
 *     int rc = MyPlugin.run(new String[] {"arg1"});
 *     assertEquals(0, rc);
 *     assertEquals(0.25, StataSimulator.scalar("r(ll)"), 1e-12);
 *     double[][] b = StataSimulator.matrix("b");
 *     assertTrue(StataSimulator.output().contains("Iteration 0"));
 *     assertEquals("", StataSimulator.errorOutput());
 * }
 * }</pre>
 *
 * <p>Behaviour the real API documents (return codes, nulls) is reproduced; behaviour it does not
 * document is a simulator choice, listed in docs/stata-sfi-api-notes.md. By default the simulator is
 * <em>strict</em>: out-of-range variable/observation/parsed-variable indices, and type mismatches
 * (reading a number from a string variable, ...), throw {@link IndexOutOfBoundsException} or
 * {@link IllegalStateException} so that 0-/1-based mistakes surface in tests. Real Stata's exact
 * behaviour in those cases was not confirmed. {@link #setStrict(boolean) setStrict(false)} instead
 * returns Stata missing / {@code null} / {@link SFIToolkit#RC_GENERAL_ERROR}.
 *
 * <p>All state is static (as Stata's API is), so tests using the simulator must not run in
 * parallel with each other; methods are synchronized so plugin code may still use worker threads.
 */
public final class StataSimulator {

    private StataSimulator() {
    }

    /** Guards all simulator state. */
    static final Object LOCK = new Object();

    // ------------------------------------------------------------------ dataset state

    /** One Stata variable. Numeric variables use {@code num}, string variables use {@code str}. */
    static final class Var {
        String name;
        int type;
        int strWidth;
        double[] num;
        String[] str;

        boolean isString() {
            return type == Data.TYPE_STR || type == Data.TYPE_STRL;
        }
    }

    static final List<Var> vars = new ArrayList<>();
    static int nObs;
    /** Parsed varlist of the simulated javacall, as 1-based dataset variable indices. */
    static int[] parsedVarlist = new int[0];
    /** Simulated {@code in} range; 0 when no {@code in} qualifier was given. */
    static long inFirst;
    static long inLast;
    /** Simulated {@code if} qualifier, one entry per observation (0-based array); null = no if. */
    static boolean[] ifMask;
    static boolean strict = true;

    // ------------------------------------------------------------------ matrices, scalars, macros

    static final class Mat {
        int rows;
        int cols;
        double[] data; // row-major, as returned by Matrix.getMatrix
        String[] rowNames;
        String[] colNames;
        boolean symmetric;
    }

    static final Map<String, Mat> matrices = new LinkedHashMap<>();
    static final Map<String, Double> scalars = new LinkedHashMap<>();
    static final Map<String, String> locals = new LinkedHashMap<>();
    static final Map<String, String> globals = new LinkedHashMap<>();

    // ------------------------------------------------------------------ toolkit state

    static final StringBuilder out = new StringBuilder();
    static final StringBuilder err = new StringBuilder();
    static final List<String> commands = new ArrayList<>();
    static ToIntFunction<String> commandHandler;
    static int tempNameCounter;
    static int pollnowResult;
    static boolean echoToStdout;

    // ================================================================== lifecycle

    /** Clears everything: data, varlist, if/in, matrices, scalars, macros, output, settings. */
    public static void reset() {
        synchronized (LOCK) {
            vars.clear();
            nObs = 0;
            parsedVarlist = new int[0];
            inFirst = 0;
            inLast = 0;
            ifMask = null;
            strict = true;
            matrices.clear();
            scalars.clear();
            locals.clear();
            globals.clear();
            out.setLength(0);
            err.setLength(0);
            commands.clear();
            commandHandler = null;
            tempNameCounter = 0;
            pollnowResult = 0;
            echoToStdout = false;
        }
    }

    /**
     * Strict mode (default {@code true}): invalid indices and type mismatches throw. Non-strict:
     * readers return Stata missing / {@code null}, writers return {@link SFIToolkit#RC_GENERAL_ERROR}.
     */
    public static void setStrict(boolean value) {
        synchronized (LOCK) {
            strict = value;
        }
    }

    public static boolean isStrict() {
        synchronized (LOCK) {
            return strict;
        }
    }

    /** Copy {@code display}/{@code error} output to {@code System.out}/{@code System.err} as well. */
    public static void setEchoToStdout(boolean value) {
        synchronized (LOCK) {
            echoToStdout = value;
        }
    }

    // ================================================================== dataset setup

    /** Stata's system missing value {@code .} (= 2^1023). Same as {@link Missing#getValue()}. */
    public static double missing() {
        return Missing.getValue();
    }

    /** Extended missing value {@code .a} ... {@code .z}, e.g. {@code missing('a')}. */
    public static double missing(char letter) {
        if (letter < 'a' || letter > 'z') {
            throw new IllegalArgumentException("extended missing letter must be a..z: " + letter);
        }
        return Missing.getValue(Missing.Extended.values()[letter - 'a']);
    }

    /**
     * Sets the number of observations (like {@code set obs}); existing values are kept, new
     * observations are missing ({@code .} or {@code ""}). Clears any if/in qualifier.
     */
    public static void setObsCount(long n) {
        synchronized (LOCK) {
            resizeObs(n);
            ifMask = null;
            inFirst = 0;
            inLast = 0;
        }
    }

    /**
     * Adds a {@code double} variable; see {@link #addTypedNumericVariable(String, int, double...)}.
     * {@code values[0]} is observation 1. Returns the new variable's 1-based index.
     */
    public static int addNumericVariable(String name, double... values) {
        return addTypedNumericVariable(name, Data.TYPE_DOUBLE, values);
    }

    /**
     * Adds a numeric variable of storage type {@code type} ({@link Data#TYPE_DOUBLE},
     * {@link Data#TYPE_FLOAT}, {@link Data#TYPE_LONG}, {@link Data#TYPE_INT}, {@link Data#TYPE_BYTE}).
     * If the dataset has no observations yet, it gets {@code values.length} observations; otherwise
     * {@code values.length} must equal the number of observations (or be 0: all missing).
     * {@code values[0]} is observation 1. Returns the new variable's 1-based index.
     */
    public static int addTypedNumericVariable(String name, int type, double... values) {
        synchronized (LOCK) {
            if (type == Data.TYPE_STR || type == Data.TYPE_STRL) {
                throw new IllegalArgumentException("use addStringVariable for string variables");
            }
            Var v = newVar(name, type, values.length);
            for (int i = 0; i < values.length; i++) {
                v.num[i] = toStorage(type, values[i]);
            }
            vars.add(v);
            return vars.size();
        }
    }

    /** Adds a {@code str#} variable; same observation rules as {@link #addTypedNumericVariable}. */
    public static int addStringVariable(String name, String... values) {
        synchronized (LOCK) {
            Var v = newVar(name, Data.TYPE_STR, values.length);
            int width = 1;
            for (int i = 0; i < values.length; i++) {
                v.str[i] = values[i] == null ? "" : values[i];
                width = Math.max(width, v.str[i].length());
            }
            v.strWidth = width;
            vars.add(v);
            return vars.size();
        }
    }

    /**
     * Simulates the varlist typed after {@code javacall class method}: after this,
     * {@link Data#getParsedVarCount()} is {@code names.length} and
     * {@link Data#mapParsedVarIndex(int) mapParsedVarIndex(k)} returns the dataset index of
     * {@code names[k-1]}.
     */
    public static void setVarlist(String... names) {
        synchronized (LOCK) {
            int[] idx = new int[names.length];
            for (int i = 0; i < names.length; i++) {
                int j = indexOf(names[i]);
                if (j < 1) {
                    throw new IllegalArgumentException("variable " + names[i] + " not found");
                }
                idx[i] = j;
            }
            parsedVarlist = idx;
        }
    }

    /**
     * Simulates {@code in first/last} (1-based, inclusive): reported by
     * {@link Data#getObsParsedIn1()} / {@link Data#getObsParsedIn2()}.
     */
    public static void setInRange(long first, long last) {
        synchronized (LOCK) {
            if (first < 1 || last > nObs || first > last) {
                throw new IllegalArgumentException(
                        "in range " + first + "/" + last + " invalid for " + nObs + " observations");
            }
            inFirst = first;
            inLast = last;
        }
    }

    /**
     * Simulates {@code if exp}: {@code mask[i]} is the result for observation {@code i+1}; its
     * length must equal the number of observations. Read back by {@link Data#isParsedIfTrue(long)}.
     */
    public static void setIfCondition(boolean... mask) {
        synchronized (LOCK) {
            if (mask.length != nObs) {
                throw new IllegalArgumentException(
                        "if mask has " + mask.length + " entries; dataset has " + nObs + " observations");
            }
            ifMask = mask.clone();
        }
    }

    /** Simulates {@code if exp} from a predicate on the 1-based observation number. */
    public static void setIfCondition(LongPredicate isTrue) {
        synchronized (LOCK) {
            boolean[] mask = new boolean[nObs];
            for (int i = 0; i < nObs; i++) {
                mask[i] = isTrue.test(i + 1L);
            }
            ifMask = mask;
        }
    }

    /** Removes the simulated varlist, if and in qualifiers. */
    public static void clearQualifiers() {
        synchronized (LOCK) {
            parsedVarlist = new int[0];
            ifMask = null;
            inFirst = 0;
            inLast = 0;
        }
    }

    // ================================================================== dataset inspection

    /** Variable names in dataset order (element 0 is variable 1). */
    public static List<String> variableNames() {
        synchronized (LOCK) {
            List<String> names = new ArrayList<>();
            for (Var v : vars) {
                names.add(v.name);
            }
            return names;
        }
    }

    /** Copy of a numeric variable's values; element 0 is observation 1. */
    public static double[] numericValues(String name) {
        synchronized (LOCK) {
            Var v = requireVar(name);
            if (v.isString()) {
                throw new IllegalStateException("variable " + name + " is a string variable");
            }
            return v.num.clone();
        }
    }

    /** One value of a numeric variable; {@code obs} is 1-based. */
    public static double numericValue(String name, long obs) {
        synchronized (LOCK) {
            return numericValues(name)[checkObsForHelper(obs)];
        }
    }

    /** Copy of a string variable's values; element 0 is observation 1. */
    public static String[] stringValues(String name) {
        synchronized (LOCK) {
            Var v = requireVar(name);
            if (!v.isString()) {
                throw new IllegalStateException("variable " + name + " is numeric");
            }
            return v.str.clone();
        }
    }

    /** Storage type ({@code Data.TYPE_*}) of a variable. */
    public static int variableType(String name) {
        synchronized (LOCK) {
            return requireVar(name).type;
        }
    }

    // ================================================================== matrices

    /**
     * Defines (or replaces) a Stata matrix, e.g. to feed {@code e(b)} to the plugin.
     * {@code values[r][c]} is row r+1, column c+1 in Stata terms. Null names give Stata's
     * defaults {@code r1 r2 ...} / {@code c1 c2 ...}.
     */
    public static void putMatrix(String name, double[][] values, String[] rowNames, String[] colNames) {
        synchronized (LOCK) {
            int rows = values.length;
            int cols = rows == 0 ? 0 : values[0].length;
            if (rows == 0 || cols == 0) {
                throw new IllegalArgumentException("matrix must be at least 1 x 1");
            }
            Mat m = newMatrix(rows, cols, 0.0);
            for (int r = 0; r < rows; r++) {
                if (values[r].length != cols) {
                    throw new IllegalArgumentException("ragged matrix rows");
                }
                System.arraycopy(values[r], 0, m.data, r * cols, cols);
            }
            if (rowNames != null) {
                if (rowNames.length != rows) {
                    throw new IllegalArgumentException("need " + rows + " row names");
                }
                m.rowNames = rowNames.clone();
            }
            if (colNames != null) {
                if (colNames.length != cols) {
                    throw new IllegalArgumentException("need " + cols + " column names");
                }
                m.colNames = colNames.clone();
            }
            matrices.put(name, m);
        }
    }

    public static boolean hasMatrix(String name) {
        synchronized (LOCK) {
            return matrices.containsKey(name);
        }
    }

    /** Matrix contents as {@code [row][col]} (0-based), or null if the matrix does not exist. */
    public static double[][] matrix(String name) {
        synchronized (LOCK) {
            Mat m = matrices.get(name);
            if (m == null) {
                return null;
            }
            double[][] res = new double[m.rows][m.cols];
            for (int r = 0; r < m.rows; r++) {
                System.arraycopy(m.data, r * m.cols, res[r], 0, m.cols);
            }
            return res;
        }
    }

    public static String[] matrixRowNames(String name) {
        synchronized (LOCK) {
            Mat m = matrices.get(name);
            return m == null ? null : m.rowNames.clone();
        }
    }

    public static String[] matrixColNames(String name) {
        synchronized (LOCK) {
            Mat m = matrices.get(name);
            return m == null ? null : m.colNames.clone();
        }
    }

    /** Names of all defined matrices, in creation order. */
    public static List<String> matrixNames() {
        synchronized (LOCK) {
            return new ArrayList<>(matrices.keySet());
        }
    }

    // ================================================================== scalars and macros

    /**
     * Numeric scalar by its full Stata name ({@code "myscalar"}, {@code "r(N)"}, {@code "e(ll)"});
     * null if undefined. {@code Scalar.setValue("N", v)} is stored under {@code "N"};
     * {@code Scalar.getValue("N", Scalar.TYPE_ERETURN)} reads {@code "e(N)"}.
     */
    public static Double scalar(String name) {
        synchronized (LOCK) {
            return scalars.get(name);
        }
    }

    public static void putScalar(String name, double value) {
        synchronized (LOCK) {
            scalars.put(name, value);
        }
    }

    /** All numeric scalars (unmodifiable snapshot). */
    public static Map<String, Double> scalars() {
        synchronized (LOCK) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(scalars));
        }
    }

    /** Local macro (the caller's locals, as seen by javacall); null if undefined. */
    public static String local(String name) {
        synchronized (LOCK) {
            return locals.get(name);
        }
    }

    public static void putLocal(String name, String value) {
        synchronized (LOCK) {
            locals.put(name, value);
        }
    }

    /** Global macro by full name ({@code "S_x"}, {@code "e(cmd)"}, {@code "r(names)"}); null if undefined. */
    public static String global(String name) {
        synchronized (LOCK) {
            return globals.get(name);
        }
    }

    public static void putGlobal(String name, String value) {
        synchronized (LOCK) {
            globals.put(name, value);
        }
    }

    /** All local macros (unmodifiable snapshot). */
    public static Map<String, String> locals() {
        synchronized (LOCK) {
            return Collections.unmodifiableMap(new HashMap<>(locals));
        }
    }

    // ================================================================== toolkit

    /** Everything written by {@code SFIToolkit.display*} (and echoed commands). */
    public static String output() {
        synchronized (LOCK) {
            return out.toString();
        }
    }

    /** Everything written by {@code SFIToolkit.error*} / {@code errorMsg}. */
    public static String errorOutput() {
        synchronized (LOCK) {
            return err.toString();
        }
    }

    public static void clearOutput() {
        synchronized (LOCK) {
            out.setLength(0);
            err.setLength(0);
        }
    }

    /** Commands passed to {@code SFIToolkit.executeCommand}, in order. */
    public static List<String> executedCommands() {
        synchronized (LOCK) {
            return new ArrayList<>(commands);
        }
    }

    /**
     * Decides the return code of {@code SFIToolkit.executeCommand}; default (null) returns 0 for
     * every command. The handler may itself call {@code StataSimulator.put*} to emulate effects.
     */
    public static void setCommandHandler(ToIntFunction<String> handler) {
        synchronized (LOCK) {
            commandHandler = handler;
        }
    }

    /** Value returned by {@code SFIToolkit.pollnow()}; non-zero simulates a pressed Break key. */
    public static void setPollnowResult(int rc) {
        synchronized (LOCK) {
            pollnowResult = rc;
        }
    }

    // ================================================================== package-private helpers

    static int indexOf(String name) {
        for (int i = 0; i < vars.size(); i++) {
            if (vars.get(i).name.equals(name)) {
                return i + 1;
            }
        }
        return -1;
    }

    static Var requireVar(String name) {
        int j = indexOf(name);
        if (j < 1) {
            throw new IllegalArgumentException("variable " + name + " not found");
        }
        return vars.get(j - 1);
    }

    private static Var newVar(String name, int type, int length) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("variable name required");
        }
        if (indexOf(name) > 0) {
            throw new IllegalArgumentException("variable " + name + " already defined");
        }
        if (nObs == 0 && vars.isEmpty()) {
            nObs = length;
        } else if (length != 0 && length != nObs) {
            throw new IllegalArgumentException(
                    name + ": " + length + " values but dataset has " + nObs + " observations");
        }
        return blankVar(name, type, 1);
    }

    /** A new variable sized to the current observation count, filled with missing / "". */
    static Var blankVar(String name, int type, int strWidth) {
        Var v = new Var();
        v.name = name;
        v.type = type;
        if (v.isString()) {
            v.strWidth = strWidth;
            v.str = new String[nObs];
            java.util.Arrays.fill(v.str, "");
        } else {
            v.num = new double[nObs];
            java.util.Arrays.fill(v.num, Missing.getValue());
        }
        return v;
    }

    static void resizeObs(long n) {
        if (n < 0 || n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("observation count out of simulator range: " + n);
        }
        int newN = (int) n;
        for (Var v : vars) {
            if (v.isString()) {
                String[] s = java.util.Arrays.copyOf(v.str, newN);
                for (int i = nObs; i < newN; i++) {
                    s[i] = "";
                }
                v.str = s;
            } else {
                double[] d = java.util.Arrays.copyOf(v.num, newN);
                for (int i = nObs; i < newN; i++) {
                    d[i] = Missing.getValue();
                }
                v.num = d;
            }
        }
        nObs = newN;
    }

    /** Storage conversion: float variables hold float precision; missing values pass unchanged. */
    static double toStorage(int type, double value) {
        if (type == Data.TYPE_FLOAT && !Missing.isMissing(value) && Math.abs(value) <= Float.MAX_VALUE) {
            return (float) value;
        }
        return value;
    }

    /** Whether names fit a matrix of {@code count} rows/columns and are simple Stata names (strict: throws). */
    static boolean validNames(String method, Mat m, String[] names, int count) {
        String problem = null;
        if (m == null) {
            problem = "no such matrix";
        } else if (names == null || names.length != count) {
            problem = "needs " + count + " names, got " + (names == null ? "null" : names.length);
        } else {
            for (String n : names) {
                if (n == null || !n.matches("[A-Za-z_][A-Za-z0-9_]{0,31}")) {
                    problem = "'" + n + "' is not a simple Stata name";
                    break;
                }
            }
        }
        if (problem != null && strict) {
            throw new IllegalArgumentException(method + ": " + problem);
        }
        return problem == null;
    }

    static Mat newMatrix(int rows, int cols, double init) {
        Mat m = new Mat();
        m.rows = rows;
        m.cols = cols;
        m.data = new double[rows * cols];
        java.util.Arrays.fill(m.data, init);
        m.rowNames = new String[rows];
        m.colNames = new String[cols];
        for (int r = 0; r < rows; r++) {
            m.rowNames[r] = "r" + (r + 1);
        }
        for (int c = 0; c < cols; c++) {
            m.colNames[c] = "c" + (c + 1);
        }
        return m;
    }

    /**
     * Validates a 1-based variable index; returns the Var, or null (non-strict) when invalid.
     */
    static Var var(String method, int var) {
        if (var < 1 || var > vars.size()) {
            if (strict) {
                throw new IndexOutOfBoundsException(method + ": variable index " + var
                        + " outside 1.." + vars.size() + " (sfi Data variable indices are 1-based)");
            }
            return null;
        }
        return vars.get(var - 1);
    }

    /** Validates a 1-based observation number; returns the 0-based array index or -1 (non-strict). */
    static int obs(String method, long obs) {
        if (obs < 1 || obs > nObs) {
            if (strict) {
                throw new IndexOutOfBoundsException(method + ": observation " + obs
                        + " outside 1.." + nObs + " (sfi Data observation numbers are 1-based)");
            }
            return -1;
        }
        return (int) (obs - 1);
    }

    /** Type mismatch: throws in strict mode, otherwise tells the caller to return its error value. */
    static boolean typeMismatch(String method, Var v, boolean wantString) {
        if (v.isString() == wantString) {
            return false;
        }
        if (strict) {
            throw new IllegalStateException(method + ": variable " + v.name + " is "
                    + (v.isString() ? "a string" : "numeric") + " variable");
        }
        return true;
    }

    private static int checkObsForHelper(long obs) {
        if (obs < 1 || obs > nObs) {
            throw new IndexOutOfBoundsException("observation " + obs + " outside 1.." + nObs);
        }
        return (int) (obs - 1);
    }

    static void write(StringBuilder target, String s, boolean toErr) {
        target.append(s);
        if (echoToStdout) {
            if (toErr) {
                System.err.print(s);
            } else {
                System.out.print(s);
            }
        }
    }
}
