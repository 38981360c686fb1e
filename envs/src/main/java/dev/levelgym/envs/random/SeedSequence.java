package dev.levelgym.envs.random;

/**
 * numpy's {@code SeedSequence} (numpy/random/bit_generator.pyx) for a single non-negative integer seed and no
 * spawn key: the entropy pool mixing and {@code generate_state}. All arithmetic is on unsigned 32-bit words.
 */
final class SeedSequence {

    private static final int POOL_SIZE = 4;
    private static final int INIT_A = 0x43b0d7e5;
    private static final int MULT_A = 0x931e8875;
    private static final int INIT_B = 0x8b51f9dd;
    private static final int MULT_B = 0x58f38ded;
    private static final int MIX_MULT_L = 0xca01f9dd;
    private static final int MIX_MULT_R = 0x4973f715;
    private static final int XSHIFT = 16;

    private SeedSequence() {
    }

    /** {@code SeedSequence(seed).generate_state(n, uint64)}. */
    static long[] generateState64(long seed, int n) {
        int[] pool = pool(entropyWords(seed));
        int[] words = new int[2 * n];
        int hashConst = INIT_B;
        for (int i = 0; i < words.length; i++) {
            int value = pool[i % POOL_SIZE];
            value ^= hashConst;
            hashConst *= MULT_B;
            value *= hashConst;
            value ^= value >>> XSHIFT;
            words[i] = value;
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            // numpy views the uint32 array as little-endian uint64.
            out[i] = (words[2 * i] & 0xFFFFFFFFL) | ((long) words[2 * i + 1] << 32);
        }
        return out;
    }

    /** The integer as little-endian 32-bit words; zero is one zero word. */
    private static int[] entropyWords(long seed) {
        return (seed >>> 32) == 0 ? new int[] {(int) seed} : new int[] {(int) seed, (int) (seed >>> 32)};
    }

    private static int[] pool(int[] entropy) {
        int[] pool = new int[POOL_SIZE];
        int[] hashConst = {INIT_A};
        for (int i = 0; i < POOL_SIZE; i++) {
            pool[i] = hashmix(i < entropy.length ? entropy[i] : 0, hashConst);
        }
        for (int src = 0; src < POOL_SIZE; src++) {
            for (int dst = 0; dst < POOL_SIZE; dst++) {
                if (src != dst) {
                    pool[dst] = mix(pool[dst], hashmix(pool[src], hashConst));
                }
            }
        }
        for (int src = POOL_SIZE; src < entropy.length; src++) {
            for (int dst = 0; dst < POOL_SIZE; dst++) {
                pool[dst] = mix(pool[dst], hashmix(entropy[src], hashConst));
            }
        }
        return pool;
    }

    private static int hashmix(int value, int[] hashConst) {
        value ^= hashConst[0];
        hashConst[0] *= MULT_A;
        value *= hashConst[0];
        return value ^ (value >>> XSHIFT);
    }

    private static int mix(int x, int y) {
        int result = MIX_MULT_L * x - MIX_MULT_R * y;
        return result ^ (result >>> XSHIFT);
    }
}
