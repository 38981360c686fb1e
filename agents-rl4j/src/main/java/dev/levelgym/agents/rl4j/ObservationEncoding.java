package dev.levelgym.agents.rl4j;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.spaces.Box;
import dev.levelgym.envs.spaces.Discrete;
import dev.levelgym.envs.spaces.Space;

/**
 * How a levelgym observation becomes the flat vector RL4J's dense DQN reads: a Box as its elements (row-major, as
 * levelgym stores it), a Discrete as a one-hot vector. RL4J has no other observation kinds a dense network takes.
 *
 * @param <O> the levelgym observation type
 */
sealed interface ObservationEncoding<O> permits ObservationEncoding.Flat, ObservationEncoding.OneHot {

    /** Length of the encoded vector. */
    int size();

    /** {@code observation} as a new vector of {@link #size()} elements. */
    double[] encode(O observation);

    /** The observation at {@code offset} of a vector env's flat float batch, as {@link #encode} does it. */
    double[] encode(float[] flat, int offset);

    /**
     * The encoding of {@code space}.
     *
     * @throws IllegalArgumentException naming the space if RL4J cannot express it
     */
    static ObservationEncoding<?> of(Space<?> space) {
        if (space instanceof Box box) {
            return new Flat(box);
        }
        if (space instanceof Discrete discrete) {
            return new OneHot(discrete);
        }
        throw new UserInputException("RL4J cannot express the observation space " + space
                + ": the bridge takes a Box (flattened) or a Discrete (one-hot encoded)");
    }

    /** A Box's elements, widened to double. */
    record Flat(Box box) implements ObservationEncoding<float[]> {

        @Override
        public int size() {
            return box.size();
        }

        @Override
        public double[] encode(float[] observation) {
            // Length only: bounds are the env's business, and a terminal observation may lie outside them.
            if (observation.length != box.size()) {
                throw new UserInputException("observation of " + observation.length + " elements, but the "
                        + "observation space is " + box);
            }
            return encode(observation, 0);
        }

        @Override
        public double[] encode(float[] flat, int offset) {
            double[] out = new double[box.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = flat[offset + i];
            }
            return out;
        }
    }

    /** 1 at the observation's index within the Discrete, 0 elsewhere. */
    record OneHot(Discrete discrete) implements ObservationEncoding<Integer> {

        @Override
        public int size() {
            return discrete.n();
        }

        @Override
        public double[] encode(Integer observation) {
            discrete.requireContains(observation, "observation");
            double[] out = new double[discrete.n()];
            out[observation - discrete.start()] = 1;
            return out;
        }

        /** A vector env writes a Discrete observation as one float holding its value. */
        @Override
        public double[] encode(float[] flat, int offset) {
            return encode((int) flat[offset]);
        }
    }
}
