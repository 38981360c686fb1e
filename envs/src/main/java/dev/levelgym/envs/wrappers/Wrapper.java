package dev.levelgym.envs.wrappers;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.ResetResult;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.render.RenderMode;
import dev.levelgym.envs.render.Rendering;
import dev.levelgym.envs.spaces.Space;

/**
 * Base of every wrapper: passes every call to the wrapped env. A new wrapper extends this and overrides only
 * what it changes, as Gymnasium's {@code gymnasium.Wrapper}.
 */
public abstract class Wrapper<O, A> implements Env<O, A> {

    protected final Env<O, A> env;

    protected Wrapper(Env<O, A> env) {
        this.env = java.util.Objects.requireNonNull(env, "env");
    }

    @Override
    public ResetResult<O> reset(long seed) {
        return env.reset(seed);
    }

    @Override
    public ResetResult<O> reset() {
        return env.reset();
    }

    @Override
    public StepResult<O> step(A action) {
        return env.step(action);
    }

    @Override
    public Space<O> observationSpace() {
        return env.observationSpace();
    }

    @Override
    public Space<A> actionSpace() {
        return env.actionSpace();
    }

    @Override
    public Rendering render(RenderMode mode) {
        return env.render(mode);
    }

    @Override
    public Env<O, A> unwrapped() {
        return env.unwrapped();
    }

    /** The env this one wraps. */
    public Env<O, A> inner() {
        return env;
    }

    @Override
    public void close() {
        env.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "<" + env + ">";
    }
}
