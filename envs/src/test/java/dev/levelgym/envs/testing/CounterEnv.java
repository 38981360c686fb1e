package dev.levelgym.envs.testing;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.ResetResult;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.render.RenderMode;
import dev.levelgym.envs.render.Rendering;
import dev.levelgym.envs.spaces.Discrete;
import dev.levelgym.envs.spaces.Space;
import java.util.Map;

/**
 * Observes its own step count (a Discrete observation), rewards the action taken, and terminates on step
 * {@code terminateAt}: a fully predictable env for wrapper and vector tests.
 */
public final class CounterEnv implements Env<Integer, Integer> {

    private final int terminateAt;
    private int count;
    private int resets;
    private boolean closed;

    public CounterEnv(int terminateAt) {
        this.terminateAt = terminateAt;
    }

    public int resets() {
        return resets;
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public ResetResult<Integer> reset(long seed) {
        return reset();
    }

    @Override
    public ResetResult<Integer> reset() {
        count = 0;
        resets++;
        return new ResetResult<>(0, Map.of("resets", resets));
    }

    @Override
    public StepResult<Integer> step(Integer action) {
        actionSpace().requireContains(action, "action");
        count++;
        return new StepResult<>(count, action, count == terminateAt, false, Map.of("count", count));
    }

    @Override
    public Space<Integer> observationSpace() {
        return new Discrete(terminateAt + 1);
    }

    @Override
    public Space<Integer> actionSpace() {
        return new Discrete(3);
    }

    @Override
    public Rendering render(RenderMode mode) {
        throw new UnsupportedOperationException("CounterEnv does not render");
    }

    @Override
    public void close() {
        closed = true;
    }
}
