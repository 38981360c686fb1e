package dev.levelgym.envs.registry;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.wrappers.OrderEnforcing;
import dev.levelgym.envs.wrappers.TimeLimit;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A registered environment, kept apart from its code as in Gymnasium's registry: its versioned id, how to build
 * it, its episode step limit, the return at which it counts as solved, and its default options.
 */
public record EnvSpec<O, A>(String id, EnvFactory<O, A> factory, OptionalInt maxEpisodeSteps,
                            OptionalDouble rewardThreshold, Options kwargs) {

    /** The option name that overrides {@link #maxEpisodeSteps()} in {@link #make(Map)}. */
    public static final String MAX_EPISODE_STEPS = "max_episode_steps";

    public EnvSpec {
        if (!id.matches("[A-Za-z0-9_.-]+-v\\d+")) {
            throw new UserInputException("env id must look like Name-vN, got '" + id + "'");
        }
        maxEpisodeSteps.ifPresent(n -> {
            if (n <= 0) {
                throw new UserInputException(id + ": maxEpisodeSteps must be positive, got " + n);
            }
        });
    }

    public Env<O, A> make() {
        return make(Map.of());
    }

    /**
     * Builds the environment with {@code options} over the spec's kwargs, wrapped in a {@link TimeLimit} if the
     * spec (or the {@value #MAX_EPISODE_STEPS} option) sets one, and then in {@link OrderEnforcing}. Gymnasium
     * puts order enforcement inside the time limit; here it is outside, because it also refuses steps after an
     * episode ended, and a truncation by the time limit ends one.
     */
    public Env<O, A> make(Map<String, ?> options) {
        Options merged = kwargs.with(options);
        OptionalInt limit = merged.has(MAX_EPISODE_STEPS)
                ? OptionalInt.of(merged.getInt(MAX_EPISODE_STEPS, 0)) : maxEpisodeSteps;
        Map<String, Object> envOptions = new java.util.TreeMap<>(merged.values());
        envOptions.remove(MAX_EPISODE_STEPS);
        if (limit.isPresent() && limit.getAsInt() <= 0) {
            throw new UserInputException(id + ": option " + MAX_EPISODE_STEPS + " must be positive, got "
                    + limit.getAsInt());
        }
        Env<O, A> env = factory.create(new Options(envOptions));
        if (limit.isPresent()) {
            env = new TimeLimit<>(env, limit.getAsInt());
        }
        // Outside the time limit, so that a step after a truncation by the limit is refused too.
        return new OrderEnforcing<>(env);
    }
}
