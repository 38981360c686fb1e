package dev.levelgym.envs.grid;

import dev.levelgym.envs.UserInputException;

/**
 * A level text that is not a valid level, located the way compilers do ({@code file:line:column: reason}) so
 * an editor can jump to it. Unchecked, and an {@link IllegalArgumentException}, because a bad level reached
 * through env options is an invalid argument like any other bad option.
 */
public final class LevelFormatException extends UserInputException {

    private final String file;
    private final int line;
    private final int column;
    private final String reason;

    public LevelFormatException(String file, int line, int column, String reason) {
        super(file + ":" + line + ":" + column + ": " + reason);
        this.file = file;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** The source name given to the parser (a path for files). */
    public String file() {
        return file;
    }

    /** 1-based line. */
    public int line() {
        return line;
    }

    /** 1-based column, counted in characters. */
    public int column() {
        return column;
    }

    /** The message without the location. */
    public String reason() {
        return reason;
    }
}
