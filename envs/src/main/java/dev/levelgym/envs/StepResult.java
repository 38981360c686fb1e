package dev.levelgym.envs;

import java.util.Map;

/**
 * What {@link Env#step} returns. {@code terminated} means the MDP reached a terminal state (agents must not
 * bootstrap past it); {@code truncated} means the episode was cut off, e.g. by a time limit (agents should
 * bootstrap). Both may be true on the same step.
 */
public record StepResult<O>(O observation, double reward, boolean terminated, boolean truncated,
                            Map<String, Object> info) {

    public StepResult {
        info = Map.copyOf(info);
    }

    /** True when the episode is over for either reason and the env needs a reset. */
    public boolean done() {
        return terminated || truncated;
    }

    public StepResult<O> withTruncated(boolean value) {
        return new StepResult<>(observation, reward, terminated, value, info);
    }

    public StepResult<O> withInfo(Map<String, Object> value) {
        return new StepResult<>(observation, reward, terminated, truncated, value);
    }
}
