package dev.levelgym.demo.studio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.envs.platformer.Platformer;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerParser;
import dev.levelgym.envs.platformer.level.PlatformerRules;
import dev.levelgym.envs.platformer.level.PlatformerSolver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor model without a window: editing, history, the live check, repair and files. */
class StudioTest {

    static Studio studio(StudioWorld world, Optional<Path> file) {
        return new Studio(new StudioSetup(world, file, Optional.empty(), Map.of(), 3), StudioJobs.inline(),
                env -> null, 0);
    }

    /** Paints {@code tile} (a palette character) at (x, y) as one click does. */
    static void paint(Studio s, char tile, int x, int y) {
        s.select(s.world().palette().indexOf(tile));
        s.beginStroke(false);
        s.strokeAt(x, y, false);
        s.endStroke();
    }

    @Test
    void anEmptyRoomWithAvatarKeyAndDoorIsPlayableWithTheSolversLength() {
        Studio s = studio(StudioWorld.DUNGEON, Optional.empty());
        assertEquals("wwwwwwwwwwwww\nw...........w\n", s.grid().text().substring(0, 28), "an empty room");
        LiveCheck empty = s.check();
        assertEquals("no avatar 'A'", empty.error().orElseThrow().message());
        assertFalse(empty.error().get().cell(), "a whole-level error names no cell");
        paint(s, 'A', 1, 1);
        assertEquals("no key '+'", s.check().error().orElseThrow().message());
        paint(s, '+', 6, 4);
        paint(s, 'g', 11, 7);
        LiveCheck c = s.check();
        assertTrue(c.error().isEmpty());
        int expected = DungeonSolver.solve(DungeonParser.parse(s.grid().text(), "x")).length();
        assertEquals(5 + 3 + 5 + 3, expected, "Manhattan: (1,1) to (6,4) to (11,7)");
        assertEquals(expected, c.verdict().orElseThrow().solutionLength());
        assertEquals(expected + 1, c.path().size(), "the path has the start and one cell per move");
        assertEquals(3, s.edits());
        StudioReport r = s.report();
        assertTrue(r.playable());
        assertEquals(expected, r.solutionLength().getAsInt());
    }

    @Test
    void aSecondAvatarIsReportedAtItsCellInTheParsersWords() {
        Studio s = studio(StudioWorld.DUNGEON, Optional.empty());
        paint(s, 'A', 1, 1);
        paint(s, 'A', 4, 2);
        LiveCheck.FormatError e = s.check().error().orElseThrow();
        assertEquals(4, e.x());
        assertEquals(2, e.y());
        assertEquals("second avatar 'A' (first at 2:2); a level has exactly one", e.message());
    }

    @Test
    void undoAndRedoWalkTheStepsAndAStrokeIsOneStep() {
        Studio s = studio(StudioWorld.DUNGEON, Optional.empty());
        EditGrid blank = s.grid().copy();
        s.select(0);
        s.beginStroke(false);
        for (int x = 1; x <= 5; x++) {
            s.strokeAt(x, 3, false);
        }
        s.endStroke();
        EditGrid wall = s.grid().copy();
        assertEquals(1, s.edits(), "a drag across five cells is one step");
        s.fill(2, 5, 4, 6, false);
        assertEquals(2, s.edits());
        assertEquals('w', s.grid().get(3, 6));
        s.undo();
        assertEquals(wall, s.grid());
        assertArrayEquals(new int[] {5 * 13 + 2, 5 * 13 + 3, 5 * 13 + 4, 6 * 13 + 2, 6 * 13 + 3, 6 * 13 + 4},
                s.highlighted(), "undo outlines what it changed back");
        s.undo();
        assertEquals(blank, s.grid());
        assertEquals(0, s.edits());
        s.undo();
        assertEquals("nothing to undo", s.message());
        s.redo();
        s.redo();
        assertEquals('w', s.grid().get(4, 6));
        assertEquals(2, s.edits());
        s.undo();
        paint(s, '3', 8, 2);
        s.redo();
        assertEquals("nothing to redo", s.message(), "a new edit clears what could be redone");
    }

    @Test
    void theFillIsClippedAndTheKeyboardRectangleTakesTwoPresses() {
        Studio s = studio(StudioWorld.DUNGEON, Optional.empty());
        s.select(s.world().palette().indexOf('2'));
        s.moveCursor(2, 2);
        s.rectangleCorner();
        s.moveCursor(20, 1);
        s.rectangleCorner();
        assertEquals(1, s.edits());
        for (int x = 2; x < 13; x++) {
            assertEquals('2', s.grid().get(x, 2));
            assertEquals('2', s.grid().get(x, 3));
        }
        assertEquals('.', s.grid().get(1, 2));
        s.fill(-5, -5, 3, 0, true);
        assertEquals('.', s.grid().get(0, 0), "erase rectangle leaves floor, clipped to the level");
    }

