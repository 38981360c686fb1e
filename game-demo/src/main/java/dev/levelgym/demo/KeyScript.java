package dev.levelgym.demo;

import com.badlogic.gdx.Input.Buttons;
import com.badlogic.gdx.Input.Keys;
import dev.levelgym.envs.UserInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scripted input for automated runs: one comma-separated token per slot, each slot {@code framesPerKey} frames
 * long, the first at frame {@code framesPerKey}. A token is
 * <ul>
 *   <li>a LibGDX key name, case-insensitive ({@code RIGHT}, {@code SPACE}, {@code W}, {@code 4}, {@code ENTER},
 *       {@code ESCAPE}, {@code PERIOD} for '.', {@code BACKSPACE}, {@code [} ...), optionally held with modifiers:
 *       {@code CTRL+S}, {@code SHIFT+1}, {@code CTRL+SHIFT+Z};</li>
 *   <li>{@code WAIT}, a slot with no input;</li>
 *   <li>in the level studio, mouse events at level cells (0-based column and row): {@code CLICK:x:y} (left
 *       button, paints), {@code RCLICK:x:y} (right button, erases), {@code DRAG:x1:y1:x2:y2} and
 *       {@code RDRAG:x1:y1:x2:y2} (a stroke along the line between the cells), each optionally {@code SHIFT+}
 *       (a drag then fills a rectangle);</li>
 *   <li>{@code TYPE:text}: characters typed into a studio prompt (a file name, a size), no commas.</li>
 * </ul>
 *
 * @param events one per slot
 */
public record KeyScript(List<ScriptEvent> events, int framesPerKey) {

    /**
     * Eight frames per key: at 60 fps that is one Dungeon tick ({@code DungeonScreen#TICK_SECONDS}), so each
     * scripted move is its own tick.
     */
    public static final int DEFAULT_FRAMES_PER_KEY = 8;
    public static final int WAIT = -1;
    private static final String KEY_EXAMPLES = "e.g. UP, DOWN, LEFT, RIGHT, SPACE, ENTER, ESCAPE, W, 1, PERIOD, or WAIT";
    private static final String POINTER_EXAMPLES = "e.g. CLICK:3:2, RCLICK:0:4, DRAG:1:1:5:1, SHIFT+DRAG:2:2:4:6";

    public KeyScript {
        events = List.copyOf(events);
        if (framesPerKey < 1) {
            throw new UserInputException("--frames-per-key must be at least 1, got " + framesPerKey);
        }
    }

    public static KeyScript none() {
        return new KeyScript(List.of(), DEFAULT_FRAMES_PER_KEY);
    }

    /** @throws UserInputException naming {@code --script} and the bad token */
    public static KeyScript parse(String text, int framesPerKey) {
        List<ScriptEvent> events = new ArrayList<>();
        if (!text.isBlank()) {
            String[] tokens = text.split(",", -1);
            for (int i = 0; i < tokens.length; i++) {
                events.add(event(tokens[i].trim(), i + 1));
            }
        }
        return new KeyScript(events, framesPerKey);
    }

    private static ScriptEvent event(String token, int position) {
        if (token.regionMatches(true, 0, "TYPE:", 0, 5)) {
            return new ScriptEvent.Type(token.substring(5));
        }
        String t = token.toUpperCase(Locale.ROOT);
        boolean ctrl = false;
        boolean shift = false;
        while (true) {
            if (t.startsWith("CTRL+")) {
                ctrl = true;
                t = t.substring(5);
            } else if (t.startsWith("SHIFT+")) {
                shift = true;
                t = t.substring(6);
            } else {
                break;
            }
        }
        if (t.equals("WAIT") && !ctrl && !shift) {
            return new ScriptEvent.Wait();
        }
        if (t.contains(":")) {
            if (ctrl) {
                throw bad(token, position, "mouse events take SHIFT+ only (" + POINTER_EXAMPLES + ")");
            }
            return pointer(t, token, position, shift);
        }
        // LibGDX names the backspace key "Delete".
        int code = t.equals("PERIOD") ? Keys.PERIOD : t.equals("BACKSPACE") ? Keys.BACKSPACE : keyCode(t);
        if (code < 0) {
            throw bad(token, position, "is not a key name (" + KEY_EXAMPLES + ")");
        }
        return new ScriptEvent.Key(code, ctrl, shift);
    }

    private static ScriptEvent pointer(String t, String token, int position, boolean shift) {
        String[] parts = t.split(":", -1);
        int[] n = new int[parts.length - 1];
        try {
            for (int i = 1; i < parts.length; i++) {
                n[i - 1] = Integer.parseInt(parts[i]);
                if (n[i - 1] < 0) {
                    throw new NumberFormatException();
                }
            }
        } catch (NumberFormatException e) {
            throw bad(token, position, "needs non-negative cell coordinates (" + POINTER_EXAMPLES + ")");
        }
        return switch (parts[0]) {
            case "CLICK", "RCLICK" -> {
                if (n.length != 2) {
                    throw bad(token, position, "is CLICK:x:y (" + POINTER_EXAMPLES + ")");
                }
                yield new ScriptEvent.Click(parts[0].equals("CLICK") ? Buttons.LEFT : Buttons.RIGHT, n[0], n[1],
                        shift);
            }
            case "DRAG", "RDRAG" -> {
                if (n.length != 4) {
                    throw bad(token, position, "is DRAG:x1:y1:x2:y2 (" + POINTER_EXAMPLES + ")");
                }
                yield new ScriptEvent.Drag(parts[0].equals("DRAG") ? Buttons.LEFT : Buttons.RIGHT, n[0], n[1], n[2],
                        n[3], shift);
            }
            default -> throw bad(token, position, "is not a mouse event (" + POINTER_EXAMPLES + ")");
        };
    }

    private static int keyCode(String name) {
        for (int k = 0; k <= Keys.MAX_KEYCODE; k++) {
            String n = Keys.toString(k);
            if (n != null && n.toUpperCase(Locale.ROOT).replace(' ', '_').equals(name)) {
                return k;
            }
        }
        return -1;
    }

    private static UserInputException bad(String token, int position, String why) {
        return new UserInputException("--script: token " + position + " '" + token + "' " + why);
    }

    /** The event of frame {@code frame} (1-based), or null when the frame starts no slot or the slot is empty. */
    public ScriptEvent eventAt(long frame) {
        if (frame % framesPerKey != 0) {
            return null;
        }
        long slot = frame / framesPerKey - 1;
        if (slot >= events.size()) {
            return null;
        }
        ScriptEvent e = events.get((int) slot);
        return e instanceof ScriptEvent.Wait ? null : e;
    }

    /** The plain key pressed at frame {@code frame}, {@link #WAIT} if none (or if the slot holds another event). */
    public int keyAt(long frame) {
        return eventAt(frame) instanceof ScriptEvent.Key k && !k.ctrl() && !k.shift() ? k.code() : WAIT;
    }

    /** True if the script clicks or drags: only the studio takes those. */
    public boolean hasPointerEvents() {
        return events.stream().anyMatch(ScriptEvent::pointer);
    }

    /** The frame after the last scripted slot. */
    public long lastFrame() {
        return (long) events.size() * framesPerKey;
    }
}
