package dev.levelgym.agents;

import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.vector.VectorEnv;
import java.nio.file.Path;
import java.util.random.RandomGenerator;

/**
 * An agent the benchmark harness trains on a discrete-action env: a run of {@code totalSteps} env steps
 * (schedules such as ε span it) trained in chunks, each chunk stopping once the step counter reaches
 * {@code stopAt}, with greedy evaluations in between. A run split into chunks, with or without a save and load
 * between them, is the same run as one call. levelgym's own agents are {@link Learner}s on the shared
 * {@link TrainingLoop}; a bridge to another library's learning (RL4J) implements this interface alone.
 *
 * @param <O> observation type
 */
public interface TrainableAgent<O> extends Agent<O, Integer>, AutoCloseable {

    /**
     * Trains on the {@code env.numEnvs()} copies of {@code env} until the step counter reaches {@code stopAt}
     * (at most {@code totalSteps}), possibly a few steps past it (a vector step adds up to N; PPO finishes its
     * rollout).
     *
     * @param env      built as in earlier calls (same id, options and number of copies)
     * @param seed     seeds the agent on its first call; later calls pass the same seed
     * @param listener told about each finished training episode
     */
    TrainingResult train(VectorEnv env, long totalSteps, long seed, long stopAt, EpisodeListener listener);

    /** {@link #train(VectorEnv, long, long, long, EpisodeListener)} on one env. */
    TrainingResult train(Env<O, Integer> env, long totalSteps, long seed, long stopAt, EpisodeListener listener);

    /** Trains until the step counter reaches {@code totalSteps}. */
    default TrainingResult train(Env<O, Integer> env, long totalSteps, long seed, EpisodeListener listener) {
        return train(env, totalSteps, seed, totalSteps, listener);
    }

    /**
     * Actions for N observations at once (one network pass for the batch where the agent has a network), as a
     * vector env lays them out: {@code observations} row-major, {@code observations.length / actions.length}
     * floats per copy (a Discrete observation as one float holding its value). Explorative when {@code explore}
     * is true (consuming the agent's training generator), greedy and free of randomness when false, as
     * {@link #act}.
     */
    void actBatch(float[] observations, boolean explore, int[] actions);

    /**
     * Actions drawn from the agent's stochastic policy for N observations, copy {@code i}'s from
     * {@code generators[i]} (an evaluation seeds one per episode, so it is reproducible and leaves the training
     * generator alone). For agents whose policy is stochastic, such as PPO's; the default refuses.
     *
     * @throws UserInputException if the agent has no stochastic policy to sample
     */
    default void sampleBatch(float[] observations, RandomGenerator[] generators, int[] actions) {
        throw new UserInputException("this agent has no stochastic policy to sample from; evaluate it with "
                + "--eval-policy greedy");
    }

    /** Environment steps taken in training so far, over the agent's life. */
    long steps();

    /** Parameter updates so far (Q-table updates, or gradient steps), over the agent's life. */
    long updates();

    /**
     * Saves as {@link #save(Path)} does, with {@code runFiles} writing a training run's own files (its evaluation
     * record, say) into the same checkpoint, so that they are published together with the agent's state or not at
     * all.
     */
    void save(Path dir, Checkpoints.DirectoryWriter runFiles);

    @Override
    default void save(Path dir) {
        save(dir, Checkpoints.DirectoryWriter.NONE);
    }

    /** Frees native resources (a DJL network's memory); agents held only on the Java heap need nothing. */
    @Override
    default void close() {
    }
}
