package dev.levelgym.agents.testing;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.ResetResult;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.render.RenderMode;
import dev.levelgym.envs.render.Rendering;
import dev.levelgym.envs.spaces.Discrete;
import dev.levelgym.envs.spaces.Space;
import java.util.Map;

/**
 * One state, one action, reward 1, and every episode one step long, ending by termination or by truncation:
 * the smallest env where bootstrapping on one and not the other gives different values.
 */
public final class OneStateEnv implements Env<Integer, Integer> {

    private final boolean terminate;

    public OneStateEnv(boolean terminate) {
        this.terminate = terminate;
    }

    @Override
    public ResetResult<Integer> reset(long seed) {
        return ResetResult.of(0);
    }

    @Override
    public ResetResult<Integer> reset() {
        return ResetResult.of(0);
    }

    @Override
    public StepResult<Integer> step(Integer action) {
        return new StepResult<>(0, 1.0, terminate, !terminate, Map.of());
    }

    @Override
    public Space<Integer> observationSpace() {
        return new Discrete(1);
    }

    @Override
    public Space<Integer> actionSpace() {
        return new Discrete(1);
    }

    @Override
    public Rendering render(RenderMode mode) {
        throw new UnsupportedOperationException("OneStateEnv does not render");
    }
}
