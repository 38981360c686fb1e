package dev.levelgym.agents.bench;

import dev.levelgym.agents.Agent;
import dev.levelgym.agents.TrainableAgent;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.InfoKeys;
import dev.levelgym.envs.Outcome;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.random.Pcg64;
import dev.levelgym.envs.vector.VectorEnv;
import dev.levelgym.envs.vector.VectorEnv.VectorStep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Plays episodes with an agent's greedy or sampled policy ({@link EvalPolicy}). Episode {@code i} resets the env
 * with {@code seed + i} (and, sampling, draws its actions from a generator seeded by that seed), so an evaluation is
 * reproducible and every agent can be scored on the same episodes. On a vector env the copies play the episodes in
 * lockstep with one batched action call per step, each copy taking the next unplayed episode when it finishes one;
 * each episode is the same as on one env, so the result does not depend on the number of copies (as far as a
 * batched forward pass gives the same actions as single ones).
 */
public final class Evaluation {

    /**
     * The default first evaluation seed. Training episodes reset with seeds the training loop draws from its own
     * generator, and grid seeds are small, so evaluation episodes are never training episodes by construction of the
     * harness; a fixed base also lets {@code levelgym eval} reproduce the last row of a run's eval.csv.
     */
    public static final long DEFAULT_SEED = 1_000_000_000L;

    /** Mixed into an episode's seed for the generator its sampled actions come from. */
    private static final long SAMPLE_STREAM = 0x6A09E667F3BCC908L;

    private Evaluation() {
    }

    /**
     * @param rewardThreshold used for the win rate when the env reports no result; empty for none
     */
    public static <O> EvalResult run(Agent<O, Integer> agent, Env<O, Integer> env, int episodes, long seed,
                                     OptionalDouble rewardThreshold) {
        return summarize(episodes(agent, env, episodes, seed), rewardThreshold);
    }

    /** {@link #run} on the copies of {@code env}, with batched greedy actions. */
    public static EvalResult run(TrainableAgent<?> agent, VectorEnv env, int episodes, long seed,
                                 OptionalDouble rewardThreshold) {
        return run(agent, env, EvalPolicy.GREEDY, episodes, seed, rewardThreshold);
    }

    /** {@link #run} on the copies of {@code env}, with batched actions of {@code policy}. */
    public static EvalResult run(TrainableAgent<?> agent, VectorEnv env, EvalPolicy policy, int episodes, long seed,
                                 OptionalDouble rewardThreshold) {
        return summarize(episodes(agent, env, policy, episodes, seed), rewardThreshold);
    }

    /** The episodes of {@link #run}, in order. */
    public static <O> List<EvalEpisode> episodes(Agent<O, Integer> agent, Env<O, Integer> env, int episodes,
                                                 long seed) {
        requireEpisodes(episodes);
        List<EvalEpisode> out = new ArrayList<>(episodes);
        for (int i = 0; i < episodes; i++) {
            O observation = env.reset(seed + i).observation();
            double episodeReturn = 0;
            int length = 0;
            StepResult<O> step;
            do {
                step = env.step(agent.act(observation, false));
                episodeReturn += step.reward();
                length++;
                observation = step.observation();
            } while (!step.done());
            out.add(episode(i, episodeReturn, length, step.info()));
        }
        return out;
    }

    /** The greedy episodes of {@link #run(TrainableAgent, VectorEnv, int, long, OptionalDouble)}, in order. */
    public static List<EvalEpisode> episodes(TrainableAgent<?> agent, VectorEnv env, int episodes, long seed) {
        return episodes(agent, env, EvalPolicy.GREEDY, episodes, seed);
    }

