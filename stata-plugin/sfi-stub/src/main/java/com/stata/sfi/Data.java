package com.stata.sfi;

/**
 * COMPILE-TIME STAND-IN for Stata's {@code com.stata.sfi.Data} (sfi-api.jar, Stata 16/17), backed
 * by the in-memory {@link StataSimulator}. Never ship this class: the plugin must be compiled
 * against it with {@code provided} scope so that real Stata's class is used at run time.
 *
 * <p>Only members whose signature was confirmed are present. Sources (see
 * docs/stata-sfi-api-notes.md for details):
 * <ul>
 * <li>[D17] https://www.stata.com/java/api17/com/stata/sfi/Data.html and [D] .../java/api/... :
 *     "public final class Data extends Object", "All variable and observation numbering begins
 *     at 1 unless otherwise stated", and the official summarize example using getParsedVarCount,
 *     getObsParsedIn1/2, mapParsedVarIndex, isVarTypeStr, isParsedIfTrue, getNum.</li>
 * <li>[C17] https://www.stata.com/java/api17/constant-values.html (also api13, api14): TYPE_* values.</li>
 * <li>[T17] https://www.stata.com/java/api17/com/stata/sfi/class-use/ThreadSafe.html:
 *     {@code static double getNum(int var, long obs)}, {@code static long getObsTotal()},
 *     {@code static String getStrf(int var, long obs)}.</li>
 * <li>[S17] https://www.stata.com/java/api17/com/stata/sfi/class-use/Synchronized.html (and api18):
 *     {@code static int addVarByte/addVarDouble/addVarFloat/addVarInt/addVarLong(String name)};
 *     api13/api14 Data.html summary: {@code static int addVarStr(String name, int length)}.</li>
 * <li>[I17] https://www.stata.com/java/api17/index-files/index-9.html, index-13.html, index-19.html:
 *     isParsedIfTrue(long), mapParsedVarIndex(int), setObsTotal(long).</li>
 * <li>[JNI] a public Rust JNI binding for Stata (Polars/Arrow parquet plugin, file with
 *     {@code Java_com_parquet_io_ParquetIO_stataCall}) calling com/stata/sfi/Data with exact JVM
 *     descriptors: getObsTotal()J, getObsParsedIn1()J, getObsParsedIn2()J, getVarCount()I,
 *     getVarIndex(Ljava/lang/String;)I, getNum(IJ)D, storeNum(IJD)I, storeNumFast(IJD)I,
 *     storeStr(IJLjava/lang/String;)I, getStr(IJ)Ljava/lang/String;, getType(I)I, setObsTotal(J)I.</li>
 * <li>[USE] real plugin code: wbuchanan/StataJavaUtilities (src/main/java/org/paces/Stata/Variables/
 *     VarNames.java maps Integer indices through {@code Data::getVarName} into a List of String;
 *     Variables/ValLabNames.java: {@code String tmpVarName = Data.getVarName(vindx)}).</li>
 * </ul>
 * <li>[J16] Stata 16's own sfi-api.jar (vendored Stata 16 installation, read with javap; see
 *     /work/shared/reviews/stata-review.md item 10): {@code public static native boolean isVarTypeString(int)},
 *     {@code isVarTypeStr(int)}, {@code isVarTypeStrL(int)}.</li>
 * </ul>
 * Not present because not confirmed: getNumFast (no trace in docs or code), getParsedIn1/2 (the
 * real names are getObsParsedIn1/2).
 */
public final class Data {

    private Data() {
    }

    /** [C17] Storage type byte. */
    public static final int TYPE_BYTE = 1;
    /** [C17] Storage type int. */
    public static final int TYPE_INT = 2;
    /** [C17] Storage type long. */
    public static final int TYPE_LONG = 3;
    /** [C17] Storage type float. */
    public static final int TYPE_FLOAT = 4;
    /** [C17] Storage type double. */
    public static final int TYPE_DOUBLE = 5;
    /** [C17] Storage type str#. */
    public static final int TYPE_STR = 100;
    /** [C17] Storage type strL. */
    public static final int TYPE_STRL = 101;

