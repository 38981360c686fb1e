package dev.levelgym.agents.bench;

import dev.levelgym.envs.Outcome;
import dev.levelgym.envs.InfoKeys;
import dev.levelgym.agents.Agent;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.UserInputException;
import java.util.OptionalDouble;

/**
 * Plays episodes with an agent's greedy policy ({@code act(o, false)}). Episode {@code i} resets the env with
 * {@code seed + i}, so an evaluation is reproducible and every agent can be scored on the same episodes.
 */
public final class GreedyEvaluation {

    /**
     * The default first evaluation seed. Training episodes reset with seeds the agent draws from its own generator,
     * and grid seeds are small, so evaluation episodes are never training episodes by construction of the
     * harness; a fixed base also lets {@code levelgym eval} reproduce the last row of a run's eval.csv.
     */
    public static final long DEFAULT_SEED = 1_000_000_000L;

    private GreedyEvaluation() {
    }

    /**
     * @param rewardThreshold used for the win rate when the env reports no result; empty for none
     */
    public static <O> EvalResult run(Agent<O, Integer> agent, Env<O, Integer> env, int episodes, long seed,
                                     OptionalDouble rewardThreshold) {
        if (episodes <= 0) {
            throw new UserInputException("evaluation episodes must be positive, got " + episodes);
        }
        double sum = 0;
        double sumSquares = 0;
        int wins = 0;
        int withResult = 0;
        int reachedThreshold = 0;
        for (int i = 0; i < episodes; i++) {
            O observation = env.reset(seed + i).observation();
            double episodeReturn = 0;
            StepResult<O> step;
            do {
                step = env.step(agent.act(observation, false));
                episodeReturn += step.reward();
                observation = step.observation();
            } while (!step.done());
            Object result = step.info().get(InfoKeys.RESULT);
            if (result != null) {
                withResult++;
                if (Outcome.WIN.label().equals(result)) {
                    wins++;
                }
            }
            if (rewardThreshold.isPresent() && episodeReturn >= rewardThreshold.getAsDouble()) {
                reachedThreshold++;
            }
            sum += episodeReturn;
            sumSquares += episodeReturn * episodeReturn;
        }
        double mean = sum / episodes;
        double variance = Math.max(0, sumSquares / episodes - mean * mean);
        double winRate = withResult > 0 ? (double) wins / episodes
                : rewardThreshold.isPresent() ? (double) reachedThreshold / episodes : Double.NaN;
        return new EvalResult(episodes, mean, Math.sqrt(variance), winRate, withResult > 0);
    }
}
