package dev.levelgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.random.Pcg64;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayBufferTest {

    @TempDir
    Path tmp;

    /**
     * Transition i has observation (i, -i), action i % 3, reward i, next (i + 1, -i - 1), discount 0 (terminal)
     * when i % 4 == 0, else 0.9.
     */
    static void addTransition(ReplayBuffer buffer, int i) {
        buffer.add(new float[] {i, -i}, i % 3, i, new float[] {i + 1, -i - 1}, i % 4 == 0 ? 0f : 0.9f);
    }

    @Test
    void ringOverwritesTheOldestTransition() {
        ReplayBuffer buffer = new ReplayBuffer(4, 2);
        for (int i = 0; i < 6; i++) {
            addTransition(buffer, i);
        }
        assertEquals(4, buffer.size());
        // Slots 0 and 1 now hold transitions 4 and 5; 2 and 3 still hold 2 and 3.
        ReplayBuffer.Batch batch = new ReplayBuffer.Batch(200, 2);
        buffer.sample(Pcg64.seeded(7), batch);
        boolean[] seen = new boolean[6];
        for (int k = 0; k < 200; k++) {
            int slot = batch.indices()[k];
            int i = (int) batch.rewards()[k];
            assertEquals(slot < 2 ? slot + 4 : slot, i, "slot " + slot);
            seen[i] = true;
            // Every field of a sampled transition belongs to the same transition.
            assertEquals(i, batch.observations()[2 * k]);
            assertEquals(-i, batch.observations()[2 * k + 1]);
            assertEquals(i + 1, batch.nextObservations()[2 * k]);
            assertEquals(i % 3, batch.actions()[k]);
            assertEquals(i % 4 == 0 ? 0f : 0.9f, batch.discounts()[k]);
        }
        assertArrayEquals(new boolean[] {false, false, true, true, true, true}, seen);
    }

    @Test
    void samplingIsSeededAndOnlyReadsFilledSlots() {
        ReplayBuffer buffer = new ReplayBuffer(100, 2);
        for (int i = 0; i < 10; i++) {
            addTransition(buffer, i);
        }
        ReplayBuffer.Batch a = new ReplayBuffer.Batch(64, 2);
        ReplayBuffer.Batch b = new ReplayBuffer.Batch(64, 2);
        buffer.sample(Pcg64.seeded(3), a);
        buffer.sample(Pcg64.seeded(3), b);
        assertArrayEquals(a.indices(), b.indices());
        for (int index : a.indices()) {
            assertTrue(index < 10, "sampled unfilled slot " + index);
        }
    }

    @Test
    void writeAndReadRoundTrip() throws Exception {
        ReplayBuffer buffer = new ReplayBuffer(5, 2);
        for (int i = 0; i < 7; i++) {
            addTransition(buffer, i);
        }
        buffer.write(tmp.resolve("buffer.bin"));
        ReplayBuffer copy = new ReplayBuffer(5, 2);
        copy.read(tmp.resolve("buffer.bin"));
        assertEquals(buffer.size(), copy.size());
        ReplayBuffer.Batch a = new ReplayBuffer.Batch(50, 2);
        ReplayBuffer.Batch b = new ReplayBuffer.Batch(50, 2);
        buffer.sample(Pcg64.seeded(1), a);
        copy.sample(Pcg64.seeded(1), b);
        assertArrayEquals(a.observations(), b.observations());
        assertArrayEquals(a.nextObservations(), b.nextObservations());
        assertArrayEquals(a.actions(), b.actions());
        assertArrayEquals(a.rewards(), b.rewards());
        assertArrayEquals(a.discounts(), b.discounts());
        // Both continue writing at the same slot.
        addTransition(buffer, 7);
        addTransition(copy, 7);
        buffer.sample(Pcg64.seeded(2), a);
        copy.sample(Pcg64.seeded(2), b);
        assertArrayEquals(a.rewards(), b.rewards());
    }

    @Test
    void rejectsWrongWidthsAndEmptySampling() {
        ReplayBuffer buffer = new ReplayBuffer(4, 2);
        assertThrows(IllegalStateException.class, () -> buffer.sample(Pcg64.seeded(0), new ReplayBuffer.Batch(1, 2)));
        assertThrows(IllegalArgumentException.class,
                () -> buffer.add(new float[3], 0, 0f, new float[2], 0f));
        assertThrows(IllegalArgumentException.class,
                () -> buffer.add(new float[2], 0, 0f, new float[2], Float.NaN));
        assertThrows(IllegalArgumentException.class, () -> new ReplayBuffer(0, 2));
    }
}
