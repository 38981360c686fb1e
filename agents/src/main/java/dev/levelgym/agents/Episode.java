package dev.levelgym.agents;

/**
 * A finished training episode, as reported to an {@link EpisodeListener}.
 *
 * @param index       0-based count of episodes finished before this one, over the agent's whole life
 * @param endStep     the agent's step counter after the episode's last step
 * @param totalReturn undiscounted sum of rewards
 * @param length      steps in the episode
 * @param terminated  true if it reached a terminal state, false if it was truncated
 */
public record Episode(long index, long endStep, double totalReturn, int length, boolean terminated) {
}
