package dev.levelgym.demo.screen;

import com.badlogic.gdx.Input.Keys;
import dev.levelgym.demo.DemoMode;
import dev.levelgym.demo.model.PlatformerSession;
import dev.levelgym.demo.model.Speed;
import dev.levelgym.demo.model.TickClock;
import dev.levelgym.demo.view.Views;
import dev.levelgym.envs.Outcome;
import dev.levelgym.envs.platformer.level.PlatformerPhysics;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Platformer (v1, or v0 when watching an agent trained on it), played by a person or watched (the solver's run or
 * an agent). The game runs in real time, a tick every {@link #TICK_SECONDS}; under v1's rules a held direction
 * speeds the player up over three ticks to a tile per tick, and jump held longer jumps higher. A person holds
 * keys: LEFT/A or RIGHT/D run, UP/W/SPACE jumps, and a direction held with jump is a jump-left or jump-right. A key pressed and released
 * between two ticks still counts for the next tick, and the keys pressed between two ticks combine (so a script
 * with two slots per tick, e.g. {@code UP,RIGHT}, plays a jump-right).
 *
 * <p>Keys, both modes: R restart, N new level, G next level source, Ctrl+S save the level, ESCAPE menu. Watch:
 * 1 / 4 / M speed 1x / 4x / max, P or SPACE pause, PERIOD step one tick while paused, S also saves (as in the
 * Dungeon screen; in play mode plain S does nothing, so a slip off A/D/W writes no file).
 */
public final class PlatformerScreen extends DemoScreen {

    /**
     * 7.5 ticks a second at 1x, as the Dungeon: eight frames at 60 fps, one scripted key per tick. A v1 tick is the
     * NES's 6.4 frames, so the demo runs at 80% of the game's pace: full speed is 7.5 tiles a second.
     */
    public static final double TICK_SECONDS = 2.0 / 15;

    private final PlatformerSession session;
    private final Navigator navigator;
    private final Path saveDir;
    private final TickClock clock = new TickClock(TICK_SECONDS);
    private boolean leftHeld;
    private boolean rightHeld;
    private boolean jumpHeld;
    private boolean leftTapped;
    private boolean rightTapped;
    private boolean jumpTapped;
    private boolean ctrlHeld;

    public PlatformerScreen(Views views, Navigator navigator, PlatformerSession session, Path saveDir) {
        super(views);
        this.session = session;
        this.navigator = navigator;
        this.saveDir = saveDir;
    }

    @Override
    public boolean keyDown(int keycode) {
        switch (keycode) {
            case Keys.CONTROL_LEFT, Keys.CONTROL_RIGHT -> ctrlHeld = true;
            case Keys.R -> restartWith(session::restart);
            case Keys.N -> restartWith(session::newLevel);
            case Keys.G -> restartWith(session::cycleSource);
            case Keys.ESCAPE -> navigator.open(DemoMode.MENU);
            default -> {
                if (keycode == Keys.S && (ctrlHeld || session.watching())) {
                    save();
                    return true;
                }
                return session.watching() ? watchKey(keycode) : playKey(keycode, true);
            }
        }
        return true;
    }

    private void save() {
        try {
            session.save(saveDir);
        } catch (UncheckedIOException e) {
            // The HUD shows the failure; the game goes on.
        }
    }

    private void restartWith(Runnable action) {
        action.run();
        leftTapped = false;
        rightTapped = false;
        jumpTapped = false;
    }

    private boolean playKey(int keycode, boolean down) {
        switch (keycode) {
            case Keys.LEFT, Keys.A -> {
                leftHeld = down;
                leftTapped |= down;
            }
            case Keys.RIGHT, Keys.D -> {
                rightHeld = down;
                rightTapped |= down;
            }
            case Keys.UP, Keys.W, Keys.SPACE -> {
                jumpHeld = down;
                jumpTapped |= down;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean watchKey(int keycode) {
        switch (keycode) {
            case Keys.NUM_1 -> clock.setSpeed(Speed.X1);
            case Keys.NUM_4 -> clock.setSpeed(Speed.X4);
            case Keys.M -> clock.setSpeed(Speed.MAX);
            case Keys.P, Keys.SPACE -> clock.togglePause();
            case Keys.PERIOD -> clock.requestStep();
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean keyUp(int keycode) {
        if (keycode == Keys.CONTROL_LEFT || keycode == Keys.CONTROL_RIGHT) {
            ctrlHeld = false;
            return true;
        }
        return !session.watching() && playKey(keycode, false);
    }

    /** The action the keys ask for this tick: held or tapped since the last tick. */
    int action() {
        int dx = (rightHeld || rightTapped ? 1 : 0) - (leftHeld || leftTapped ? 1 : 0);
        boolean jump = jumpHeld || jumpTapped;
        if (jump) {
            return dx < 0 ? PlatformerPhysics.JUMP_LEFT
                    : dx > 0 ? PlatformerPhysics.JUMP_RIGHT : PlatformerPhysics.JUMP;
        }
        return dx < 0 ? PlatformerPhysics.LEFT : dx > 0 ? PlatformerPhysics.RIGHT : PlatformerPhysics.NOOP;
    }

    @Override
    public void update(float deltaSeconds) {
        int due = clock.advance(deltaSeconds);
        for (int i = 0; i < due && session.result() == Outcome.RUNNING; i++) {
            if (session.watching()) {
                session.autoTick();
            } else {
                session.tick(action());
                leftTapped = false;
                rightTapped = false;
                jumpTapped = false;
            }
        }
    }

    @Override
    protected void draw() {
        views.platformer(session, clock.progress(), hud());
    }

    /** The session's HUD plus this screen's own lines. */
    public List<String> hud() {
        List<String> lines = new ArrayList<>(session.hud());
        if (session.watching()) {
            lines.add("speed " + clock.speed().label() + (clock.paused() ? "  |  PAUSED (. steps)" : "")
                    + "  |  1/4/M speed  P pause  R restart  N new level  G source  S save  ESC menu");
        } else {
            lines.add("LEFT/RIGHT (A/D) run  UP/W/SPACE jump (hold: higher)  R restart  N new level  G source  Ctrl+S save"
                    + "  ESC menu");
        }
        return lines;
    }

    public PlatformerSession session() {
        return session;
    }

    public TickClock clock() {
        return clock;
    }

    @Override
    public Status status() {
        return new Status(session.watching() ? DemoMode.PLATFORMER_WATCH : DemoMode.PLATFORMER,
                session.result().label(), session.steps(), session.score());
    }
}
