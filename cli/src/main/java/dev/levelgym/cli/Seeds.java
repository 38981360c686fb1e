package dev.levelgym.cli;

import dev.levelgym.envs.UserInputException;

/** The seed ranges of commands that seed item {@code i} with {@code --seed + i}. */
final class Seeds {

    private Seeds() {
    }

    /**
     * Checks that {@code first}, ..., {@code first + count - 1} are all seeds (0 to 2<sup>63</sup> − 1), so that
     * no item's seed wraps around to a negative number.
     *
     * @param items what {@code count} counts, with its flag, e.g. "--episodes 5"
     * @throws UserInputException naming the flags and the last seed they ask for
     */
    static void requireRange(long first, long count, String items) {
        if (first < 0) {
            throw new UserInputException("--seed must be non-negative, got " + first);
        }
        if (count > 0 && first > Long.MAX_VALUE - (count - 1)) {
            throw new UserInputException("--seed " + first + " with " + items + " asks for seeds up to "
                    + Long.toUnsignedString(first + (count - 1)) + ", past the largest seed " + Long.MAX_VALUE
                    + " (2^63 - 1); lower --seed");
        }
    }
}
