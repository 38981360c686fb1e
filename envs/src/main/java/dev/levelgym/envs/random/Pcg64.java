package dev.levelgym.envs.random;

import java.util.random.RandomGenerator;

/**
 * numpy's default bit generator, PCG64 (XSL-RR 128/64), seeded through numpy's {@code SeedSequence}, so that
 * {@code Pcg64.seeded(s)} produces the same 64-bit stream as {@code numpy.random.default_rng(s)} and
 * {@link #nextDouble()} the same doubles as {@code Generator.random()}. This is what lets {@code reset(seed)}
 * of a port reproduce Gymnasium's own initial states. Other draws (bounded ints, normals) use Java's
 * algorithms, not numpy's.
 *
 * <p>Not thread-safe; each environment owns one.
 */
public final class Pcg64 implements RandomGenerator {

    private static final long MULT_HI = 0x2360ED051FC65DA4L;
    private static final long MULT_LO = 0x4385DF649FCCF645L;

    private long stateHi;
    private long stateLo;
    private final long incHi;
    private final long incLo;

    private Pcg64(long seedHi, long seedLo, long seqHi, long seqLo) {
        // pcg_setseq_128_srandom_r: inc = (initseq << 1) | 1; step; state += initstate; step.
        incHi = (seqHi << 1) | (seqLo >>> 63);
        incLo = (seqLo << 1) | 1L;
        stateHi = 0;
        stateLo = 0;
        step();
        long lo = stateLo + seedLo;
        stateHi = stateHi + seedHi + (Long.compareUnsigned(lo, stateLo) < 0 ? 1 : 0);
        stateLo = lo;
        step();
    }

    /** The generator {@code numpy.random.default_rng(seed)} would make. */
    public static Pcg64 seeded(long seed) {
        if (seed < 0) {
            throw new IllegalArgumentException("seed must be non-negative, got " + seed);
        }
        long[] words = SeedSequence.generateState64(seed, 4);
        return new Pcg64(words[0], words[1], words[2], words[3]);
    }

    /** A generator seeded from the system's entropy, for {@code reset()} without a seed ever given. */
    public static Pcg64 fromEntropy() {
        return seeded(new java.security.SecureRandom().nextLong() & Long.MAX_VALUE);
    }

    /**
     * The full generator state as four words (state high, state low, increment high, increment low), so that a
     * checkpoint can continue the exact stream with {@link #restore}. numpy exposes the same 128-bit state and
     * increment through {@code bit_generator.state}.
     */
    public long[] state() {
        return new long[] {stateHi, stateLo, incHi, incLo};
    }

    /** The generator whose {@link #state()} was {@code words}; it continues exactly where that one stopped. */
    public static Pcg64 restore(long[] words) {
        if (words == null || words.length != 4) {
            throw new IllegalArgumentException("Pcg64 state must be 4 words (state hi/lo, inc hi/lo), got "
                    + (words == null ? "null" : words.length + " words"));
        }
        // PCG requires an odd increment; an even one means the words were not produced by state().
        if ((words[3] & 1L) == 0) {
            throw new IllegalArgumentException("Pcg64 state has an even increment, so it is not a PCG64 state");
        }
        return new Pcg64(words);
    }

    private Pcg64(long[] words) {
        stateHi = words[0];
        stateLo = words[1];
        incHi = words[2];
        incLo = words[3];
    }

    private void step() {
        long lo = stateLo * MULT_LO;
        long hi = unsignedMultiplyHigh(stateLo, MULT_LO) + stateLo * MULT_HI + stateHi * MULT_LO;
        long sumLo = lo + incLo;
        stateHi = hi + incHi + (Long.compareUnsigned(sumLo, lo) < 0 ? 1 : 0);
        stateLo = sumLo;
    }

    private static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    @Override
    public long nextLong() {
        step();
        return Long.rotateRight(stateHi ^ stateLo, (int) (stateHi >>> 58));
    }

    /** As numpy's {@code next_double}: the top 53 bits of one output, scaled to [0, 1). */
    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** As numpy's {@code Generator.uniform(low, high)} for one draw: {@code low + (high - low) * random()}. */
    public double uniform(double low, double high) {
        return low + (high - low) * nextDouble();
    }
}
