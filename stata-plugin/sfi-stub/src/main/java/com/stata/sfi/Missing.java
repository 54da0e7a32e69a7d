package com.stata.sfi;

/**
 * COMPILE-TIME STAND-IN for Stata's {@code com.stata.sfi.Missing} (Stata 16/17). Never ship it.
 *
 * <p>Confirmed from:
 * <ul>
 * <li>https://www.stata.com/java/api16/com/stata/sfi/Missing.html and .../api17/...:
 *     "public class Missing extends Object", constructor {@code Missing()},
 *     {@code static double getValue()}, {@code static double getValue(Missing.Extended)},
 *     {@code static boolean isMissing(double value)}, {@code static boolean parseIsMissing(String s)};
 *     nested "Missing.Extended - Enum in com.stata.sfi" (api17 index-files/index-13.html).</li>
 * <li>Enum constants are lower-case letters: "c", "e", "g", "i", "m", "p", "s", "t - Enum
 *     constant in enum com.stata.sfi.Missing.Extended" (api17 / api index-files pages); the full
 *     set a..z corresponds to Stata's 26 extended missing values .a ... .z.</li>
 * <li>Numeric values: Stata's {@code help dta} (dta.sthlp, vendored e.g. in
 *     kmongeon/exercise_physiology stata14/ado/base/d/dta.sthlp) lists doubles
 *     {@code .} = 7fe0000000000000 (+1.0X+3ff = 2^1023 = 8.98846567431158e307),
 *     {@code .a} = 7fe0010000000000, {@code .b} = 7fe0020000000000, ... {@code .z} = 7fe01a0000000000,
 *     largest non-missing M = 7fdfffffffffffff; statsmodels' StataWriter also writes
 *     8.98846567431158e+307 for a missing double.</li>
 * </ul>
 * Not included: {@code getMissing(double)} (exists only in later APIs, not in api16/api17).
 */
public class Missing {

    /**
     * Mappings that correspond to missing values in Stata: {@code a} is {@code .a}, ...,
     * {@code z} is {@code .z}.
     */
    public enum Extended {
        a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v, w, x, y, z
    }

    /** Bit pattern of Stata's system missing double {@code .} (help dta). */
    private static final long SYSMISS_BITS = 0x7fe0000000000000L;

    private static final double SYSMISS = Double.longBitsToDouble(SYSMISS_BITS);

    public Missing() {
    }

    /**
     * The numeric value of the system missing value {@code .}: 2^1023 = 8.98846567431158e307.
     * Stata orders missing above every non-missing number: . &lt; .a &lt; ... &lt; .z.
     */
    public static double getValue() {
        return SYSMISS;
    }

    /**
     * The numeric value of extended missing {@code .a} ... {@code .z}; bit pattern
     * {@code 0x7fe0000000000000 + (k << 40)} with k = 1 for {@code .a}, ..., 26 for {@code .z}.
     */
    public static double getValue(Missing.Extended extendedMissing) {
        return Double.longBitsToDouble(SYSMISS_BITS + ((long) (extendedMissing.ordinal() + 1) << 40));
    }

    /**
     * Whether {@code value} is a Stata missing value ({@code .} or {@code .a}-{@code .z}), i.e.
     * {@code value >= 2^1023}. Simulator choice (not confirmed for real Stata): NaN also counts
     * as missing. Do not use {@code Double.isNaN} to test Stata data: missing values are finite.
     */
    public static boolean isMissing(double value) {
        return value >= SYSMISS || Double.isNaN(value);
    }

    /**
     * Whether {@code s} is the text of a Stata missing value: {@code "."} or {@code ".a"} ...
     * {@code ".z"} (simulator trims surrounding white space).
     */
    public static boolean parseIsMissing(String s) {
        if (s == null) {
            return false;
        }
        String t = s.trim();
        return t.equals(".") || (t.length() == 2 && t.charAt(0) == '.' && t.charAt(1) >= 'a' && t.charAt(1) <= 'z');
    }
}
