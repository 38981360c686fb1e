package dev.levelgym.agents.testing;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.ResetResult;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.render.RenderMode;
import dev.levelgym.envs.render.Rendering;
import dev.levelgym.envs.spaces.Box;
import dev.levelgym.envs.spaces.Discrete;
import dev.levelgym.envs.spaces.Space;
import java.util.Map;

/** A one-float, two-action env whose rewards turn NaN after {@code cleanSteps} steps: a diverging run on demand. */
public final class PoisonedRewardEnv implements Env<float[], Integer> {

    private final long cleanSteps;
    private long steps;
    private int t;

    public PoisonedRewardEnv(long cleanSteps) {
        this.cleanSteps = cleanSteps;
    }

    @Override
    public ResetResult<float[]> reset(long seed) {
        return reset();
    }

    @Override
    public ResetResult<float[]> reset() {
        t = 0;
        return ResetResult.of(new float[] {0f});
    }

    @Override
    public StepResult<float[]> step(Integer action) {
        steps++;
        t++;
        double reward = steps > cleanSteps ? Double.NaN : action;
        return new StepResult<>(new float[] {t / 10f}, reward, t == 10, false, Map.of());
    }

    @Override
    public Space<float[]> observationSpace() {
        return Box.uniform(0f, 1f, 1);
    }

    @Override
    public Space<Integer> actionSpace() {
        return new Discrete(2);
    }

    @Override
    public Rendering render(RenderMode mode) {
        throw new UnsupportedOperationException("nothing to draw");
    }
}