    // ------------------------------------------------------------------ dataset shape

    /**
     * [T17][JNI] Number of observations in the current dataset ({@code _N}).
     * Valid observation numbers are {@code 1..getObsTotal()}.
     */
    public static long getObsTotal() {
        synchronized (StataSimulator.LOCK) {
            return StataSimulator.nObs;
        }
    }

    /**
     * [JNI] Number of variables in the current dataset. Valid variable indices are
     * {@code 1..getVarCount()}.
     */
    public static int getVarCount() {
        synchronized (StataSimulator.LOCK) {
            return StataSimulator.vars.size();
        }
    }

    /**
     * [JNI] 1-based index of the variable named {@code varname}.
     * <p>Value for an unknown name is NOT documented in the material found; the simulator returns
     * -1. Portable code should check {@code idx >= 1 && idx <= getVarCount()}.
     */
    public static int getVarIndex(String varname) {
        synchronized (StataSimulator.LOCK) {
            return StataSimulator.indexOf(varname);
        }
    }

    /**
     * [USE] Name of variable {@code var} (1-based). Return type String confirmed by real code
     * ({@code String s = Data.getVarName(i)}); the {@code int} parameter type follows every other
     * confirmed Data variable index (all {@code int}) but was not seen in a signature listing.
     * <p>Simulator: invalid index throws (strict) or returns null.
     */
    public static String getVarName(int var) {
        synchronized (StataSimulator.LOCK) {
            StataSimulator.Var v = StataSimulator.var("Data.getVarName", var);
            return v == null ? null : v.name;
        }
    }

    /** [JNI] Storage type of variable {@code var} (1-based): one of the {@code TYPE_*} constants. */
    public static int getType(int var) {
        synchronized (StataSimulator.LOCK) {
            StataSimulator.Var v = StataSimulator.var("Data.getType", var);
            return v == null ? -1 : v.type;
        }
    }

    /**
     * [D17 example] Whether variable {@code var} (1-based) is a string variable. Return type
     * boolean confirmed by the official example ({@code if (!Data.isVarTypeStr(varIndex))} with
     * {@code int varIndex}); parameter type int by the same example/consistency.
     */
    public static boolean isVarTypeStr(int var) {
        synchronized (StataSimulator.LOCK) {
            StataSimulator.Var v = StataSimulator.var("Data.isVarTypeStr", var);
            return v != null && v.isString();
        }
    }

    /** [J16] Whether variable {@code var} (1-based) is a string variable, str# or strL. */
    public static boolean isVarTypeString(int var) {
        synchronized (StataSimulator.LOCK) {
            StataSimulator.Var v = StataSimulator.var("Data.isVarTypeString", var);
            return v != null && v.isString();
        }
    }

    /** [J16] Whether variable {@code var} (1-based) is a strL variable. */
    public static boolean isVarTypeStrL(int var) {
        synchronized (StataSimulator.LOCK) {
            StataSimulator.Var v = StataSimulator.var("Data.isVarTypeStrL", var);
            return v != null && v.type == TYPE_STRL;
        }
    }

    // ------------------------------------------------------------------ javacall varlist / if / in

    /**
     * [D17 example] Number of variables in the varlist given to {@code javacall} (0 if none).
     * Parsed variables are numbered {@code 1..getParsedVarCount()}; map them to dataset indices
     * with {@link #mapParsedVarIndex(int)}.
     */
    public static int getParsedVarCount() {
        synchronized (StataSimulator.LOCK) {
            return StataSimulator.parsedVarlist.length;
        }
    }

