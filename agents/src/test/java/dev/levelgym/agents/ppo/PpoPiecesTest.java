package dev.levelgym.agents.ppo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** PPO's loss pieces against hand-computed values. */
class PpoPiecesTest {

    @Test
    void gaeCutsAtEpisodeEndsBootstrapsTruncationsAndSkipsResetRows() {
        // Two copies, three steps: copy 0 runs on; copy 1 terminates at t=0, autoresets at t=1, is truncated at t=2.
        Rollout r = new Rollout(3, 2, 1);
        float[] values = {0.5f, 0.6f, 0.4f, 9f, 0.3f, 0.1f};
        float[] rewards = {1f, 1f, 0f, 0f, 2f, 0.5f};
        System.arraycopy(values, 0, r.values, 0, 6);
        System.arraycopy(rewards, 0, r.rewards, 0, 6);
        java.util.Arrays.fill(r.valid, true);
        r.terminated[1] = true;
        r.valid[3] = false;
        r.truncated[5] = true;
        r.position = 3;
        r.computeAdvantages(new float[] {0.2f, 0.7f}, 0.9, 0.8);

        // Copy 0: δ2 = 2 + 0.9·0.2 − 0.3 = 1.88; δ1 = 0 + 0.9·0.3 − 0.4 = −0.13, A1 = −0.13 + 0.72·1.88;
        // δ0 = 1 + 0.9·0.4 − 0.5 = 0.86, A0 = 0.86 + 0.72·A1.
        double a2 = 1.88;
        double a1 = -0.13 + 0.72 * a2;
        double a0 = 0.86 + 0.72 * a1;
        // Copy 1: t=2 truncated bootstraps from the next value 0.7: 0.5 + 0.9·0.7 − 0.1; t=1 is no transition;
        // t=0 terminated: 1 − 0.6, whatever the reset row's value.
        assertEquals(a0, r.advantages[0], 1e-6);
        assertEquals(a1, r.advantages[2], 1e-6);
        assertEquals(a2, r.advantages[4], 1e-6);
        assertEquals(0.4, r.advantages[1], 1e-6);
        assertEquals(0.0, r.advantages[3], 0.0);
        assertEquals(1.03, r.advantages[5], 1e-6);
        assertEquals(a0 + 0.5, r.returns[0], 1e-6);
        assertEquals(1.03 + 0.1, r.returns[5], 1e-6);
    }

