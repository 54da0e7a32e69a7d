package org.mixlogit.math;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;

/**
 * {@link ArrayExp#expWide} on a vector of doubles (Java 17's incubating Vector API): the same reduction, the same
 * polynomial in the same fused multiply-adds, and the same scaling (k added to the exponent field), so the same bits
 * lane by lane for arguments within [-{@link ArrayExp#WIDE}, WIDE] (outside, both are meaningless, and on Java 24
 * and later, where ArrayExp scales by a multiplication, they differ). Compiled for Java 17 from {@code src/main/java17}; loaded only where {@code jdk.incubator.vector} is
 * in the JVM's boot layer. The constants are broadcast in the method, where C2 hoists them out of the caller's loop.
 */
public final class VectorExp {
    private VectorExp() {
    }

    /** exp(v) lane by lane for |v| <= {@link ArrayExp#WIDE} (meaningless outside, with no error raised). */
    public static DoubleVector expWide(DoubleVector v) {
        DoubleVector t = v.fma(v.broadcast(ArrayExp.LOG2E), v.broadcast(ArrayExp.SHIFTER));
        DoubleVector k = t.sub(ArrayExp.SHIFTER);
        DoubleVector r = k.fma(v.broadcast(-ArrayExp.LN2_LO), k.fma(v.broadcast(-ArrayExp.LN2_HI), v));
        DoubleVector p = r.fma(ArrayExp.Q9, ArrayExp.Q8);
        p = p.fma(r, r.broadcast(ArrayExp.Q7));
        p = p.fma(r, r.broadcast(ArrayExp.Q6));
        p = p.fma(r, r.broadcast(ArrayExp.Q5));
        p = p.fma(r, r.broadcast(ArrayExp.Q4));
        p = p.fma(r, r.broadcast(ArrayExp.Q3));
        p = p.fma(r, r.broadcast(ArrayExp.Q2));
        p = p.fma(r, r.broadcast(ArrayExp.Q1));
        p = p.fma(r, r.broadcast(ArrayExp.Q0));
        DoubleVector one = r.broadcast(1.0);
        p = p.fma(r, one).fma(r, one);
        return p.reinterpretAsLongs().add(t.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52))
                .reinterpretAsDoubles();
    }
}
