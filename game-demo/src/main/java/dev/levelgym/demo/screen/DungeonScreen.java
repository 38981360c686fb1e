package dev.levelgym.demo.screen;

import com.badlogic.gdx.Input.Keys;
import dev.levelgym.demo.DemoMode;
import dev.levelgym.demo.model.DungeonSession;
import dev.levelgym.demo.model.Speed;
import dev.levelgym.demo.model.TickClock;
import dev.levelgym.demo.view.Views;
import dev.levelgym.envs.dungeon.Dungeon;
import dev.levelgym.envs.Outcome;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The Dungeon, played by a person (play mode) or watched (an agent plays). The game runs in real time like GVGAI:
 * a tick every {@link #TICK_SECONDS}; a person's key presses queue actions for the coming ticks, a held direction
 * keeps walking, and with no key the tick is a noop so the monsters still roam.
 *
 * <p>Keys, both modes: R restart, N new level, G next generator, Ctrl+S save the level, ESCAPE menu. Play: arrows
 * or WASD move, SPACE swings the sword. Watch: 1 / 4 / M speed 1x / 4x / max, P or SPACE pause, PERIOD step one
 * tick while paused, S also saves (in play mode S is WASD's down).
 */
public final class DungeonScreen extends DemoScreen {

    /** 7.5 ticks a second at 1x (eight frames at 60 fps): brisk for a person, slow enough to follow an agent. */
    public static final double TICK_SECONDS = 2.0 / 15;
    /** Presses beyond this are dropped, so mashing a key does not queue moves for seconds. */
    private static final int MAX_QUEUED = 2;

    private final DungeonSession session;
    private final Navigator navigator;
    private final Path saveDir;
    private final TickClock clock = new TickClock(TICK_SECONDS);
    private final ArrayDeque<Integer> queued = new ArrayDeque<>();
    private int heldDirection = Dungeon.NOOP;
    private boolean ctrlHeld;

    public DungeonScreen(Views views, Navigator navigator, DungeonSession session, Path saveDir) {
        super(views);
        this.session = session;
        this.navigator = navigator;
        this.saveDir = saveDir;
    }

    private boolean watching() {
        return session.pilot().isPresent();
    }

    @Override
    public boolean keyDown(int keycode) {
        switch (keycode) {
            case Keys.CONTROL_LEFT, Keys.CONTROL_RIGHT -> ctrlHeld = true;
            case Keys.R -> restartWith(session::restart);
            case Keys.N -> restartWith(session::newLevel);
            case Keys.G -> restartWith(session::cycleGenerator);
            case Keys.ESCAPE -> navigator.open(DemoMode.MENU);
            default -> {
                if (keycode == Keys.S && (ctrlHeld || watching())) {
                    save();
                    return true;
                }
                return watching() ? watchKey(keycode) : playKey(keycode);
            }
        }
        return true;
    }

    private void restartWith(Runnable action) {
        action.run();
        queued.clear();
    }

    private void save() {
        try {
            session.save(saveDir);
        } catch (UncheckedIOException e) {
            // The HUD shows the failure; the game goes on.
        }
    }

    private boolean playKey(int keycode) {
        int action = direction(keycode);
        if (action != Dungeon.NOOP) {
            heldDirection = action;
        } else if (keycode == Keys.SPACE) {
            action = Dungeon.USE;
        } else {
            return false;
        }
        if (queued.size() < MAX_QUEUED) {
            queued.add(action);
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

    private static int direction(int keycode) {
        return switch (keycode) {
            case Keys.UP, Keys.W -> Dungeon.UP;
            case Keys.DOWN, Keys.S -> Dungeon.DOWN;
            case Keys.LEFT, Keys.A -> Dungeon.LEFT;
            case Keys.RIGHT, Keys.D -> Dungeon.RIGHT;
            default -> Dungeon.NOOP;
        };
    }

    @Override
    public boolean keyUp(int keycode) {
        if (keycode == Keys.CONTROL_LEFT || keycode == Keys.CONTROL_RIGHT) {
            ctrlHeld = false;
            return true;
        }
        if (direction(keycode) != Dungeon.NOOP && direction(keycode) == heldDirection) {
            heldDirection = Dungeon.NOOP;
            return true;
        }
        return false;
    }

    @Override
    public void update(float deltaSeconds) {
        int due = clock.advance(deltaSeconds);
        for (int i = 0; i < due && session.outcome() == Outcome.RUNNING; i++) {
            if (watching()) {
                session.pilotTick();
            } else {
                Integer next = queued.poll();
                session.tick(next != null ? next : heldDirection);
            }
        }
    }

    @Override
    protected void draw() {
        views.dungeon(session, clock.progress(), hud());
    }

    /** The session's HUD plus this screen's own lines. */
    public List<String> hud() {
        List<String> lines = new ArrayList<>(session.hud());
        if (watching()) {
            lines.add("speed " + clock.speed().label() + (clock.paused() ? "  |  PAUSED (. steps)" : "")
                    + "  |  1/4/M speed  P pause  R restart  N new  G generator  S save  ESC menu");
        } else {
            lines.add("arrows/WASD move  SPACE sword  R restart  N new level  G generator  Ctrl+S save  ESC menu");
        }
        return lines;
    }

    public DungeonSession session() {
        return session;
    }

    public TickClock clock() {
        return clock;
    }

    @Override
    public Status status() {
        return new Status(watching() ? DemoMode.WATCH : DemoMode.PLAY, session.outcome().label(), session.steps(),
                session.score());
    }
}
