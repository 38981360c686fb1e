package dev.levelgym.demo;

import com.badlogic.gdx.Input.Buttons;
import com.badlogic.gdx.Input.Keys;
import dev.levelgym.demo.screen.DemoScreen;
import dev.levelgym.envs.UserInputException;

/**
 * One slot of a {@link KeyScript}: a key (with Ctrl or Shift held), a wait, typed text, or, in the level studio, a
 * click or a drag at level cells. Sent to the screen through its InputProcessor calls, as LibGDX would deliver the
 * real events, so the screen's own input code (pixel to cell included) is what a script exercises.
 */
public sealed interface ScriptEvent {

    /** Delivers the event to {@code screen}. */
    void sendTo(DemoScreen screen);

    /** True for clicks and drags, which only the studio takes. */
    default boolean pointer() {
        return false;
    }

    /** An empty slot. */
    record Wait() implements ScriptEvent {
        @Override
        public void sendTo(DemoScreen screen) {
        }
    }

    /** A key pressed and released, Ctrl and Shift held around it when asked. */
    record Key(int code, boolean ctrl, boolean shift) implements ScriptEvent {
        @Override
        public void sendTo(DemoScreen screen) {
            modifiers(screen, ctrl, shift, true);
            screen.keyDown(code);
            screen.keyUp(code);
            modifiers(screen, ctrl, shift, false);
        }
    }

    /** Characters typed (into a studio prompt), one keyTyped each. */
    record Type(String text) implements ScriptEvent {
        @Override
        public void sendTo(DemoScreen screen) {
            for (char c : text.toCharArray()) {
                screen.keyTyped(c);
            }
        }
    }

    /**
     * A press and release of a mouse button at the centre of level cell (x, y).
     *
     * @param button {@link Buttons#LEFT} or {@link Buttons#RIGHT}
     */
    record Click(int button, int x, int y, boolean shift) implements ScriptEvent {
        @Override
        public void sendTo(DemoScreen screen) {
            modifiers(screen, false, shift, true);
            int[] p = pixel(screen, x, y);
            screen.touchDown(p[0], p[1], 0, button);
            screen.touchUp(p[0], p[1], 0, button);
            modifiers(screen, false, shift, false);
        }

        @Override
        public boolean pointer() {
            return true;
        }
    }

    /** A press at one cell, moves through the cells on the straight line to another, and a release there. */
    record Drag(int button, int x1, int y1, int x2, int y2, boolean shift) implements ScriptEvent {
        @Override
        public void sendTo(DemoScreen screen) {
            modifiers(screen, false, shift, true);
            int[] p = pixel(screen, x1, y1);
            screen.touchDown(p[0], p[1], 0, button);
            int steps = Math.max(Math.abs(x2 - x1), Math.abs(y2 - y1));
            for (int i = 1; i <= steps; i++) {
                p = pixel(screen, x1 + Math.round((x2 - x1) * (float) i / steps),
                        y1 + Math.round((y2 - y1) * (float) i / steps));
                screen.touchDragged(p[0], p[1], 0);
            }
            screen.touchUp(p[0], p[1], 0, button);
            modifiers(screen, false, shift, false);
        }

        @Override
        public boolean pointer() {
            return true;
        }
    }

    private static int[] pixel(DemoScreen screen, int x, int y) {
        return screen.pixelOfCell(x, y).orElseThrow(() -> new UserInputException("--script: cell (" + x + ", " + y
                + ") is not on the map shown (outside the level, or not the studio's editor)"));
    }

    private static void modifiers(DemoScreen screen, boolean ctrl, boolean shift, boolean down) {
        if (ctrl) {
            if (down) {
                screen.keyDown(Keys.CONTROL_LEFT);
            } else {
                screen.keyUp(Keys.CONTROL_LEFT);
            }
        }
        if (shift) {
            if (down) {
                screen.keyDown(Keys.SHIFT_LEFT);
            } else {
                screen.keyUp(Keys.SHIFT_LEFT);
            }
        }
    }
}
