package dev.levelgym.agents;

/**
 * What a call to a training loop did.
 *
 * @param steps            the agent's step counter afterwards (over its whole life, including earlier calls)
 * @param episodes         episodes finished afterwards (over its whole life)
 * @param episodesThisCall episodes finished during this call
 * @param meanReturn       mean undiscounted return of the episodes finished during this call, NaN if none
 */
public record TrainingResult(long steps, long episodes, long episodesThisCall, double meanReturn) {
}
