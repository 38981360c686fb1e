package dev.levelgym.envs.spaces;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** A vector of independent discrete choices, element {@code i} in {@code 0 .. nvec[i] - 1}. */
public record MultiDiscrete(int[] nvec) implements Space<int[]> {

    public MultiDiscrete {
        if (nvec.length == 0) {
            throw new IllegalArgumentException("MultiDiscrete needs at least one dimension");
        }
        for (int n : nvec) {
            if (n <= 0) {
                throw new IllegalArgumentException("MultiDiscrete needs every n > 0, got " + Arrays.toString(nvec));
            }
        }
        nvec = nvec.clone();
    }

    @Override
    public int[] nvec() {
        return nvec.clone();
    }

    @Override
    public boolean contains(Object value) {
        if (!(value instanceof int[] v) || v.length != nvec.length) {
            return false;
        }
        for (int i = 0; i < v.length; i++) {
            if (v[i] < 0 || v[i] >= nvec[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int[] sample(RandomGenerator random) {
        int[] out = new int[nvec.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = random.nextInt(nvec[i]);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultiDiscrete m && Arrays.equals(nvec, m.nvec);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(nvec);
    }

    @Override
    public String toString() {
        return "MultiDiscrete(" + Arrays.toString(nvec) + ")";
    }
}
