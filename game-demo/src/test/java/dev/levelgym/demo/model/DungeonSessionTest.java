package dev.levelgym.demo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.dungeon.Dungeon;
import dev.levelgym.envs.Outcome;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.envs.dungeon.level.DungeonSolution;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DungeonSessionTest {

    static DungeonLevel pocket() throws IOException {
        try (InputStream in = DungeonSessionTest.class.getResourceAsStream("/dev/levelgym/demo/pocket.txt")) {
            return DungeonParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "pocket.txt");
        }
    }

    private static DungeonSession session(DungeonLevel level) {
        return new DungeonSession(LevelDeck.standard(0), Optional.of(level), 7, null);
    }

    @Test
    void theSolversMovesWinThroughTheEnvAndScoreKeyPlusDoor() throws IOException {
        DungeonSession s = session(pocket());
        DungeonSolution solution = DungeonSolver.solve(s.level());
        assertTrue(solution.playable());
        for (int action : solution.actions()) {
            s.tick(action);
        }
        assertEquals(Outcome.WIN, s.outcome());
        assertEquals(solution.length(), s.steps());
        assertEquals(2.0, s.score());
        assertEquals(Optional.of("YOU WIN!"), s.banner());
        s.tick(Dungeon.RIGHT);
        assertEquals(solution.length(), s.steps(), "no ticks after the episode ends");
    }

    @Test
    void restartReplaysTheSameEnemyMoves() throws IOException {
        DungeonSession s = session(pocket());
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            s.tick(Dungeon.NOOP);
            first.append(s.sprites());
        }
        s.restart();
        assertEquals(0, s.steps());
        for (int i = 0; i < 40; i++) {
            s.tick(Dungeon.NOOP);
            second.append(s.sprites());
        }
        assertEquals(first.toString(), second.toString());
    }

    @Test
    void spritesSlideFromTheCellTheyLeft() throws IOException {
        DungeonSession s = session(pocket());
        int start = s.game().avatarCell();
        s.tick(Dungeon.RIGHT);
        Sprite avatar = s.sprites().get(s.sprites().size() - 1);
        assertEquals(new Sprite('A', start, start + 1), avatar);
        for (int i = 0; i < 60; i++) {
            s.tick(Dungeon.NOOP);
            for (Sprite e : s.sprites()) {
                int dx = Math.abs(e.toCell() % 13 - e.fromCell() % 13);
                int dy = Math.abs(e.toCell() / 13 - e.fromCell() / 13);
                assertTrue(dx + dy <= 1, "a sprite moves at most one cell a tick: " + e);
            }
        }
    }

    @Test
    void newLevelAndGeneratorCycleComeFromTheDeck() throws IOException {
        LevelDeck deck = LevelDeck.standard(5);
        DungeonSession s = new DungeonSession(deck, Optional.empty(), 0, null);
        assertEquals(deck.generatorNames().get(0) + " seed 5", s.source());
        DungeonLevel first = s.level();
        s.newLevel();
        assertEquals(deck.generatorNames().get(0) + " seed 6", s.source());
        assertNotEquals(first.toText(), s.level().toText());
        s.cycleGenerator();
        assertEquals(deck.generatorNames().get(1) + " seed 6", s.source());
        assertTrue(s.hud().get(2).startsWith("solution: " + s.solution().length() + " moves"));
    }

    @Test
    void savingNeverOverwritesAndTheFileParsesBack(@TempDir Path dir) throws IOException {
        DungeonSession s = session(pocket());
        Path a = s.save(dir);
        Path b = s.save(dir);
        assertNotEquals(a, b);
        assertEquals(List.of(dir.resolve("pocket.txt"), dir.resolve("pocket-1.txt")), List.of(a, b));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count());
        }
        assertEquals(s.level().toText(), DungeonParser.parse(b).toText());
        assertTrue(s.hud().get(s.hud().size() - 1).contains(b.toString()));
    }

    @Test
    void aPilotPlaysThroughPilotTickButAPersonsSessionHasNone() throws IOException {
        DungeonSession watched = new DungeonSession(LevelDeck.standard(0), Optional.of(pocket()), 1,
                Pilot.random(Dungeon.ID, 3));
        for (int i = 0; i < 30; i++) {
            watched.pilotTick();
        }
        assertTrue(watched.steps() > 0);
        assertTrue(watched.hud().get(0).startsWith("Watch: random agent"));
        assertThrows(IllegalStateException.class, () -> session(pocket()).pilotTick());
    }
}
