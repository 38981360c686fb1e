package dev.levelgym.demo.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.gdx.Input.Keys;
import dev.levelgym.demo.DemoMode;
import dev.levelgym.demo.model.PlatformerDeck;
import dev.levelgym.demo.model.PlatformerSession;
import dev.levelgym.demo.model.Speed;
import dev.levelgym.demo.view.Views;
import dev.levelgym.envs.Outcome;
import dev.levelgym.envs.platformer.level.PlatformerPhysics;
import dev.levelgym.envs.platformer.level.PlatformerParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The platformer screen's keys, driven through its InputProcessor as the window (or a script) would. */
class PlatformerScreenTest {

    private static final float TICK = (float) PlatformerScreen.TICK_SECONDS;

    private final List<DemoMode> opened = new ArrayList<>();
    private final Navigator navigator = new Navigator() {
        @Override
        public void open(DemoMode mode) {
            opened.add(mode);
        }

        @Override
        public void quit() {
            throw new AssertionError("the platformer screen does not quit");
        }
    };

    @TempDir
    Path saveDir;

    private PlatformerScreen screen(boolean watching, long seed) {
        return new PlatformerScreen(Views.none(), navigator,
                new PlatformerSession(new PlatformerDeck(List.of(), seed), Optional.empty(), 0, watching, null),
                saveDir);
    }

