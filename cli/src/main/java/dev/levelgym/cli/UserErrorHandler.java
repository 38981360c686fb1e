package dev.levelgym.cli;

import dev.levelgym.agents.TrainingDivergedException;
import dev.levelgym.envs.UserInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Turns the errors a user can fix (bad ids, bad option values, unreadable or malformed files: a
 * {@link UserInputException}, a checkpoint that cannot be read, an I/O error) into one line on stderr and exit code 2,
 * without a stack trace. Anything else, a plain {@link IllegalArgumentException} included, is a bug in levelgym and
 * keeps its trace.
 */
final class UserErrorHandler implements IExecutionExceptionHandler {

    static final int USER_ERROR = 2;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) throws Exception {
        String message = userMessage(ex);
        if (message == null) {
            throw ex;
        }
        cmd.getErr().println(prefix(cmd) + ": error: " + message);
        return USER_ERROR;
    }

    /** The command as typed, e.g. "levelgym gan train": a leaf's own name ("train") could be another command's. */
    static String prefix(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName();
    }

    /** Bad or missing flags: the parser's message on one line and exit code 2, like other user errors. */
    static final class BadFlags implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println(prefix(cmd) + ": error: "
                    + ex.getMessage().lines().findFirst().orElse("") + " (see --help)");
            return USER_ERROR;
        }
    }

    static String userMessage(Throwable ex) {
        if (ex instanceof UncheckedIOException u) {
            ex = u.getCause();
        }
        if (ex instanceof dev.levelgym.agents.checkpoint.CheckpointException) {
            return ex.getMessage();
        }
        if (ex instanceof NoSuchFileException e) {
            return "no such file: " + e.getFile();
        }
        if (ex instanceof FileSystemException e && e.getReason() == null) {
            // Java names these by type alone: the bare path would be all the user sees.
            String why = e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof FileAlreadyExistsException ? "it already exists (a file where a folder is needed?)"
                    : e instanceof NotDirectoryException ? "not a folder"
                    : e.getClass().getSimpleName();
            return e.getFile() + ": " + why + (e.getOtherFile() == null ? "" : " (" + e.getOtherFile() + ")");
        }
        // Only our own user-error type: an IllegalArgumentException from anywhere else is a bug and keeps its trace.
        if (ex instanceof IOException || ex instanceof UserInputException
                || ex instanceof TrainingDivergedException) {
            return ex.getMessage();
        }
        return null;
    }
}
