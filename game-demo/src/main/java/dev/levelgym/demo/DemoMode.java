package dev.levelgym.demo;

import dev.levelgym.envs.UserInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the demo shows: the menu, or one of the modes it leads to. */
public enum DemoMode {
    MENU, PLAY, WATCH, CARTPOLE, PLATFORMER, PLATFORMER_WATCH, STUDIO;

    /** The name on the command line and in the result JSON, e.g. {@code platformer-watch}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** True for the modes that show Platformer-v0 (their {@code --level} is a VGLC file). */
    public boolean platformer() {
        return this == PLATFORMER || this == PLATFORMER_WATCH;
    }

    /**
     * The mode {@code play --mode} names. The studio is not one of them: it has its own command,
     * {@code levelgym studio}, with its own options (and the menu's entry 6).
     *
     * @throws IllegalArgumentException naming {@code --mode} and the valid names
     */
    public static DemoMode parse(String label) {
        for (DemoMode m : values()) {
            if (m != STUDIO && m.label().equals(label)) {
                return m;
            }
        }
        throw new UserInputException("--mode must be one of " + Arrays.stream(values()).filter(m -> m != STUDIO)
                .map(DemoMode::label).collect(Collectors.joining(", ")) + "; got '" + label + "'");
    }
}
