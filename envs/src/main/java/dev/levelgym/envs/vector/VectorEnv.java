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
    VectorStep reset(long seed);

    /** Steps every copy with {@code actions[i]} (or autoresets it; see the class comment). */
    VectorStep step(int[] actions);

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