    /** The episodes of {@link #run(TrainableAgent, VectorEnv, EvalPolicy, int, long, OptionalDouble)}, in order. */
    public static List<EvalEpisode> episodes(TrainableAgent<?> agent, VectorEnv env, EvalPolicy policy,
                                             int episodes, long seed) {
        requireEpisodes(episodes);
        int n = env.numEnvs();
        EvalEpisode[] out = new EvalEpisode[episodes];
        int[] playing = new int[n];
        long[] seeds = new long[n];
        for (int i = 0; i < n; i++) {
            // Copies beyond the episodes asked for play episode seeds past them; their results are dropped.
            playing[i] = i < episodes ? i : -1;
            seeds[i] = seed + i;
        }
        int next = Math.min(n, episodes);
        int finished = 0;
        double[] returns = new double[n];
        int[] lengths = new int[n];
        int[] actions = new int[n];
        int[] starting = new int[n];
        float[] observations = env.reset(seeds).observations().clone();
        Pcg64[] samplers = new Pcg64[n];
        if (policy == EvalPolicy.SAMPLE) {
            for (int i = 0; i < n; i++) {
                samplers[i] = sampler(seeds[i]);
            }
        }
        while (finished < episodes) {
            if (policy == EvalPolicy.SAMPLE) {
                agent.sampleBatch(observations, samplers, actions);
            } else {
                agent.actBatch(observations, false, actions);
            }
            for (int i = 0; i < n; i++) {
                starting[i] = Integer.MIN_VALUE;
                if (env.autoresets(i)) {
                    starting[i] = next < episodes ? next++ : -1;
                    seeds[i] = seed + (starting[i] >= 0 ? starting[i] : episodes + i);
                }
            }
            VectorStep step = env.step(actions, seeds);
            for (int i = 0; i < n; i++) {
                if (starting[i] != Integer.MIN_VALUE) {
                    samplers[i] = policy == EvalPolicy.SAMPLE ? sampler(seeds[i]) : null;
                    playing[i] = starting[i];
                    returns[i] = 0;
                    lengths[i] = 0;
                    continue;
                }
                if (playing[i] < 0) {
                    continue;
                }
                returns[i] += step.rewards()[i];
                lengths[i]++;
                if (step.terminated()[i] || step.truncated()[i]) {
                    out[playing[i]] = episode(playing[i], returns[i], lengths[i], env.info(i));
                    finished++;
                    playing[i] = -1;
                }
            }
            System.arraycopy(step.observations(), 0, observations, 0, observations.length);
        }
        return Arrays.asList(out);
    }

    /** The generator an episode reset with {@code seed} samples its actions from. */
    private static Pcg64 sampler(long seed) {
        return Pcg64.seeded((seed ^ SAMPLE_STREAM) & Long.MAX_VALUE);
    }

    private static void requireEpisodes(int episodes) {
        if (episodes <= 0) {
            throw new UserInputException("evaluation episodes must be positive, got " + episodes);
        }
    }

    private static EvalEpisode episode(int index, double episodeReturn, int length, Map<String, Object> info) {
        Object result = info.get(InfoKeys.RESULT);
        Object level = info.get(InfoKeys.LEVEL_ID);
        return new EvalEpisode(index, episodeReturn, length,
                result == null ? null : Outcome.WIN.label().equals(result), level == null ? null : level.toString());
    }

    /**
     * Mean and population standard deviation of the returns, and the win rate: the share of episodes whose env
     * reported a win where it reports results, else the share whose return reaches {@code rewardThreshold}.
     */
    public static EvalResult summarize(List<EvalEpisode> episodes, OptionalDouble rewardThreshold) {
        double sum = 0;
        double sumSquares = 0;
        int wins = 0;
        int withResult = 0;
        int reachedThreshold = 0;
        for (EvalEpisode e : episodes) {
            if (e.won() != null) {
                withResult++;
                wins += e.won() ? 1 : 0;
            }
            if (rewardThreshold.isPresent() && e.totalReturn() >= rewardThreshold.getAsDouble()) {
                reachedThreshold++;
            }
            sum += e.totalReturn();
            sumSquares += e.totalReturn() * e.totalReturn();
        }
        int n = episodes.size();
        double mean = sum / n;
        double variance = Math.max(0, sumSquares / n - mean * mean);
        double winRate = withResult > 0 ? (double) wins / n
                : rewardThreshold.isPresent() ? (double) reachedThreshold / n : Double.NaN;
        return new EvalResult(n, mean, Math.sqrt(variance), winRate, withResult > 0);
    }
}