    @Test
    void repairMakesTheLevelPlayableAsOneUndoableStepWithItsCellsOutlined() {
        Studio s = studio(StudioWorld.DUNGEON, Optional.empty());
        paint(s, 'A', 1, 1);
        paint(s, '+', 11, 7);
        s.select(0);
        s.fill(6, 1, 6, 7, false);
        assertEquals("no goal door 'g'", s.check().error().orElseThrow().message());
        EditGrid before = s.grid().copy();
        s.repair();
        assertTrue(s.check().playable(), s.message());
        int[] changed = s.grid().changedFrom(before);
        assertArrayEquals(changed, s.highlighted());
        assertTrue(changed.length >= 2, "a door placed and a way through the wall");
        assertTrue(s.message().startsWith("repair: " + changed.length + " cells changed"), s.message());
        assertEquals(4, s.edits());
        s.undo();
        assertEquals(before, s.grid());
        s.redo();
        s.repair();
        assertEquals("repair: the level is already playable; nothing changed", s.message());
        assertEquals(4, s.edits());
    }

    @Test
    void saveWritesAtomicallyAndNeverReplacesAFileWithoutAYes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.txt");
        Files.writeString(file, "precious\n");
        Studio s = studio(StudioWorld.DUNGEON, Optional.empty());
        paint(s, 'A', 1, 1);
        s.saveTo(file);
        assertTrue(s.prompt().isPresent() && s.prompt().get().yesNo(), "asks before replacing");
        s.cancel();
        assertEquals("precious\n", Files.readString(file), "no answer, no write");
        s.saveTo(file);
        s.answer();
        assertEquals(s.grid().text(), Files.readString(file));
        assertEquals(Optional.of(file), s.report().saved());
        assertFalse(s.dirty());
        paint(s, '+', 2, 2);
        s.save();
        assertTrue(s.prompt().isEmpty(), "the session's own last save is replaced without asking");
        assertEquals(s.grid().text(), Files.readString(file));
        Files.writeString(file, "changed behind our back\n");
        paint(s, 'g', 3, 3);
        s.save();
        assertTrue(s.prompt().isPresent(), "a file someone else changed is asked about again");
        s.cancel();
        assertEquals("changed behind our back\n", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void aBrokenFileOpensWithItsErrorInPlaceAndAFileThatIsNoGridIsRefusedWithItsLocation(@TempDir Path dir)
            throws Exception {
        Path broken = dir.resolve("broken.txt");
        Files.writeString(broken, "wwwww\r\nwA.Aw\r\nw+.gw\r\nwwwww\r\n", StandardCharsets.UTF_8);
        Studio s = studio(StudioWorld.DUNGEON, Optional.of(broken));
        assertEquals(5, s.grid().width());
        LiveCheck.FormatError e = s.check().error().orElseThrow();
        assertEquals(3, e.x());
        assertEquals(1, e.y());
        assertFalse(s.dirty(), "CRLF line ends read as the same level");
        Path ragged = dir.resolve("ragged.txt");
        Files.writeString(ragged, "wwww\nwA+g\nwww\n");
        s.openFile(ragged);
        assertEquals("could not open " + ragged + ": " + ragged + ":3:4: row has 3 tiles, expected 4 as in the first "
                + "row", s.message());
        assertEquals(5, s.grid().width(), "the level on show stays");
    }

    @Test
    void aTiledMapSavesWithItsTilesetAndOpensAsTheSameLevel(@TempDir Path dir) {
        Studio s = studio(StudioWorld.DUNGEON, Optional.empty());
        paint(s, 'A', 1, 1);
        paint(s, '+', 5, 5);
        paint(s, 'g', 10, 2);
        paint(s, '1', 8, 6);
        Path map = dir.resolve("room.tmx");
        s.saveTo(map);
        assertTrue(Files.exists(dir.resolve("dungeon.tsx")) && Files.exists(dir.resolve("tileset.png")), s.message());
        Studio other = studio(StudioWorld.DUNGEON, Optional.of(map));
        assertEquals(s.grid(), other.grid());
    }

    @Test
    void aMalformedLevelIsNotSavedAsATiledMap(@TempDir Path dir) {
        Studio s = studio(StudioWorld.DUNGEON, Optional.empty());
        s.saveTo(dir.resolve("room.tmx"));
        assertEquals("could not save " + dir.resolve("room.tmx") + ": a Tiled map needs a well-formed level; this "
                + "one: no avatar 'A'", s.message());
        assertFalse(Files.exists(dir.resolve("room.tmx")));
    }

    @Test
    void targetsMarkTheMeasuresInOrOutOfRange() {
        Studio s = new Studio(new StudioSetup(StudioWorld.DUNGEON, Optional.empty(),
                Optional.of("solutionLength=20..30"), Map.of(), 3), StudioJobs.inline(), env -> null, 0);
        paint(s, 'A', 1, 1);
        paint(s, '+', 6, 4);
        paint(s, 'g', 11, 7);
        LiveCheck.Measure length = s.check().measures().get(0);
        assertEquals("solutionLength", length.name());
        assertEquals(Optional.of("20..30"), length.target());
        assertTrue(!length.met(), "16 moves is short of 20");
        s.targets().select(0);
        s.targets().nudge(false, -5);
        s.targetsChanged();
        assertEquals(Optional.of("15..30"), s.check().measures().get(0).target());
        assertTrue(s.check().measures().get(0).met());
    }

    @Test
    void theUnsavedEditsAreAskedAboutBeforeSwitchingWorlds() {
        Studio s = studio(StudioWorld.DUNGEON, Optional.empty());
        s.switchWorld();
        assertEquals(StudioWorld.PLATFORMER, s.world(), "an untouched level goes without asking");
        paint(s, 'X', 3, 3);
        s.switchWorld();
        assertTrue(s.prompt().isPresent());
        s.answer();
        assertEquals(StudioWorld.DUNGEON, s.world());
        assertEquals(0, s.edits());
    }

    /** Flat ground with a pit {@code gap} columns wide from column 20. */
    private static String pit(int gap) {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < PlatformerLevel.HEIGHT; y++) {
            for (int x = 0; x < 50; x++) {
                sb.append(y >= PlatformerLevel.HEIGHT - 2 && (x < 20 || x >= 20 + gap) ? 'X' : '-');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Test
    void thePlatformerIsCheckedAndRepairedUnderTheRulesOfItsVersion() {
        assertEquals(StudioWorld.PLATFORMER_V0, StudioWorld.of("platformer-v0"));
        assertEquals(Platformer.ID, StudioWorld.PLATFORMER.envId());
        assertEquals(Platformer.ID_V0, StudioWorld.PLATFORMER_V0.envId());
        // Nine columns: v1's jump from a run clears them, v0's fixed jump (eight columns) does not.
        EditGrid g = StudioWorld.PLATFORMER.grid(pit(9), "pit");
        LiveCheck v1 = StudioWorld.PLATFORMER.check(g, new TargetControls(StudioWorld.PLATFORMER.targetRows()));
        assertTrue(v1.playable());
        assertEquals(PlatformerSolver.of(PlatformerStudioWorld.level(g), PlatformerRules.V1).length(),
                v1.verdict().orElseThrow().solutionLength());
        assertEquals(v1.verdict().get().solutionLength() + 1, v1.path().size(), "the start and one step a tick");
        assertTrue(v1.path().stream().anyMatch(p -> p.x() != Math.floor(p.x())), "v1 moves in thirds of a column");
        assertEquals(49, (int) Math.ceil(v1.path().get(v1.path().size() - 1).x()), "the run ends at the last column");
        assertEquals(0, StudioWorld.PLATFORMER.repair(g).changedFrom(g).length, "v1 needs no repair");

        LiveCheck v0 = StudioWorld.PLATFORMER_V0.check(g, new TargetControls(StudioWorld.PLATFORMER_V0.targetRows()));
        assertFalse(v0.playable());
        assertTrue(v0.path().stream().allMatch(p -> p.x() == Math.floor(p.x())), "v0 moves a column a tick");
        EditGrid repaired = StudioWorld.PLATFORMER_V0.repair(g);
        assertTrue(repaired.changedFrom(g).length > 0);
        assertTrue(PlatformerSolver.of(PlatformerParser.parse(repaired.text(), "r"), PlatformerRules.V0).completable());
        assertTrue(StudioWorld.PLATFORMER_V0.check(repaired,
                new TargetControls(StudioWorld.PLATFORMER_V0.targetRows())).playable());
    }

    @Test
    void switchingWorldsKeepsTheVersionOfThePlatformerTheStudioOpenedWith() {
        Studio s = studio(StudioWorld.PLATFORMER_V0, Optional.empty());
        s.switchWorld();
        assertEquals(StudioWorld.DUNGEON, s.world());
        s.switchWorld();
        assertEquals(StudioWorld.PLATFORMER_V0, s.world());
        assertEquals("platformer-v0", s.report().world());
    }
}
