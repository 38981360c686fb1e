package dev.levelgym.agents.tabular;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.spaces.Box;
import dev.levelgym.envs.spaces.Space;
import java.util.Arrays;

/**
 * Uniform bins per dimension of a flat Box observation, so tabular methods can learn e.g. CartPole. Bounds are
 * chosen by the caller rather than taken from the Box, because many Boxes (CartPole's velocities) are unbounded.
 *
 * <p>Dimension {@code d} splits {@code [low[d], high[d]]} into {@code bins[d]} equal half-open intervals
 * {@code [low + k w, low + (k+1) w)}; the last also includes {@code high}. Values outside the bounds are clipped
 * into the first or last bin. The state is the mixed-radix number of the bins, first dimension most significant.
 */
public record Discretizer(double[] low, double[] high, int[] bins) implements StateEncoder<float[]> {

    public Discretizer {
        if (low.length != high.length || low.length != bins.length || low.length == 0) {
            throw new UserInputException("low, high and bins need the same non-zero length, got "
                    + low.length + ", " + high.length + " and " + bins.length);
        }
        long states = 1;
        for (int d = 0; d < low.length; d++) {
            if (!(Double.isFinite(low[d]) && Double.isFinite(high[d]) && low[d] < high[d])) {
                throw new UserInputException("dimension " + d + ": bounds must be finite with low < high, got ["
                        + low[d] + ", " + high[d] + "]");
            }
            if (bins[d] < 1) {
                throw new UserInputException("dimension " + d + ": bins must be at least 1, got " + bins[d]);
            }
            states *= bins[d];
            if (states > Integer.MAX_VALUE) {
                throw new UserInputException("too many states: the product of bins " + Arrays.toString(bins)
                        + " exceeds " + Integer.MAX_VALUE);
            }
        }
        low = low.clone();
        high = high.clone();
        bins = bins.clone();
    }

    @Override
    public double[] low() {
        return low.clone();
    }

    @Override
    public double[] high() {
        return high.clone();
    }

    @Override
    public int[] bins() {
        return bins.clone();
    }

    public int dimensions() {
        return bins.length;
    }

    @Override
    public int numStates() {
        int states = 1;
        for (int b : bins) {
            states *= b;
        }
        return states;
    }

    /** The bin of {@code value} in dimension {@code dim}, clipped to {@code [0, bins[dim] - 1]}. */
    public int bin(int dim, double value) {
        if (Double.isNaN(value)) {
            throw new UserInputException("dimension " + dim + ": cannot bin NaN");
        }
        if (value <= low[dim]) {
            return 0;
        }
        if (value >= high[dim]) {
            return bins[dim] - 1;
        }
        int b = Math.min(bins[dim] - 1, (int) ((value - low[dim]) / (high[dim] - low[dim]) * bins[dim]));
        // The division can round across an edge (e.g. just below 0.0 in [-2, 4) split in 3 lands on 1.0), so the
        // estimate is corrected against the edges themselves: a value is in bin k iff edge(k) <= value < edge(k+1).
        if (b > 0 && value < edge(dim, b)) {
            b--;
        } else if (b < bins[dim] - 1 && value >= edge(dim, b + 1)) {
            b++;
        }
        return b;
    }

    /** The lower edge of bin {@code k} in dimension {@code dim}: {@code low + (high - low) * k / bins}. */
    public double edge(int dim, int k) {
        if (k < 0 || k > bins[dim]) {
            throw new UserInputException("dimension " + dim + " has edges 0.." + bins[dim] + ", got " + k);
        }
        return k == bins[dim] ? high[dim] : low[dim] + (high[dim] - low[dim]) * k / bins[dim];
    }

    @Override
    public int encode(float[] observation) {
        if (observation.length != bins.length) {
            throw new UserInputException("observation has " + observation.length + " values, discretizer has "
                    + bins.length + " dimensions");
        }
        return encode(observation, 0);
    }

    @Override
    public int encode(float[] flat, int offset) {
        int state = 0;
        for (int d = 0; d < bins.length; d++) {
            state = state * bins[d] + bin(d, flat[offset + d]);
        }
        return state;
    }

    @Override
    public Class<float[]> observationType() {
        return float[].class;
    }

    @Override
    public void requireCompatible(Space<?> space) {
        if (!(space instanceof Box box) || box.shape().length != 1 || box.size() != bins.length) {
            throw new UserInputException("discretizer with " + bins.length
                    + " dimensions needs a flat Box observation space of that size, got " + space);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Discretizer d && Arrays.equals(low, d.low) && Arrays.equals(high, d.high)
                && Arrays.equals(bins, d.bins);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(low) + Arrays.hashCode(high)) + Arrays.hashCode(bins);
    }

    @Override
    public String toString() {
        return "Discretizer(low=" + Arrays.toString(low) + ", high=" + Arrays.toString(high) + ", bins="
                + Arrays.toString(bins) + ")";
    }
}