    /**
     * [I17][D17 example] Dataset variable index (1-based) of the {@code var}-th parsed variable
     * ({@code var} is 1-based: {@code 1..getParsedVarCount()}).
     */
    public static int mapParsedVarIndex(int var) {
        synchronized (StataSimulator.LOCK) {
            int[] p = StataSimulator.parsedVarlist;
            if (var < 1 || var > p.length) {
                if (StataSimulator.strict) {
                    throw new IndexOutOfBoundsException("Data.mapParsedVarIndex: parsed variable "
                            + var + " outside 1.." + p.length + " (1-based)");
                }
                return -1;
            }
            return p[var - 1];
        }
    }

    /**
     * [D17 example][JNI] First observation (1-based) of the {@code in} range given to
     * {@code javacall}; 1 when there is no {@code in} qualifier (simulator; the official example
     * loops {@code getObsParsedIn1()..getObsParsedIn2()} over the whole selection).
     */
    public static long getObsParsedIn1() {
        synchronized (StataSimulator.LOCK) {
            return StataSimulator.inFirst > 0 ? StataSimulator.inFirst : 1;
        }
    }

    /**
     * [D17 example][JNI] Last observation (1-based, inclusive) of the {@code in} range;
     * {@code getObsTotal()} when there is no {@code in} qualifier (simulator).
     */
    public static long getObsParsedIn2() {
        synchronized (StataSimulator.LOCK) {
            return StataSimulator.inFirst > 0 ? StataSimulator.inLast : StataSimulator.nObs;
        }
    }

    /**
     * [I17][D17 example] Whether the {@code if} expression given to {@code javacall} is true for
     * observation {@code obs} (1-based). Javadoc: "Determine if an observation for the if
     * expression qualifier used when Java was invoked is true or false." It does not apply the
     * {@code in} range: loop from getObsParsedIn1() to getObsParsedIn2() and test this.
     * Simulator: true for every valid observation when no {@code if} was given.
     */
    public static boolean isParsedIfTrue(long obs) {
        synchronized (StataSimulator.LOCK) {
            int i = StataSimulator.obs("Data.isParsedIfTrue", obs);
            if (i < 0) {
                return false;
            }
            boolean[] mask = StataSimulator.ifMask;
            return mask == null || mask[i];
        }
    }

    // ------------------------------------------------------------------ numeric values

    /**
     * [T17][JNI] Numeric value of variable {@code var} (1-based) at observation {@code obs}
     * (1-based). Missing values come back as Stata's missing doubles (test with
     * {@link Missing#isMissing(double)}, never with {@code Double.isNaN}).
     */
    public static double getNum(int var, long obs) {
        synchronized (StataSimulator.LOCK) {
            StataSimulator.Var v = StataSimulator.var("Data.getNum", var);
            int i = StataSimulator.obs("Data.getNum", obs);
            if (v == null || i < 0 || StataSimulator.typeMismatch("Data.getNum", v, false)) {
                return Missing.getValue();
            }
            return v.num[i];
        }
    }

    /**
     * [JNI] Stores a numeric value into variable {@code var} (1-based) at observation {@code obs}
     * (1-based). Returns 0 on success, otherwise a non-zero Stata return code (simulator:
     * {@link SFIToolkit#RC_GENERAL_ERROR} in non-strict mode; strict mode throws).
     * Simulator: float variables round to float precision.
     */
    public static int storeNum(int var, long obs, double value) {
        return store("Data.storeNum", var, obs, value);
    }

    /**
     * [JNI] Like {@link #storeNum(int, long, double)}; Stata's "fast" variant (real code follows a
     * series of these with {@code Data.updateModified()}, which is not part of this stand-in
     * because its signature was not confirmed). Same behaviour in the simulator.
     */
    public static int storeNumFast(int var, long obs, double value) {
        return store("Data.storeNumFast", var, obs, value);
    }

    private static int store(String method, int var, long obs, double value) {
        synchronized (StataSimulator.LOCK) {
            StataSimulator.Var v = StataSimulator.var(method, var);
            int i = StataSimulator.obs(method, obs);
            if (v == null || i < 0 || StataSimulator.typeMismatch(method, v, false)) {
                return SFIToolkit.RC_GENERAL_ERROR;
            }
            v.num[i] = StataSimulator.toStorage(v.type, value);
            return 0;
        }
    }

