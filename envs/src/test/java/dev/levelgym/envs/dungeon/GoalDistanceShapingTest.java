package dev.levelgym.envs.dungeon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.check.EnvChecker;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.envs.dungeon.level.DungeonSolution;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoalDistanceShapingTest {

    /** The key is behind a wall from the start; the door is closed until the key is held, so the path goes round. */
    private static final DungeonLevel LEVEL = DungeonParser.parse(String.join("\n",
            "wwwwwww",
            "wA.w+.w",
            "w..w..w",
            "w.....w",
            "wgwwwww",
            "wwwwwww"), "shaping.txt");

    private static double potential(int movesToWin) {
        return -GoalDistanceShaping.SCALE * movesToWin;
    }

    @Test
    void movesToWinFallsByOneAlongTheShortestSolutionAndEachStepEarnsThePotentialDifference() {
        DungeonSolution solution = DungeonSolver.solve(LEVEL);
        assertTrue(solution.playable());
        GoalDistanceShaping env = new GoalDistanceShaping(Dungeon.of(LEVEL));
        Dungeon plain = Dungeon.of(LEVEL);
        env.reset(0);
        plain.reset(0);
        // With no enemies, the moves still needed are exactly the solver's shortest solution.
        assertEquals(solution.length(), env.movesToWin());
        int before = env.movesToWin();
        StepResult<float[]> shaped = null;
        for (int action : solution.actions()) {
            shaped = env.step(action);
            StepResult<float[]> raw = plain.step(action);
            int after = env.movesToWin();
            assertEquals(before - 1, after);
            double expected = raw.reward() + GoalDistanceShaping.GAMMA * potential(after) - potential(before);
            assertEquals(expected, shaped.reward(), 1e-12);
            assertEquals(raw.terminated(), shaped.terminated());
            assertEquals(raw.info(), shaped.info());
            before = after;
        }
        assertEquals(0, before);
        assertEquals("win", shaped.info().get("result"));
    }

    @Test
    void aStepTowardsTheGoalPaysAndStandingStillIsNearlyFree() {
        GoalDistanceShaping env = new GoalDistanceShaping(Dungeon.of(LEVEL));
        env.reset(0);
        int start = env.movesToWin();
        // Up is a wall: no move, only the discount's tiny term (γ − 1) Φ.
        double bump = env.step(Dungeon.UP).reward();
        assertEquals(start, env.movesToWin());
        assertEquals(-(1 - GoalDistanceShaping.GAMMA) * potential(start), bump, 1e-12);
        assertTrue(Math.abs(bump) < 0.02, "standing still is nearly free: " + bump);
        // Right leads towards the key, so it pays about 0.1; going back left costs about as much.
        double toward = env.step(Dungeon.RIGHT).reward();
        assertEquals(start - 1, env.movesToWin());
        assertTrue(toward > 0.09, "a step towards the goal earns about 0.1, got " + toward);
        double away = env.step(Dungeon.LEFT).reward();
        assertEquals(start, env.movesToWin());
        assertTrue(away < -0.08, "a step away costs about 0.1, got " + away);
    }

    @Test
    void theRegistryOptionWrapsTheEnvAndPassesTheChecker() {
        Env<float[], Integer> shaped = Dungeon.SPEC.make(Map.of("reward_shaping", "goal_distance"));
        Env<float[], Integer> plain = Dungeon.SPEC.make(Map.of("reward_shaping", "none"));
        assertInstanceOf(Dungeon.class, plain.unwrapped());
        assertInstanceOf(Dungeon.class, shaped.unwrapped());
        assertTrue(shaped.toString().contains("GoalDistanceShaping"), shaped.toString());
        assertFalse(plain.toString().contains("GoalDistanceShaping"), plain.toString());
        EnvChecker.checkOrThrow(Dungeon.SPEC.make(Map.of("reward_shaping", "goal_distance")), 5);

        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Dungeon.SPEC.make(Map.of("reward_shaping", "distance")));
        assertTrue(bad.getMessage().contains("reward_shaping") && bad.getMessage().contains("'distance'"),
                bad.getMessage());
    }
}
