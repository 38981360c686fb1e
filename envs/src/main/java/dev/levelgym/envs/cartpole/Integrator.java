package dev.levelgym.envs.cartpole;

import dev.levelgym.envs.UserInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How CartPole advances its state by one time step, as Gymnasium's {@code kinematics_integrator}. */
public enum Integrator {

    /** Positions move with the old velocities (Gymnasium's default, {@code "euler"}). */
    EULER("euler"),

    /** Velocities update first and positions move with the new ones ({@code "semi-implicit"}). */
    SEMI_IMPLICIT_EULER("semi-implicit");

    private final String optionValue;

    Integrator(String optionValue) {
        this.optionValue = optionValue;
    }

    /** The value of the {@code integrator} option that selects this integrator. */
    public String optionValue() {
        return optionValue;
    }

    /** Parses an {@code integrator} option value; the error lists the accepted values. */
    public static Integrator fromOption(String value) {
        for (Integrator integrator : values()) {
            if (integrator.optionValue.equals(value)) {
                return integrator;
            }
        }
        throw new UserInputException("option integrator must be one of "
                + Arrays.stream(values()).map(i -> "'" + i.optionValue + "'").collect(Collectors.joining(", "))
                + ", got '" + value + "'");
    }
}
