package dev.levelgym.envs.platformer;

import dev.levelgym.envs.Outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.platformer.level.EnemyAwareSolver;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerRules;
import dev.levelgym.envs.platformer.level.PlatformerLevels;
import dev.levelgym.envs.platformer.level.PlatformerSolution;
import dev.levelgym.envs.platformer.level.PlatformerSolver;
import org.junit.jupiter.api.Test;

class EnemyAwareSolverTest {

    /** Plays the solution in the game, with its enemies, and returns the game at the end. */
    static PlatformerGame replay(PlatformerLevel level, PlatformerSolution s) {
        PlatformerGame game = new PlatformerGame(PlatformerRules.V0);
        game.load(level);
        for (int a : s.actions()) {
            assertEquals(Outcome.RUNNING, game.result(), level.id() + " ended early at tick " + game.ticks());
            game.tick(a);
        }
        return game;
    }

    @Test
    void anEnemyInALowTunnelBlocksWhatTheLayoutAllows() {
        // The player starts inside a one-high tunnel (no jumping) that an enemy walks along towards it.
        Levels l = Levels.flat(20).set(10, 11, 'E');
        for (int x = 0; x < 15; x++) {
            l.set(x, 10, 'X');
        }
        PlatformerLevel level = l.build();
        assertTrue(PlatformerSolver.of(level, PlatformerRules.V0).completable());
        PlatformerSolution s = EnemyAwareSolver.of(level, PlatformerRules.V0);
        assertFalse(s.completable());
        assertTrue(s.furthestX() < 10, "furthest " + s.furthestX());
    }

    @Test
    void aWalkingEnemyIsStompedOrJumpedAndTheRunWinsInTheGame() {
        PlatformerLevel level = Levels.flat(30).set(12, 11, 'E').set(20, 11, 'E').build();
        PlatformerSolution s = EnemyAwareSolver.of(level, PlatformerRules.V0);
        assertTrue(s.completable());
        assertEquals(29, s.length()); // no time lost: jumping costs nothing over flat ground
        assertTrue(s.jumps() >= 1);
        PlatformerGame game = replay(level, s);
        assertEquals(Outcome.WIN, game.result());
        // Walking straight on loses: the layout's run is not enough.
        PlatformerGame naive = new PlatformerGame(PlatformerRules.V0);
        naive.load(level);
        for (int i = 0; i < 29 && naive.result() == Outcome.RUNNING; i++) {
            naive.tick(2);
        }
        assertEquals(Outcome.LOSS, naive.result());
    }

    @Test
    void proceduralLevelsAreCompletableWithTheirEnemiesAndRunsReplay() {
        PlatformerLevels generator = new PlatformerLevels(PlatformerRules.V0);
        EnemyAwareSolver solver = new EnemyAwareSolver(PlatformerRules.V0);
        for (long seed = 0; seed < 150; seed++) {
            PlatformerLevel level = generator.generate(seed, 100);
            PlatformerSolution s = solver.solve(level, 1000);
            assertTrue(s.completable(), level.id());
            PlatformerGame game = replay(level, s);
            assertEquals(Outcome.WIN, game.result(), level.id());
            assertEquals(s.length(), game.ticks());
        }
    }

    @Test
    void tooFewTicksIsNotCompletableAndBadBoundsAreErrors() {
        PlatformerLevel level = Levels.flat(30).build();
        EnemyAwareSolver solver = new EnemyAwareSolver(PlatformerRules.V0);
        assertFalse(solver.solve(level, 28).completable());
        assertTrue(solver.solve(level, 29).completable());
        assertThrows(IllegalArgumentException.class, () -> solver.solve(level, EnemyAwareSolver.MAX_TICKS + 1));
    }
}
