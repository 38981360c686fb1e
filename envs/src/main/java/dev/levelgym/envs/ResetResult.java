package dev.levelgym.envs;

import java.util.Map;

/** What {@link Env#reset} returns: the first observation of an episode and its info. */
public record ResetResult<O>(O observation, Map<String, Object> info) {

    public ResetResult {
        info = Map.copyOf(info);
    }

    public static <O> ResetResult<O> of(O observation) {
        return new ResetResult<>(observation, Map.of());
    }
}
