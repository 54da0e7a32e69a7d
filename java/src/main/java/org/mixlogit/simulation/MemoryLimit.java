package org.mixlogit.simulation;

import java.util.Locale;

import org.mixlogit.ResourceLimitException;

/**
 * How much memory a computation may take, and the check that refuses one that would take more before it
 * allocates: the configured limit ({@link org.mixlogit.integration.IntegrationConfig#memoryLimit}), or, when that
 * is 0, the Java heap's maximum less {@value #HEAP_MARGIN} of it (at least {@value #MIN_MARGIN_BYTES} bytes) kept
 * for the data, the estimator and the result.
 */
public final class MemoryLimit {
    /** The share of the Java heap kept free. */
    public static final double HEAP_MARGIN = 0.125;
    /** The least kept free, in bytes. */
    public static final long MIN_MARGIN_BYTES = 32L << 20;
    /** Longest Java array (a little below Integer.MAX_VALUE on every JVM). */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8L;
    /** How to give Java more memory, from each front end. */
    static final String LARGER_HEAP = "give Java a larger heap (command line: MIXLOGIT_JAVA_OPTS=-Xmx8g ./mixlogit ...;"
            + " R: options(java.parameters = \"-Xmx8g\") before library(mixlogit), in a new session; Stata: set"
            + " java_heapmax 8g)";

    private MemoryLimit() {
    }

    /** Bytes that may be used: {@code configured} when positive, otherwise the Java heap's maximum less the margin. */
    public static long bytes(long configured) {
        if (configured > 0) {
            return configured;
        }
        long max = Runtime.getRuntime().maxMemory();
        if (max == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, max - Math.max(MIN_MARGIN_BYTES, (long) (HEAP_MARGIN * max)));
    }

    /**
     * Refuses an array of {@code doubles} doubles that passes the limit or the largest Java array.
     *
     * @param what what the array holds, e.g. "the instruments (1,000,000 rows x 40)"
     * @param configured the configured limit in bytes, 0 for the Java heap's
     * @param advice what to change besides the heap, e.g. "use fewer instruments"
     * @throws ResourceLimitException naming the size, the limit and the advice
     */
    public static void require(String what, double doubles, long configured, String advice) {
        long limit = bytes(configured);
        if (doubles > MAX_ARRAY || 8 * doubles > limit) {
            throw new ResourceLimitException("Not enough memory: " + what + " need " + format(8 * doubles)
                    + (doubles > MAX_ARRAY ? ", more than the largest Java array," : "") + " and this run may use "
                    + format(limit) + ". To fix it: " + advice + "; or " + LARGER_HEAP + ".");
        }
    }

    /** Bytes in words: "512.0 MiB", "37.3 GiB". */
    static String format(double b) {
        if (b >= Long.MAX_VALUE) {
            return "unlimited memory";
        }
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        int u = 0;
        double v = b;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? String.format(Locale.ROOT, "%.0f bytes", v) : String.format(Locale.ROOT, "%.1f %s", v,
                units[u]);
    }
}
