package dev.levelgym.demo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.platformer.Platformer;
import dev.levelgym.envs.Outcome;
import dev.levelgym.envs.platformer.level.EnemyAwareSolver;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerLevels;
import dev.levelgym.envs.platformer.level.PlatformerParser;
import dev.levelgym.envs.platformer.level.PlatformerPhysics;
import dev.levelgym.envs.platformer.level.PlatformerSolution;
import dev.levelgym.generators.PlatformerCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformerSessionTest {

    /** 36 columns: a gap, a pipe, a cannon, coins, question blocks and one enemy. */
    static PlatformerLevel small() throws IOException {
        try (InputStream in = PlatformerSessionTest.class.getResourceAsStream(
                "/dev/levelgym/demo/platformer-small.txt")) {
            return PlatformerParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "platformer-small.txt");
        }
    }

    /** Flat ground {@code width} wide, with {@code column} set to {@code c} in row 11 (on the ground). */
    private static PlatformerLevel flat(int width, int column, char c) {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < PlatformerLevel.HEIGHT; y++) {
            for (int x = 0; x < width; x++) {
                sb.append(y >= 12 && !(c == 'P' && x >= column) ? 'X' : y == 11 && x == column && c != 'P' ? c : '-');
            }
            sb.append('\n');
        }
        return PlatformerParser.parse(sb.toString(), "flat");
    }

    private static PlatformerSession person(PlatformerLevel level) {
        return new PlatformerSession(new PlatformerDeck(List.of(), 0), Optional.of(level), 0, false, null);
    }

    private static PlatformerSession solver(PlatformerLevel level) {
        return new PlatformerSession(new PlatformerDeck(List.of(), 0), Optional.of(level), 0, true, null);
    }

    private static void watchToTheEnd(PlatformerSession s) {
        for (int i = 0; i < Platformer.MAX_EPISODE_STEPS && s.result() == Outcome.RUNNING; i++) {
            s.autoTick();
        }
    }

    @Test
    void theSolversRunReplayedThroughTheEnvWinsAsTheEnvItselfScoresIt() throws IOException {
        PlatformerSession s = solver(small());
        PlatformerSolution solution = s.solution();
        assertTrue(solution.completable());
        watchToTheEnd(s);
        assertEquals(Outcome.WIN, s.result());
        assertEquals(solution.length(), s.steps());

        Platformer env = Platformer.of(small());
        env.reset(0);
        StepResult<float[]> last = null;
        for (int a : solution.actions()) {
            last = env.step(a);
        }
        assertEquals("win", last.info().get("result"));
        assertEquals(last.info().get("score"), s.score());
        assertEquals(Optional.of("SOLVER CLEARS IT"), s.banner());
        assertEquals("the solver", s.player());
    }

    @Test
    void theWatchedSolverSurvivesTheEnemiesOnGeneratedAndCorpusLevels() {
        for (PlatformerLevel level : List.of(PlatformerLevels.of(0, 100), PlatformerLevels.of(1, 100),
                PlatformerCorpus.levels().get(1))) {
            PlatformerSession s = solver(level);
            assertTrue(level.count(dev.levelgym.envs.platformer.level.PlatformerTile.ENEMY) > 0, level.id());
            watchToTheEnd(s);
            assertEquals(Outcome.WIN, s.result(), level.id());
            assertEquals(EnemyAwareSolver.of(level).length(), s.steps(), level.id());
        }
    }

    @Test
    void ticksMoveThePlayerAndRememberWhereItCameFromAndRestartStartsOver() throws IOException {
        PlatformerSession s = person(small());
        int x = s.game().playerX();
        int y = s.game().playerY();
        s.tick(PlatformerPhysics.JUMP_RIGHT);
        assertEquals(x + 1.0 / 3, s.game().playerPosition(), 1e-12, "a jump from a standstill: a third on");
        assertEquals(y - 1, s.game().playerY());
        assertEquals(x, s.fromX());
        assertEquals(y, s.fromY());
        s.tick(PlatformerPhysics.JUMP_RIGHT);
        assertEquals(x + 1.0 / 3, s.fromX(), 1e-12, "where the last tick started, with its fraction");
        assertEquals(1, s.facing());
        s.tick(PlatformerPhysics.LEFT);
        assertEquals(-1, s.facing());
        assertEquals(3, s.steps());
        s.restart();
        assertEquals(0, s.steps());
        assertEquals(x, s.game().playerX());
        assertEquals(x, s.fromX());
        assertEquals(1, s.facing());
        assertThrows(IllegalStateException.class, s::autoTick, "a person's session has no autopilot");
    }

    @Test
    void aCoinIsCountedAndScoredAndAPitKills() {
        PlatformerSession coin = person(flat(20, 3, 'o'));
        assertEquals(0, coin.game().playerX());
        for (int i = 0; i < 4; i++) { // 1/3, 1, 2, then 3 columns on: the player reaches column 3
            coin.tick(PlatformerPhysics.RIGHT);
        }
        assertEquals(1, coin.coins());
        assertEquals(1, coin.score());
        assertTrue(coin.hud().get(1).startsWith("score: 1  |  coins: 1  |  x: 16% (column 3 of 19)"),
                coin.hud().get(1));

        PlatformerSession pit = person(flat(20, 2, 'P'));
        for (int i = 0; i < 20 && pit.result() == Outcome.RUNNING; i++) {
            pit.tick(PlatformerPhysics.RIGHT);
        }
        assertEquals(Outcome.LOSS, pit.result());
        assertEquals(Optional.of("YOU DIED"), pit.banner());
        int steps = pit.steps();
        pit.tick(PlatformerPhysics.RIGHT);
        assertEquals(steps, pit.steps(), "no ticks after the episode ends");
    }

    @Test
    void theHudGivesTheSourceAndTheSolversVerdictOrCompletion() throws IOException {
        PlatformerSession s = person(small());
        assertEquals("Platformer  |  level: file platformer-small.txt  (36 columns)", s.hud().get(0));
        assertEquals("solver: completable in " + EnemyAwareSolver.of(small()).length() + " ticks, "
                + EnemyAwareSolver.of(small()).jumps() + " jumps, enemies included", s.hud().get(2));

        PlatformerSession pit = person(flat(20, 2, 'P'));
        assertFalse(pit.solution().completable());
        assertEquals("solver: not completable, completion 42% (reaches column 8)", pit.hud().get(2),
                "two columns of run-up give a walking jump, which carries the player to column 8 before it falls out");
    }

    @Test
    void nTakesTheNextSeedAndGTheNextSource() {
        PlatformerSession s = new PlatformerSession(new PlatformerDeck(List.of(), 2), Optional.empty(), 0, false,
                null);
        assertEquals("procedural seed 2", s.source());
        assertEquals(PlatformerLevels.of(2, Platformer.DEFAULT_WIDTH), s.level());
        s.newLevel();
        assertEquals("procedural seed 3", s.source());
        s.tick(PlatformerPhysics.RIGHT);
        s.cycleSource();
        assertEquals("corpus seed 3", s.source());
        assertEquals(PlatformerCorpus.levels().get(3), s.level());
        assertEquals(0, s.steps(), "a new level starts a new episode");
    }

    @Test
    void onlyWatchModeHasAnAgent() {
        assertThrows(IllegalArgumentException.class, () -> new PlatformerSession(new PlatformerDeck(List.of(), 0),
                Optional.empty(), 0, false, Pilot.random("Dungeon-v0", 1)));
    }

    @Test
    void savingWritesVglcTextNeverOverwritesAndTheFileParsesBack(@TempDir Path dir) throws IOException {
        PlatformerSession s = person(small());
        Path a = s.save(dir);
        Path b = s.save(dir);
        assertEquals(List.of(dir.resolve("platformer-small.txt"), dir.resolve("platformer-small-1.txt")),
                List.of(a, b));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left behind");
        }
        assertEquals(s.level().toText(), Files.readString(b, StandardCharsets.UTF_8));
        assertEquals(s.level().toText(), PlatformerParser.parse(b).toText(), "the file loads as it was");
        assertTrue(s.hud().get(s.hud().size() - 1).equals("saved " + b), s.hud().toString());
        s.newLevel();
        assertFalse(s.hud().get(s.hud().size() - 1).startsWith("saved"), "a new level clears the message");

        PlatformerSession generated = new PlatformerSession(new PlatformerDeck(List.of(), 7), Optional.empty(), 0,
                true, null);
        Path c = generated.save(dir);
        assertNotEquals(a.getFileName(), c.getFileName());
        assertEquals(generated.level().toText(), Files.readString(c, StandardCharsets.UTF_8));
    }

    @Test
    void aFailedSaveSaysSoInTheHud(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        PlatformerSession s = person(small());
        assertThrows(UncheckedIOException.class, () -> s.save(file));
        assertTrue(s.hud().get(s.hud().size() - 1).startsWith("could not save: "), s.hud().toString());
    }
}
