package dev.levelgym.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.demo.screen.DungeonScreen;
import dev.levelgym.demo.screen.PlatformerScreen;
import dev.levelgym.demo.screen.StudioScreen;
import dev.levelgym.demo.studio.EditGrid;
import dev.levelgym.demo.studio.StudioReport;
import dev.levelgym.demo.studio.StudioSetup;
import dev.levelgym.demo.studio.StudioWorld;
import dev.levelgym.demo.view.Views;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.envs.platformer.level.PlatformerRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The studio through the whole game loop on the headless backend, driven by scripts of keys, clicks and drags. */
class StudioHeadlessTest {

    private static DemoGame studio(StudioWorld world, Path file, String script) {
        KeyScript keys = KeyScript.parse(script, KeyScript.DEFAULT_FRAMES_PER_KEY);
        DemoSettings settings = new DemoSettings(DemoMode.STUDIO, Optional.ofNullable(file), 0, Optional.empty(), keys,
                keys.lastFrame() + 8, Optional.empty(), Path.of("unused"), 1280, 720);
        return new DemoGame(settings, Optional.empty(), Optional.empty(), List.of(), List.of(), env -> null,
                Views::none, new StudioSetup(world, Optional.ofNullable(file), Optional.empty(), Map.of(), 3));
    }

    private static StudioScreen screen(DemoGame game) {
        return assertInstanceOf(StudioScreen.class, game.screen());
    }

