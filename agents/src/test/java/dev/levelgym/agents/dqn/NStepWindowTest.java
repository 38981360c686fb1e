package dev.levelgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.levelgym.envs.random.Pcg64;
import org.junit.jupiter.api.Test;

/** n-step transitions on hand-computed episodes: observations are the step index, rewards are 1, 2, 4, 8, ... */
class NStepWindowTest {

    private static final double GAMMA = 0.5;

    /** Plays an episode of {@code length} steps (state t = {t}, reward 2^t) and returns the buffer's contents. */
    private static ReplayBuffer.Batch episode(int n, int length, boolean terminated) {
        ReplayBuffer buffer = new ReplayBuffer(64, 1);
        NStepWindow window = new NStepWindow(n, GAMMA, 1);
        for (int t = 0; t < length; t++) {
            boolean last = t == length - 1;
            window.step(new float[] {t}, t % 6, 1 << t, new float[] {t + 1}, last && terminated,
                    last && !terminated, buffer);
        }
        return contents(buffer);
    }

    /** Every stored transition once, in storage order (a batch drawn without randomness would need access). */
    private static ReplayBuffer.Batch contents(ReplayBuffer buffer) {
        // Sampling many times with replacement and keeping the first hit of each slot lists them all.
        ReplayBuffer.Batch sample = new ReplayBuffer.Batch(4000, 1);
        buffer.sample(Pcg64.seeded(1), sample);
        ReplayBuffer.Batch byIndex = new ReplayBuffer.Batch(buffer.size(), 1);
        for (int k = 0; k < sample.size; k++) {
            int slot = sample.indices[k];
            byIndex.observations[slot] = sample.observations[k];
            byIndex.nextObservations[slot] = sample.nextObservations[k];
            byIndex.actions[slot] = sample.actions[k];
            byIndex.rewards[slot] = sample.rewards[k];
            byIndex.discounts[slot] = sample.discounts[k];
        }
        return byIndex;
    }

    @Test
    void oneStepIsPlainDqn() {
        ReplayBuffer.Batch b = episode(1, 3, true);
        assertArrayEquals(new float[] {0, 1, 2}, b.observations());
        assertArrayEquals(new float[] {1, 2, 3}, b.nextObservations());
        assertArrayEquals(new float[] {1, 2, 4}, b.rewards());
        assertArrayEquals(new float[] {0.5f, 0.5f, 0f}, b.discounts());
    }

    @Test
    void threeStepsSumDiscountedRewardsAndShortenAtATermination() {
        ReplayBuffer.Batch b = episode(3, 5, true);
        assertArrayEquals(new float[] {0, 1, 2, 3, 4}, b.observations());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, b.actions());
        // s0 -> s3: 1 + .5*2 + .25*4 = 3; s1 -> s4: 2 + 2 + 2 = 6; then the episode ends at s5.
        assertArrayEquals(new float[] {3, 4, 5, 5, 5}, b.nextObservations());
        assertArrayEquals(new float[] {3, 6, 4 + 4 + 4, 8 + 8, 16}, b.rewards());
        assertArrayEquals(new float[] {0.125f, 0.125f, 0f, 0f, 0f}, b.discounts());
    }

    @Test
    void aTruncationStillBootstrapsWithTheShorterDiscount() {
        ReplayBuffer.Batch b = episode(3, 4, false);
        assertArrayEquals(new float[] {3, 4, 4, 4}, b.nextObservations());
        assertArrayEquals(new float[] {0.125f, 0.125f, 0.25f, 0.5f}, b.discounts());
        assertArrayEquals(new float[] {3, 6, 4 + 4, 8}, b.rewards());
    }

    @Test
    void episodesShorterThanNAreFlushedWhole() {
        ReplayBuffer.Batch b = episode(5, 2, true);
        assertEquals(2, b.size);
        assertArrayEquals(new float[] {1 + 0.5f * 2, 2}, b.rewards());
        assertArrayEquals(new float[] {0f, 0f}, b.discounts());
    }

    @Test
    void aRestoredWindowContinuesAsTheSavedOne() {
        // Uninterrupted: 6 steps, n = 3, truncated at the end.
        ReplayBuffer.Batch whole = episode(3, 6, false);

        ReplayBuffer buffer = new ReplayBuffer(64, 1);
        NStepWindow before = new NStepWindow(3, GAMMA, 1);
        for (int t = 0; t < 4; t++) {
            before.step(new float[] {t}, t % 6, 1 << t, new float[] {t + 1}, false, false, buffer);
        }
        // Interrupted after 4 steps: a new window takes the pending steps of the first, then the episode goes on.
        NStepWindow after = new NStepWindow(3, GAMMA, 1);
        after.restore(before.pending());
        assertEquals(2, before.pending().actions().length);
        for (int t = 4; t < 6; t++) {
            after.step(new float[] {t}, t % 6, 1 << t, new float[] {t + 1}, false, t == 5, buffer);
        }
        ReplayBuffer.Batch resumed = contents(buffer);
        assertArrayEquals(whole.observations(), resumed.observations());
        assertArrayEquals(whole.rewards(), resumed.rewards());
        assertArrayEquals(whole.discounts(), resumed.discounts());
        assertArrayEquals(whole.nextObservations(), resumed.nextObservations());
    }
}
