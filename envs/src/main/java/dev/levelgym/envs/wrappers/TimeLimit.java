package dev.levelgym.envs.wrappers;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.ResetResult;
import dev.levelgym.envs.StepResult;

/**
 * Truncates an episode on its {@code maxEpisodeSteps}-th step, as Gymnasium's {@code TimeLimit}: the step
 * count restarts at every reset, and a step that also terminates reports both flags.
 */
public final class TimeLimit<O, A> extends Wrapper<O, A> {

    private final int maxEpisodeSteps;
    private int elapsedSteps;

    public TimeLimit(Env<O, A> env, int maxEpisodeSteps) {
        super(env);
        if (maxEpisodeSteps <= 0) {
            throw new IllegalArgumentException("maxEpisodeSteps must be positive, got " + maxEpisodeSteps);
        }
        this.maxEpisodeSteps = maxEpisodeSteps;
    }

    public int maxEpisodeSteps() {
        return maxEpisodeSteps;
    }

    public int elapsedSteps() {
        return elapsedSteps;
    }

    @Override
    public ResetResult<O> reset(long seed) {
        elapsedSteps = 0;
        return env.reset(seed);
    }

    @Override
    public ResetResult<O> reset() {
        elapsedSteps = 0;
        return env.reset();
    }

    @Override
    public StepResult<O> step(A action) {
        StepResult<O> result = env.step(action);
        elapsedSteps++;
        return elapsedSteps >= maxEpisodeSteps && !result.truncated() ? result.withTruncated(true) : result;
    }
}
