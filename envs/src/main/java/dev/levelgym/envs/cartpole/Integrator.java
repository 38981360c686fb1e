package dev.levelgym.envs.cartpole;

import java.util.Locale;

/** How CartPole advances its state: Gymnasium's default Euler, or semi-implicit Euler. */
public enum Integrator {
    /** Position and angle advance with the old velocities. */
    EULER,
    /** Velocities advance first and positions use the new velocities. */
    SEMI_IMPLICIT_EULER;

    /** Parses the option values {@code euler} and {@code semi-implicit} (Gymnasium's {@code semi-implicit-euler} too). */
    public static Integrator parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "euler" -> EULER;
            case "semi-implicit", "semi-implicit-euler", "semi_implicit_euler" -> SEMI_IMPLICIT_EULER;
            default -> throw new IllegalArgumentException(
                    "option integrator must be euler or semi-implicit, got '" + name + "'");
        };
    }
}
