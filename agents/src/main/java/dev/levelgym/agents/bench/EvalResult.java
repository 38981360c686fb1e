package dev.levelgym.agents.bench;

/**
 * Greedy evaluation over several episodes.
 *
 * @param mean    mean undiscounted return
 * @param std     population standard deviation of the returns
 * @param winRate share of episodes won: where the env reports {@code info["result"]} at the end of an episode
 *                (Dungeon), the share ending in "win"; otherwise the share whose return reaches the env spec's
 *                reward threshold; NaN if the env has neither
 * @param winsFromResult true if the win rate counts {@code info["result"]}, false if it uses the threshold
 */
public record EvalResult(int episodes, double mean, double std, double winRate, boolean winsFromResult) {
}
