package dev.levelgym.agents.tabular;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.spaces.Discrete;
import dev.levelgym.envs.spaces.Space;

/** The members of a {@link Discrete} observation space, as rows {@code 0..n-1}. */
public record DiscreteStates(int n, int start) implements StateEncoder<Integer> {

    public DiscreteStates {
        new Discrete(n, start); // same validity rules as the space it mirrors
    }

    public static DiscreteStates of(Discrete space) {
        return new DiscreteStates(space.n(), space.start());
    }

    @Override
    public int numStates() {
        return n;
    }

    @Override
    public int encode(Integer observation) {
        int row = observation - start;
        if (row < 0 || row >= n) {
            throw new UserInputException("observation " + observation + " is not in " + new Discrete(n, start));
        }
        return row;
    }

    /** A vector env writes a Discrete observation as one float holding its value. */
    @Override
    public int encode(float[] flat, int offset) {
        return encode((int) flat[offset]);
    }

    @Override
    public Class<Integer> observationType() {
        return Integer.class;
    }

    @Override
    public void requireCompatible(Space<?> space) {
        if (!new Discrete(n, start).equals(space)) {
            throw new UserInputException("encoder for " + new Discrete(n, start)
                    + " does not match observation space " + space);
        }
    }
}
