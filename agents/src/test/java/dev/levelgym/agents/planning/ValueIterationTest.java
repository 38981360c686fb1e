package dev.levelgym.agents.planning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.frozenlake.FrozenLake;
import dev.levelgym.envs.frozenlake.LakeMap;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ValueIterationTest {

    private final FrozenLake ice = new FrozenLake(LakeMap.MAP_4X4, false, 1.0);
    private final FrozenLake slippery = new FrozenLake();

    @Test
    void deterministicLakeOptimumTakesTheSixStepPath() {
        OptimalPolicy solution = ValueIteration.solve(ice);
        // Reward 1 arrives on the sixth step, so V*(start) = γ^5.
        assertEquals(Math.pow(0.99, 5), solution.values()[0], 1e-9);
        assertEquals(1.0, ValueIteration.successProbabilities(ice, solution.policy())[0], 1e-12);
        assertEquals(0.0, ValueIteration.successProbabilities(ice, solution.policy(), 5)[0], 0.0);
        assertEquals(1.0, ValueIteration.successProbabilities(ice, solution.policy(), 6)[0], 1e-12);
    }

    @Test
    void slipperyOptimumIsFourteenSeventeenths() {
        double[] optimal = ValueIteration.optimalSuccessProbabilities(slippery);
        assertEquals(14.0 / 17.0, optimal[0], 1e-9);
        // γ = 0.99 is close enough to 1 that its greedy policy is also the most successful one.
        int[] policy = ValueIteration.solve(slippery).policy();
        assertEquals(optimal[0], ValueIteration.successProbabilities(slippery, policy)[0], 1e-9);
        assertArrayEquals(new int[] {0, 3, 3, 3, 0, 0, 0, 0, 3, 1, 0, 0, 0, 2, 1, 0}, policy);
    }

    @Test
    void aTimeLimitLowersSuccessAndGrowsTowardTheUnboundedValue() {
        int[] policy = ValueIteration.solve(slippery).policy();
        double unbounded = ValueIteration.successProbabilities(slippery, policy)[0];
        double previous = -1;
        for (int horizon : new int[] {0, 6, 20, 100, 1000}) {
            double p = ValueIteration.successProbabilities(slippery, policy, horizon)[0];
            assertTrue(p >= previous && p <= unbounded + 1e-9, horizon + ": " + p);
            assertTrue(p <= ValueIteration.optimalSuccessProbabilities(slippery, horizon)[0] + 1e-9);
            previous = p;
        }
        assertEquals(0.0, ValueIteration.successProbabilities(slippery, policy, 0)[0], 0.0);
        assertEquals(unbounded, ValueIteration.successProbabilities(slippery, policy, 1000)[0], 1e-9);
        // FrozenLake-v1's 100-step limit costs the optimal stationary policy about 8 points.
        assertEquals(0.7402, ValueIteration.successProbabilities(slippery, policy, 100)[0], 1e-4);
    }

    @Test
    void aPolicyThatNeverMovesNeverSucceeds() {
        int[] left = new int[16];
        Arrays.fill(left, FrozenLake.LEFT);
        double[] p = ValueIteration.successProbabilities(ice, left);
        assertEquals(0.0, p[0], 0.0);
        // The goal itself counts as reached, holes as lost.
        assertEquals(1.0, p[15], 0.0);
        assertEquals(0.0, p[5], 0.0);
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ValueIteration.solve(ice, 1.0));
        assertThrows(IllegalArgumentException.class, () -> ValueIteration.successProbabilities(ice, new int[3]));
        int[] bad = new int[16];
        bad[2] = 4;
        assertEquals("policy action 4 in state 2 is not in Discrete(4)", assertThrows(IllegalArgumentException.class,
                () -> ValueIteration.successProbabilities(ice, bad)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ValueIteration.successProbabilities(ice, new int[16], -1));
    }
}
