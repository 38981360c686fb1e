package dev.levelgym.envs.spaces;

import java.util.random.RandomGenerator;

/** The integers {@code start, ..., start + n - 1}, as Gymnasium's {@code Discrete(n, start)}. */
public record Discrete(int n, int start) implements Space<Integer> {

    public Discrete {
        if (n <= 0) {
            throw new IllegalArgumentException("Discrete needs n > 0, got " + n);
        }
        // Members and samples are ints, so the largest member must be one too.
        if ((long) start + n - 1 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Discrete(" + n + ", start=" + start + ") exceeds the int range");
        }
    }

    public Discrete(int n) {
        this(n, 0);
    }

    @Override
    public boolean contains(Object value) {
        return value instanceof Integer i && i >= start && i - start < n;
    }

    public boolean contains(int value) {
        return value >= start && value - start < n;
    }

    @Override
    public Integer sample(RandomGenerator random) {
        return start + random.nextInt(n);
    }

    @Override
    public String toString() {
        return start == 0 ? "Discrete(" + n + ")" : "Discrete(" + n + ", start=" + start + ")";
    }
}
