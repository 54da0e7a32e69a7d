package com.stata.sfi;

/**
 * COMPILE-TIME STAND-IN for Stata's {@code com.stata.sfi.Scalar} (Stata 16/17). Never ship it.
 *
 * <p>Confirmed from:
 * <ul>
 * <li>https://www.stata.com/java/api13/com/stata/sfi/Scalar.html: "public static Double
 *     getValue(String name) ... Returns null if the scalar is not found" and "public static int
 *     setValue(String name, double val) ... If necessary the scalar will be created ... Return code
 *     from Stata; 0 if successful."</li>
 * <li>https://www.stata.com/java/api16/com/stata/sfi/Scalar.html and api17: "public final class
 *     Scalar", "static Double getValue(String name)", "static Double getValue(String name, int
 *     type)", official example {@code int rc = Scalar.setValue(name, value)}; api19 summary:
 *     setValue returns static int.</li>
 * <li>https://www.stata.com/java/api17/constant-values.html: TYPE_* / VTYPE_* values.</li>
 * </ul>
 * Names: {@code getValue("r(mean)")}-style names are accepted by the simulator; with the
 * {@code type} overload the simulator reads {@code "e(name)"} for TYPE_ERETURN, {@code "r(name)"}
 * for TYPE_RRETURN, {@code "s(name)"} for TYPE_SRETURN, {@code "c(name)"} for TYPE_CRETURN,
 * {@code "return(name)"} for TYPE_RETURN, and plain {@code name} for TYPE_GLOBAL / TYPE_AUTOMATIC
 * (a simulator convention; real Stata's lookup rules for TYPE_AUTOMATIC were not documented in the
 * material found).
 */
public final class Scalar {

    private Scalar() {
    }

    public static final int TYPE_AUTOMATIC = 0;
    public static final int TYPE_GLOBAL = 1;
    public static final int TYPE_RETURN = 2;
    public static final int TYPE_RRETURN = 3;
    public static final int TYPE_ERETURN = 4;
    public static final int TYPE_CRETURN = 5;
    public static final int TYPE_SRETURN = 6;
    public static final int VTYPE_VISIBLE = 1;
    public static final int VTYPE_HIDDEN = 2;
    public static final int VTYPE_HISTORICAL = 3;

    /** Value of numeric scalar {@code name}, or null if it is not found. */
    public static Double getValue(String name) {
        synchronized (StataSimulator.LOCK) {
            return StataSimulator.scalars.get(name);
        }
    }

    /** Value of numeric scalar {@code name} of kind {@code type} (TYPE_*), or null if not found. */
    public static Double getValue(String name, int type) {
        synchronized (StataSimulator.LOCK) {
            return StataSimulator.scalars.get(qualify(name, type));
        }
    }

    /** Sets (creating if necessary) numeric scalar {@code name}. Returns 0 on success. */
    public static int setValue(String name, double val) {
        synchronized (StataSimulator.LOCK) {
            if (name == null || name.isEmpty()) {
                if (StataSimulator.strict) {
                    throw new IllegalArgumentException("Scalar.setValue: name required");
                }
                return SFIToolkit.RC_GENERAL_ERROR;
            }
            StataSimulator.scalars.put(name, val);
            return 0;
        }
    }

    /** Simulator naming convention shared with {@link Macro}. */
    static String qualify(String name, int type) {
        switch (type) {
            case TYPE_RETURN:
                return "return(" + name + ")";
            case TYPE_RRETURN:
                return "r(" + name + ")";
            case TYPE_ERETURN:
                return "e(" + name + ")";
            case TYPE_CRETURN:
                return "c(" + name + ")";
            case TYPE_SRETURN:
                return "s(" + name + ")";
            default:
                return name;
        }
    }
}
