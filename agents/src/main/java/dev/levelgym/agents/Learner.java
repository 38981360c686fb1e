package dev.levelgym.agents;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.vector.VectorEnv;

/**
 * A {@link TrainableAgent} that trains on the shared {@link TrainingLoop}: the loop steps N env copies, asks the
 * learner for a batch of actions ({@link #actBatch} with {@code explore} true), hands it the transitions
 * ({@link #observe}) and lets it learn ({@link #update}). The seeded resets, the record of every episode in
 * progress and the rebuilding of the envs on resume are the loop's, written once for every learner.
 *
 * @param <O> observation type of a single env (for {@link #act}); the loop itself works on flat floats
 */
public interface Learner<O> extends TrainableAgent<O> {

    /** The loop this agent trains on; its state is part of the agent's checkpoint. */
    TrainingLoop loop();

    /**
     * The first training call of a run: checks that the agent can act in {@code env}'s spaces, and seeds its
     * generators and initial weights from {@code seed}. The loop calls it once per run, before any other call.
     *
     * @throws dev.levelgym.envs.UserInputException if the env's spaces are not the agent's
     */
    void beginRun(VectorEnv env, long seed);

    /**
     * Checks that a later call trains on an env of the agent's spaces (e.g. after a load).
     *
     * @throws dev.levelgym.envs.UserInputException if not
     */
    void requireSpaces(VectorEnv env);

    /** Takes in one vector step's transitions (e.g. stores them in a replay buffer or a rollout). */
    void observe(Transitions transitions);

    /**
     * Called after every {@link #observe}: takes the parameter updates the learner's schedule calls for now (every
     * step for Q-learning, every {@code trainFreq} env steps for DQN, after each rollout for PPO).
     */
    void update();

    /**
     * True where training may pause for an evaluation or a checkpoint; the loop runs on to the next such point.
     * PPO pauses only between rollouts, so its checkpoints never hold half a rollout.
     */
    default boolean atBoundary() {
        return true;
    }

    /** Env steps taken in training, over the agent's life (the loop's count). */
    @Override
    default long steps() {
        return loop().steps();
    }

    /** Episodes finished in training, over the agent's life. */
    default long episodes() {
        return loop().episodes();
    }

    @Override
    default TrainingResult train(VectorEnv env, long totalSteps, long seed, long stopAt, EpisodeListener listener) {
        return loop().run(this, env, totalSteps, seed, stopAt, listener);
    }

    @Override
    default TrainingResult train(Env<O, Integer> env, long totalSteps, long seed, long stopAt,
                                 EpisodeListener listener) {
        return loop().run(this, env, totalSteps, seed, stopAt, listener);
    }
}
