package dev.levelgym.envs.platformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.Outcome;
import dev.levelgym.envs.platformer.level.EnemyAwareSolver;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerRules;
import dev.levelgym.envs.platformer.level.PlatformerSolution;
import dev.levelgym.envs.platformer.level.PlatformerSolver;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real game levels are finished under Platformer-v1's rules: every level of VGLC's Super Mario Bros folder, and the
 * other corpora in the same tile format at other heights, by the layout solver and with their enemies; each
 * enemy-aware run, replayed in the game, wins.
 */
class VglcLevelsTest {

    static Stream<Arguments> realLevels() {
        Stream<PlatformerLevel> smb = Vglc.smb().stream();
        Stream<PlatformerLevel> smb2j = Vglc.SMB2J.stream().map(Vglc::smb2j);
        return Stream.concat(Stream.concat(smb, smb2j), Stream.of(Vglc.sml(1))).map(l -> Arguments.of(l.id(), l));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realLevels")
    void v1FinishesTheLevelWithItsEnemies(String id, PlatformerLevel level) {
        PlatformerSolution layout = PlatformerSolver.of(level);
        assertTrue(layout.completable(), id + " layout: stops at column " + layout.furthestX());
        PlatformerSolution run = EnemyAwareSolver.of(level);
        assertTrue(run.completable(), id + " with enemies: stops at column " + run.furthestX());
        assertTrue(run.length() >= layout.length(), "enemies cannot make a run shorter");

        PlatformerGame game = new PlatformerGame(PlatformerRules.V1);
        game.load(level);
        for (int action : run.actions()) {
            assertEquals(Outcome.RUNNING, game.result(), id + " ended early at tick " + game.ticks());
            game.tick(action);
        }
        assertEquals(Outcome.WIN, game.result(), id);
        assertEquals(run.length(), game.ticks());
    }

    @Test
    void theCorporaHaveTheirOwnHeights() {
        assertEquals(15, Vglc.smb().size());
        for (PlatformerLevel l : Vglc.smb()) {
            assertEquals(14, l.height(), l.id());
        }
        assertEquals(16, Vglc.sml(1).height());
        assertEquals(280, Vglc.sml(1).width());
        for (String name : Vglc.SMB2J) {
            assertEquals(13, Vglc.smb2j(name).height(), name);
        }
    }

    /**
     * The "before" column of the table: v0's fixed jump finishes every layout, but its enemy-aware search
     * gives up on 8-1 (a third of the way in, among the goombas at column 145), which v1 finishes.
     */
    @Test
    void v0CallsMario81ImpossibleWithItsEnemiesAndV1DoesNot() {
        PlatformerLevel level = Vglc.smb("mario-8-1");
        assertTrue(PlatformerSolver.of(level, PlatformerRules.V0).completable());
        PlatformerSolution v0 = EnemyAwareSolver.of(level, PlatformerRules.V0);
        assertFalse(v0.completable());
        assertEquals(145, v0.furthestX());
        assertTrue(EnemyAwareSolver.of(level).completable());
    }

    /**
     * Super Mario Land 1-2 as VGLC has it cannot be finished by either version: past column 120 the next ledge is
     * six rows above the reachable blocks, or nine columns from a three-column block two rows below it, beyond
     * Super Mario Bros' reach (5 rows, 9 columns at full speed from flat ground). The text has no moving
     * platforms, so a level that needs one is not finishable as a static map.
     */
    @Test
    void superMarioLand12StopsWhereTheStaticMapHasNoWayOn() {
        PlatformerLevel level = Vglc.sml(2);
        assertEquals(16, level.height());
        PlatformerSolution v1 = PlatformerSolver.of(level);
        assertFalse(v1.completable());
        assertEquals(122, v1.furthestX());
        assertFalse(PlatformerSolver.of(level, PlatformerRules.V0).completable());
    }
}
