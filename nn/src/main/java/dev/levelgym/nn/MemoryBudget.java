package dev.levelgym.nn;

import dev.levelgym.envs.UserInputException;
import java.util.Locale;

/**
 * Checks that a configuration's arrays fit before any is allocated, so that a batch size of 10<sup>8</sup> or a
 * replay buffer of a billion transitions is refused with a message naming the setting and the limit, rather than
 * running until the JVM or libtorch dies of it.
 *
 * <p>Three budgets: the Java heap for what lives there (replay buffers, rollouts), checked against the heap this JVM
 * may grow to ({@code -Xmx}, raised with {@code LEVELGYM_JAVA_OPTS=-Xmx8g}); and a fixed {@value
 * #MAX_ACTIVATION_FLOATS} floats (1 GiB of float32) for any one array libtorch holds per batch (an input batch, one
 * layer's activations), far above what our networks need (a 64-transition batch of 11×13×9 Dungeon maps is 82,368
 * floats) and low enough that the forward and backward passes of a few such layers still fit in memory; and
 * {@value #MAX_PARAMETERS} parameters per network.
 */
public final class MemoryBudget {

    /** Floats one batch-sized array may hold: 2<sup>28</sup>, 1 GiB of float32. */
    public static final long MAX_ACTIVATION_FLOATS = 1L << 28;
    /**
     * Parameters a network may have: 2<sup>26</sup>, 256 MiB of float32, 1 GiB with their gradients and Adam's two
     * moments; a hundred times Procgen's IMPALA CNN (about 600,000).
     */
    public static final long MAX_PARAMETERS = 1L << 26;

    private MemoryBudget() {
    }

    /**
     * Refuses an array of {@code floats} floats per batch above {@link #MAX_ACTIVATION_FLOATS}.
     *
     * @param what names the settings, e.g. "dqn config: batchSize 100000000 x an observation of 4 floats"
     * @param fix  what to lower, e.g. "lower batchSize"
     */
    public static void requireActivations(String what, long floats, String fix) {
        if (floats < 0 || floats > MAX_ACTIVATION_FLOATS) {
            throw new UserInputException(what + " makes " + (floats < 0 ? "more than 2^63" : floats) + " floats per "
                    + "batch in one array, more than the limit of " + MAX_ACTIVATION_FLOATS + " (1 GiB); " + fix);
        }
    }

    /**
     * Refuses a network of {@code parameters} parameters above {@link #MAX_PARAMETERS}, before it is built.
     *
     * @param what names the settings, e.g. "ppo config: an IMPALA network of convDepths [4096, 4096]"
     * @param fix  what to lower
     */
    public static void requireParameters(String what, long parameters, String fix) {
        if (parameters < 0 || parameters > MAX_PARAMETERS) {
            throw new UserInputException(what + " has " + (parameters < 0 ? "more than 2^63" : parameters)
                    + " parameters, more than the limit of " + MAX_PARAMETERS + " (256 MiB of float32, 1 GiB with "
                    + "gradients and Adam's moments); " + fix);
        }
    }

    /**
     * Refuses {@code bytes} of Java arrays above what the heap can hold: 3/4 of the most this JVM may use, the rest
     * being the program's own.
     */
    public static void requireHeap(String what, long bytes, String fix) {
        long max = Runtime.getRuntime().maxMemory();
        long budget = max / 4 * 3;
        if (bytes < 0 || bytes > budget) {
            throw new UserInputException(what + " needs " + (bytes < 0 ? "more than 8 EB" : gigabytes(bytes))
                    + " of Java heap, more than 3/4 of the " + gigabytes(max) + " this JVM may use (-Xmx); " + fix
                    + ", or give Java more memory (LEVELGYM_JAVA_OPTS=-Xmx...)");
        }
    }

    /** {@code a * b}, or -1 if it overflows a long. */
    public static long times(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return -1;
        }
    }

    private static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }
}
