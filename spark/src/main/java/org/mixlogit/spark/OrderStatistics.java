package org.mixlogit.spark;

import java.util.List;

import org.apache.spark.api.java.JavaRDD;

/**
 * Exact order statistics of values held in sorted parts on a cluster (the population draws of willingness to pay,
 * sorted within each partition), found by counting passes, with no values moved: the k-th smallest value of the
 * whole, in {@code Arrays.sort}'s order (-0.0 before 0.0, NaN last), is a radix selection on the 64-bit key that
 * orders doubles as that sort does. Each of eight passes fixes the next 8 bits of every wanted key: each partition
 * counts, by binary search in its sorted part, its values under each of the 256 extensions of the key's known
 * prefix, and the driver adds the counts (whole numbers, exact in any order) and picks the extension where the wanted
 * rank falls. Eight Spark jobs for any number of wanted ranks; the driver holds 256 counts per rank and pass.
 */
final class OrderStatistics {
    private static final int PASSES = 8;
    private static final int DIGIT = 8;

    private OrderStatistics() {
    }

    /**
     * The values at 0-based {@code ranks} of the whole sorted, as an array parallel to {@code ranks}.
     *
     * @param parts every partition's values, each sorted by {@code Arrays.sort} (cached by the caller: every pass
     *              reads them)
     * @param ranks Not modified: each below the number of values
     */
    static double[] select(JavaRDD<double[]> parts, long[] ranks) {
        int wanted = ranks.length;
        long[] prefix = new long[wanted];
        // values of the whole below each wanted key's known prefix (all of them below the empty prefix: none)
        long[] below = new long[wanted];
        for (int pass = 0; pass < PASSES; pass++) {
            int shift = 64 - DIGIT * (pass + 1);
            long[] p = prefix.clone();
            List<long[]> counts = parts.map(values -> counts(values, p, shift)).collect();
            for (int r = 0; r < wanted; r++) {
                long[] total = new long[1 << DIGIT];
                for (long[] c : counts) {
                    for (int d = 0; d < total.length; d++) {
                        total[d] += c[r * total.length + d];
                    }
                }
                int d = 0;
                while (below[r] + total[d] <= ranks[r]) {
                    below[r] += total[d];
                    d++;
                }
                prefix[r] = (prefix[r] << DIGIT) | d;
            }
        }
        double[] out = new double[wanted];
        for (int r = 0; r < wanted; r++) {
            out[r] = value(prefix[r] ^ Long.MIN_VALUE);
        }
        return out;
    }

    /**
     * For each wanted prefix (its top {@code 64 - shift - 8} bits known), the part's count of values whose key
     * extends it by each digit, at r * 256 + d. Values are sorted by key, so each count is the difference of two
     * binary searches.
     */
    private static long[] counts(double[] values, long[] prefix, int shift) {
        int digits = 1 << DIGIT;
        int fixed = 64 - shift - DIGIT;
        long ones = fixed == 0 ? 0 : -1L >>> (64 - fixed);
        long[] out = new long[prefix.length * digits];
        int[] bound = new int[digits + 1];
        for (int r = 0; r < prefix.length; r++) {
            for (int d = 0; d <= digits; d++) {
                // the end of the last digit's range is the end of the key space when the prefix is all ones
                bound[d] = d == digits && prefix[r] == ones ? values.length
                        : search(values, ((prefix[r] << DIGIT) + d) << shift);
            }
            for (int d = 0; d < digits; d++) {
                out[r * digits + d] = bound[d + 1] - bound[d];
            }
        }
        return out;
    }

    /** The first index whose unsigned key is at least {@code key}. */
    private static int search(double[] values, long key) {
        int lo = 0;
        int hi = values.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(key(values[mid]), key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The unsigned key that orders doubles as {@code Arrays.sort} does: the IEEE bits (NaN canonical) with the
     * magnitude bits flipped for negative numbers, then the sign bit flipped.
     */
    static long key(double x) {
        long bits = Double.doubleToLongBits(x);
        return (bits ^ ((bits >> 63) & Long.MAX_VALUE)) ^ Long.MIN_VALUE;
    }

    /** The double of a signed key ({@link #key} with the sign bit flipped back). */
    private static double value(long signed) {
        long bits = signed ^ ((signed >> 63) & Long.MAX_VALUE);
        return Double.longBitsToDouble(bits);
    }
}
