package dev.levelgym.agents.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.agents.EpisodeListener;
import dev.levelgym.agents.planning.ValueIteration;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.frozenlake.FrozenLake;
import dev.levelgym.envs.frozenlake.LakeMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ground truth: the greedy policy Q-learning learns on FrozenLake-v1 (time limit 100) is scored by its exact
 * eventual success probability from the transition table, and compared with the best any policy can do.
 */
class QLearningFrozenLakeTest {

    static Env<Integer, Integer> make(boolean slippery) {
        return FrozenLake.SPEC.make(Map.of("is_slippery", slippery));
    }

    static double successOf(QLearningAgent<Integer> agent, boolean slippery) {
        FrozenLake lake = new FrozenLake(LakeMap.MAP_4X4, slippery, FrozenLake.DEFAULT_SUCCESS_RATE);
        return ValueIteration.successProbabilities(lake, agent.greedyPolicy())[lake.map().start()];
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 4})
    void deterministicLakeIsSolvedWithDefaults(long seed) {
        Env<Integer, Integer> env = make(false);
        QLearningAgent<Integer> agent = QLearningAgent.forDiscrete("FrozenLake-v1", env, QLearningConfig.defaults());
        agent.train(env, 100_000, seed, EpisodeListener.NONE);
        assertEquals(1.0, successOf(agent, false), 1e-12);
    }

    /**
     * SARSA's target samples the next ε-greedy action, so one exploratory step into a hole pulls a value down by
     * α times itself; with α = 0.1 the greedy policy of 5 of 16 seeds still cycled after 1M steps. With α = 0.02,
     * 16 of 16 seeds solved the lake after 300k steps.
     */
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 4})
    void deterministicLakeIsSolvedBySarsa(long seed) {
        Env<Integer, Integer> env = make(false);
        QLearningAgent<Integer> agent = QLearningAgent.forDiscrete("FrozenLake-v1", env,
                QLearningConfig.defaults().withLearningRate(0.02).withUpdateRule(UpdateRule.SARSA));
        agent.train(env, 300_000, seed, EpisodeListener.NONE);
        assertEquals(1.0, successOf(agent, false), 1e-12);
    }

    /**
     * On-policy learning values the policy it follows, exploration included, so on slippery ice SARSA (ε = 0.05
     * to the end) settles on a safer, less successful policy than Q-learning: 0.7805 (32/41, the policy value
     * iteration finds for γ = 0.9) instead of 14/17. All 16 seeds tried did so; this pins that behaviour.
     */
    @ParameterizedTest
    @ValueSource(longs = {0, 1})
    void sarsaOnSlipperyIceLearnsTheSaferPolicy(long seed) {
        Env<Integer, Integer> env = make(true);
        QLearningAgent<Integer> agent = QLearningAgent.forDiscrete("FrozenLake-v1", env,
                QLearningConfig.defaults().withLearningRate(0.02).withUpdateRule(UpdateRule.SARSA));
        agent.train(env, 1_000_000, seed, EpisodeListener.NONE);
        FrozenLake lake = new FrozenLake();
        double safer = ValueIteration.successProbabilities(lake, ValueIteration.solve(lake, 0.9).policy())[0];
        assertEquals(32.0 / 41.0, safer, 1e-9);
        assertEquals(safer, successOf(agent, true), 1e-9);
    }

    /**
     * Slippery ice: the optimum is 14/17 ≈ 0.8235. A constant step size keeps the table noisy, and the best and
     * second-best actions of some states differ by little, so α is lowered to 0.01 (with α = 0.1, 2 of 8 seeds
     * landed on policies worth 0.74 and 0.0 after 300k steps; with α = 0.01 all of 32 seeds were optimal after 1M
     * and 2M steps). 1M steps take about 70 ms.
     */
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 4})
    void slipperyLakeReachesTheOptimalSuccessProbability(long seed) {
        FrozenLake lake = new FrozenLake();
        double optimal = ValueIteration.optimalSuccessProbabilities(lake)[lake.map().start()];
        assertEquals(14.0 / 17.0, optimal, 1e-9);
        Env<Integer, Integer> env = make(true);
        QLearningAgent<Integer> agent = QLearningAgent.forDiscrete("FrozenLake-v1", env,
                QLearningConfig.defaults().withLearningRate(0.01));
        agent.train(env, 1_000_000, seed, EpisodeListener.NONE);
        double learned = successOf(agent, true);
        assertTrue(learned >= optimal - 0.01, "learned " + learned + " vs optimal " + optimal);
    }
}
