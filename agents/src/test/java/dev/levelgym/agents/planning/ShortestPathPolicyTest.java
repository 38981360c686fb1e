package dev.levelgym.agents.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.dungeon.Dungeon;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.envs.registry.Registry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShortestPathPolicyTest {

    /** Without enemies nothing gets in the way, so the policy must win in exactly the solver's move count. */
    @Test
    void winsAnEnemyFreeLevelInTheSolversNumberOfMoves() {
        DungeonLevel level = DungeonParser.parse("""
                wwwwwwwwwwwww
                wA....w.....w
                w.www.w.www.w
                w...w...w+w.w
                www.wwwww.w.w
                w.........w.w
                w.wwwwwww.w.w
                w.......w...g
                wwwwwwwwwwwww
                """, "maze");
        Dungeon env = Dungeon.of(level);
        ShortestPathPolicy policy = new ShortestPathPolicy(env.observationSpace());
        float[] observation = env.reset(0).observation();
        int moves = 0;
        StepResult<float[]> step;
        do {
            step = env.step(policy.act(observation));
            observation = step.observation();
            moves++;
        } while (!step.done());
        assertEquals("win", step.info().get("result"));
        assertEquals(DungeonSolver.solve(level).length(), moves);
    }

    /** On unseen procedural levels it wins most episodes (moving enemies cause the losses). */
    @Test
    void winsMostUnseenProceduralLevels() {
        try (Env<float[], Integer> env = Dungeon.SPEC.make(Map.of("start_level", 1_000_000, "num_levels", 0))) {
            ShortestPathPolicy policy = new ShortestPathPolicy(env.observationSpace());
            int wins = 0;
            int episodes = 200;
            for (int seed = 0; seed < episodes; seed++) {
                float[] observation = env.reset(seed).observation();
                StepResult<float[]> step;
                do {
                    step = env.step(policy.act(observation));
                    observation = step.observation();
                } while (!step.done());
                wins += "win".equals(step.info().get("result")) ? 1 : 0;
            }
            assertTrue(wins >= 0.8 * episodes, wins + " wins of " + episodes);
        }
    }

    @Test
    void refusesObservationsThatAreNotDungeonPlanes() {
        try (Env<?, ?> cartPole = Registry.standard().make("CartPole-v1")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ShortestPathPolicy(cartPole.observationSpace()));
            assertTrue(e.getMessage().startsWith("shortest-path plays Dungeon-v0"), e.getMessage());
        }
    }
}
