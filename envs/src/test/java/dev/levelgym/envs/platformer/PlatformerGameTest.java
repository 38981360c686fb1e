package dev.levelgym.envs.platformer;

import dev.levelgym.envs.Outcome;
import static dev.levelgym.envs.platformer.level.PlatformerPhysics.JUMP;
import static dev.levelgym.envs.platformer.level.PlatformerPhysics.JUMP_RIGHT;
import static dev.levelgym.envs.platformer.level.PlatformerPhysics.NOOP;
import static dev.levelgym.envs.platformer.level.PlatformerPhysics.RIGHT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerRules;
import dev.levelgym.envs.platformer.level.PlatformerPhysics;
import dev.levelgym.envs.platformer.level.PlatformerTile;
import org.junit.jupiter.api.Test;

class PlatformerGameTest {

    private static PlatformerGame play(PlatformerLevel level) {
        PlatformerGame game = new PlatformerGame(PlatformerRules.V0);
        game.load(level);
        return game;
    }

    @Test
    void jumpRightFollowsTheDocumentedArcAndReach() {
        PlatformerGame game = play(Levels.flat(20).build());
        int[] ys = {10, 9, 8, 7, 8, 9, 10, 11};
        for (int t = 0; t < ys.length; t++) {
            game.tick(JUMP_RIGHT);
            assertEquals(t + 1, game.playerX(), "tick " + (t + 1));
            assertEquals(ys[t], game.playerY(), "tick " + (t + 1));
        }
        assertEquals(0, game.rise());
        // Landed: holding jump-right starts the next jump at once.
        game.tick(JUMP_RIGHT);
        assertEquals(10, game.playerY());
    }

    @Test
    void jumpInPlaceRisesFourRowsAndGravityPullsBackOneRowPerTick() {
        PlatformerGame game = play(Levels.flat(10).build());
        int[] ys = {10, 9, 8, 7, 8, 9, 10, 11, 11};
        for (int y : ys) {
            game.tick(JUMP);
            if (y == 11) {
                break;
            }
            assertEquals(y, game.playerY());
        }
        assertEquals(0, game.playerX());
        // A jump cannot start in mid-air: pressing jump while falling does not rise again.
        game.tick(JUMP);
        game.tick(JUMP);
        game.tick(JUMP);
        game.tick(JUMP);
        assertEquals(7, game.playerY());
        game.tick(JUMP);
        assertEquals(8, game.playerY());
    }

    @Test
    void walkingOffALedgeFalls() {
        PlatformerGame game = play(Levels.flat(12).wall(0, 3).wall(1, 3).build());
        assertEquals(8, game.playerY()); // standing on the 3-high block
        game.tick(RIGHT);
        assertEquals(8, game.playerY());
        game.tick(RIGHT); // off the edge: moves right, then falls a row
        assertEquals(2, game.playerX());
        assertEquals(9, game.playerY());
        game.tick(NOOP);
        game.tick(NOOP);
        assertEquals(11, game.playerY());
        game.tick(NOOP);
        assertEquals(11, game.playerY());
    }

    @Test
    void fallingIntoAPitLoses() {
        PlatformerGame game = play(Levels.flat(10).pit(2, 4).build());
        assertEquals(0.1, game.tick(RIGHT), 1e-12);
        game.tick(RIGHT);
        assertEquals(12, game.playerY());
        game.tick(NOOP);
        assertEquals(13, game.playerY());
        assertEquals(Outcome.RUNNING, game.result());
        assertEquals(PlatformerGame.DEATH_REWARD, game.tick(NOOP));
        assertEquals(Outcome.LOSS, game.result());
        assertThrows(IllegalStateException.class, () -> game.tick(NOOP));
    }

    @Test
    void sideContactWithAnEnemyLoses() {
        PlatformerGame game = play(Levels.flat(12).set(5, 11, 'E').build());
        game.tick(RIGHT); // enemy moves on tick 1: 5 -> 4
        assertEquals(4, game.enemyX(0));
        game.tick(RIGHT);
        double r = game.tick(RIGHT); // player to 3, then the enemy walks into it
        assertEquals(Outcome.LOSS, game.result());
        assertEquals(0.1 + PlatformerGame.DEATH_REWARD, r, 1e-12);
    }

    @Test
    void walkingIntoAnEnemyLoses() {
        PlatformerGame game = play(Levels.flat(12).set(2, 11, 'E').build());
        game.tick(NOOP); // the enemy moves on tick 1: 2 -> 1, next to the player
        assertEquals(1, game.enemyX(0));
        double r = game.tick(RIGHT); // enemies rest on tick 2; the player walks into it
        assertEquals(Outcome.LOSS, game.result());
        assertEquals(PlatformerGame.DEATH_REWARD, r, 1e-12);
        assertTrue(game.enemyAlive(0));
    }

