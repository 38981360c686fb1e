package dev.levelgym.cli;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.random.Pcg64;
import java.util.function.Consumer;

/**
 * Plays episodes with uniformly random actions. Episode {@code i} of a rollout with seed {@code s} resets the
 * env with {@code s + i} and draws its actions from a generator seeded with {@code s + i}, so any single
 * episode can be reproduced on its own with {@code --seed s+i --episodes 1}.
 */
final class RandomRollout {

    private RandomRollout() {
    }

    static <O, A> EpisodeResult play(Env<O, A> env, long seed, Consumer<Env<O, A>> afterEachStep) {
        Pcg64 actions = Pcg64.seeded(seed);
        env.reset(seed);
        afterEachStep.accept(env);
        double episodeReturn = 0;
        int length = 0;
        StepResult<O> step;
        do {
            step = env.step(env.actionSpace().sample(actions));
            episodeReturn += step.reward();
            length++;
            afterEachStep.accept(env);
        } while (!step.done());
        Object result = step.info().get("result");
        return new EpisodeResult(seed, episodeReturn, length, result == null ? "" : result.toString());
    }
}
