package dev.levelgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.levelgym.envs.dungeon.DungeonChannel;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueIterationBlockTest {

    private static final int H = 9;
    private static final int W = 13;
    private static final int ITERATIONS = 3;
    private static final DqnConfig CONFIG = DqnConfig.defaults()
            .withPlanning(ITERATIONS, 6, List.of(DungeonChannel.AVATAR.ordinal(), DungeonChannel.AVATAR_WITH_KEY.ordinal()))
            .withNetwork(NetworkType.VALUE_ITERATION, List.of(4), List.of());

    /** An open 9×13 room, walls around, the avatar on row 4 column 1 and a key on row 4 at {@code keyColumn} (-1: none). */
    private static float[] room(int keyColumn) {
        float[] obs = new float[DungeonChannel.COUNT * H * W];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean wall = y == 0 || x == 0 || y == H - 1 || x == W - 1;
                set(obs, wall ? DungeonChannel.WALL : DungeonChannel.FLOOR, y, x);
            }
        }
        set(obs, DungeonChannel.AVATAR, 4, 1);
        if (keyColumn >= 0) {
            set(obs, DungeonChannel.KEY, 4, keyColumn);
        }
        return obs;
    }

    private static void set(float[] obs, DungeonChannel channel, int y, int x) {
        obs[(channel.ordinal() * H + y) * W + x] = 1f;
    }

    /**
     * What sets a VIN apart from a shallow CNN: each round of value iteration carries values one cell further, so
     * the agent's Q-values can see a key within (rounds + 1) cells (the reward transition's 3×3 kernel adds one; the
     * reward map is 1×1) and nothing beyond, where only the plane's global "present somewhere" feature remains.
     */
    @Test
    void valuesTravelOneCellPerRound() {
        try (NDManager manager = NDManager.newBaseManager();
             QNetwork network = new QNetwork(manager, new int[] {DungeonChannel.COUNT, H, W}, 6, CONFIG)) {
            network.initialize(7);
            float[] far = network.qValues(room(1 + ITERATIONS + 2));
            float[] farther = network.qValues(room(11));
            float[] near = network.qValues(room(3));
            float[] none = network.qValues(room(-1));
            assertEquals(6, far.length);
            assertArrayEquals(far, farther, 1e-6f, "a key beyond the rounds' reach looks the same wherever it is");
            assertTrue(maxDifference(far, near) > 1e-4, "a near key is seen");
            assertTrue(maxDifference(far, none) > 1e-4, "a far key still counts as present somewhere");
        }
    }

    @Test
    void refusesAgentPlanesTheObservationLacks() {
        try (NDManager manager = NDManager.newBaseManager()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new QNetwork(manager,
                    new int[] {4, H, W}, 6, CONFIG));
            assertTrue(e.getMessage().contains("agentPlanes names plane 4"), e.getMessage());
        }
    }

    private static double maxDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