    @Test
    void stompingAnEnemyKillsItScoresAndBounces() {
        PlatformerGame game = play(Levels.flat(12).wall(4, 1).wall(6, 1).set(5, 11, 'E').build());
        for (int i = 0; i < 5; i++) {
            game.tick(JUMP_RIGHT); // ends at (5, 8), falling
        }
        assertEquals(5, game.playerX());
        assertEquals(8, game.playerY());
        game.tick(NOOP);
        game.tick(NOOP);
        assertTrue(game.enemyAlive(0));
        double r = game.tick(NOOP); // falls into (5, 11), the enemy's cell
        assertFalse(game.enemyAlive(0));
        assertEquals(Outcome.RUNNING, game.result());
        assertEquals(PlatformerGame.STOMP_POINTS, game.score());
        assertEquals(PlatformerGame.POINT_REWARD * PlatformerGame.STOMP_POINTS, r, 1e-12);
        assertEquals(PlatformerPhysics.STOMP_BOUNCE, game.rise());
        game.tick(NOOP);
        assertEquals(10, game.playerY());
    }

    @Test
    void coinsAndQuestionBlocksScore() {
        PlatformerGame game = play(Levels.flat(10).set(2, 11, 'o').set(0, 8, '?').build());
        game.tick(JUMP);
        game.tick(JUMP);
        assertEquals(9, game.playerY());
        double r = game.tick(NOOP); // head hits the block at row 8: bump, no rise
        assertEquals(9, game.playerY());
        assertEquals(0, game.rise());
        assertEquals(PlatformerTile.QUESTION_USED, game.tile(0, 8));
        assertEquals(1, game.score());
        assertEquals(PlatformerGame.POINT_REWARD, r, 1e-12);
        game.tick(NOOP);
        game.tick(NOOP);
        assertEquals(11, game.playerY());
        // A used block gives nothing.
        game.tick(JUMP);
        game.tick(JUMP);
        game.tick(JUMP);
        assertEquals(1, game.score());
        while (game.playerY() != 11) {
            game.tick(NOOP);
        }
        game.tick(RIGHT);
        r = game.tick(RIGHT);
        assertEquals(2, game.score());
        assertEquals(PlatformerTile.EMPTY, game.tile(2, 11));
        assertEquals(0.1 + PlatformerGame.POINT_REWARD, r, 1e-12);
    }

    @Test
    void reachingTheRightEdgeWins() {
        PlatformerGame game = play(Levels.flat(4).build());
        game.tick(RIGHT);
        game.tick(RIGHT);
        assertEquals(Outcome.RUNNING, game.result());
        assertEquals(0.1 + PlatformerGame.WIN_REWARD, game.tick(RIGHT), 1e-12);
        assertEquals(Outcome.WIN, game.result());
        assertEquals(1.0, game.progress());
    }

    @Test
    void progressIsRewardedOnceAndTheLeftEdgeBlocks() {
        PlatformerGame game = play(Levels.flat(10).build());
        assertEquals(0.0, game.tick(1)); // left edge
        assertEquals(0, game.playerX());
        assertEquals(0.1, game.tick(RIGHT), 1e-12);
        assertEquals(0.0, game.tick(1));
        assertEquals(0.0, game.tick(RIGHT));
        assertEquals(0.1, game.tick(RIGHT), 1e-12);
        assertEquals(2, game.furthestX());
    }

    @Test
    void enemiesTurnAtLedgesAndWalls() {
        PlatformerGame game = play(Levels.flat(12).pit(1, 2).set(3, 11, 'E').wall(6, 2).build());
        assertEquals(0, game.playerX());
        int[] xs = {2, 2, 2, 2, 3, 3, 4, 4, 5, 5, 5, 5, 4};
        for (int x : xs) {
            game.tick(NOOP);
            assertEquals(x, game.enemyX(0), "tick " + game.ticks());
        }
    }

    @Test
    void climbsFourHighButNotFive() {
        PlatformerGame four = play(Levels.flat(10).wall(1, 4).build());
        for (int i = 0; i < 5; i++) {
            four.tick(JUMP_RIGHT);
        }
        assertEquals(1, four.playerX());
        assertEquals(7, four.playerY());
        PlatformerGame five = play(Levels.flat(10).wall(1, 5).build());
        for (int i = 0; i < 12; i++) {
            five.tick(JUMP_RIGHT);
        }
        assertEquals(0, five.playerX());
    }
}
