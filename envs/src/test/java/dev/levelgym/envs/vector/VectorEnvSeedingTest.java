package dev.levelgym.envs.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.cartpole.CartPole;
import dev.levelgym.envs.cartpole.CartPoleVectorEnv;
import dev.levelgym.envs.random.Pcg64;
import dev.levelgym.envs.testing.RandomWalkEnv;
import dev.levelgym.envs.vector.VectorEnv.VectorStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What a training loop needs of a vector env beyond Gymnasium's: a seed per copy at reset and at each autoreset,
 * and rebuilding a copy mid-episode from its seed and actions. The fused CartPole vector env and the generic one
 * must agree on all of it.
 */
class VectorEnvSeedingTest {

    private static final int N = 3;

    private static List<Supplier<VectorEnv>> cartPoleKinds() {
        return List.of(() -> new CartPoleVectorEnv(N), () -> SyncVectorEnv.of(CartPole.SPEC, N, Map.of()));
    }

    /** Steps {@code env} with random actions, resetting finished copies with seeds from {@code seeds}. */
    private static List<float[]> run(VectorEnv env, long firstSeed, int steps, List<int[]> actionsOut) {
        Pcg64 random = Pcg64.seeded(firstSeed);
        long[] seeds = new long[N];
        for (int i = 0; i < N; i++) {
            seeds[i] = firstSeed + 100 * i;
        }
        List<float[]> observations = new ArrayList<>();
        observations.add(env.reset(seeds).observations().clone());
        for (int t = 0; t < steps; t++) {
            int[] actions = new int[N];
            long[] resetSeeds = new long[N];
            for (int i = 0; i < N; i++) {
                actions[i] = random.nextInt(2);
                resetSeeds[i] = random.nextLong() >>> 1;
            }
            actionsOut.add(actions);
            observations.add(env.step(actions, resetSeeds).observations().clone());
        }
        return observations;
    }

    @Test
    void fusedAndGenericCartPolesAgreeOnSeededResetsAndAutoresets() {
        List<int[]> actions = new ArrayList<>();
        List<float[]> fused = run(new CartPoleVectorEnv(N), 5, 400, actions);
        List<float[]> generic = run(SyncVectorEnv.of(CartPole.SPEC, N, Map.of()), 5, 400, new ArrayList<>());
        for (int t = 0; t < fused.size(); t++) {
            assertArrayEquals(fused.get(t), generic.get(t), "step " + t);
        }
    }

    @Test
    void anAutoresetUsesTheSeedGivenForIt() {
        for (Supplier<VectorEnv> kind : cartPoleKinds()) {
            VectorEnv env = kind.get();
            env.reset(new long[] {1, 2, 3});
            int[] push = {1, 1, 1};
            while (!env.autoresets(0)) {
                env.step(push, null);
            }
            VectorStep after = env.step(push, new long[] {77, 0, 0});
            float[] expected = CartPole.SPEC.make().reset(77).observation();
            float[] copy0 = java.util.Arrays.copyOfRange(after.observations(), 0, 4);
            assertArrayEquals(expected, copy0, env.toString());
            assertFalse(env.autoresets(0));
        }
    }

    @Test
    void restoreRebuildsACopyFromItsSeedAndActions() {
        for (Supplier<VectorEnv> kind : cartPoleKinds()) {
            VectorEnv reference = kind.get();
            reference.reset(new long[] {11, 12, 13});
            int[][] history = new int[8][];
            Pcg64 random = Pcg64.seeded(0);
            VectorStep last = null;
            for (int t = 0; t < history.length; t++) {
                history[t] = new int[] {random.nextInt(2), random.nextInt(2), random.nextInt(2)};
                last = reference.step(history[t], null);
            }
            float[] expected = last.observations().clone();

            VectorEnv rebuilt = kind.get();
            for (int i = 0; i < N; i++) {
                int[] own = new int[history.length];
                for (int t = 0; t < history.length; t++) {
                    own[t] = history[t][i];
                }
                last = rebuilt.restore(i, 11 + i, own, own.length);
            }
            assertArrayEquals(expected, last.observations(), reference.toString());
            // Both go on alike.
            assertArrayEquals(reference.step(new int[] {1, 0, 1}, null).observations().clone(),
                    rebuilt.step(new int[] {1, 0, 1}, null).observations(), reference.toString());
        }
    }

    @Test
    void restoringPastTheEndOfAnEpisodeIsRefusedByName() {
        for (Supplier<VectorEnv> kind : cartPoleKinds()) {
            int[] pushes = new int[600];
            java.util.Arrays.fill(pushes, 1);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> kind.get().restore(1, 4, pushes, pushes.length));
            assertTrue(e.getMessage().contains("copy 1") && e.getMessage().contains("seed 4"), e.getMessage());
        }
    }

    @Test
    void aGenericVectorEnvOverGivenEnvsStepsThoseEnvs() {
        RandomWalkEnv a = new RandomWalkEnv();
        RandomWalkEnv b = new RandomWalkEnv();
        SyncVectorEnv env = SyncVectorEnv.over(List.of(a, b));
        env.reset(new long[] {3, 4});
        assertEquals(2, a.resets() + b.resets());
        assertEquals(a, env.copy(0));
        assertThrows(IllegalArgumentException.class, () -> env.reset(new long[] {1}));
        assertThrows(IllegalArgumentException.class, () -> env.reset(new long[] {1, -2}));
    }
}
