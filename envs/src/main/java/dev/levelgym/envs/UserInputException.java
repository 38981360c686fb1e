package dev.levelgym.envs;

/**
 * Input a user can fix is wrong: a bad option, flag or config value, an unknown name, a malformed or oversized
 * file. The command-line tool prints its message on one line and exits with the user-error code; any other
 * exception, an unexpected {@link IllegalArgumentException} included, is a bug in levelgym and keeps its stack
 * trace. An {@link IllegalArgumentException} itself, so API callers that validate arguments catch it as they
 * always have.
 */
public class UserInputException extends IllegalArgumentException {

    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
