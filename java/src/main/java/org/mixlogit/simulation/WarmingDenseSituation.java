package org.mixlogit.simulation;

import java.util.function.LongSupplier;

/**
 * The Vector API {@link DenseSituation} behind a warm-up. Java 17 runs Vector API code in the interpreter and C1
 * code until C2 has compiled it, boxing every vector there, a hundred times slower than the portable loops: on the
 * synthetic panel (N = 10,000, two workers) that was gigabytes of short-lived objects and seconds of CPU, more than
 * the vectors save, and under load C2 may take seconds to get to it. So each of the four shapes of call (up to five
 * coefficients or more, with or without the score) goes to the portable implementation, and to the Vector API one
 * only while the time spent there is at most {@value #BUDGET} of the time spent in portable calls, which keeps it
 * warming at a bounded cost, until its calls of that shape are timed faster per alternative than the portable ones
 * (running means over the last calls, after at least {@value #SAMPLES} of each); from then on all calls of the
 * shape go there. The two implementations give the same bits, so which one computed a situation never shows in a
 * result: the clock decides speed only. Not thread-safe (one per worker).
 */
final class WarmingDenseSituation implements DenseSituation {
    /** While a shape warms up, its Vector API calls take at most this share of the time its portable calls take. */
    static final double BUDGET = 0.1;
    /** Timed calls of each implementation before they are compared. */
    static final int SAMPLES = 32;
    /** Weight of a new time in a running mean. */
    private static final double NEW = 1.0 / 16;

    private final DenseSituation portable;
    private final DenseSituation vector;
    /** Nanoseconds ({@link System#nanoTime}; a test's own clock in tests). */
    private final LongSupplier clock;
    /** Per shape (2 x wide + scored): whether its calls all go to the Vector API implementation. */
    private final boolean[] warm = new boolean[4];
    /** Nanoseconds spent in each implementation while warming up. */
    private final long[] vectorNanos = new long[4];
    private final long[] portableNanos = new long[4];
    private final int[] vectorSamples = new int[4];
    private final int[] portableSamples = new int[4];
    /** Running means of nanoseconds per alternative. */
    private final double[] vectorTime = new double[4];
    private final double[] portableTime = new double[4];

    WarmingDenseSituation(DenseSituation portable, DenseSituation vector) {
        this(portable, vector, System::nanoTime);
    }

    WarmingDenseSituation(DenseSituation portable, DenseSituation vector, LongSupplier clock) {
        this.portable = portable;
        this.vector = vector;
        this.clock = clock;
    }

    @Override
    public int scratchRows() {
        return portable.scratchRows() + vector.scratchRows();
    }

    @Override
    public void evaluate(double[] difference, int m, int k, double[][] beta, double[][] rows, double[] inverse,
            double[] product, double[] health, double[][] betaScore) {
        int shape = (k > 5 ? 2 : 0) + (betaScore != null ? 1 : 0);
        if (warm[shape]) {
            vector.evaluate(difference, m, k, beta, rows, inverse, product, health, betaScore);
            return;
        }
        boolean useVector = vectorNanos[shape] <= BUDGET * portableNanos[shape];
        long start = clock.getAsLong();
        (useVector ? vector : portable).evaluate(difference, m, k, beta, rows, inverse, product, health, betaScore);
        long nanos = clock.getAsLong() - start;
        double perAlternative = nanos / (double) Math.max(m, 1);
        if (useVector) {
            vectorNanos[shape] += nanos;
            vectorTime[shape] = mean(vectorTime[shape], perAlternative, vectorSamples[shape]++);
        } else {
            portableNanos[shape] += nanos;
            portableTime[shape] = mean(portableTime[shape], perAlternative, portableSamples[shape]++);
        }
        warm[shape] = vectorSamples[shape] >= SAMPLES && portableSamples[shape] >= SAMPLES
                && vectorTime[shape] < portableTime[shape];
    }

    /** The running mean after one more time: the plain mean for the first samples, then exponential weights. */
    private static double mean(double mean, double time, int before) {
        double weight = Math.max(NEW, 1.0 / (before + 1));
        return mean + weight * (time - mean);
    }
}
