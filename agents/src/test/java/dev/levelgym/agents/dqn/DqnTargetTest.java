package dev.levelgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/** The TD target and the losses on hand-computed cases. */
class DqnTargetTest {

    @Test
    void terminatedDoesNotBootstrapButTruncatedDoes() {
        try (NDManager m = NDManager.newBaseManager()) {
            // Transition 0 terminated (discount 0), 1 truncated (stored with γ = 0.5 like any other), 2 neither.
            NDArray rewards = m.create(new float[] {1f, 1f, 0.5f});
            NDArray discounts = m.create(new float[] {0f, 0.5f, 0.5f});
            NDArray nextQTarget = m.create(new float[] {5f, 7f, 2f, 3f, -1f, -4f}, new Shape(3, 2));
            NDArray y = DqnAgent.tdTargets(rewards, discounts, nextQTarget, null);
            assertArrayEquals(new float[] {1f, 1f + 0.5f * 3f, 0.5f + 0.5f * -1f}, y.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void doubleDqnValuesTheOnlineArgmaxWithTheTargetNetwork() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray rewards = m.create(new float[] {0f, 0f});
            NDArray discounts = m.create(new float[] {1f, 1f});
            NDArray nextQTarget = m.create(new float[] {5f, 7f, 2f, 3f}, new Shape(2, 2));
            // The online network prefers action 0 in the first row, action 1 in the second.
            NDArray nextQOnline = m.create(new float[] {9f, 1f, 0f, 4f}, new Shape(2, 2));
            NDArray y = DqnAgent.tdTargets(rewards, discounts, nextQTarget, nextQOnline);
            assertArrayEquals(new float[] {5f, 3f}, y.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void huberIsSmoothL1AndMseIsMeanSquare() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray prediction = m.create(new float[] {0f, 0.5f, 3f, -2f});
            NDArray target = m.create(new float[] {0f, 0f, 0f, 0f});
            // smooth_l1: 0, 0.5 * 0.25, 3 - 0.5, 2 - 0.5 -> mean (0 + 0.125 + 2.5 + 1.5) / 4
            assertEquals(4.125f / 4, DqnAgent.loss(prediction, target, LossFunction.HUBER).getFloat(), 1e-6f);
            assertEquals((0f + 0.25f + 9f + 4f) / 4, DqnAgent.loss(prediction, target, LossFunction.MSE).getFloat(),
                    1e-6f);
        }
    }

    /**
     * The loss's constants must outlive the forward pass: autograd keeps them for the backward pass. DJL's
     * {@code minimum(1f)} and {@code mul(0.5f)} put them in a Java direct buffer that the next GC frees, which gave a
     * wrong gradient whenever a GC fell between forward and backward (the late partings of long DQN runs).
     */
    @Test
    void huberGradientSurvivesAGarbageCollectionBetweenForwardAndBackward() throws InterruptedException {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray prediction = m.create(new float[] {0.2f, -3f, 2.5f, 0.9f});
            prediction.setRequiresGradient(true);
            NDArray target = m.create(new float[] {0f, 0f, 0f, 0f});
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray loss = DqnAgent.loss(prediction, target, LossFunction.HUBER);
                // Lets the JVM free every unreachable direct buffer (the Reference Handler does it after a GC).
                for (int i = 0; i < 3; i++) {
                    System.gc();
                    Thread.sleep(30);
                }
                collector.backward(loss);
            }
            // d/dp of the mean of smooth_l1(p - 0): clamp(p, -1, 1) / 4.
            assertArrayEquals(new float[] {0.05f, -0.25f, 0.25f, 0.225f}, prediction.getGradient().toFloatArray(),
                    1e-6f);
        }
    }
}
