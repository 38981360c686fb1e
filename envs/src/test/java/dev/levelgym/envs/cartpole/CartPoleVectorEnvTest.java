package dev.levelgym.envs.cartpole;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.ResetResult;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.random.Pcg64;
import dev.levelgym.envs.vector.VectorEnv.VectorStep;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CartPoleVectorEnvTest {

    @Test
    void copiesFollowIndependentSingleEnvsIncludingAutoreset() {
        int n = 8;
        long seed = 42;
        CartPoleVectorEnv vector = new CartPoleVectorEnv(n);
        @SuppressWarnings("unchecked")
        Env<float[], Integer>[] singles = new Env[n];
        boolean[] singleDone = new boolean[n];
        VectorStep step = vector.reset(seed);
        for (int i = 0; i < n; i++) {
            singles[i] = CartPole.SPEC.make();
            ResetResult<float[]> reset = singles[i].reset(seed + i);
            assertArrayEquals(reset.observation(), Arrays.copyOfRange(step.observations(), 4 * i, 4 * i + 4), 0f);
        }
        // A balancing controller with noise so some copies reach the 500-step limit and others fall.
        Pcg64 noise = Pcg64.seeded(99);
        int terminations = 0;
        int truncations = 0;
        int[] actions = new int[n];
        for (int t = 0; t < 1500; t++) {
            for (int i = 0; i < n; i++) {
                float[] obs = Arrays.copyOfRange(step.observations(), 4 * i, 4 * i + 4);
                int greedy = obs[2] + 0.5 * obs[3] > 0 ? 1 : 0;
                actions[i] = noise.nextDouble() < 0.02 * (i + 1) ? 1 - greedy : greedy;
            }
            step = vector.step(actions);
            for (int i = 0; i < n; i++) {
                float[] expected;
                double reward;
                boolean terminated;
                boolean truncated;
                if (singleDone[i]) {
                    expected = singles[i].reset().observation();
                    reward = 0.0;
                    terminated = false;
                    truncated = false;
                    singleDone[i] = false;
                } else {
                    StepResult<float[]> r = singles[i].step(actions[i]);
                    expected = r.observation();
                    reward = r.reward();
                    terminated = r.terminated();
                    truncated = r.truncated();
                    singleDone[i] = r.done();
                    terminations += terminated ? 1 : 0;
                    truncations += truncated ? 1 : 0;
                }
                String where = "t=" + t + " env " + i;
                assertArrayEquals(expected, Arrays.copyOfRange(step.observations(), 4 * i, 4 * i + 4), 0f, where);
                assertArrayEquals(((CartPole) singles[i].unwrapped()).state(), vector.state(i), 0.0, where);
                assertEquals(reward, step.rewards()[i], 0.0, where);
                assertEquals(terminated, step.terminated()[i], where);
                assertEquals(truncated, step.truncated()[i], where);
            }
        }
        assertTrue(terminations > 0, "some episodes terminate");
        assertTrue(truncations > 0, "some episodes hit the time limit");
    }

    @Test
    void reusesItsResultBuffers() {
        CartPoleVectorEnv vector = new CartPoleVectorEnv(3);
        VectorStep first = vector.reset(0);
        VectorStep second = vector.step(new int[] {0, 1, 0});
        assertSame(first, second);
        assertSame(first.observations(), second.observations());
    }

    @Test
    void rejectsBadActionsAndStepsBeforeReset() {
        CartPoleVectorEnv vector = new CartPoleVectorEnv(2);
        assertThrows(IllegalStateException.class, () -> vector.step(new int[] {0, 0}));
        vector.reset(0);
        double[] before = vector.state(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> vector.step(new int[] {0, 2}));
        assertTrue(e.getMessage().contains("Discrete(2)"), e.getMessage());
        assertArrayEquals(before, vector.state(0), 0.0);
        assertThrows(IllegalArgumentException.class, () -> vector.step(new int[] {0}));
    }
}