    @Test
    void clippedObjectiveValueLossAndEntropyAsWritten() {
        PpoConfig config = PpoConfig.defaults();
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            float[] logitValues = {0f, 1f, 2f, 0.5f};
            NDArray logits = m.create(logitValues, new Shape(2, 2));
            NDArray values = m.create(new float[] {1.0f, 3.0f});
            NDArray actions = m.create(new float[] {1f, 0f});
            // Old log-probabilities set so sample 0's ratio is 1.5 (clipped to 1.2) and sample 1's is 0.5 (clipped
            // to 0.8).
            double[] logp0 = logSoftmax(0, 1);
            double[] logp1 = logSoftmax(2, 0.5);
            double new0 = logp0[1];
            double new1 = logp1[0];
            NDArray oldLogProbs = m.create(new float[] {(float) (new0 - Math.log(1.5)), (float) (new1 - Math.log(0.5))});
            NDArray advantages = m.create(new float[] {2f, -1f});
            NDArray returns = m.create(new float[] {1.5f, 2.0f});
            NDArray oldValues = m.create(new float[] {1.2f, 2.5f});

            PpoLoss.Terms t = PpoLoss.compute(logits, values, actions, oldLogProbs, advantages, returns, oldValues,
                    config);

            // Policy: −mean(min(A ρ, A clip(ρ))): sample 0 min(3, 2.4) = 2.4; sample 1 min(−0.5, −0.8) = −0.8.
            assertEquals(-(2.4 - 0.8) / 2, t.policyLoss().getFloat(), 1e-5);
            // Value, clipped around the old values by 0.2: sample 0 max((1 − 1.5)², (1.2 − 0.2 − 1.5)²) = 0.25;
            // sample 1 max((3 − 2)², (2.7 − 2)²) = 1; ½ mean = 0.3125.
            assertEquals(0.3125, t.valueLoss().getFloat(), 1e-5);
            double entropy = (entropy(logp0) + entropy(logp1)) / 2;
            assertEquals(entropy, t.entropy().getFloat(), 1e-5);
            assertEquals(-(2.4 - 0.8) / 2 - 0.01 * entropy + 0.5 * 0.3125, t.loss().getFloat(), 1e-5);
            assertEquals(1.0, t.clipFraction().getFloat(), 0.0);
            double kl = ((1.5 - 1) - Math.log(1.5) + (0.5 - 1) - Math.log(0.5)) / 2;
            assertEquals(kl, t.approxKl().getFloat(), 1e-5);
        }
    }

    private static double[] logSoftmax(double a, double b) {
        double z = Math.log(Math.exp(a) + Math.exp(b));
        return new double[] {a - z, b - z};
    }

    private static double entropy(double[] logp) {
        return -(Math.exp(logp[0]) * logp[0] + Math.exp(logp[1]) * logp[1]);
    }

    @Test
    void advantagesAreNormalizedWithTheUnbiasedDeviation() {
        float[] a = {1f, 2f, 3f, 4f};
        PpoAgent.normalize(a);
        double sd = Math.sqrt((2.25 + 0.25 + 0.25 + 2.25) / 3);
        assertArrayEquals(new float[] {(float) (-1.5 / sd), (float) (-0.5 / sd), (float) (0.5 / sd),
                (float) (1.5 / sd)}, a, 1e-6f);
    }

    @Test
    void theParameterCountCheckedBeforeBuildingIsTheBuiltNetworks() {
        // The memory check counts parameters from the config alone; it must count what DJL then allocates.
        int[][] shapes = {{11, 13, 9}, {7, 14, 16}, {4}};
        PpoConfig impala = PpoConfig.procgen();
        PpoConfig small = new PpoConfig(5e-4, 256, false, 0.999, 0.95, 8, 3, true, 0.2, true, 0.01, 0.5, 0.5, 1e-5,
                PolicyNetwork.IMPALA, java.util.List.of(64), java.util.List.of(8, 16), 32, 1, 20, 32,
                java.util.List.of());
        PpoConfig mlp = PpoConfig.defaults();
        PpoConfig planner = new PpoConfig(5e-4, 256, false, 0.999, 0.95, 8, 3, true, 0.2, true, 0.01, 0.5, 0.5,
                1e-5, PolicyNetwork.VALUE_PROPAGATION, java.util.List.of(12), java.util.List.of(16), 256, 2, 4, 8,
                java.util.List.of(4, 5));
        try (NDManager root = dev.levelgym.nn.Libtorch.newManager()) {
            for (int[] shape : shapes) {
                for (PpoConfig config : shape.length == 3 ? new PpoConfig[] {impala, small, mlp, planner}
                        : new PpoConfig[] {mlp}) {
                    try (ActorCritic network = new ActorCritic(root, shape, 5, config)) {
                        long built = network.parameters().stream().mapToLong(p -> p.getArray().size()).sum();
                        assertEquals(built, ActorCritic.parameterCount(shape, 5, config),
                                java.util.Arrays.toString(shape) + " " + config.network());
                    }
                }
            }
        }
        PpoConfig huge = new PpoConfig(5e-4, 256, false, 0.999, 0.95, 8, 3, true, 0.2, true, 0.01, 0.5, 0.5, 1e-5,
                PolicyNetwork.IMPALA, java.util.List.of(64), java.util.List.of(4096, 4096, 4096), 256, 2, 20, 32,
                java.util.List.of());
        try (NDManager root = dev.levelgym.nn.Libtorch.newManager()) {
            dev.levelgym.envs.UserInputException e = org.junit.jupiter.api.Assertions.assertThrows(
                    dev.levelgym.envs.UserInputException.class, () -> new ActorCritic(root, new int[] {11, 13, 9}, 5,
                            huge).close());
            assertEquals("ppo config: an IMPALA network of convDepths [4096, 4096, 4096], residualBlocks 2 and "
                    + "hiddenSize 256 on 11x13x9 observations has " + ActorCritic.parameterCount(new int[] {11, 13, 9},
                    5, huge) + " parameters, more than the limit of 67108864 (256 MiB of float32, 1 GiB with "
                    + "gradients and Adam's moments); lower convDepths, residualBlocks or hiddenSize", e.getMessage());
        }
    }

    @Test
    void mirrorsTanhIsMathTanhToAnUlp() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int k = 0; k < 200_000; k++) {
            float x = (float) (random.nextDouble(-30, 30) * Math.pow(10, -random.nextInt(8)));
            float expected = (float) Math.tanh(x);
            assertEquals(expected, ActorCritic.tanh(x), Math.ulp(expected), "tanh(" + x + ")");
        }
        assertEquals(0f, ActorCritic.tanh(0f), 0f);
        assertEquals(-1f, ActorCritic.tanh(-100f), 0f);
    }

    @Test
    void anMlpActsAsItsDjlForwardInJavaForSmallBatchesAndThroughDjlForLargeOnes() {
        PpoConfig config = PpoConfig.defaults();
        try (NDManager m = NDManager.newBaseManager(Device.cpu());
             ActorCritic network = new ActorCritic(m, new int[] {4}, 2, config)) {
            network.initialize(3);
            java.util.SplittableRandom random = new java.util.SplittableRandom(11);
            for (int n : new int[] {1, ActorCritic.MIRROR_BELOW - 1, ActorCritic.MIRROR_BELOW, 64}) {
                float[] observations = new float[n * 4];
                for (int i = 0; i < observations.length; i++) {
                    observations[i] = (float) random.nextDouble(-3, 3);
                }
                float[] logits = new float[n * 2];
                float[] values = new float[n];
                network.evaluate(observations, n, logits, values);
                try (NDManager scope = m.newSubManager()) {
                    var out = network.forward(network.input(scope, observations, n), false);
                    assertArrayEquals(out.get(0).toFloatArray(), logits, 1e-5f, "n = " + n);
                    assertArrayEquals(out.get(1).toFloatArray(), values, 1e-5f, "n = " + n);
                }
            }
        }
    }
}
