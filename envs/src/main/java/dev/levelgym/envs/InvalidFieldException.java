package dev.levelgym.envs;

/**
 * A value a user gave breaks its field's rule, e.g. {@code emaDecay must be in [0, 1), got 1.0}. Records validate
 * their fields once, in their constructors, and say which field is at fault, so a front end can tell the user in
 * its own terms: the command line names the flag ({@link #as(String) as("--ema-decay")}), a config file its key.
 */
public final class InvalidFieldException extends UserInputException {

    private final String field;
    private final String problem;

    /**
     * @param field   the record component, e.g. {@code emaDecay}
     * @param problem what is wrong, to follow the name, e.g. {@code must be in [0, 1), got 1.0}
     */
    public InvalidFieldException(String field, String problem) {
        this(field + " " + problem, field, problem);
    }

    /** With a message of its own, e.g. one that shows the field beside others it must agree with. */
    public InvalidFieldException(String message, String field, String problem) {
        super(message);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    /** The same error with the field called {@code name} (a flag, a config key). */
    public UserInputException as(String name) {
        return new UserInputException(name + " " + problem, this);
    }
}
