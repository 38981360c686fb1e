package dev.levelgym.envs.wrappers;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.ResetResult;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.render.RenderMode;
import dev.levelgym.envs.render.Rendering;

/**
 * Refuses a step before the first reset, or after an episode ended without a new reset. Gymnasium refuses only
 * the first case and lets CartPole integrate past termination with reward 0; stepping a finished episode is
 * always a bug in the caller's loop, so levelgym makes it an error.
 */
public final class OrderEnforcing<O, A> extends Wrapper<O, A> {

    private enum Phase { NEVER_RESET, RUNNING, ENDED }

    private Phase phase = Phase.NEVER_RESET;

    public OrderEnforcing(Env<O, A> env) {
        super(env);
    }

    @Override
    public ResetResult<O> reset(long seed) {
        ResetResult<O> result = env.reset(seed);
        phase = Phase.RUNNING;
        return result;
    }

    @Override
    public ResetResult<O> reset() {
        ResetResult<O> result = env.reset();
        phase = Phase.RUNNING;
        return result;
    }

    @Override
    public StepResult<O> step(A action) {
        switch (phase) {
            case NEVER_RESET -> throw new IllegalStateException(
                    "step() called before reset(): call reset() or reset(seed) to start an episode");
            case ENDED -> throw new IllegalStateException(
                    "step() called after the episode ended (terminated or truncated): call reset() first");
            default -> { }
        }
        StepResult<O> result = env.step(action);
        if (result.done()) {
            phase = Phase.ENDED;
        }
        return result;
    }

    @Override
    public Rendering render(RenderMode mode) {
        if (phase == Phase.NEVER_RESET) {
            throw new IllegalStateException("render() called before reset(): there is no state to draw yet");
        }
        return env.render(mode);
    }
}
