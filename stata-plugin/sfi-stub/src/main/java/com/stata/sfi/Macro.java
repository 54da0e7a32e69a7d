package com.stata.sfi;

/**
 * COMPILE-TIME STAND-IN for Stata's {@code com.stata.sfi.Macro} (Stata 16/17). Never ship it.
 *
 * <p>Confirmed from:
 * <ul>
 * <li>https://www.stata.com/java/api13/com/stata/sfi/Macro.html: "static String getLocal(String
 *     name) ... Returns null if the macro is not found", "static String getLocalSafe(String name)
 *     ... Returns an empty string if the macro is not found", "static String getGlobal(String name)",
 *     "static String getGlobalSafe(String name)", "static int setGlobal(String name, String value)",
 *     "static int setLocal(String name, String value)".</li>
 * <li>https://www.stata.com/java/api14/, api15/ Macro.html summaries (same signatures; api15 adds
 *     "static String getGlobal(String name, int type)"); api17 Macro.html: "public final class
 *     Macro", example using getLocal (null check) and getLocalSafe.</li>
 * <li>https://www.stata.com/java/api17/constant-values.html: TYPE_* / VTYPE_* values.</li>
 * <li>[JNI] Rust binding descriptors setLocal/setGlobal (Ljava/lang/String;Ljava/lang/String;)I.</li>
 * </ul>
 * Locals are the caller's locals (how javacall passes options). Global names may be
 * {@code "e(cmd)"}-style; the {@code type} overload uses the convention of {@link Scalar}.
 */
public final class Macro {

    private Macro() {
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

    /** Contents of local macro {@code name}; null if not found. */
    public static String getLocal(String name) {
        synchronized (StataSimulator.LOCK) {
            return StataSimulator.locals.get(name);
        }
    }

    /** Contents of local macro {@code name}; "" if not found. */
    public static String getLocalSafe(String name) {
        String v = getLocal(name);
        return v == null ? "" : v;
    }

    /** Sets local macro {@code name}. Returns 0 on success. */
    public static int setLocal(String name, String value) {
        synchronized (StataSimulator.LOCK) {
            if (name == null || name.isEmpty()) {
                if (StataSimulator.strict) {
                    throw new IllegalArgumentException("Macro.setLocal: name required");
                }
                return SFIToolkit.RC_GENERAL_ERROR;
            }
            StataSimulator.locals.put(name, value == null ? "" : value);
            return 0;
        }
    }

    /** Contents of global macro {@code name}; null if not found. */
    public static String getGlobal(String name) {
        synchronized (StataSimulator.LOCK) {
            return StataSimulator.globals.get(name);
        }
    }

    /** Contents of global macro {@code name} of kind {@code type} (TYPE_*); null if not found. */
    public static String getGlobal(String name, int type) {
        return getGlobal(Scalar.qualify(name, type));
    }

    /** Contents of global macro {@code name}; "" if not found. */
    public static String getGlobalSafe(String name) {
        String v = getGlobal(name);
        return v == null ? "" : v;
    }

    /** Sets global macro {@code name}. Returns 0 on success. */
    public static int setGlobal(String name, String value) {
        synchronized (StataSimulator.LOCK) {
            if (name == null || name.isEmpty()) {
                if (StataSimulator.strict) {
                    throw new IllegalArgumentException("Macro.setGlobal: name required");
                }
                return SFIToolkit.RC_GENERAL_ERROR;
            }
            StataSimulator.globals.put(name, value == null ? "" : value);
            return 0;
        }
    }
}
