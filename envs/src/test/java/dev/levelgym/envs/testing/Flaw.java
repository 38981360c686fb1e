package dev.levelgym.envs.testing;

/** A deliberate contract violation that {@link RandomWalkEnv} can be built with, to test the checker. */
public enum Flaw {
    /** reset(seed) ignores the seed. */
    NONDETERMINISTIC_RESET,
    /** reset(seed) is seeded, but steps draw from an unseeded generator. */
    NONDETERMINISTIC_STEP,
    /** Steps report a second element above the Box's high bound. */
    OBSERVATION_OUT_OF_SPACE,
    /** Every step's reward is NaN. */
    NAN_REWARD,
    /** step() does not validate its action. */
    ACCEPTS_INVALID_ACTION,
    /** render() throws IllegalStateException instead of UnsupportedOperationException. */
    RENDER_THROWS
}
