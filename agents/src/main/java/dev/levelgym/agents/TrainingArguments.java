package dev.levelgym.agents;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.spaces.Space;

/**
 * The argument checks every {@link TrainableAgent#train} makes, worded the same for every agent so a user sees one
 * message whichever agent they run.
 */
public final class TrainingArguments {

    private TrainingArguments() {
    }

    /** Step counts and seed of a {@code train} call. */
    public static void requireRun(long totalSteps, long stopAt, long seed) {
        if (totalSteps < 0 || stopAt < 0) {
            throw new UserInputException("totalSteps and stopAt must be non-negative, got " + totalSteps
                    + " and " + stopAt);
        }
        if (seed < 0) {
            throw new UserInputException("seed must be non-negative, got " + seed);
        }
    }

    /** The env acts in the space the agent was built for. */
    public static void requireActionSpace(Space<?> agent, Space<?> env) {
        if (!agent.equals(env)) {
            throw new UserInputException("agent acts in " + agent + " but the env's action space is " + env);
        }
    }

    /**
     * A later {@code train} call continues the run of the first, so it must pass the same seed.
     *
     * @param trainedWith the seed of the first call, or null before it
     */
    public static void requireSameSeed(Long trainedWith, long seed) {
        if (trainedWith != null && trainedWith != seed) {
            throw new UserInputException("this agent was trained with seed " + trainedWith
                    + "; resuming with seed " + seed + " would not continue that run");
        }
    }
}
