package org.mixlogit.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The re-seedable generator gives exactly the numbers of java.util.SplittableRandom with the same seed. */
class SplitMix64Test {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {0L, 1L, 12345L, -7L, Long.MIN_VALUE, 0x9e3779b97f4a7c15L})
    void matchesSplittableRandom(long seed) {
        SplittableRandom reference = new SplittableRandom(seed);
        SplitMix64 random = new SplitMix64(seed);
        for (int i = 0; i < 200; i++) {
            assertEquals(reference.nextLong(), random.nextLong());
            assertEquals(reference.nextDouble(), random.nextDouble(), 0.0);
            assertEquals(reference.nextInt(), random.nextInt());
        }
        // Powers of two, small odd bounds, and bounds near 2^31 where the rejection loop runs often.
        int[] bounds = {1, 2, 3, 7, 64, 100, 1000, (1 << 30) + 1, Integer.MAX_VALUE - 1, Integer.MAX_VALUE};
        for (int bound : bounds) {
            for (int i = 0; i < 200; i++) {
                assertEquals(reference.nextInt(bound), random.nextInt(bound), "bound " + bound);
            }
        }
    }

    @Test
    @DisplayName("reset restarts the stream as a new generator would")
    void resetRestarts() {
        SplitMix64 random = new SplitMix64(99L);
        random.nextLong();
        random.nextInt(17);
        random.reset(42L);
        SplittableRandom reference = new SplittableRandom(42L);
        for (int i = 0; i < 50; i++) {
            assertEquals(reference.nextLong(), random.nextLong());
        }
    }

    @Test
    @DisplayName("stream seeds are mixed: neighbouring streams are not shifted copies of each other")
    void streamSeedsAreNotShiftedStreams() {
        long s0 = SplitMix64.streamSeed(12345L, 0);
        long s1 = SplitMix64.streamSeed(12345L, 1);
        assertNotEquals(s0, s1);
        // Unmixed seeds seed + gamma (n + 1) would make stream 1 equal stream 0 advanced by one step.
        SplitMix64 zero = new SplitMix64(s0);
        zero.nextLong();
        assertNotEquals(zero.nextLong(), new SplitMix64(s1).nextLong());
        assertEquals(SplitMix64.mix64(12345L + SplitMix64.GOLDEN_GAMMA * 8), SplitMix64.streamSeed(12345L, 7));
    }
}
