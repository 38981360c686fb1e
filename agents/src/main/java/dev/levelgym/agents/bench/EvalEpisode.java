package dev.levelgym.agents.bench;

/**
 * One episode of a greedy evaluation.
 *
 * @param index       the episode's number in the evaluation (its reset seed is the evaluation's first seed plus it)
 * @param totalReturn undiscounted sum of rewards
 * @param length      steps
 * @param won         true or false where the env reports a result at the end of an episode, null where it reports
 *                    none
 * @param levelId     the level played, where the env reports one ({@code info["levelId"]}), else null
 */
public record EvalEpisode(int index, double totalReturn, int length, Boolean won, String levelId) {
}
