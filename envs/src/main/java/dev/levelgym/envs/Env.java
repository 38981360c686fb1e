package dev.levelgym.envs;

import dev.levelgym.envs.render.RenderMode;
import dev.levelgym.envs.render.Rendering;
import dev.levelgym.envs.spaces.Space;

/**
 * The environment contract, after Gymnasium's {@code Env}: reset, step, spaces, render, close.
 *
 * <p>{@link #reset(long)} seeds the environment's own random generator, so the same seed gives the same
 * first observation and, under the same actions, the same trajectory. {@link #reset()} continues with the
 * generator as it is. Time limits and order checks are wrappers (see {@code dev.levelgym.envs.wrappers}),
 * not flags inside environments.
 *
 * @param <O> observation type (e.g. {@code float[]} for a Box, {@code Integer} for a Discrete space)
 * @param <A> action type
 */
public interface Env<O, A> extends AutoCloseable {

    /** Seeds the environment's generator and starts a new episode. Seeds must be non-negative. */
    ResetResult<O> reset(long seed);

    /** Starts a new episode, continuing with the generator's current state (seeded from entropy if never seeded). */
    ResetResult<O> reset();

    /**
     * Advances one step.
     *
     * @throws IllegalArgumentException if the action is not in {@link #actionSpace()}
     */
    StepResult<O> step(A action);

    Space<O> observationSpace();

    Space<A> actionSpace();

    /**
     * Draws the current state.
     *
     * @throws UnsupportedOperationException if the environment does not support the mode
     */
    Rendering render(RenderMode mode);

    /** The innermost environment below any wrappers. */
    default Env<O, A> unwrapped() {
        return this;
    }

    @Override
    default void close() {
    }
}
