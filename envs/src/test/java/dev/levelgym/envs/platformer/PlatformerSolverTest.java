package dev.levelgym.envs.platformer;

import dev.levelgym.envs.Outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerRules;
import dev.levelgym.envs.platformer.level.PlatformerLevels;
import dev.levelgym.envs.platformer.level.PlatformerParser;
import dev.levelgym.envs.platformer.level.PlatformerPhysics;
import dev.levelgym.envs.platformer.level.PlatformerSolution;
import dev.levelgym.envs.platformer.level.PlatformerSolver;
import org.junit.jupiter.api.Test;

class PlatformerSolverTest {

    @Test
    void flatGroundIsAWalk() {
        PlatformerSolution s = PlatformerSolver.of(Levels.flat(30).build(), PlatformerRules.V0);
        assertTrue(s.completable());
        assertEquals(29, s.length());
        assertEquals(0, s.jumps());
        assertEquals(29, s.furthestX());
        assertEquals(1.0, s.completion());
    }

    @Test
    void gapsUpToTheJumpReachAreJumpable() {
        int reach = PlatformerPhysics.JUMP_REACH;
        PlatformerSolution widest = PlatformerSolver.of(Levels.flat(30).pit(10, 10 + reach).build(), PlatformerRules.V0);
        assertTrue(widest.completable());
        assertEquals(1, widest.jumps());
        assertEquals(29, widest.length()); // a jump costs no time over flat ground
        PlatformerSolution tooWide = PlatformerSolver.of(Levels.flat(30).pit(10, 11 + reach).build(), PlatformerRules.V0);
        assertFalse(tooWide.completable());
        // Falling into the pit the player still drifts right, to the far wall of the pit.
        assertEquals(10 + reach, tooWide.furthestX());
        assertEquals((10 + reach) / 29.0, tooWide.completion(), 1e-12);
    }

    @Test
    void wallsUpToFourHighAreClimbable() {
        assertTrue(PlatformerSolver.of(Levels.flat(20).wall(10, 4).build(), PlatformerRules.V0).completable());
        PlatformerSolution five = PlatformerSolver.of(Levels.flat(20).wall(10, 5).build(), PlatformerRules.V0);
        assertFalse(five.completable());
        assertEquals(9, five.furthestX());
        // A 4-high step onto a ledge, then onward: a staircase of 4 then 8 is climbable.
        assertTrue(PlatformerSolver.of(Levels.flat(20).wall(10, 4).wall(11, 8).wall(12, 8).build(), PlatformerRules.V0).completable());
    }

    @Test
    void aLowCeilingOverAGapShortensTheJump() {
        // Blocks at row 9 over the take-off run cut every jump to a 1-row hop, which cannot clear 3 columns.
        Levels l = Levels.flat(30).pit(10, 13);
        for (int x = 0; x < 10; x++) {
            l.set(x, 9, 'S');
        }
        for (int x = 10; x < 14; x++) {
            l.set(x, 10, 'S');
        }
        assertFalse(PlatformerSolver.of(l.build(), PlatformerRules.V0).completable());
        assertTrue(PlatformerSolver.of(Levels.flat(30).pit(10, 13).build(), PlatformerRules.V0).completable());
    }

    @Test
    void enemiesAreAbstractedAway() {
        // An enemy in a one-high tunnel blocks every real run, but the solver answers for the layout.
        Levels l = Levels.flat(20).set(10, 11, 'E');
        for (int x = 5; x < 15; x++) {
            l.set(x, 10, 'X');
        }
        assertTrue(PlatformerSolver.of(l.build(), PlatformerRules.V0).completable());
    }

    @Test
    void theFurthestRunOfAnIncompletableLevelReachesIt() {
        PlatformerLevel level = Levels.flat(30).pit(12, 22).build();
        PlatformerSolution s = PlatformerSolver.of(level, PlatformerRules.V0);
        assertFalse(s.completable());
        PlatformerGame game = new PlatformerGame(PlatformerRules.V0);
        game.load(level);
        for (int a : s.actions()) {
            game.tick(a);
        }
        assertEquals(s.furthestX(), game.playerX());
    }

    @Test
    void solutionsWinTheGameInExactlyTheirLength() {
        PlatformerLevels generator = new PlatformerLevels(PlatformerRules.V0);
        PlatformerSolver solver = new PlatformerSolver(PlatformerRules.V0);
        for (long seed = 0; seed < 100; seed++) {
            // Enemies are not in the solver's model, so replay on the layout without them.
            PlatformerLevel level = PlatformerParser.parse(generator.generate(seed, 80).toText().replace('E', '-'),
                    "seed " + seed);
            PlatformerSolution s = solver.solve(level);
            assertTrue(s.completable(), level.id());
            PlatformerGame game = new PlatformerGame(PlatformerRules.V0);
            game.load(level);
            int jumps = 0;
            for (int i = 0; i < s.length(); i++) {
                assertEquals(Outcome.RUNNING, game.result(), level.id() + " tick " + i);
                if (PlatformerPhysics.jumps(s.actions().get(i)) && game.rise() == 0
                        && PlatformerPhysics.grounded(level, game.playerX(), game.playerY())) {
                    jumps++;
                }
                game.tick(s.actions().get(i));
            }
            assertEquals(Outcome.WIN, game.result(), level.id());
            assertEquals(s.jumps(), jumps, level.id());
        }
    }

    @Test
    void aLevelStartingInTheLastColumnIsComplete() {
        PlatformerSolution s = PlatformerSolver.of(Levels.flat(2).pit(0, 1).build(), PlatformerRules.V0);
        assertTrue(s.completable());
        assertEquals(0, s.length());
    }
}
