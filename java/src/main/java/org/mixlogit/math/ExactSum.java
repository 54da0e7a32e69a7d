package org.mixlogit.math;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The sum of many doubles rounded once, correctly (to nearest, ties to even): Shewchuk's (1997) non-overlapping
 * partials, as Python's {@code math.fsum}. The value does not depend on the order in which the terms are added, nor on
 * how they are split between accumulators that are then merged ({@link #add(ExactSum)}), so a sum computed where the
 * data live equals the local one to the last bit whatever the partitioning. A NaN term, or infinities of both signs,
 * make the sum NaN; an infinity of one sign makes it that infinity; a finite sum beyond the double range is an
 * infinity. A mutable accumulator (one per thread or partition), serializable so that partitions return theirs.
 */
public final class ExactSum implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Non-overlapping partials, smallest magnitude first; their exact sum is the sum of the finite terms. */
    private double[] partials = new double[8];
    private int size;
    /** The non-finite terms' sum (0 when there are none). */
    private double special;
    private boolean anySpecial;

    /** Adds one term. */
    public void add(double x) {
        if (!Double.isFinite(x)) {
            special = anySpecial ? special + x : x;
            anySpecial = true;
            return;
        }
        int i = 0;
        for (int j = 0; j < size; j++) {
            double y = partials[j];
            if (Math.abs(x) < Math.abs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0) {
                partials[i++] = lo;
            }
            x = hi;
        }
        if (!Double.isFinite(x)) {
            // the finite terms' partial overflowed: the sum is beyond the double range
            special = anySpecial ? special + x : x;
            anySpecial = true;
            size = i;
            return;
        }
        if (i == partials.length) {
            partials = Arrays.copyOf(partials, 2 * i);
        }
        partials[i] = x;
        size = i + 1;
    }

    /** Adds every term another accumulator holds (its partials represent them exactly). Not modified: other. */
    public void add(ExactSum other) {
        for (int j = 0; j < other.size; j++) {
            add(other.partials[j]);
        }
        if (other.anySpecial) {
            add(other.special);
        }
    }

    /** The correctly rounded sum of the terms so far (0 when there are none). */
    public double value() {
        if (anySpecial) {
            return special;
        }
        int n = size;
        if (n == 0) {
            return 0.0;
        }
        double hi = partials[--n];
        double lo = 0.0;
        while (n > 0) {
            double x = hi;
            double y = partials[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) {
                break;
            }
        }
        // round half to even: when the rest would push a tie the other way, correct hi
        if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
            double y = lo * 2;
            double x = hi + y;
            double yr = x - hi;
            if (y == yr) {
                hi = x;
            }
        }
        return hi;
    }

    /** The correctly rounded sum of {@code values}. Not modified: values. */
    public static double of(double[] values) {
        ExactSum s = new ExactSum();
        for (double v : values) {
            s.add(v);
        }
        return s.value();
    }
}
