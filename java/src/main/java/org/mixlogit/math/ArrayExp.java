package org.mixlogit.math;

import java.lang.reflect.Field;

/**
 * The exponential of whole arrays of moderate arguments, written so that HotSpot's C2 compiler vectorizes it
 * (AVX2/AVX-512 on x86): {@code exp(x) = 2^k p(r)} with {@code k = round(x / log 2)}, {@code r = x - k log 2}
 * (Cody and Waite's reduction with a two-part log 2, in fused multiply-adds) and p a degree-11 polynomial of exp
 * on |r| <= log(2) / 2 in Horner form (approximation error 0.14 ulp). Within 1 ulp of {@link Math#exp} (see
 * {@code ArrayExpTest}).
 *
 * <p>Domain: the arguments of a logit kernel shifted by one alternative's utility. Arguments are clamped to
 * [{@link #FLOOR}, {@link #CEILING}] = [-42, 42], so that 2^k stays within [2^-61, 2^61]: exp(-42) = 5.7e-19 is
 * below a ulp of any sum that contains exp(0) = 1, so a denominator sum_j exp(u_j - u_c) is what exact
 * arithmetic gives to within a fraction of its last bit, unless some argument reached the ceiling, in which case
 * 1 / denominator is below 1e-18 and the caller must compute it another way (as it must any result near
 * exp(FLOOR) that it needs on its own). NaN gives NaN or a meaningless number: callers check their inputs.
 *
 * <p>Scaling by 2^k needs the bits of a double, which C2 does not vectorize through
 * {@link Double#longBitsToDouble} on Java 17. Three paths give the same bits (every step is exact after p(r)),
 * chosen once when the class loads, with no JVM option needed:
 * <ul>
 * <li>Java 11 to 23: the scale is added to p's exponent field through {@code sun.misc.Unsafe}'s long view of a
 * double array, which C2 vectorizes (module jdk.unsupported, open to class-path code by default);</li>
 * <li>Java 24 and later (where that use of Unsafe prints a warning): 2^k = 2^a 2^b with a = floor(k / 2) and
 * 2^a = (double) (1L << (a + 31)) * 2^-31, whose long-to-double conversions newer C2 compilers vectorize;</li>
 * <li>when neither is available: the same arithmetic with {@link Double#longBitsToDouble}, not vectorized.</li>
 * </ul>
 */
public final class ArrayExp {
    /** Arguments below this are raised to it: exp(-42) = 5.7e-19 and 2^k >= 2^-61. */
    public static final double FLOOR = -42.0;
    /** Arguments above this are lowered to it: 2^k <= 2^61. */
    public static final double CEILING = 42.0;
    /**
     * {@link #expWide} needs arguments within [-WIDE, WIDE]: then |k| <= 981 and 2^k p(r) is a normal double,
     * exact to the same bits as {@link #exp}'s on [-42, 42].
     */
    public static final double WIDE = 680.0;

    static final double LOG2E = 0x1.71547652b82fep0;
    static final double LN2_HI = 0x1.62e42fefa39efp-1;
    static final double LN2_LO = 0x1.abc9e3b39803fp-56;
    /** 1.5 x 2^52: adding it rounds to an integer, whose value sits in the low bits of the sum. */
    static final double SHIFTER = 0x1.8p52;
    private static final double TWO_M31 = 0x1p-31;

    /**
     * exp(r) = 1 + r + r^2 q(r) on |r| <= log(2) / 2, q of degree 9 interpolating (exp(r) - 1 - r) / r^2 at
     * Chebyshev nodes (computed with 50 digits; approximation error 1.6e-17 relative, 0.14 ulp, after rounding the
     * coefficients to doubles).
     */
    static final double Q0 = 0.5000000000000001;
    static final double Q1 = 0.16666666666666669;
    static final double Q2 = 0.041666666666624164;
    static final double Q3 = 0.008333333333330065;
    static final double Q4 = 0.0013888888917196719;
    static final double Q5 = 0.00019841269863040545;
    static final double Q6 = 2.4801521322368692e-05;
    static final double Q7 = 2.7557268480310024e-06;
    static final double Q8 = 2.7620075879983367e-07;
    static final double Q9 = 2.5100375832561234e-08;

