package dev.levelgym.envs.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Expected values come from numpy 2.4.6:
 * <pre>
 * python3 -c "import numpy as np
 * for s in [0, 42, 2**40+123, 2**63-1]:
 *     print(s, [repr(float(x)) for x in np.random.default_rng(s).random(4)])
 *     print([int(x) for x in np.random.default_rng(s).bit_generator.random_raw(3)])
 * print(repr(np.random.default_rng(7).uniform(-0.05, 0.05)))"
 * </pre>
 * Raw outputs are unsigned 64-bit and are compared via {@link Long#parseUnsignedLong}.
 */
class Pcg64Test {

    @Test
    void restoredStateContinuesTheSameStream() {
        Pcg64 original = Pcg64.seeded(42);
        for (int i = 0; i < 5; i++) {
            original.nextLong();
        }
        long[] words = original.state();
        Pcg64 copy = Pcg64.restore(words);
        for (int i = 0; i < 100; i++) {
            assertEquals(original.nextLong(), copy.nextLong(), "draw " + i);
        }
        // state() is a snapshot: the words must not change when the generator advances.
        assertArrayEquals(words, Pcg64.restore(words).state());
    }

    @Test
    void restoreRejectsMalformedState() {
        assertThrows(IllegalArgumentException.class, () -> Pcg64.restore(new long[3]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pcg64.restore(new long[] {1, 2, 3, 4}));
        assertEquals("Pcg64 state has an even increment, so it is not a PCG64 state", e.getMessage());
    }

    @Test
    void seedZeroMatchesNumpy() {
        assertDoubles(Pcg64.seeded(0), 0.6369616873214543, 0.2697867137638703, 0.04097352393619469,
                0.016527635528529094);
        assertRaw(Pcg64.seeded(0), "11749869230777074271", "4976686463289251617", "755828109848996024");
    }

    @Test
    void seed42MatchesNumpy() {
        assertDoubles(Pcg64.seeded(42), 0.7739560485559633, 0.4388784397520523, 0.8585979199113825,
                0.6973680290593639);
        assertRaw(Pcg64.seeded(42), "14276969152011380360", "8095878257575067585", "15838336090824644132");
    }

    @Test
    void seedAbove2To32UsesTwoEntropyWordsAsNumpy() {
        long seed = (1L << 40) + 123;
        assertDoubles(Pcg64.seeded(seed), 0.7575219299847407, 0.968547241471267, 0.5798807154944722,
                0.6001823081659644);
        assertRaw(Pcg64.seeded(seed), "13973813172651037577", "17866543086717830460", "10696911152006110966");
    }

    @Test
    void largestSeedMatchesNumpy() {
        assertDoubles(Pcg64.seeded(Long.MAX_VALUE), 0.1754661243027813, 0.4699286514015091, 0.8250374441530688,
                0.3049326362166703);
        assertRaw(Pcg64.seeded(Long.MAX_VALUE), "3236778688619115796", "8668653565307110780",
                "15219254583519097992");
    }

    @Test
    void uniformMatchesNumpy() {
        assertEquals(0.012509546660466692, Pcg64.seeded(7).uniform(-0.05, 0.05));
    }

    @Test
    void negativeSeedIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pcg64.seeded(-1));
        assertEquals("seed must be non-negative, got -1", e.getMessage());
    }

    @Test
    void entropySeededGeneratorsDiffer() {
        assertNotEquals(Pcg64.fromEntropy().nextLong(), Pcg64.fromEntropy().nextLong());
    }

    private static void assertDoubles(Pcg64 random, double... expected) {
        double[] actual = new double[expected.length];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = random.nextDouble();
        }
        assertArrayEquals(expected, actual);
    }

    private static void assertRaw(Pcg64 random, String... expected) {
        long[] want = new long[expected.length];
        long[] actual = new long[expected.length];
        for (int i = 0; i < want.length; i++) {
            want[i] = Long.parseUnsignedLong(expected[i]);
            actual[i] = random.nextLong();
        }
        assertArrayEquals(want, actual);
    }
}
