package dev.levelgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
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
}