    /** How the scale 2^k is applied. */
    enum Path {
        UNSAFE, CONVERT, SCALAR
    }

    static final Path PATH;
    private static final sun.misc.Unsafe UNSAFE;
    private static final long DOUBLE_BASE;

    static {
        sun.misc.Unsafe unsafe = null;
        if (Runtime.version().feature() < 24) {
            try {
                Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
                f.setAccessible(true);
                unsafe = (sun.misc.Unsafe) f.get(null);
                if (unsafe.arrayIndexScale(double[].class) != 8) {
                    unsafe = null;
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                unsafe = null;
            }
        }
        UNSAFE = unsafe;
        DOUBLE_BASE = unsafe == null ? 0 : unsafe.arrayBaseOffset(double[].class);
        PATH = unsafe != null ? Path.UNSAFE : Runtime.version().feature() >= 24 ? Path.CONVERT : Path.SCALAR;
    }

    private ArrayExp() {
    }

    /** The path in words, for benchmarks: "unsafe", "convert" or "scalar". */
    public static String path() {
        return PATH.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * {@code out[i] = exp(min(max(x[i] - shift[i], FLOOR), CEILING))} for i in [0, n).
     *
     * @param x Not modified
     * @param shift Not modified: each argument's shift
     * @param out <b>Modified</b>: the exponentials (may be x itself)
     * @param work <b>Modified</b>: scratch of length n or more
     */
    public static void expShifted(double[] x, double[] shift, double[] out, double[] work, int n) {
        switch (PATH) {
            case UNSAFE:
                polynomial(x, shift, out, work, n);
                scaleUnsafe(out, work, n);
                break;
            case CONVERT:
                polynomial(x, shift, out, work, n);
                scaleConvert(out, work, n);
                break;
            default:
                polynomial(x, shift, out, work, n);
                scaleScalar(out, work, n);
                break;
        }
    }

    /**
     * {@code out[i] = exp(min(max(x[i], FLOOR), CEILING))} for i in [0, n).
     *
     * @param x Not modified
     * @param out <b>Modified</b>: the exponentials (may be x itself)
     * @param work <b>Modified</b>: scratch of length n or more
     */
    public static void exp(double[] x, double[] out, double[] work, int n) {
        polynomial(x, out, work, n);
        switch (PATH) {
            case UNSAFE:
                scaleUnsafe(out, work, n);
                break;
            case CONVERT:
                scaleConvert(out, work, n);
                break;
            default:
                scaleScalar(out, work, n);
                break;
        }
    }

    /**
     * {@code out[i] = exp(x[i])} for i in [0, n), without clamping: the caller guarantees |x[i]| <= {@link #WIDE}
     * (or discards the result: outside that range it is meaningless, with no error raised). On [-42, 42] the same
     * bits as {@link #exp}; two range operations fewer per value (Java's min and max of doubles cost several
     * vector instructions each, as many as half the polynomial).
     *
     * @param x Not modified
     * @param out <b>Modified</b>: the exponentials (may be x itself)
     * @param work <b>Modified</b>: scratch of length n or more
     */
    public static void expWide(double[] x, double[] out, double[] work, int n) {
        expWide(PATH, x, out, work, n);
    }

    /** {@link #expWide} through a given path (for tests). */
    static void expWide(Path path, double[] x, double[] out, double[] work, int n) {
        polynomialWide(x, out, work, n);
        if (path == Path.UNSAFE) {
            scaleUnsafe(out, work, n);
        } else if (path == Path.CONVERT) {
            scaleConvertWide(out, work, n);
        } else {
            scaleScalar(out, work, n);
        }
    }

    /**
     * One value of {@link #expWide}, the same bits (for loop tails that an array pass does not cover): the caller
     * guarantees |v| <= {@link #WIDE} or discards the result.
     */
    public static double expWide(double v) {
        double t = Math.fma(v, LOG2E, SHIFTER);
        return Double.longBitsToDouble(Double.doubleToRawLongBits(reduced(v, t))
                + (Double.doubleToRawLongBits(t) << 52));
    }

    /** The same values through a given path (for tests). */
    static void expShifted(Path path, double[] x, double[] shift, double[] out, double[] work, int n) {
        polynomial(x, shift, out, work, n);
        if (path == Path.UNSAFE) {
            scaleUnsafe(out, work, n);
        } else if (path == Path.CONVERT) {
            scaleConvert(out, work, n);
        } else {
            scaleScalar(out, work, n);
        }
    }

    /**
     * exp(r) for the reduced argument r = v - k log 2, where t = k + 1.5 x 2^52 (Cody-Waite in fused multiply-adds,
     * then the polynomial); the loops below call it per element and C2 inlines it, so they still vectorize.
     */
    private static double reduced(double v, double t) {
        double k = t - SHIFTER;
        double r = Math.fma(k, -LN2_LO, Math.fma(k, -LN2_HI, v));
        double q = Math.fma(r, Q9, Q8);
        q = Math.fma(q, r, Q7);
        q = Math.fma(q, r, Q6);
        q = Math.fma(q, r, Q5);
        q = Math.fma(q, r, Q4);
        q = Math.fma(q, r, Q3);
        q = Math.fma(q, r, Q2);
        q = Math.fma(q, r, Q1);
        q = Math.fma(q, r, Q0);
        return Math.fma(Math.fma(q, r, 1.0), r, 1.0);
    }

    /** p(r) into out and k + 1.5 x 2^52 into work, unshifted. */
    private static void polynomial(double[] x, double[] out, double[] work, int n) {
        for (int i = 0; i < n; i++) {
            double v = Math.min(Math.max(x[i], FLOOR), CEILING);
            double t = Math.fma(v, LOG2E, SHIFTER);
            out[i] = reduced(v, t);
            work[i] = t;
        }
    }

    /** p(r) into out and k + 1.5 x 2^52 into work. */
    private static void polynomial(double[] x, double[] shift, double[] out, double[] work, int n) {
        for (int i = 0; i < n; i++) {
            double v = Math.min(Math.max(x[i] - shift[i], FLOOR), CEILING);
            double t = Math.fma(v, LOG2E, SHIFTER);
            out[i] = reduced(v, t);
            work[i] = t;
        }
    }

    /** p(r) into out and k + 1.5 x 2^52 into work, unclamped. */
    private static void polynomialWide(double[] x, double[] out, double[] work, int n) {
        for (int i = 0; i < n; i++) {
            double v = x[i];
            double t = Math.fma(v, LOG2E, SHIFTER);
            out[i] = reduced(v, t);
            work[i] = t;
        }
    }

    /**
     * 2^k for |k| <= 981 from conversions: 2^k = (2^s)^32 2^m with s = floor(k / 32) in [-31, 30] and m in
     * [0, 31], (2^s)^32 by five exact squarings; their product is 2^k exactly, then p is scaled once.
     */
    private static void scaleConvertWide(double[] out, double[] work, int n) {
        for (int i = 0; i < n; i++) {
            long k = (long) (work[i] - SHIFTER);
            long s = k >> 5;
            double h = (double) (1L << (s + 31)) * TWO_M31;
            h *= h;
            h *= h;
            h *= h;
            h *= h;
            h *= h;
            out[i] *= h * (double) (1L << (k & 31));
        }
    }

    /**
     * Adds k to p's exponent: the low 12 bits of t's bits are k (two's complement), and shifted by 52 they land on
     * the exponent field; p in [0.7, 1.5) and k in [-981, 981] keep the result normal.
     */
    private static void scaleUnsafe(double[] out, double[] work, int n) {
        sun.misc.Unsafe u = UNSAFE;
        for (int i = 0; i < n; i++) {
            long at = DOUBLE_BASE + 8L * i;
            u.putLong(out, at, u.getLong(out, at) + (u.getLong(work, at) << 52));
        }
    }

    private static void scaleConvert(double[] out, double[] work, int n) {
        for (int i = 0; i < n; i++) {
            long k = (long) (work[i] - SHIFTER);
            long a = k >> 1;
            out[i] *= (double) (1L << (a + 31)) * TWO_M31 * ((double) (1L << (k - a + 31)) * TWO_M31);
        }
    }

    private static void scaleScalar(double[] out, double[] work, int n) {
        for (int i = 0; i < n; i++) {
            long k = (long) (work[i] - SHIFTER);
            out[i] *= Double.longBitsToDouble((k + 1023) << 52);
        }
    }
}
