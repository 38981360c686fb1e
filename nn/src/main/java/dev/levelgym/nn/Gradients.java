package dev.levelgym.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The step after a backward pass: read the gradients, clip their global norm as PyTorch's
 * {@code clip_grad_norm_}, let the optimizer update each parameter, and clear the gradients (PyTorch adds each
 * backward pass into them). DJL's own {@code clipGrad} clips elementwise, not by norm.
 */
public final class Gradients {

    private Gradients() {
    }

    /** The current gradients of {@code parameters}, as handles owned by {@code scope} (freed with it). */
    public static List<NDArray> of(List<Parameter> parameters, NDManager scope) {
        List<NDArray> gradients = new ArrayList<>(parameters.size());
        for (Parameter parameter : parameters) {
            NDArray gradient = parameter.getArray().getGradient();
            // getGradient() makes a new handle on the weight's manager; scope it so it is freed with the step.
            gradient.attach(scope);
            gradients.add(gradient);
        }
        return gradients;
    }

    /** The L2 norm of all gradients together (NaN or infinite if any element is). */
    public static double globalNorm(List<NDArray> gradients) {
        NDArray squaredNorm = null;
        for (NDArray gradient : gradients) {
            NDArray sum = gradient.square().sum();
            squaredNorm = squaredNorm == null ? sum : squaredNorm.add(sum);
        }
        return squaredNorm == null ? 0.0 : Math.sqrt(squaredNorm.getFloat());
    }

    /** PyTorch's {@code clip_grad_norm_} factor: {@code maxNorm / (norm + 1e-6)}, at most 1. */
    public static double clipFactor(double norm, double maxNorm) {
        return Math.min(1.0, maxNorm / (norm + 1e-6));
    }

    /**
     * Scales the gradients by {@code factor} (skipped when it is 1), updates each parameter with
     * {@code optimizer}, and zeroes the gradients for the next backward pass.
     */
    public static void apply(List<Parameter> parameters, List<NDArray> gradients, Optimizer optimizer,
                             double factor) {
        for (int i = 0; i < parameters.size(); i++) {
            NDArray gradient = gradients.get(i);
            if (factor < 1.0) {
                gradient.muli((float) factor);
            }
            Parameter parameter = parameters.get(i);
            optimizer.update(parameter.getId(), parameter.getArray(), gradient);
            gradient.subi(gradient);
        }
    }

    /** Zeroes the gradients of {@code parameters} without an update (e.g. those a backward pass went through). */
    public static void zero(List<Parameter> parameters, NDManager scope) {
        for (NDArray gradient : of(parameters, scope)) {
            gradient.subi(gradient);
        }
    }
}
