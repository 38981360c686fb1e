package dev.levelgym.agents;

/**
 * Training produced a non-finite loss or gradient and stopped before applying it, so the agent's weights (and any
 * checkpoint already written) hold their last finite values.
 */
public final class TrainingDivergedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(String message) {
        super(message);
    }
}
