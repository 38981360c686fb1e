package dev.levelgym.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import java.util.function.Supplier;

/**
 * Backward passes, one at a time per process. DJL's PyTorch engine allows one open {@link GradientCollector} per
 * process ("A PtGradientCollector is already collecting"), so learners and generators training in parallel threads
 * (a benchmark grid, a DQN beside a GAN) take turns here, through one lock for every caller. Each caller's
 * arithmetic is unchanged, so results stay the same per seed.
 */
public final class Autograd {

    private static final Object LOCK = new Object();

    private Autograd() {
    }

    /**
     * Builds the loss inside a gradient collector (the forward passes whose gradients are wanted run in
     * {@code loss}), runs the backward pass, and returns the loss's value. Gradients add up in the parameters' grad
     * arrays until {@link Gradients#apply} or {@link Gradients#zero} clears them.
     */
    public static float backward(Supplier<NDArray> loss) {
        synchronized (LOCK) {
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray value = loss.get();
                collector.backward(value);
                return value.getFloat();
            }
        }
    }
}
