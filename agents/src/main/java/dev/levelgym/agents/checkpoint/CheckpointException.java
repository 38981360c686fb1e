package dev.levelgym.agents.checkpoint;

/** A checkpoint could not be written, or one on disk is missing, corrupt or of the wrong kind. */
public final class CheckpointException extends RuntimeException {

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
