package dev.levelgym.cli;

import dev.levelgym.envs.InfoKeys;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.random.Pcg64;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Plays one episode with a fixed policy. Episode {@code i} of a rollout with seed {@code s} resets the env with
 * {@code s + i} (and a random policy draws its actions from a generator seeded with {@code s + i}), so any single
 * episode can be reproduced on its own with {@code --seed s+i --episodes 1}.
 */
final class Rollout {

    private Rollout() {
    }

    /** An episode of uniformly random actions. */
    static <O, A> EpisodeResult random(Env<O, A> env, long seed, Consumer<Env<O, A>> afterEachStep) {
        Pcg64 actions = Pcg64.seeded(seed);
        return play(env, seed, observation -> env.actionSpace().sample(actions), afterEachStep);
    }

    /** An episode in which {@code policy} picks every action from the observation. */
    static <O, A> EpisodeResult play(Env<O, A> env, long seed, Function<O, A> policy,
                                     Consumer<Env<O, A>> afterEachStep) {
        O observation = env.reset(seed).observation();
        afterEachStep.accept(env);
        double episodeReturn = 0;
        int length = 0;
        StepResult<O> step;
        do {
            step = env.step(policy.apply(observation));
            observation = step.observation();
            episodeReturn += step.reward();
            length++;
            afterEachStep.accept(env);
        } while (!step.done());
        Object result = step.info().get(InfoKeys.RESULT);
        return new EpisodeResult(seed, episodeReturn, length, result == null ? "" : result.toString());
    }
}
