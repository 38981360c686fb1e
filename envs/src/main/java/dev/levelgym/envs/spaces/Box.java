package dev.levelgym.envs.spaces;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A float32 box: a flat {@code float[]} of {@code product(shape)} elements, element {@code i} within
 * {@code [low[i], high[i]]}. Bounds may be infinite. Multi-dimensional observations (e.g. C×H×W one-hot maps)
 * are stored flat in row-major order; {@link #shape()} says how to read them.
 */
public record Box(float[] low, float[] high, int[] shape) implements Space<float[]> {

    public Box {
        int size = 1;
        for (int d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException("Box shape must be positive, got " + Arrays.toString(shape));
            }
            size *= d;
        }
        if (low.length != size || high.length != size) {
            throw new IllegalArgumentException("Box of shape " + Arrays.toString(shape) + " needs " + size
                    + " bounds, got low " + low.length + ", high " + high.length);
        }
        for (int i = 0; i < size; i++) {
            if (!(low[i] <= high[i])) {
                throw new IllegalArgumentException("Box bound " + i + ": low " + low[i] + " > high " + high[i]);
            }
        }
        low = low.clone();
        high = high.clone();
        shape = shape.clone();
    }

    /** A box with the same bounds for every element. */
    public static Box uniform(float low, float high, int... shape) {
        int size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        float[] lo = new float[size];
        float[] hi = new float[size];
        Arrays.fill(lo, low);
        Arrays.fill(hi, high);
        return new Box(lo, hi, shape);
    }

    public int size() {
        return low.length;
    }

    @Override
    public float[] low() {
        return low.clone();
    }

    @Override
    public float[] high() {
        return high.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public boolean contains(Object value) {
        if (!(value instanceof float[] v) || v.length != low.length) {
            return false;
        }
        for (int i = 0; i < v.length; i++) {
            // NaN fails both comparisons, so it is never a member.
            if (!(v[i] >= low[i] && v[i] <= high[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * As Gymnasium's {@code Box.sample}: uniform on bounded elements, standard normal on elements unbounded
     * both ways, and a shifted exponential on elements bounded one way.
     */
    @Override
    public float[] sample(RandomGenerator random) {
        float[] out = new float[low.length];
        for (int i = 0; i < out.length; i++) {
            boolean lowBounded = low[i] != Float.NEGATIVE_INFINITY;
            boolean highBounded = high[i] != Float.POSITIVE_INFINITY;
            double x;
            if (lowBounded && highBounded) {
                x = low[i] + (double) (high[i] - low[i]) * random.nextDouble();
            } else if (lowBounded) {
                x = low[i] + random.nextExponential();
            } else if (highBounded) {
                x = high[i] - random.nextExponential();
            } else {
                x = random.nextGaussian();
            }
            out[i] = Math.min(high[i], Math.max(low[i], (float) x));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Box b && Arrays.equals(low, b.low) && Arrays.equals(high, b.high)
                && Arrays.equals(shape, b.shape);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(low) + Arrays.hashCode(high)) + Arrays.hashCode(shape);
    }

    /** As Gymnasium's repr, e.g. {@code Box(-1.0, 1.0, (3,), float32)}; bounds are printed as numpy does. */
    @Override
    public String toString() {
        String shapeText = shape.length == 1 ? "(" + shape[0] + ",)"
                : Arrays.toString(shape).replace('[', '(').replace(']', ')');
        return "Box(" + bounds(low) + ", " + bounds(high) + ", " + shapeText + ", float32)";
    }

    /** Gymnasium's {@code _short_repr}: one number when every element is equal, else the array. */
    private static String bounds(float[] values) {
        float min = values[0];
        float max = values[0];
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return min == max ? NumpyFormat.scalar(min) : NumpyFormat.array(values);
    }
}
