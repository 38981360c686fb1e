package dev.levelgym.envs.frozenlake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.registry.Options;
import dev.levelgym.envs.render.RenderMode;
import dev.levelgym.envs.render.Rendering;
import dev.levelgym.envs.spaces.Discrete;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrozenLakeTest {

    /*
     * Expected trajectories were produced with python3 + numpy 2.4.6 by re-running Gymnasium's frozen_lake.py logic:
     * P built as in FrozenLakeEnv.__init__ (outcomes for (a - 1) % 4, a, (a + 1) % 4 with fail_rate, success_rate,
     * fail_rate), rng = np.random.default_rng(seed), reset = categorical_sample(initial_state_distrib, rng), step =
     * P[s][a][categorical_sample([p for p, ...], rng)] with categorical_sample(p, rng) =
     * np.argmax(np.cumsum(p) > rng.random()). After a terminating step the episode is reset without a seed, so the
     * generator continues. The arrays hold the state after each step.
     */
    private static final int[] ACTIONS_4X4 = repeat(new int[] {2, 2, 1, 1, 1, 2, 1, 2, 0, 3}, 6);
    private static final int[] STATES_4X4_SEED_42 = {1, 1, 2, 1, 2, 2, 3, 7, 0, 0, 1, 1, 5, 4, 4, 0, 4, 0, 0, 0, 0,
        0, 0, 4, 4, 8, 9, 5, 0, 0, 1, 5, 4, 4, 5, 0, 1, 5, 4, 0, 4, 0, 0, 0, 0, 0, 4, 0, 4, 0, 1, 5, 1, 5, 1, 2, 6, 7,
        0, 0};
    /** 8x8 map, success_rate 0.8, seed 7: exercises the fail_rate arithmetic. */
    private static final int[] ACTIONS_8X8 = repeat(new int[] {2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1}, 5);
    private static final int[] STATES_8X8_SEED_7 = {1, 2, 3, 4, 5, 13, 14, 22, 30, 38, 46, 8, 16, 24, 16, 17, 18, 10,
        11, 12, 13, 12, 11, 19, 1, 9, 17, 25, 26, 34, 35, 1, 2, 10, 11, 19, 8, 16, 24, 32, 40, 40, 41, 1, 2, 3, 11, 12,
        13, 21, 29, 1, 9, 17, 25, 33, 34, 35, 1, 9};

    @Test
    void slipperySamplingMatchesGymnasiumWithNumpyGenerator() {
        assertTrajectory(new FrozenLake(), 42, ACTIONS_4X4, STATES_4X4_SEED_42);
        assertTrajectory(new FrozenLake(LakeMap.MAP_8X8, true, 0.8), 7, ACTIONS_8X8, STATES_8X8_SEED_7);
    }

    private static void assertTrajectory(FrozenLake env, long seed, int[] actions, int[] expectedStates) {
        assertEquals(0, env.reset(seed).observation());
        for (int t = 0; t < expectedStates.length; t++) {
            int from = env.state();
            StepResult<Integer> result = env.step(actions[t]);
            assertEquals(expectedStates[t], result.observation(), "step " + t);
            char tile = env.map().tile(result.observation());
            assertEquals(tile == 'H' || tile == 'G', result.terminated(), "step " + t);
            assertEquals(tile == 'G' ? 1.0 : 0.0, result.reward(), 0.0, "step " + t);
            double prob = (double) result.info().get("prob");
            assertTrue(env.transitions(from, actions[t]).stream()
                    .anyMatch(tr -> tr.nextState() == result.observation() && tr.probability() == prob), "step " + t);
            if (result.terminated()) {
                assertEquals(0, env.reset().observation());
            }
        }
    }

    @Test
    void transitionProbabilitiesSumToOneForEveryStateAndAction() {
        for (FrozenLake env : List.of(new FrozenLake(), new FrozenLake(LakeMap.MAP_8X8, true, 0.8),
                new FrozenLake(LakeMap.MAP_4X4, false, 1.0 / 3.0))) {
            int states = ((Discrete) env.observationSpace()).n();
            for (int s = 0; s < states; s++) {
                for (int a = 0; a < 4; a++) {
                    double sum = env.transitions(s, a).stream().mapToDouble(Transition::probability).sum();
                    assertEquals(1.0, sum, 1e-12, env + " s=" + s + " a=" + a);
                }
            }
        }
    }

    @Test
    void slipperyTransitionsListPerpendicularMovesAroundTheIntendedOne() {
        FrozenLake env = new FrozenLake();
        // From state 6 (row 1, col 2), DOWN lists (1 - 1) % 4 = LEFT, then DOWN, then (1 + 1) % 4 = RIGHT.
        List<Transition> down = env.transitions(6, FrozenLake.DOWN);
        assertEquals(List.of(
                new Transition((1.0 - 1.0 / 3.0) / 2.0, 5, 0.0, true),
                new Transition(1.0 / 3.0, 10, 0.0, false),
                new Transition((1.0 - 1.0 / 3.0) / 2.0, 7, 0.0, true)), down);
        assertEquals(List.of(new Transition(1.0, 15, 0.0, true)), env.transitions(15, FrozenLake.LEFT),
                "the goal is absorbing");
        // UP lists (3 - 1) % 4 = RIGHT first: from 14 that slides onto the goal.
        assertEquals(new Transition((1.0 - 1.0 / 3.0) / 2.0, 15, 1.0, true), env.transitions(14, FrozenLake.UP).get(0));
    }

    @Test
    void deterministicLakeReachesTheGoalAlongAKnownPath() {
        Env<Integer, Integer> env = FrozenLake.SPEC.make(Map.of("is_slippery", false));
        assertEquals(0, env.reset(0).observation());
        int[] path = {FrozenLake.DOWN, FrozenLake.DOWN, FrozenLake.RIGHT, FrozenLake.RIGHT, FrozenLake.DOWN,
            FrozenLake.RIGHT};
        int[] states = {4, 8, 9, 10, 14, 15};
        StepResult<Integer> result = null;
        for (int i = 0; i < path.length; i++) {
            result = env.step(path[i]);
            assertEquals(states[i], result.observation());
            assertEquals(1.0, (double) result.info().get("prob"), 0.0);
            assertEquals(i == path.length - 1, result.terminated());
        }
        assertEquals(1.0, result.reward(), 0.0);
    }

    @Test
    void fallingIntoAHoleEndsWithoutReward() {
        FrozenLake env = new FrozenLake(LakeMap.MAP_4X4, false, 1.0);
        env.reset(0);
        env.step(FrozenLake.RIGHT);
        StepResult<Integer> result = env.step(FrozenLake.DOWN);
        assertEquals(5, result.observation());
        assertTrue(result.terminated());
        assertEquals(0.0, result.reward(), 0.0);
    }

    @Test
    void specsMatchGymnasiumRegistrations() {
        assertEquals("FrozenLake-v1", FrozenLake.SPEC.id());
        assertEquals(100, FrozenLake.SPEC.maxEpisodeSteps().getAsInt());
        assertEquals(0.70, FrozenLake.SPEC.rewardThreshold().getAsDouble(), 0.0);
        assertEquals(new Discrete(16), FrozenLake.SPEC.make().observationSpace());
        assertEquals("FrozenLake8x8-v1", FrozenLake.SPEC_8X8.id());
        assertEquals(200, FrozenLake.SPEC_8X8.maxEpisodeSteps().getAsInt());
        assertEquals(0.85, FrozenLake.SPEC_8X8.rewardThreshold().getAsDouble(), 0.0);
        Env<Integer, Integer> big = FrozenLake.SPEC_8X8.make();
        assertEquals(new Discrete(64), big.observationSpace());
        assertEquals(LakeMap.MAP_8X8, ((FrozenLake) big.unwrapped()).map());
        assertEquals(new Discrete(4), big.actionSpace());
    }

    @Test
    void customDescOverridesMapName() {
        FrozenLake env = (FrozenLake) FrozenLake.SPEC_8X8.make(Map.of("desc", "FFS, HFG")).unwrapped();
        assertEquals(List.of("FFS", "HFG"), env.map().rows());
        assertEquals(2, env.reset(5).observation());
        FrozenLake fromList = FrozenLake.fromOptions("FrozenLake-v1",
                new Options(Map.of("desc", List.of("SG"), "is_slippery", "false")));
        fromList.reset(1);
        assertEquals(1.0, fromList.step(FrozenLake.RIGHT).reward(), 0.0);
    }

    @Test
    void descValidationNamesTheProblem() {
        assertMessage("row 1 has 3 columns", () -> LakeMap.parse("SFFF,FHF,FFFH,HFFG"));
        assertMessage("row 2 column 1: 'X'", () -> LakeMap.parse("SFFF,FHFH,FXFH,HFFG"));
        assertMessage("exactly one start tile 'S', found 2 at row 0 column 0, row 3 column 0",
                () -> LakeMap.parse("SFFF,FHFH,FFFH,SFFG"));
        assertMessage("found 0", () -> LakeMap.parse("FFFF,FHFH,FFFH,HFFG"));
        assertMessage("no goal tile 'G'", () -> LakeMap.parse("SFFF,FHFH,FFFH,HFFF"));
        assertMessage("map_name must be '4x4' or '8x8', got '5x5'",
                () -> FrozenLake.SPEC.make(Map.of("map_name", "5x5")));
        assertMessage("success_rate must be in [0, 1]", () -> FrozenLake.SPEC.make(Map.of("success_rate", 1.5)));
        assertMessage("unknown option(s) [slippery]", () -> FrozenLake.SPEC.make(Map.of("slippery", false)));
    }

    @Test
    void invalidActionAndStateAreRejected() {
        FrozenLake env = new FrozenLake();
        assertThrows(IllegalStateException.class, () -> env.step(0));
        env.reset(0);
        assertMessage("Discrete(4)", () -> env.step(4));
        assertMessage("Discrete(16)", () -> env.transitions(16, 0));
    }

    @Test
    void rendersTheGridWithTheAgentHighlighted() {
        FrozenLake env = new FrozenLake(LakeMap.MAP_4X4, false, 1.0);
        env.reset(0);
        assertEquals("\n\u001b[41mS\u001b[0mFFF\nFHFH\nFFFH\nHFFG\n",
                ((Rendering.Text) env.render(RenderMode.ANSI)).text());
        env.step(FrozenLake.RIGHT);
        assertEquals("  (Right)\nS\u001b[41mF\u001b[0mFF\nFHFH\nFFFH\nHFFG\n",
                ((Rendering.Text) env.render(RenderMode.ANSI)).text());
        Rendering.RgbFrame frame = (Rendering.RgbFrame) env.render(RenderMode.RGB);
        assertEquals(256, frame.width());
        assertEquals(256, frame.height());
        int agent = frame.pixel(64 + 32, 32);
        int ice = frame.pixel(128 + 32, 32);
        int hole = frame.pixel(64 + 32, 64 + 32);
        int goal = frame.pixel(192 + 32, 192 + 32);
        assertEquals(4, java.util.stream.IntStream.of(agent, ice, hole, goal).distinct().count());
        assertFalse(frame.pixel(64 + 4, 4) == agent, "the agent is drawn inside its tile only");
    }

    @Test
    void resetConsumesOneDrawLikeGymnasium() {
        // Gymnasium samples the start state even when there is one S, so a reset advances the generator.
        FrozenLake a = new FrozenLake();
        a.reset(42);
        int[] fromA = new int[10];
        for (int i = 0; i < 10; i++) {
            fromA[i] = a.step(ACTIONS_4X4[i]).observation();
            if (a.map().tile(fromA[i]) == 'H' || a.map().tile(fromA[i]) == 'G') {
                a.reset();
            }
        }
        assertArrayEquals(java.util.Arrays.copyOf(STATES_4X4_SEED_42, 10), fromA);
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' lacks '" + expected + "'");
    }

    private static int[] repeat(int[] pattern, int times) {
        int[] out = new int[pattern.length * times];
        for (int i = 0; i < out.length; i++) {
            out[i] = pattern[i % pattern.length];
        }
        return out;
    }
}
