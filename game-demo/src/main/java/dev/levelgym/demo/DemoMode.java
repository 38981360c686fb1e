package dev.levelgym.demo;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the demo shows: the menu, or one of the three modes it leads to. */
public enum DemoMode {
    MENU, PLAY, WATCH, CARTPOLE;

    /** The name on the command line and in the result JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming {@code --mode} and the valid names */
    public static DemoMode parse(String label) {
        for (DemoMode m : values()) {
            if (m.label().equals(label)) {
                return m;
            }
        }
        throw new IllegalArgumentException("--mode must be one of " + Arrays.stream(values()).map(DemoMode::label)
                .collect(Collectors.joining(", ")) + "; got '" + label + "'");
    }
}
