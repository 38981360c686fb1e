package dev.levelgym.envs.registry;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.wrappers.OrderEnforcing;
import dev.levelgym.envs.wrappers.TimeLimit;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A registered environment, kept apart from its code as in Gymnasium's registry: its versioned id, how to build
 * it, its episode step limit, the return at which it counts as solved, its default options, and the roles of its
 * options that evaluation tools need.
 *
 * @param trainingOptions options that only shape training (reward shaping, a kill reward switched off): an
 *                        evaluation plays the game without them, as any learner's results are compared on it;
 *                        {@value #MAX_EPISODE_STEPS} is always one
 * @param levelOptions    options that choose the levels (a level file, a procedural set and its size): a test on
 *                        other levels (a folder of level files, say) replaces all of them
 */
public record EnvSpec<O, A>(String id, EnvFactory<O, A> factory, OptionalInt maxEpisodeSteps,
                            OptionalDouble rewardThreshold, Options kwargs, Set<String> trainingOptions,
                            Set<String> levelOptions) {

    /** The option name that overrides {@link #maxEpisodeSteps()} in {@link #make(Map)}. */
    public static final String MAX_EPISODE_STEPS = "max_episode_steps";

    /** A spec whose options have no training or level roles. */
    public EnvSpec(String id, EnvFactory<O, A> factory, OptionalInt maxEpisodeSteps, OptionalDouble rewardThreshold,
                   Options kwargs) {
        this(id, factory, maxEpisodeSteps, rewardThreshold, kwargs, Set.of(), Set.of());
    }

    public EnvSpec {
        trainingOptions = Set.copyOf(trainingOptions);
        levelOptions = Set.copyOf(levelOptions);
        if (!id.matches("[A-Za-z0-9_.-]+-v\\d+")) {
            throw new UserInputException("env id must look like Name-vN, got '" + id + "'");
        }
        maxEpisodeSteps.ifPresent(n -> {
            if (n <= 0) {
                throw new UserInputException(id + ": maxEpisodeSteps must be positive, got " + n);
            }
        });
    }

    /**
     * The options an evaluation of an agent trained with {@code trainOptions} plays: the same game and levels,
     * without the {@link #trainingOptions} (and without a changed time limit), so results from any training set-up
     * are measured on the game as defined.
     */
    public <V> Map<String, V> evaluationOptions(Map<String, V> trainOptions) {
        Map<String, V> options = new java.util.TreeMap<>(trainOptions);
        options.keySet().removeAll(trainingOptions);
        options.remove(MAX_EPISODE_STEPS);
        return options;
    }

    /** {@link #evaluationOptions} without the {@link #levelOptions}: the game of the run, on levels to be chosen. */
    public <V> Map<String, V> gameOptions(Map<String, V> trainOptions) {
        Map<String, V> options = evaluationOptions(trainOptions);
        options.keySet().removeAll(levelOptions);
        return options;
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
