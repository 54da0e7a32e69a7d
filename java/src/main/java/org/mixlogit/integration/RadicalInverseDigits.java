package org.mixlogit.integration;

import org.apache.commons.math3.primes.Primes;
import org.mixlogit.InvalidSpecificationException;

/**
 * The radical inverse of sequence indices in one prime base b, optionally with every digit position scrambled
 * by its own permutation. With the index's digits d_0, d_1, ... (least significant first) and M digit positions,
 * the value is (sum_{j &lt; M} pi_j(d_j) b^(M-1-j) + offset) / b^M: an integer numerator over b^M, both exact
 * in a double, so the value is correctly rounded, and stepping from index i to i + 1 changes the numerator by
 * whole numbers, with no drift.
 *
 * <ul>
 * <li>Plain (pi_j the identity, offset 0): M is the largest with b^M &lt;= 2^53, so the value is the exact
 * radical inverse, correctly rounded, for every index below b^M; larger indices are refused.</li>
 * <li>Scrambled (random pi_j, offset 1/2, the midpoint of the finest cell): M is the largest with
 * b^M &lt;= 2^52, so every value, the top cell's midpoint 1 - b^-M / 2 included, is exactly representable and
 * strictly inside (0, 1). Index digits beyond M are below that resolution and are ignored.</li>
 * </ul>
 *
 * <p>Immutable; the digits of the current index live in the caller's scratch array.
 */
final class RadicalInverseDigits {
    private static final long PLAIN_LIMIT = 1L << 53;
    private static final long SCRAMBLED_LIMIT = 1L << 52;

    private final int base;
    /** b^(M-1-j) for digit position j. */
    private final long[] weight;
    /** pi_j(d) at j * base + d, or null for the identity. */
    private final int[] permutation;
    /** b^M, the number of cells; indices are taken modulo it when scrambled. */
    private final long cells;
    private final double offset;

    private RadicalInverseDigits(int base, long limit, int[] permutation, double offset) {
        this.base = base;
        int digits = digitCount(base, limit);
        this.weight = new long[digits];
        long w = 1;
        for (int j = digits - 1; j >= 0; j--) {
            weight[j] = w;
            w *= base;
        }
        this.cells = w;
        this.permutation = permutation;
        this.offset = offset;
    }

    /** The plain radical inverse in base {@code base}. */
    static RadicalInverseDigits plain(int base) {
        return new RadicalInverseDigits(base, PLAIN_LIMIT, null, 0.0);
    }

    /**
     * The radical inverse in base {@code base} with each digit position j = 0 .. M-1 permuted by its own uniformly
     * random permutation, drawn in that order (each by a Fisher-Yates shuffle of 0 .. b-1) from {@code random}.
     *
     * @param random <b>Modified</b>: advanced by the draws
     */
    static RadicalInverseDigits scrambled(int base, SplitMix64 random) {
        int digits = digitCount(base, SCRAMBLED_LIMIT);
        int[] permutation = new int[digits * base];
        for (int j = 0; j < digits; j++) {
            int from = j * base;
            for (int d = 0; d < base; d++) {
                permutation[from + d] = d;
            }
            for (int i = base - 1; i > 0; i--) {
                int s = random.nextInt(i + 1);
                int t = permutation[from + i];
                permutation[from + i] = permutation[from + s];
                permutation[from + s] = t;
            }
        }
        return new RadicalInverseDigits(base, SCRAMBLED_LIMIT, permutation, 0.5);
    }

    /** The first {@code count} primes, 2, 3, 5, 7, 11, ...: the Halton bases of dimensions 0 .. count-1. */
    static int[] primeBases(int count) {
        int[] bases = new int[count];
        int p = 2;
        for (int k = 0; k < count; k++) {
            bases[k] = p;
            p = Primes.nextPrime(p + 1);
        }
        return bases;
    }

    private static int digitCount(int base, long limit) {
        int digits = 0;
        long cells = 1;
        while (cells <= limit / base) {
            cells *= base;
            digits++;
        }
        return digits;
    }

    int base() {
        return base;
    }

    /** Digit positions M: the length of the scratch digit arrays. */
    int digitCount() {
        return weight.length;
    }

    /**
     * The numerator of sequence element {@code index}.
     *
     * @param index the element, 0 or more
     * @param digits <b>Modified</b>: length {@link #digitCount()}; receives the index's digits, least significant
     *               first, for {@link #next}
     * @throws InvalidSpecificationException if a plain sequence's index is beyond exact representation
     */
    long start(long index, int[] digits) {
        if (permutation == null && index >= cells) {
            throw tooFar(index);
        }
        long rest = permutation == null ? index : index % cells;
        long numerator = 0;
        for (int j = 0; j < digits.length; j++) {
            long quotient = rest / base;
            int d = (int) (rest - quotient * base);
            digits[j] = d;
            numerator += permuted(j, d) * weight[j];
            rest = quotient;
        }
        return numerator;
    }

    /**
     * The numerator of the element after the one whose numerator and digits are given.
     *
     * @param numerator the current element's numerator
     * @param digits <b>Modified</b>: the current element's digits on entry, the next element's on return
     * @throws InvalidSpecificationException if a plain sequence steps beyond exact representation
     */
    long next(long numerator, int[] digits) {
        long result = numerator;
        for (int j = 0; j < digits.length; j++) {
            int d = digits[j];
            if (d + 1 < base) {
                digits[j] = d + 1;
                return result + (long) (permuted(j, d + 1) - permuted(j, d)) * weight[j];
            }
            digits[j] = 0;
            result += (long) (permuted(j, 0) - permuted(j, d)) * weight[j];
        }
        if (permutation == null) {
            throw tooFar(cells);
        }
        return result;
    }

    /** The sequence value of a numerator, in [0, 1) when plain, in (0, 1) when scrambled. */
    double value(long numerator) {
        return (numerator + offset) / cells;
    }

    private int permuted(int j, int d) {
        return permutation == null ? d : permutation[j * base + d];
    }

    private InvalidSpecificationException tooFar(long index) {
        return new InvalidSpecificationException("Halton element " + index + " in base " + base + " is beyond the "
                + cells + " elements a double resolves exactly: use fewer draws, or scrambled Halton or Sobol"
                + " draws.");
    }
}
