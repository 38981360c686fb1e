package dev.levelgym.agents.rl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.registry.Registry;
import dev.levelgym.envs.spaces.Box;
import dev.levelgym.envs.spaces.Discrete;
import dev.levelgym.envs.spaces.MultiDiscrete;
import dev.levelgym.envs.wrappers.TimeLimit;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.gym.StepReply;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class LevelgymMdpTest {

    private static LevelgymMdp<?> mdp(Env<?, ?> env) {
        return LevelgymMdp.of(env, Nd4j.getRandomFactory().getNewRandomInstance(1));
    }

    @SuppressWarnings("unchecked")
    private static Env<float[], Integer> cartPole() {
        return (Env<float[], Integer>) Registry.standard().make("CartPole-v1", Map.of());
    }

    private static double[] widen(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    @Test
    void aBoxEnvMapsToAnArraySpaceOfItsSizeAndADiscreteSpaceOfItsActions() {
        LevelgymMdp<?> mdp = mdp(cartPole());
        assertArrayEquals(new int[] {4}, mdp.getObservationSpace().getShape());
        assertEquals(2, mdp.getActionSpace().getSize());
        assertTrue(mdp.isDone(), "an MDP needs a reset before its first step");
    }

    @Test
    void aSeededResetGivesTheEnvsSeededObservationAndLaterResetsContinueItsGenerator() {
        Env<float[], Integer> reference = cartPole();
        double[] first = widen(reference.reset(42).observation());
        double[] second = widen(reference.reset().observation());

        LevelgymMdp<?> mdp = mdp(cartPole());
        mdp.seedNextReset(42);
        assertArrayEquals(first, mdp.reset().toArray(), 0.0);
        assertArrayEquals(second, mdp.reset().toArray(), 0.0);
        assertFalse(java.util.Arrays.equals(first, second));
    }

    @Test
    void stepsPassRewardsAndObservationsThroughAndTerminationEndsTheEpisode() {
        Env<float[], Integer> reference = cartPole();
        reference.reset(7);
        LevelgymMdp<?> mdp = mdp(cartPole());
        mdp.seedNextReset(7);
        mdp.reset();
        int steps = 0;
        StepReply<org.deeplearning4j.rl4j.space.Box> reply;
        do {
            // Always pushing right makes the pole fall: the env terminates well before its 500-step limit.
            var expected = reference.step(1);
            reply = mdp.step(1);
            steps++;
            assertArrayEquals(widen(expected.observation()), reply.getObservation().toArray(), 0.0);
            assertEquals(expected.reward(), reply.getReward());
            assertEquals(expected.done(), reply.isDone());
        } while (!reply.isDone());
        assertTrue(steps < 100);
        assertTrue(mdp.isDone());
        assertTrue(mdp.lastStep().terminated());
        assertFalse(mdp.lastStep().truncated());
        assertThrows(IllegalStateException.class, () -> mdp.step(0));
    }

    @Test
    void aTruncationIsFoldedIntoDoneAndKeptApartInTheLastStep() {
        LevelgymMdp<?> mdp = mdp(new TimeLimit<>(cartPole(), 3));
        mdp.seedNextReset(0);
        mdp.reset();
        assertFalse(mdp.step(0).isDone());
        assertFalse(mdp.step(1).isDone());
        assertTrue(mdp.step(0).isDone());
        assertTrue(mdp.isDone());
        assertTrue(mdp.lastStep().truncated());
        assertFalse(mdp.lastStep().terminated());
    }

    @Test
    void aDiscreteObservationIsOneHotEncoded() {
        @SuppressWarnings("unchecked")
        Env<Integer, Integer> lake = (Env<Integer, Integer>) Registry.standard().make("FrozenLake-v1", Map.of());
        LevelgymMdp<?> mdp = mdp(lake);
        assertArrayEquals(new int[] {16}, mdp.getObservationSpace().getShape());
        assertEquals(4, mdp.getActionSpace().getSize());
        double[] start = mdp.reset().toArray();
        double[] expected = new double[16];
        expected[0] = 1; // FrozenLake starts in the top-left cell, state 0
        assertArrayEquals(expected, start, 0.0);
        // FrozenLake-v1 slips, so where a step lands varies; it is still exactly one cell.
        double[] next = mdp.step(1).getObservation().toArray();
        assertEquals(1.0, java.util.Arrays.stream(next).sum());
        assertEquals(1, java.util.Arrays.stream(next).filter(v -> v == 1.0).count());
    }

    @Test
    void rl4jActionsCountFromZeroWhateverTheDiscreteStart() {
        SpacesEnv<float[], Integer> env = new SpacesEnv<>(Box.uniform(0, 1, 2), new Discrete(3, -1),
                new float[] {0.5f, 0.5f}, 10);
        LevelgymMdp<?> mdp = mdp(env);
        assertEquals(3, mdp.getActionSpace().getSize());
        mdp.reset();
        mdp.step(0);
        mdp.step(2);
        assertEquals(List.of(-1, 1), env.actions);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mdp.step(3));
        assertTrue(e.getMessage().contains("0..2"), e.getMessage());
    }

    @Test
    void spacesRl4jCannotExpressAreRefusedByName() {
        SpacesEnv<int[], Integer> multi = new SpacesEnv<>(new MultiDiscrete(new int[] {3, 4}), new Discrete(2),
                new int[] {0, 0}, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mdp(multi));
        assertTrue(e.getMessage().contains("observation space " + multi.observationSpace()), e.getMessage());

        SpacesEnv<float[], float[]> continuous = new SpacesEnv<>(Box.uniform(0, 1, 2), Box.uniform(-1, 1, 1),
                new float[] {0, 0}, 1);
        e = assertThrows(IllegalArgumentException.class, () -> mdp(continuous));
        assertTrue(e.getMessage().contains("action space " + continuous.actionSpace()), e.getMessage());
    }

    @Test
    void newInstanceIsRefusedWithTheReason() {
        LevelgymMdp<?> mdp = mdp(cartPole());
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, mdp::newInstance);
        assertTrue(e.getMessage().contains("asynchronous"), e.getMessage());
    }
}
