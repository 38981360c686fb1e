package dev.levelgym.agents.tabular;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.agents.Episode;
import dev.levelgym.agents.EpisodeListener;
import dev.levelgym.agents.TrainingResult;
import dev.levelgym.agents.testing.OneStateEnv;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.cartpole.CartPole;
import dev.levelgym.envs.frozenlake.FrozenLake;
import dev.levelgym.envs.spaces.Discrete;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class QLearningAgentTest {

    @TempDir
    Path tmp;

    static QLearningAgent<Integer> frozenLakeAgent(Env<Integer, Integer> env, UpdateRule rule) {
        return QLearningAgent.forDiscrete("FrozenLake-v1", env, QLearningConfig.defaults().withUpdateRule(rule));
    }

    /** Bounds after common CartPole discretisations; velocities are unbounded in the Box, so they are chosen. */
    static final Discretizer CART_POLE_BINS = new Discretizer(
            new double[] {-2.4, -3.0, -0.2095, -3.5}, new double[] {2.4, 3.0, 0.2095, 3.5}, new int[] {3, 6, 12, 12});

    static QLearningAgent<float[]> cartPoleAgent(UpdateRule rule) {
        return new QLearningAgent<>("CartPole-v1", CART_POLE_BINS, new Discrete(2),
                QLearningConfig.defaults().withUpdateRule(rule));
    }

    static Env<float[], Integer> cartPole() {
        return CartPole.SPEC.make();
    }

    @Test
    void terminationDoesNotBootstrapButTruncationDoes() {
        QLearningConfig config = QLearningConfig.defaults().withLearningRate(1.0).withGamma(0.5);
        QLearningAgent<Integer> terminated = QLearningAgent.forDiscrete("one", new OneStateEnv(true), config);
        terminated.train(new OneStateEnv(true), 3, 0, EpisodeListener.NONE);
        assertEquals(1.0, terminated.q(0, 0), 0.0);

        // With α = 1 each update sets Q = 1 + 0.5 Q: 1, 1.5, 1.75.
        QLearningAgent<Integer> truncated = QLearningAgent.forDiscrete("one", new OneStateEnv(false), config);
        truncated.train(new OneStateEnv(false), 3, 0, EpisodeListener.NONE);
        assertEquals(1.75, truncated.q(0, 0), 0.0);
    }

    @ParameterizedTest
    @EnumSource(UpdateRule.class)
    void sameSeedGivesTheSameTableAndAnotherSeedDoesNot(UpdateRule rule) {
        double[] a = trainFrozenLake(rule, 7);
        double[] b = trainFrozenLake(rule, 7);
        double[] c = trainFrozenLake(rule, 8);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    private static double[] trainFrozenLake(UpdateRule rule, long seed) {
        Env<Integer, Integer> env = QLearningFrozenLakeTest.make(true);
        QLearningAgent<Integer> agent = frozenLakeAgent(env, rule);
        agent.train(env, 20_000, seed, EpisodeListener.NONE);
        return agent.qTable();
    }

    @ParameterizedTest
    @EnumSource(UpdateRule.class)
    void resumingFromACheckpointMatchesAnUninterruptedRun(UpdateRule rule) {
        long total = 50_000;
        Env<Integer, Integer> env = QLearningFrozenLakeTest.make(true);
        QLearningAgent<Integer> straight = frozenLakeAgent(env, rule);
        List<Episode> straightEpisodes = new ArrayList<>();
        straight.train(env, total, 3, straightEpisodes::add);

        QLearningAgent<Integer> first = frozenLakeAgent(QLearningFrozenLakeTest.make(true), rule);
        List<Episode> resumedEpisodes = new ArrayList<>();
        // An odd step count, so the save almost surely falls inside an episode.
        first.train(QLearningFrozenLakeTest.make(true), total, 3, 12_347, resumedEpisodes::add);
        first.save(tmp.resolve("ckpt"));
        QLearningAgent<Integer> resumed = QLearningAgent.load(tmp.resolve("ckpt"), Integer.class);
        resumed.train(QLearningFrozenLakeTest.make(true), total, 3, resumedEpisodes::add);

        assertArrayEquals(straight.qTable(), resumed.qTable());
        assertEquals(straight.steps(), resumed.steps());
        assertEquals(straight.episodes(), resumed.episodes());
        assertEquals(straightEpisodes, resumedEpisodes);
    }

    @Test
    void resumingMidEpisodeWorksForBoxObservations() {
        long total = 30_000;
        QLearningAgent<float[]> straight = cartPoleAgent(UpdateRule.Q_LEARNING);
        straight.train(cartPole(), total, 11, EpisodeListener.NONE);

        QLearningAgent<float[]> first = cartPoleAgent(UpdateRule.Q_LEARNING);
        first.train(cartPole(), total, 11, 10_001, EpisodeListener.NONE);
        first.save(tmp.resolve("cp"));
        QLearningAgent<float[]> resumed = QLearningAgent.load(tmp.resolve("cp"), float[].class);
        assertEquals(CART_POLE_BINS, resumed.encoder());
        resumed.train(cartPole(), total, 11, EpisodeListener.NONE);

        assertArrayEquals(straight.qTable(), resumed.qTable());
        assertEquals(straight.episodes(), resumed.episodes());
    }

    @Test
    void resumingWithAnotherSeedIsRefused() {
        Env<Integer, Integer> env = QLearningFrozenLakeTest.make(false);
        QLearningAgent<Integer> agent = frozenLakeAgent(env, UpdateRule.Q_LEARNING);
        agent.train(env, 100, 1, 50, EpisodeListener.NONE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> agent.train(env, 100, 2, EpisodeListener.NONE));
        assertTrue(e.getMessage().contains("trained with seed 1"), e.getMessage());
    }

    @Test
    void resumingOnADifferentEnvIsDetectedByTheReplay() {
        // The replay of the interrupted 50-step episode cannot finish inside a 20-step time limit.
        Env<Integer, Integer> open = FrozenLake.SPEC.make(Map.of("is_slippery", false,
                "desc", List.of("SFFF", "FFFF", "FFFF", "FFFG")));
        QLearningAgent<Integer> agent = QLearningAgent.forDiscrete("open", open,
                QLearningConfig.defaults().withEpsilon(0.0, 0.0, 0.0));
        // Greedy with an all-zero table is always LEFT: the agent stays in the corner until the time limit.
        agent.train(open, 1_000, 0, 50, EpisodeListener.NONE);
        Env<Integer, Integer> other = FrozenLake.SPEC.make(Map.of("is_slippery", false,
                "desc", List.of("SFFF", "FFFF", "FFFF", "FFFG"), "max_episode_steps", 20));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> agent.train(other, 1_000, 0, EpisodeListener.NONE));
        assertTrue(e.getMessage().contains("the env is not the one"), e.getMessage());
    }

    @Test
    void mismatchedSpacesAreRefused() {
        QLearningAgent<Integer> agent = QLearningAgent.forDiscrete("FrozenLake-v1",
                QLearningFrozenLakeTest.make(false), QLearningConfig.defaults());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> agent.train(new OneStateEnv(true), 10, 0, EpisodeListener.NONE));
        assertEquals("encoder for Discrete(16) does not match observation space Discrete(1)", e.getMessage());
    }

    /** A smoke test that the Box path learns: random play balances CartPole for about 22 steps on average. */
    @Test
    void cartPoleWithADiscretizerLearnsToBalanceLongerThanRandomPlay() {
        QLearningAgent<float[]> agent = cartPoleAgent(UpdateRule.Q_LEARNING);
        TrainingResult result = agent.train(cartPole(), 200_000, 0, 150_000, EpisodeListener.NONE);
        List<Episode> late = new ArrayList<>();
        agent.train(cartPole(), 200_000, 0, late::add);
        double mean = late.stream().mapToDouble(Episode::totalReturn).average().orElseThrow();
        assertTrue(result.episodes() > 0);
        assertTrue(mean > 100, "mean return over the last 50k steps " + mean);
    }

    @Test
    void greedyActIsDeterministicAndMatchesThePolicy() {
        Env<Integer, Integer> env = QLearningFrozenLakeTest.make(false);
        QLearningAgent<Integer> agent = frozenLakeAgent(env, UpdateRule.Q_LEARNING);
        agent.train(env, 20_000, 0, EpisodeListener.NONE);
        int[] policy = agent.greedyPolicy();
        for (int s = 0; s < 16; s++) {
            assertEquals(policy[s], agent.act(s, false));
            assertEquals(policy[s], agent.act(s, false));
        }
    }
}
