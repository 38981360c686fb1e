package dev.levelgym.nn;

import ai.djl.ndarray.NDArray;
import java.nio.FloatBuffer;
import java.util.random.RandomGenerator;

/**
 * Weight initialisation drawn from a generator the caller seeds, so a network's initial weights are a pure
 * function of the run's seed whatever DJL's engine does with its own. DJL's initializers draw from the engine's
 * generator and have no orthogonal one, which CleanRL's PPO uses ({@code layer_init}).
 */
public final class Initialization {

    private Initialization() {
    }

    /** PyTorch's default for {@code nn.Linear} and {@code nn.Conv2d}: uniform in ±1/√fan_in. */
    public static void pytorchDefault(NDArray array, long fanIn, RandomGenerator random) {
        double bound = 1.0 / Math.sqrt(fanIn);
        float[] values = new float[Math.toIntExact(array.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (-bound + 2 * bound * random.nextDouble());
        }
        array.set(FloatBuffer.wrap(values));
    }

    /** All zeros (CleanRL's {@code layer_init} biases). */
    public static void zeros(NDArray array) {
        array.set(FloatBuffer.wrap(new float[Math.toIntExact(array.size())]));
    }

    /**
     * PyTorch's {@code nn.init.orthogonal_} (Saxe et al. 2014): the weight, viewed as rows × (the rest), becomes a
     * (semi-)orthogonal matrix times {@code gain}: the Q of a QR decomposition of a standard normal matrix, with the
     * signs of R's diagonal folded in so the result is uniform over orthogonal matrices.
     */
    public static void orthogonal(NDArray weight, double gain, RandomGenerator random) {
        long[] shape = weight.getShape().getShape();
        int rows = Math.toIntExact(shape[0]);
        int cols = Math.toIntExact(weight.size() / rows);
        boolean transpose = rows < cols;
        int m = transpose ? cols : rows;  // the long side
        int n = transpose ? rows : cols;  // the short side
        double[][] a = new double[n][m]; // n column vectors of length m
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double g = random.nextGaussian();
                if (transpose) {
                    a[r][c] = g;
                } else {
                    a[c][r] = g;
                }
            }
        }
        // Modified Gram-Schmidt: the columns of Q in order, with R's diagonal kept positive (the sign fold-in).
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < j; k++) {
                double dot = 0;
                for (int i = 0; i < m; i++) {
                    dot += a[k][i] * a[j][i];
                }
                for (int i = 0; i < m; i++) {
                    a[j][i] -= dot * a[k][i];
                }
            }
            double norm = 0;
            for (int i = 0; i < m; i++) {
                norm += a[j][i] * a[j][i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < m; i++) {
                a[j][i] /= norm;
            }
        }
        float[] values = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                values[r * cols + c] = (float) (gain * (transpose ? a[r][c] : a[c][r]));
            }
        }
        weight.set(FloatBuffer.wrap(values));
    }
}
