package dev.levelgym.demo;

import com.badlogic.gdx.Input.Keys;
import dev.levelgym.envs.UserInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scripted key presses for automated runs: one comma-separated token per slot, each slot {@code framesPerKey}
 * frames long, the first pressed at frame {@code framesPerKey}. A token is a LibGDX key name, case-insensitive
 * ({@code RIGHT}, {@code SPACE}, {@code W}, {@code 4}, {@code ENTER}, {@code ESCAPE}, {@code PERIOD} for '.'), or
 * {@code WAIT} for a slot with no key.
 *
 * @param keys key codes, {@link #WAIT} for an empty slot
 */
public record KeyScript(List<Integer> keys, int framesPerKey) {

    /**
     * Eight frames per key: at 60 fps that is one Dungeon tick ({@code DungeonScreen#TICK_SECONDS}), so each
     * scripted move is its own tick.
     */
    public static final int DEFAULT_FRAMES_PER_KEY = 8;
    public static final int WAIT = -1;

    public KeyScript {
        keys = List.copyOf(keys);
        if (framesPerKey < 1) {
            throw new UserInputException("--frames-per-key must be at least 1, got " + framesPerKey);
        }
    }

    public static KeyScript none() {
        return new KeyScript(List.of(), DEFAULT_FRAMES_PER_KEY);
    }

    /** @throws IllegalArgumentException naming {@code --script} and the bad token */
    public static KeyScript parse(String text, int framesPerKey) {
        List<Integer> keys = new ArrayList<>();
        if (!text.isBlank()) {
            String[] tokens = text.split(",", -1);
            for (int i = 0; i < tokens.length; i++) {
                keys.add(code(tokens[i].trim(), i + 1));
            }
        }
        return new KeyScript(keys, framesPerKey);
    }

    private static int code(String token, int position) {
        String t = token.toUpperCase(Locale.ROOT);
        if (t.equals("WAIT")) {
            return WAIT;
        }
        if (t.equals("PERIOD")) {
            return Keys.PERIOD;
        }
        for (int k = 0; k <= Keys.MAX_KEYCODE; k++) {
            String name = Keys.toString(k);
            if (name != null && name.toUpperCase(Locale.ROOT).replace(' ', '_').equals(t)) {
                return k;
            }
        }
        throw new UserInputException("--script: token " + position + " '" + token + "' is not a key name "
                + "(e.g. UP, DOWN, LEFT, RIGHT, SPACE, ENTER, ESCAPE, W, 1, PERIOD, or WAIT)");
    }

    /** The key to press at frame {@code frame} (1-based), {@link #WAIT} if none. */
    public int keyAt(long frame) {
        if (frame % framesPerKey != 0) {
            return WAIT;
        }
        long slot = frame / framesPerKey - 1;
        return slot < keys.size() ? keys.get((int) slot) : WAIT;
    }

    /** The frame after the last scripted key's slot. */
    public long lastFrame() {
        return (long) keys.size() * framesPerKey;
    }
}
