package dev.levelgym.envs.check;

import java.util.Arrays;
import java.util.Objects;

/**
 * One recorded reset or step of a rollout, with the observation copied so that an env reusing its buffer cannot
 * change what was recorded.
 */
record Transition(int step, boolean reset, Object observation, double reward, boolean terminated,
                  boolean truncated) {

    static Transition ofReset(int step, Object observation) {
        return new Transition(step, true, copy(observation), 0, false, false);
    }

    static Transition ofStep(int step, Object observation, double reward, boolean terminated, boolean truncated) {
        return new Transition(step, false, copy(observation), reward, terminated, truncated);
    }

    /** Equal by content; rewards compare as bits so a repeated NaN is not reported as a difference. */
    boolean sameAs(Transition other) {
        return reset == other.reset && Objects.deepEquals(observation, other.observation)
                && Double.compare(reward, other.reward) == 0 && terminated == other.terminated
                && truncated == other.truncated;
    }

    /** A copy of array observations, so later writes by the env cannot change a recorded one. */
    static Object copy(Object value) {
        if (value instanceof float[] a) {
            return a.clone();
        }
        if (value instanceof int[] a) {
            return a.clone();
        }
        if (value instanceof double[] a) {
            return a.clone();
        }
        return value;
    }

    static String describe(Object value) {
        if (value instanceof float[] a) {
            return Arrays.toString(a);
        }
        if (value instanceof int[] a) {
            return Arrays.toString(a);
        }
        if (value instanceof double[] a) {
            return Arrays.toString(a);
        }
        return String.valueOf(value);
    }

    @Override
    public String toString() {
        return reset ? "reset -> observation " + describe(observation)
                : "observation " + describe(observation) + ", reward " + reward + ", terminated " + terminated
                        + ", truncated " + truncated;
    }
}
