package dev.levelgym.envs.spaces;

import java.util.random.RandomGenerator;

/**
 * The set of valid observations or actions, after Gymnasium's spaces. A closed family: a new kind of space
 * changes what every agent must handle, so it is added here, not by users.
 *
 * <p>Spaces are values; sampling takes the caller's generator so a seeded generator gives seeded samples.
 */
public sealed interface Space<T> permits Discrete, Box, MultiDiscrete {

    /** True if {@code value} is a member. Never throws; null and values of the wrong type are not members. */
    boolean contains(Object value);

    /** A uniformly drawn member (for an unbounded Box, see {@link Box#sample}). */
    T sample(RandomGenerator random);

    /** Throws an {@link IllegalArgumentException} naming this space and the value unless it is a member. */
    default T requireContains(Object value, String what) {
        if (!contains(value)) {
            throw new IllegalArgumentException(what + " " + Spaces.describe(value) + " is not in " + this);
        }
        @SuppressWarnings("unchecked")
        T member = (T) value;
        return member;
    }
}