    @Test
    void fromAnEmptyRoomAvatarKeyAndDoorArePlacedSavedAndPlayable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("room.txt");
        DemoGame game = HeadlessRun.run(studio(StudioWorld.DUNGEON, file,
                "3,CLICK:1:1,4,CLICK:6:4,5,CLICK:11:7,CTRL+S"));
        StudioReport r = game.result().studio().orElseThrow();
        int expected = DungeonSolver.solve(DungeonParser.parse(file)).length();
        assertEquals(16, expected);
        assertTrue(r.playable());
        assertEquals(expected, r.solutionLength().getAsInt());
        assertEquals(3, r.edits());
        assertEquals(Optional.of(file), r.saved());
        assertEquals("{\"mode\": \"studio\", \"world\": \"dungeon\", \"playable\": true, \"solutionLength\": 16, "
                + "\"edits\": 3, \"saved\": " + DemoResult.quote(file.toString()) + ", \"meanFrameMillis\": ",
                game.result().toJson().replaceFirst("[0-9.]+}$", "").replace("null}", ""));
    }

    @Test
    void dragsPaintStrokesShiftDragsFillRightButtonErasesAndCtrlZUndoes() throws Exception {
        DemoGame game = HeadlessRun.run(studio(StudioWorld.DUNGEON, null,
                "1,DRAG:2:2:8:2,SHIFT+DRAG:2:4:4:6,RCLICK:3:2,CTRL+Z,RDRAG:2:5:3:5"));
        EditGrid g = screen(game).studio().grid();
        for (int x = 2; x <= 8; x++) {
            assertEquals('w', g.get(x, 2), "the stroke, with its erased cell put back by the undo");
        }
        assertEquals('.', g.get(2, 5));
        assertEquals('.', g.get(3, 5));
        assertEquals('w', g.get(4, 5));
        assertEquals('w', g.get(2, 6));
        assertEquals(3, screen(game).studio().edits(), "stroke, fill, erase stroke: the erase click was undone");
    }

    @Test
    void saveAsTypesAFileNameAndAnExistingFileIsOnlyReplacedAfterY(@TempDir Path dir) throws Exception {
        Path taken = dir.resolve("taken.txt");
        Files.writeString(taken, "keep me\n");
        DemoGame game = HeadlessRun.run(studio(StudioWorld.DUNGEON, null,
                "3,CLICK:2:2,CTRL+SHIFT+S,TYPE:" + taken + ",ENTER,N,CTRL+S,TYPE:" + dir.resolve("new.txt")
                        + ",ENTER"));
        assertEquals("keep me\n", Files.readString(taken), "N answered the question");
        assertEquals(screen(game).studio().grid().text(), Files.readString(dir.resolve("new.txt")));
        assertEquals(Optional.of(dir.resolve("new.txt")), game.result().studio().orElseThrow().saved());
        game = HeadlessRun.run(studio(StudioWorld.DUNGEON, null,
                "3,CLICK:2:2,CTRL+SHIFT+S,TYPE:" + taken + ",ENTER,Y"));
        assertEquals(screen(game).studio().grid().text(), Files.readString(taken));
    }

    @Test
    void playingTheLevelAndEscapingReturnsToTheEditorAsItWas() throws Exception {
        DemoGame game = HeadlessRun.run(studio(StudioWorld.DUNGEON, null,
                "3,CLICK:1:1,4,CLICK:3:1,5,CLICK:5:1,RIGHT,P,RIGHT,RIGHT"));
        StudioScreen s = screen(game);
        DungeonScreen play = assertInstanceOf(DungeonScreen.class, s.playing().orElseThrow());
        assertTrue(play.session().steps() > 0);
        assertEquals("studio", game.result().mode());
        game = HeadlessRun.run(studio(StudioWorld.DUNGEON, null,
                "3,CLICK:1:1,4,CLICK:3:1,5,CLICK:5:1,P,RIGHT,RIGHT,RIGHT,RIGHT,ESCAPE"));
        s = screen(game);
        assertTrue(s.playing().isEmpty(), "ESCAPE in the play screen comes back to the editor");
        assertEquals(3, s.studio().edits(), "with its history");
        assertEquals('g', s.studio().grid().get(5, 1), "and its level as edited, not as played");
        assertEquals(5, s.studio().cursorX(), "and its cursor");
    }

    @Test
    void aLevelWithAFormatErrorIsNotPlayed() throws Exception {
        DemoGame game = HeadlessRun.run(studio(StudioWorld.DUNGEON, null, "P"));
        StudioScreen s = screen(game);
        assertTrue(s.playing().isEmpty());
        assertEquals("cannot play: no avatar 'A'", s.studio().message());
    }

    @Test
    void thePlatformerScrollsToTheCellsAScriptClicksAndPlaysInItsOwnScreen() throws Exception {
        DemoGame game = HeadlessRun.run(studio(StudioWorld.PLATFORMER, null,
                "CTRL+N,BACKSPACE,BACKSPACE,BACKSPACE,BACKSPACE,BACKSPACE,TYPE:150x14,ENTER,2,CLICK:140:9,"
                        + "CLICK:3:9"));
        StudioScreen s = screen(game);
        assertEquals(150, s.studio().grid().width());
        assertEquals('S', s.studio().grid().get(140, 9));
        assertEquals('S', s.studio().grid().get(3, 9));
        assertEquals(0, s.layout().scrollX(), "scrolled back for the second click");
        assertTrue(s.layout().visibleColumns() < 150);
        game = HeadlessRun.run(studio(StudioWorld.PLATFORMER, null, "P,RIGHT,RIGHT"));
        PlatformerScreen play = assertInstanceOf(PlatformerScreen.class, screen(game).playing().orElseThrow());
        assertEquals(PlatformerRules.V1, play.session().game().rules());
        game = HeadlessRun.run(studio(StudioWorld.PLATFORMER_V0, null, "P,RIGHT,RIGHT"));
        play = assertInstanceOf(PlatformerScreen.class, screen(game).playing().orElseThrow());
        assertEquals(PlatformerRules.V0, play.session().game().rules(), "a v0 level plays under v0's rules");
    }

    @Test
    void repairAndThePlanningPlaytestRunInScriptedSessions() throws Exception {
        DemoGame game = HeadlessRun.run(studio(StudioWorld.DUNGEON, null, "3,CLICK:1:1,1,DRAG:6:1:6:7,F,K"));
        StudioScreen s = screen(game);
        assertTrue(s.studio().check().playable(), s.studio().message());
        assertTrue(s.studio().highlighted().length >= 2, "a key, a door, and the wall's gap");
        assertEquals(3, s.studio().playtest().orElseThrow().runs());
        assertEquals(3, s.studio().edits());
    }

    @Test
    void theMenusSixOpensTheStudio() throws Exception {
        DemoGame game = new DemoGame(new DemoSettings(DemoMode.MENU, Optional.empty(), 0, Optional.empty(),
                KeyScript.parse("6", 8), 40, Optional.empty(), Path.of("unused"), 1280, 720), Optional.empty(),
                List.of(), env -> null, Views::none);
        HeadlessRun.run(game);
        StudioScreen s = screen(game);
        assertEquals(StudioWorld.DUNGEON, s.studio().world());
        assertEquals("studio", game.result().mode());
    }
}
