package dev.levelgym.envs.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.ResetResult;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.registry.EnvSpec;
import dev.levelgym.envs.registry.Options;
import dev.levelgym.envs.render.RenderMode;
import dev.levelgym.envs.render.Rendering;
import dev.levelgym.envs.spaces.Box;
import dev.levelgym.envs.spaces.Discrete;
import dev.levelgym.envs.spaces.Space;
import dev.levelgym.envs.testing.CounterEnv;
import dev.levelgym.envs.testing.RandomWalkEnv;
import dev.levelgym.envs.vector.VectorEnv.VectorStep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SyncVectorEnvTest {

    @Test
    void resetSeedsCopyIWithSeedPlusI() {
        try (SyncVectorEnv vec = new SyncVectorEnv(3, RandomWalkEnv::new)) {
            float[] observations = vec.reset(40).observations().clone();
            assertEquals(6, observations.length);
            for (int i = 0; i < 3; i++) {
                float[] expected = new RandomWalkEnv().reset(40 + i).observation();
                assertArrayEquals(expected, Arrays.copyOfRange(observations, 2 * i, 2 * i + 2), "copy " + i);
            }
            assertEquals(2, vec.observationSize());
            assertEquals(new Discrete(2), vec.singleActionSpace());
        }
    }

    @Test
    void stepsMatchSingleEnvsAndAutoresetOnTheFollowingStep() {
        int n = 3;
        List<RandomWalkEnv> copies = new ArrayList<>();
        List<RandomWalkEnv> references = new ArrayList<>();
        try (SyncVectorEnv vec = new SyncVectorEnv(n, () -> {
            RandomWalkEnv env = new RandomWalkEnv();
            copies.add(env);
            return env;
        })) {
            vec.reset(7);
            boolean[] pendingReset = new boolean[n];
            for (int i = 0; i < n; i++) {
                references.add(new RandomWalkEnv());
                references.get(i).reset(7 + i);
            }
            int autoresets = 0;
            for (int t = 0; t < 60; t++) {
                // Always walk right so episodes end at +4 within 6 steps.
                int[] actions = {1, 1, 1};
                VectorStep step = vec.step(actions);
                for (int i = 0; i < n; i++) {
                    float[] observation = Arrays.copyOfRange(step.observations(), 2 * i, 2 * i + 2);
                    if (pendingReset[i]) {
                        ResetResult<float[]> expected = references.get(i).reset();
                        assertArrayEquals(expected.observation(), observation, "autoreset observation of copy " + i);
                        assertEquals(0.0, step.rewards()[i]);
                        assertFalse(step.terminated()[i]);
                        assertFalse(step.truncated()[i]);
                        assertEquals(expected.info(), vec.info(i));
                        pendingReset[i] = false;
                        autoresets++;
                    } else {
                        StepResult<float[]> expected = references.get(i).step(1);
                        assertArrayEquals(expected.observation(), observation, "step observation of copy " + i);
                        assertEquals(expected.reward(), step.rewards()[i]);
                        assertEquals(expected.terminated(), step.terminated()[i]);
                        assertEquals(expected.info(), vec.info(i));
                        pendingReset[i] = expected.done();
                    }
                }
            }
            assertTrue(autoresets >= n * 5, "expected many autoresets, got " + autoresets);
            int totalResets = copies.stream().mapToInt(RandomWalkEnv::resets).sum();
            assertEquals(n + autoresets, totalResets);
        }
    }

    @Test
    void autoresetStepIgnoresTheAction() {
        try (SyncVectorEnv vec = new SyncVectorEnv(1, () -> new CounterEnv(2))) {
            vec.reset(0);
            vec.step(new int[] {1});
            VectorStep done = vec.step(new int[] {1});
            assertTrue(done.terminated()[0]);
            assertEquals(2f, done.observations()[0]);
            // The action (reward 2 if it were stepped) must not reach the env.
            VectorStep reset = vec.step(new int[] {2});
            assertEquals(0f, reset.observations()[0]);
            assertEquals(0.0, reset.rewards()[0]);
            assertFalse(reset.terminated()[0]);
            assertEquals(Map.of("resets", 2), vec.info(0));
            VectorStep next = vec.step(new int[] {2});
            assertEquals(1f, next.observations()[0]);
            assertEquals(2.0, next.rewards()[0]);
        }
    }

    @Test
    void discreteObservationIsOneFloatHoldingTheValue() {
        try (SyncVectorEnv vec = new SyncVectorEnv(2, () -> new CounterEnv(10))) {
            assertEquals(1, vec.observationSize());
            assertArrayEquals(new float[] {0, 0}, vec.reset(3).observations());
            vec.step(new int[] {0, 0});
            assertArrayEquals(new float[] {2, 2}, vec.step(new int[] {0, 1}).observations());
            assertArrayEquals(new double[] {0, 1}, vec.step(new int[] {0, 1}).rewards());
        }
    }

    @Test
    void truncationFromTheSpecTimeLimitAutoresets() {
        EnvSpec<Integer, Integer> spec = new EnvSpec<>("Counter-v0", options -> new CounterEnv(100),
                OptionalInt.of(3), OptionalDouble.empty(), Options.empty());
        try (SyncVectorEnv vec = SyncVectorEnv.of(spec, 2)) {
            vec.reset(0);
            vec.step(new int[] {0, 0});
            vec.step(new int[] {0, 0});
            VectorStep third = vec.step(new int[] {0, 0});
            assertArrayEquals(new boolean[] {true, true}, third.truncated());
            assertArrayEquals(new boolean[] {false, false}, third.terminated());
            // Without the autoreset the spec's OrderEnforcing would throw here.
            VectorStep fourth = vec.step(new int[] {0, 0});
            assertArrayEquals(new float[] {0, 0}, fourth.observations());
            assertArrayEquals(new boolean[] {false, false}, fourth.truncated());
        }
    }

    @Test
    void rejectsBadActionsNamingIndexAndValueWithoutSteppingAnyCopy() {
        try (SyncVectorEnv vec = new SyncVectorEnv(3, () -> new CounterEnv(10))) {
            vec.reset(0);
            IllegalArgumentException outOfRange = assertThrows(IllegalArgumentException.class,
                    () -> vec.step(new int[] {0, 1, 3}));
            assertTrue(outOfRange.getMessage().contains("index 2"), outOfRange.getMessage());
            assertTrue(outOfRange.getMessage().contains("3"), outOfRange.getMessage());
            IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                    () -> vec.step(new int[] {-1, 0, 0}));
            assertTrue(negative.getMessage().contains("index 0 is -1"), negative.getMessage());
            IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                    () -> vec.step(new int[] {0, 0}));
            assertTrue(length.getMessage().contains("expected 3 actions, got 2"), length.getMessage());
            // Copy 0 and 1 were not advanced by the rejected batches.
            assertArrayEquals(new float[] {1, 1, 1}, vec.step(new int[] {0, 0, 0}).observations());
        }
    }

    @Test
    void stepBeforeResetIsRejected() {
        try (SyncVectorEnv vec = new SyncVectorEnv(2, () -> new CounterEnv(10))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> vec.step(new int[] {0, 0}));
            assertTrue(e.getMessage().contains("before reset"), e.getMessage());
        }
    }

    @Test
    void nonDiscreteActionSpaceIsRejectedNamingTheSpace() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SyncVectorEnv(2, BoxActionEnv::new));
        assertTrue(e.getMessage().contains("Discrete action space"), e.getMessage());
        assertTrue(e.getMessage().contains("Box(-1.0, 1.0, (2,), float32)"), e.getMessage());
    }

    @Test
    void sameInstanceFromFactoryIsRejected() {
        CounterEnv shared = new CounterEnv(5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SyncVectorEnv(2, () -> shared));
        assertTrue(e.getMessage().contains("same env instance"), e.getMessage());
        assertTrue(shared.closed(), "envs built before the failure are closed");
    }

    @Test
    void closeClosesEveryCopy() {
        List<CounterEnv> copies = new ArrayList<>();
        SyncVectorEnv vec = new SyncVectorEnv(3, () -> {
            CounterEnv env = new CounterEnv(5);
            copies.add(env);
            return env;
        });
        vec.close();
        assertEquals(3, copies.size());
        assertTrue(copies.stream().allMatch(CounterEnv::closed));
    }

    @Test
    void infoIndexIsChecked() {
        try (SyncVectorEnv vec = new SyncVectorEnv(2, () -> new CounterEnv(5))) {
            vec.reset(0);
            assertThrows(IndexOutOfBoundsException.class, () -> vec.info(2));
        }
    }

    /** An env with a continuous action, which a discrete-action vector env cannot drive. */
    private static final class BoxActionEnv implements Env<Integer, float[]> {
        @Override
        public ResetResult<Integer> reset(long seed) {
            return ResetResult.of(0);
        }

        @Override
        public ResetResult<Integer> reset() {
            return ResetResult.of(0);
        }

        @Override
        public StepResult<Integer> step(float[] action) {
            return new StepResult<>(0, 0, false, false, Map.of());
        }

        @Override
        public Space<Integer> observationSpace() {
            return new Discrete(1);
        }

        @Override
        public Space<float[]> actionSpace() {
            return Box.uniform(-1, 1, 2);
        }

        @Override
        public Rendering render(RenderMode mode) {
            throw new UnsupportedOperationException();
        }
    }
}
