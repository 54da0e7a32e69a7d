package org.mixlogit.integration;

/**
 * The SplitMix64 generator (Steele, Lea and Flood 2014), producing exactly the numbers of
 * {@code new java.util.SplittableRandom(seed)} for {@link #nextLong}, {@link #nextDouble} and
 * {@link #nextInt(int)}, but re-seedable in place, so a cursor can start a decision-maker's stream without
 * allocating, and pinned here so that draws never change with the JDK.
 *
 * <p>Not thread-safe: each cursor owns one.
 */
final class SplitMix64 {
    /** The odd constant 2^64 / golden ratio, SplittableRandom's default gamma. */
    static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    /** Restarts the stream as if newly made with {@code seed}. */
    void reset(long seed) {
        this.state = seed;
    }

    /**
     * The seed of stream {@code stream} (for example a decision-maker's index) under a user's {@code seed}: the
     * SplitMix64 finalizer of seed + gamma * (stream + 1). It depends only on the two numbers, never on the
     * order in which streams are started.
     */
    static long streamSeed(long seed, long stream) {
        return mix64(seed + GOLDEN_GAMMA * (stream + 1));
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    int nextInt() {
        state += GOLDEN_GAMMA;
        return mix32(state);
    }

    /** A uniform multiple of 2^-53 in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** A uniform multiple of 2^-53 in (0, 1): {@link #nextDouble()}, drawn again while it is 0. */
    double nextOpenDouble() {
        double u = nextDouble();
        while (u == 0.0) {
            u = nextDouble();
        }
        return u;
    }

    /** A uniform integer in [0, bound), without modulo bias; bound must be positive. */
    int nextInt(int bound) {
        int r = nextInt();
        int m = bound - 1;
        if ((bound & m) == 0) {
            return r & m;
        }
        int u = r >>> 1;
        r = u % bound;
        while (u + m - r < 0) {
            u = nextInt() >>> 1;
            r = u % bound;
        }
        return r;
    }

    /** The SplitMix64 finalizer (Stafford's variant 13). */
    static long mix64(long z) {
        long x = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
        return x ^ (x >>> 31);
    }

    private static int mix32(long z) {
        long x = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((x ^ (x >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }
}
