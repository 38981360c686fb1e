package dev.levelgym.demo.screen;

import com.badlogic.gdx.Input.Keys;
import dev.levelgym.demo.DemoMode;
import dev.levelgym.demo.model.CartPoleSession;
import dev.levelgym.demo.model.Speed;
import dev.levelgym.demo.model.TickClock;
import dev.levelgym.demo.view.Views;
import dev.levelgym.envs.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * CartPole-v1 in real time: one env step per 0.02 s (the env's own time step, {@code tau}). A person holds LEFT or
 * RIGHT (or A/D) to push; a tap pushes for at least one step. With an agent: 1 / 4 / M speed, P or SPACE pause,
 * PERIOD step. R restarts, ESCAPE returns to the menu.
 */
public final class CartPoleScreen extends DemoScreen {

    /** CartPole-v1's {@code tau}: the physics advances 0.02 s per step. */
    public static final double TICK_SECONDS = 0.02;

    private final CartPoleSession session;
    private final Navigator navigator;
    private final TickClock clock = new TickClock(TICK_SECONDS);
    private boolean leftHeld;
    private boolean rightHeld;
    private int tapped;

    public CartPoleScreen(Views views, Navigator navigator, CartPoleSession session) {
        super(views);
        this.session = session;
        this.navigator = navigator;
    }

    private boolean watching() {
        return session.pilot().isPresent();
    }

    @Override
    public boolean keyDown(int keycode) {
        switch (keycode) {
            case Keys.LEFT, Keys.A -> {
                leftHeld = true;
                tapped = -1;
            }
            case Keys.RIGHT, Keys.D -> {
                rightHeld = true;
                tapped = 1;
            }
            case Keys.R -> session.restart();
            case Keys.ESCAPE -> navigator.open(DemoMode.MENU);
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
        switch (keycode) {
            case Keys.LEFT, Keys.A -> leftHeld = false;
            case Keys.RIGHT, Keys.D -> rightHeld = false;
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public void update(float deltaSeconds) {
        int due = clock.advance(deltaSeconds);
        for (int i = 0; i < due && session.outcome() == Outcome.RUNNING; i++) {
            if (watching()) {
                session.pilotTick();
            } else {
                int held = (rightHeld ? 1 : 0) - (leftHeld ? 1 : 0);
                session.push(held != 0 ? held : tapped);
                tapped = 0;
            }
        }
    }

    @Override
    protected void draw() {
        views.cartPole(session, hud());
    }

    public List<String> hud() {
        List<String> lines = new ArrayList<>(session.hud());
        lines.add((watching() ? "speed " + clock.speed().label() + (clock.paused() ? "  |  PAUSED" : "")
                + "  |  1/4/M speed  P pause  . step  " : "LEFT/RIGHT push  ") + "R restart  ESC menu");
        return lines;
    }

    public CartPoleSession session() {
        return session;
    }

    public TickClock clock() {
        return clock;
    }

    @Override
    public Status status() {
        return new Status(DemoMode.CARTPOLE, session.outcome().label(), session.steps(), session.steps());
    }
}