    // ------------------------------------------------------------------ string values

    /** [JNI] String value of string variable {@code var} (1-based) at observation {@code obs} (1-based). */
    public static String getStr(int var, long obs) {
        synchronized (StataSimulator.LOCK) {
            StataSimulator.Var v = StataSimulator.var("Data.getStr", var);
            int i = StataSimulator.obs("Data.getStr", obs);
            if (v == null || i < 0 || StataSimulator.typeMismatch("Data.getStr", v, true)) {
                return null;
            }
            return v.str[i];
        }
    }

    /** [T17] String value of a {@code str#} variable; same indexing as {@link #getStr(int, long)}. */
    public static String getStrf(int var, long obs) {
        return getStr(var, obs);
    }

    /**
     * [JNI] Stores a string into string variable {@code var} (1-based) at observation {@code obs}
     * (1-based); returns 0 on success. Simulator: widens the str# width as needed.
     */
    public static int storeStr(int var, long obs, String value) {
        synchronized (StataSimulator.LOCK) {
            StataSimulator.Var v = StataSimulator.var("Data.storeStr", var);
            int i = StataSimulator.obs("Data.storeStr", obs);
            if (v == null || i < 0 || StataSimulator.typeMismatch("Data.storeStr", v, true)) {
                return SFIToolkit.RC_GENERAL_ERROR;
            }
            String s = value == null ? "" : value;
            v.str[i] = s;
            v.strWidth = Math.max(v.strWidth, s.length());
            return 0;
        }
    }

    // ------------------------------------------------------------------ creating data

    /**
     * [JNI] Sets the number of observations; new observations are missing. Returns 0 on success.
     */
    public static int setObsTotal(long obs) {
        synchronized (StataSimulator.LOCK) {
            if (obs < 0 || obs > Integer.MAX_VALUE - 8) {
                if (StataSimulator.strict) {
                    throw new IllegalArgumentException("Data.setObsTotal: " + obs);
                }
                return SFIToolkit.RC_GENERAL_ERROR;
            }
            StataSimulator.resizeObs(obs);
            return 0;
        }
    }

    /** [S17][JNI] Adds a {@code double} variable (filled with missing). Returns 0 on success. */
    public static int addVarDouble(String name) {
        return addVar("Data.addVarDouble", name, TYPE_DOUBLE, 0);
    }

    /** [S17][JNI] Adds a {@code float} variable. Returns 0 on success. */
    public static int addVarFloat(String name) {
        return addVar("Data.addVarFloat", name, TYPE_FLOAT, 0);
    }

    /** [S17][JNI] Adds a {@code long} variable. Returns 0 on success. */
    public static int addVarLong(String name) {
        return addVar("Data.addVarLong", name, TYPE_LONG, 0);
    }

    /** [S17][JNI] Adds an {@code int} variable. Returns 0 on success. */
    public static int addVarInt(String name) {
        return addVar("Data.addVarInt", name, TYPE_INT, 0);
    }

    /** [S17][JNI] Adds a {@code byte} variable. Returns 0 on success. */
    public static int addVarByte(String name) {
        return addVar("Data.addVarByte", name, TYPE_BYTE, 0);
    }

    /** [api13/14 summary][JNI] Adds a {@code str}{@code length} variable (filled with ""). */
    public static int addVarStr(String name, int length) {
        return addVar("Data.addVarStr", name, TYPE_STR, Math.max(1, length));
    }

    private static int addVar(String method, String name, int type, int width) {
        synchronized (StataSimulator.LOCK) {
            if (name == null || name.isEmpty() || StataSimulator.indexOf(name) > 0) {
                if (StataSimulator.strict) {
                    throw new IllegalArgumentException(method + ": invalid or existing name " + name);
                }
                return SFIToolkit.RC_GENERAL_ERROR;
            }
            StataSimulator.vars.add(StataSimulator.blankVar(name, type, width));
            return 0;
        }
    }
}
