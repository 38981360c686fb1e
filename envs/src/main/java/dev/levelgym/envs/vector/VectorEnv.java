package dev.levelgym.envs.vector;

import dev.levelgym.envs.spaces.Discrete;
import dev.levelgym.envs.spaces.Space;
import java.util.Map;

/**
 * N copies of an environment with a flat float observation and a discrete action, stepped together, after
 * Gymnasium's vector API in its default {@code NEXT_STEP} autoreset mode: when copy {@code i} ends an episode
 * on one step, the next {@link #step} resets it instead of stepping it (its action is ignored) and reports the
 * new episode's first observation with reward 0 and both flags false.
 *
 * <p>Observations of all copies lie in one flat row-major array, {@code observationSize()} floats per copy, so
 * a batch goes to a network without copying. The arrays of a {@link VectorStep} belong to the vector env and
 * are overwritten by the next call: copy what you keep.
 */
public interface VectorEnv extends AutoCloseable {

    int numEnvs();

    /** Floats per copy in the observation array. */
    int observationSize();

    /** The observation space of one copy. */
    Space<?> singleObservationSpace();

    /** The action space of one copy. */
    Discrete singleActionSpace();

    /** Resets every copy; copy {@code i} is seeded with {@code seed + i}, as Gymnasium does. */
    default VectorStep reset(long seed) {
        if (seed < 0) {
            throw new IllegalArgumentException("seed must be non-negative, got " + seed);
        }
        long[] seeds = new long[numEnvs()];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = Math.addExact(seed, i);
        }
        return reset(seeds);
    }

    /** Resets copy {@code i} with {@code seeds[i]} (Gymnasium's {@code reset(seed=[...])}); seeds non-negative. */
    VectorStep reset(long[] seeds);

    /** Steps every copy with {@code actions[i]} (or autoresets it; see the class comment). */
    default VectorStep step(int[] actions) {
        return step(actions, null);
    }

    /**
     * As {@link #step(int[])}, but a copy that autoresets on this call is reset with {@code resetSeeds[i]}, so a
     * training loop chooses every episode's seed (and can rebuild an episode from it); with {@code resetSeeds}
     * null each copy continues its own generator, as Gymnasium's autoreset does.
     */
    VectorStep step(int[] actions, long[] resetSeeds);

    /**
     * True if copy {@code i} ended its episode on the last call, so the next {@link #step} resets it (ignoring its
     * action) rather than stepping it.
     */
    boolean autoresets(int i);

    /**
     * Rebuilds copy {@code i} at a point of an earlier run, to resume training from a checkpoint: resets it with
     * {@code seed} and steps it with {@code actions[0..length)}. If the last of them ended the episode, the copy
     * autoresets on the next step, as it would have then. Returns the batch with copy {@code i}'s observation
     * (the other copies' as they are).
     *
     * @throws IllegalArgumentException if the episode ends before the last action: the copy is not the env the
     *                                  actions were recorded on
     */
    VectorStep restore(int i, long seed, int[] actions, int length);

    /** Info of copy {@code i} from the last reset or step (empty when the env reports none). */
    Map<String, Object> info(int i);

    @Override
    default void close() {
    }

    /**
     * One call's results for all copies. After {@link #reset} rewards are 0 and flags false. The arrays are the
     * vector env's buffers.
     */
    record VectorStep(float[] observations, double[] rewards, boolean[] terminated, boolean[] truncated) {
    }
}
