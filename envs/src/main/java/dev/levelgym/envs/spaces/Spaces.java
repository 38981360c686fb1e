package dev.levelgym.envs.spaces;

import java.util.Arrays;

/** Formatting of values for error messages. */
final class Spaces {

    private Spaces() {
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
        if (value instanceof long[] a) {
            return Arrays.toString(a);
        }
        return value == null ? "null" : value + " (" + value.getClass().getSimpleName() + ")";
    }
}
