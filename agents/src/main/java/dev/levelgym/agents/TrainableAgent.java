package dev.levelgym.agents;

import dev.levelgym.envs.Env;

/**
 * An agent with a training loop over a discrete-action env, as the benchmark harness drives it: a run of
 * {@code totalSteps} (schedules such as ε span it) trained in chunks, each chunk stopping when the agent's step
 * counter reaches {@code stopAt}, with greedy evaluations in between. A run split into chunks, with or without a
 * save and load between them, is the same run as one call.
 *
 * @param <O> observation type
 */
public interface TrainableAgent<O> extends Agent<O, Integer>, AutoCloseable {

    /**
     * Trains on {@code env} until the step counter reaches {@code stopAt} (at most {@code totalSteps}).
     *
     * @param env      built as in earlier calls (same id and options)
     * @param seed     seeds the agent on its first call; later calls pass the same seed
     * @param listener told about each finished training episode
     */
    TrainingResult train(Env<O, Integer> env, long totalSteps, long seed, long stopAt, EpisodeListener listener);

    /** Environment steps taken in training so far, over the agent's life. */
    long steps();

    /** Parameter updates so far (Q-table updates, or gradient steps), over the agent's life. */
    long updates();

    /** Frees native resources (a DJL network's memory); agents held only on the Java heap need nothing. */
    @Override
    default void close() {
    }
}
