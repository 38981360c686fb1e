package dev.levelgym.agents;

import java.nio.file.Path;

/**
 * Something that picks actions from observations and can be checkpointed.
 *
 * <p>Loading is a static factory on each implementation (e.g. {@code QLearningAgent.load(Path, Class)}), because
 * what a checkpoint needs to be rebuilt differs per agent and a constructor cannot be part of an interface.
 *
 * @param <O> observation type, as the environment's observation space
 * @param <A> action type, as the environment's action space
 */
public interface Agent<O, A> {

    /**
     * The action for {@code observation}: explorative (e.g. ε-greedy, consuming the agent's generator) when
     * {@code explore} is true, greedy and free of randomness when it is false.
     */
    A act(O observation, boolean explore);

    /**
     * Writes a checkpoint directory at {@code dir} with a {@code manifest.json}. Atomic: a reader sees the old
     * checkpoint or the new one, never a half-written directory (see {@code Checkpoints#writeAtomically}).
     *
     * @throws dev.levelgym.agents.checkpoint.CheckpointException if it cannot be written
     */
    void save(Path dir);
}