    private List<String> saved() throws IOException {
        try (Stream<Path> files = Files.list(saveDir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void press(PlatformerScreen screen, int key) {
        screen.keyDown(key);
        screen.keyUp(key);
    }

    @Test
    void aHeldDirectionRunsEveryTickUntilReleased() {
        PlatformerScreen s = screen(false, 0);
        double x = s.session().game().playerPosition();
        s.keyDown(Keys.RIGHT);
        s.update(TICK);
        s.update(TICK);
        assertEquals(x + 1, s.session().game().playerPosition(), 1e-12, "a third, then two thirds: speeding up");
        s.keyUp(Keys.RIGHT);
        s.update(TICK);
        assertEquals(x + 4.0 / 3, s.session().game().playerPosition(), 1e-12, "released: a noop tick, slowing");
        assertEquals(3, s.session().steps());
        s.keyDown(Keys.A);
        s.update(TICK);
        s.update(TICK);
        assertEquals(x + 1, s.session().game().playerPosition(), 1e-12, "A runs left like LEFT: a skid, then back");
    }

    @Test
    void keysHeldTogetherOrTappedBetweenTwoTicksCombine() {
        PlatformerScreen s = screen(false, 0);
        s.keyDown(Keys.W);
        s.keyDown(Keys.D);
        assertEquals(PlatformerPhysics.JUMP_RIGHT, s.action());
        s.keyDown(Keys.LEFT);
        assertEquals(PlatformerPhysics.JUMP, s.action(), "left and right together cancel out");
        s.keyUp(Keys.W);
        s.keyUp(Keys.D);
        s.keyUp(Keys.LEFT);

        PlatformerScreen t = screen(false, 0);
        int x = t.session().game().playerX();
        int y = t.session().game().playerY();
        press(t, Keys.UP);
        press(t, Keys.RIGHT);
        assertEquals(PlatformerPhysics.JUMP_RIGHT, t.action(), "taps since the last tick still count");
        t.update(TICK);
        assertEquals(x + 1.0 / 3, t.session().game().playerPosition(), 1e-12);
        assertEquals(y - 1, t.session().game().playerY(), "the jump started");
        assertEquals(PlatformerPhysics.NOOP, t.action(), "a tap counts for one tick only");
        press(t, Keys.SPACE);
        assertEquals(PlatformerPhysics.JUMP, t.action(), "SPACE jumps in play mode");
    }

    @Test
    void watchModeRunsTheSolverAtTheChosenSpeedAndSpacePauses() {
        PlatformerScreen s = screen(true, 0);
        assertFalse(s.keyDown(Keys.RIGHT), "a watcher cannot steer");
        press(s, Keys.NUM_4);
        assertEquals(Speed.X4, s.clock().speed());
        s.update(TICK);
        assertEquals(4, s.session().steps());
        press(s, Keys.SPACE);
        s.update(TICK);
        assertEquals(4, s.session().steps(), "paused");
        press(s, Keys.PERIOD);
        s.update(TICK);
        assertEquals(5, s.session().steps(), "one step while paused");
        press(s, Keys.P);
        press(s, Keys.M);
        s.update(TICK);
        s.update(TICK);
        assertEquals(Outcome.WIN, s.session().result());
        assertEquals(s.session().solution().length(), s.session().steps());
        assertEquals(new DemoScreen.Status(DemoMode.PLATFORMER_WATCH, "win", s.session().steps(),
                s.session().score()), s.status());
    }

    @Test
    void rRestartsNNewLevelGNextSourceEscapeMenu() {
        PlatformerScreen s = screen(false, 4);
        press(s, Keys.RIGHT);
        s.update(TICK);
        press(s, Keys.RIGHT);
        press(s, Keys.R);
        assertEquals(0, s.session().steps());
        assertEquals(PlatformerPhysics.NOOP, s.action(), "R forgets the taps");
        press(s, Keys.N);
        assertEquals("procedural seed 5", s.session().source());
        press(s, Keys.G);
        assertEquals("corpus seed 5", s.session().source());
        press(s, Keys.ESCAPE);
        assertEquals(List.of(DemoMode.MENU), opened);
        assertTrue(s.hud().get(s.hud().size() - 1).startsWith("LEFT/RIGHT (A/D) run  UP/W/SPACE jump (hold: higher)"));
        assertEquals(DemoMode.PLATFORMER, s.status().mode());
    }

    @Test
    void ctrlSSavesTheLevelInPlayModeAndPlainSAlsoWhenWatching() throws IOException {
        PlatformerScreen s = screen(false, 3);
        press(s, Keys.S);
        assertEquals(List.of(), saved(), "plain S saves nothing in play mode");
        s.keyDown(Keys.CONTROL_LEFT);
        assertEquals(PlatformerPhysics.NOOP, s.action(), "Ctrl is no move");
        press(s, Keys.S);
        s.keyUp(Keys.CONTROL_LEFT);
        press(s, Keys.S);
        assertEquals(1, saved().size(), "Ctrl released: S saves nothing again");
        Path file = saveDir.resolve(saved().get(0));
        assertEquals(s.session().level().toText(), PlatformerParser.parse(file).toText());
        assertEquals("saved " + file, s.hud().get(s.hud().size() - 2));
        assertTrue(s.hud().get(s.hud().size() - 1).contains("Ctrl+S save"));

        PlatformerScreen w = screen(true, 3);
        press(w, Keys.S);
        w.keyDown(Keys.CONTROL_RIGHT);
        press(w, Keys.S);
        w.keyUp(Keys.CONTROL_RIGHT);
        assertEquals(3, saved().size(), "S and Ctrl+S save in watch mode, each to a new file");
        assertEquals(0, w.session().steps(), "saving does not step the game");
        assertTrue(w.hud().get(w.hud().size() - 1).contains("S save"));
    }

    @Test
    void aFailedSaveKeepsTheGameGoing() throws IOException {
        Files.writeString(saveDir.resolve("blocker"), "x");
        PlatformerScreen s = new PlatformerScreen(Views.none(), navigator,
                new PlatformerSession(new PlatformerDeck(List.of(), 0), Optional.empty(), 0, true, null),
                saveDir.resolve("blocker"));
        press(s, Keys.S);
        assertTrue(s.hud().get(s.hud().size() - 2).startsWith("could not save: "), s.hud().toString());
        s.update(TICK);
        assertEquals(1, s.session().steps());
    }
}
