package dev.levelgym.demo.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.gdx.Input.Keys;
import dev.levelgym.demo.DemoMode;
import dev.levelgym.demo.model.CartPoleSession;
import dev.levelgym.demo.model.DungeonSession;
import dev.levelgym.demo.model.LevelDeck;
import dev.levelgym.demo.model.Pilot;
import dev.levelgym.demo.model.Speed;
import dev.levelgym.demo.view.Views;
import dev.levelgym.envs.dungeon.Dungeon;
import dev.levelgym.envs.Outcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each screen's keys, driven through its InputProcessor as the window (or a script) would. */
class ScreenInputTest {

    private static final float TICK = (float) DungeonScreen.TICK_SECONDS;

    private final List<Object> opened = new ArrayList<>();
    private final Navigator navigator = new Navigator() {
        @Override
        public void open(DemoMode mode) {
            opened.add(mode);
        }

        @Override
        public void quit() {
            opened.add("quit");
        }
    };

    private static void press(DemoScreen screen, int key) {
        screen.keyDown(key);
        screen.keyUp(key);
    }

    private DungeonScreen play(Path saveDir) {
        return new DungeonScreen(Views.none(), navigator,
                new DungeonSession(LevelDeck.standard(2), Optional.empty(), 0, null), saveDir);
    }

    @Test
    void menuMovesWrapsAndOpensModes() {
        MenuScreen menu = new MenuScreen(Views.none(), navigator);
        press(menu, Keys.UP);
        assertEquals(5, menu.menu().selected());
        press(menu, Keys.ENTER);
        press(menu, Keys.NUM_2);
        press(menu, Keys.NUM_4);
        press(menu, Keys.NUM_6);
        press(menu, Keys.ESCAPE);
        assertEquals(List.of(DemoMode.STUDIO, DemoMode.WATCH, DemoMode.PLATFORMER, DemoMode.STUDIO, "quit"), opened);
        assertFalse(menu.keyDown(Keys.Q));
    }

    @Test
    void arrowsAndWasdQueueMovesOneTickEach(@TempDir Path dir) {
        DungeonScreen screen = play(dir);
        int start = screen.session().game().avatarCell();
        press(screen, Keys.D);
        screen.update(TICK);
        assertEquals(1, screen.session().steps());
        int afterRight = screen.session().game().avatarCell();
        assertTrue(afterRight == start + 1 || afterRight == start, "moved right or bumped a wall");
        screen.update(TICK);
        assertEquals(2, screen.session().steps(), "an idle tick still runs: the monsters roam");
        assertEquals(afterRight, screen.session().game().avatarCell());
    }

    @Test
    void aHeldDirectionKeepsWalkingUntilReleased(@TempDir Path dir) {
        DungeonScreen screen = play(dir);
        screen.keyDown(Keys.SPACE);
        screen.keyDown(Keys.LEFT);
        screen.keyDown(Keys.RIGHT);
        screen.keyDown(Keys.UP);
        screen.update(3 * TICK + 0.01f);
        assertEquals(3, screen.session().steps(), "at most two presses queue, then the held key repeats");
        screen.keyUp(Keys.UP);
        int cell = screen.session().game().avatarCell();
        screen.update(TICK);
        assertEquals(cell, screen.session().game().avatarCell());
    }

    @Test
    void restartNewLevelGeneratorAndSave(@TempDir Path dir) {
        DungeonScreen screen = play(dir);
        String first = screen.session().source();
        press(screen, Keys.RIGHT);
        screen.update(TICK);
        press(screen, Keys.R);
        assertEquals(0, screen.session().steps());
        press(screen, Keys.N);
        assertTrue(screen.session().source().endsWith("seed 3"), screen.session().source());
        press(screen, Keys.G);
        assertTrue(!screen.session().source().startsWith(first.split(" ")[0]), screen.session().source());
        int before = screen.session().steps();
        press(screen, Keys.S);
        screen.update(TICK);
        assertEquals(dir.toFile().list().length, 0, "plain S is WASD's down in play mode");
        assertEquals(before + 1, screen.session().steps());
        screen.keyDown(Keys.CONTROL_LEFT);
        press(screen, Keys.S);
        screen.keyUp(Keys.CONTROL_LEFT);
        assertEquals(1, dir.toFile().list().length);
        press(screen, Keys.ESCAPE);
        assertEquals(List.of(DemoMode.MENU), opened);
    }

    @Test
    void watchSpeedsPauseAndStep(@TempDir Path dir) {
        DungeonScreen screen = new DungeonScreen(Views.none(), navigator, new DungeonSession(LevelDeck.standard(4),
                Optional.empty(), 0, Pilot.random(Dungeon.ID, 1)), dir);
        screen.update(TICK);
        assertEquals(1, screen.session().steps());
        press(screen, Keys.NUM_4);
        assertEquals(Speed.X4, screen.clock().speed());
        screen.update(TICK);
        assertEquals(5, screen.session().steps());
        press(screen, Keys.P);
        screen.update(10 * TICK);
        assertEquals(5, screen.session().steps());
        press(screen, Keys.PERIOD);
        screen.update(0.001f);
        assertEquals(6, screen.session().steps());
        press(screen, Keys.SPACE);
        press(screen, Keys.M);
        for (int i = 0; i < 10 && screen.session().outcome() == Outcome.RUNNING; i++) {
            screen.update(0.016f);
        }
        assertTrue(screen.session().outcome() != Outcome.RUNNING || screen.session().steps() > 1000,
                "max speed plays through an episode in a few frames");
        press(screen, Keys.S);
        assertEquals(1, dir.toFile().list().length, "S saves in watch mode");
    }

    @Test
    void cartPoleArrowsPushAndATapLastsOneStep() {
        CartPoleScreen screen = new CartPoleScreen(Views.none(), navigator, new CartPoleSession(0, null));
        press(screen, Keys.LEFT);
        screen.update(0.02f);
        assertEquals(0, screen.session().lastPush());
        screen.keyDown(Keys.RIGHT);
        screen.update(0.02f);
        screen.update(0.02f);
        assertEquals(1, screen.session().lastPush());
        screen.keyUp(Keys.RIGHT);
        screen.update(0.02f);
        assertEquals(0, screen.session().lastPush(), "released: the pushes alternate");
        assertEquals(4, screen.session().steps());
        press(screen, Keys.R);
        assertEquals(0, screen.session().steps());
        assertEquals(DemoMode.CARTPOLE, screen.status().mode());
    }
}
