package dev.levelgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDArray;
import dev.levelgym.agents.networks.ValuePropagationBlock;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.levelgym.envs.dungeon.DungeonChannel;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuePropagationBlockTest {

    private static final int H = 9;
    private static final int W = 13;
    private static final int UP = 0;
    private static final int DOWN = 1;
    private static final int LEFT = 2;
    private static final int RIGHT = 3;
    private static final List<Integer> AGENT_PLANES = List.of(DungeonChannel.AVATAR.ordinal(),
            DungeonChannel.AVATAR_WITH_KEY.ordinal());

    private static DqnConfig config(int rounds) {
        // No hidden map layers: the goal and cost maps are one 1×1 convolution, which the first test sets by hand.
        return DqnConfig.defaults().withPlanning(rounds, 4, AGENT_PLANES)
                .withNetwork(NetworkType.VALUE_PROPAGATION, List.of(), List.of());
    }

    /** A 9×13 room, walls around, the avatar and a key where given, and inner walls at the given cells. */
    private static float[] room(int[] avatar, int[] key, int[]... walls) {
        float[] obs = new float[DungeonChannel.COUNT * H * W];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean wall = y == 0 || x == 0 || y == H - 1 || x == W - 1;
                for (int[] w : walls) {
                    wall |= w[0] == y && w[1] == x;
                }
                set(obs, wall ? DungeonChannel.WALL : DungeonChannel.FLOOR, y, x);
            }
        }
        set(obs, DungeonChannel.AVATAR, avatar[0], avatar[1]);
        set(obs, DungeonChannel.KEY, key[0], key[1]);
        return obs;
    }

    private static int[][] column(int x, int fromRow, int toRow) {
        int[][] cells = new int[toRow - fromRow + 1][];
        for (int y = fromRow; y <= toRow; y++) {
            cells[y - fromRow] = new int[] {y, x};
        }
        return cells;
    }

    private static void set(float[] obs, DungeonChannel channel, int y, int x) {
        obs[(channel.ordinal() * H + y) * W + x] = 1f;
    }

    /** What the agent's cell would get through each neighbour (up, down, left, right) after the last round. */
    private static float[] atAgent(QNetwork network, float[] obs, int y, int x) {
        try (NDManager scope = network.manager().newSubManager()) {
            NDArray input = scope.create(obs, network.batchShape(1));
            float[] all = ((ValuePropagationBlock) network.block())
                    .neighbourValues(new ParameterStore(scope, false), input, false).toFloatArray();
            float[] four = new float[4];
            for (int d = 0; d < 4; d++) {
                four[d] = all[(d * H + y) * W + x];
            }
            return four;
        }
    }

    /**
     * The maps by hand: the key is the goal (log value 0, every other cell −100), a floor cell costs 3 to enter and a
     * wall 103. Then the propagation alone must find the way round a wall that stands between the agent and the key:
     * the neighbour on the shortest path (10 moves; the other ways are 12) is worth the most, the wall the least.
     */
    @Test
    void leadsRoundAWallTheShortWay() {
        try (NDManager manager = NDManager.newBaseManager();
             QNetwork network = new QNetwork(manager, new int[] {DungeonChannel.COUNT, H, W}, 6, config(30))) {
            network.initialize(3);
            setMaps(network);
            // A wall down column 6 with a gap at the bottom (row 7): from (3, 5) to the key at (3, 7), go down.
            float[] gapBelow = atAgent(network, room(new int[] {3, 5}, new int[] {3, 7}, column(6, 1, 6)), 3, 5);
            assertEquals(DOWN, argmax(gapBelow), Arrays.toString(gapBelow));
            assertEquals(RIGHT, argmin(gapBelow), Arrays.toString(gapBelow));
            // The same wall with its gap at the top (row 1): go up.
            float[] gapAbove = atAgent(network, room(new int[] {3, 5}, new int[] {3, 7}, column(6, 2, 7)), 3, 5);
            assertEquals(UP, argmax(gapAbove), Arrays.toString(gapAbove));
            assertEquals(RIGHT, argmin(gapAbove), Arrays.toString(gapAbove));
        }
    }

    /** Values travel one cell per round: a key beyond the rounds' reach changes nothing near the agent. */
    @Test
    void valuesTravelOneCellPerRound() {
        int rounds = 4;
        try (NDManager manager = NDManager.newBaseManager();
             QNetwork network = new QNetwork(manager, new int[] {DungeonChannel.COUNT, H, W}, 6, config(rounds))) {
            network.initialize(7);
            int[] agent = {4, 1};
            float[] justOutOfReach = atAgent(network, room(agent, new int[] {4, 1 + rounds + 1}), 4, 1);
            float[] farther = atAgent(network, room(agent, new int[] {4, 11}), 4, 1);
            float[] inReach = atAgent(network, room(agent, new int[] {4, 1 + rounds}), 4, 1);
            assertArrayEquals(justOutOfReach, farther, "a key beyond reach looks the same wherever it is");
            assertFalse(Arrays.equals(justOutOfReach, inReach), "a key within reach is seen");
            float[] q = network.qValues(room(agent, new int[] {4, 1 + rounds}));
            assertEquals(6, q.length);
        }
    }

    /** Goal map = 100 × KEY − 100; cost map logit = 100 × WALL + 3 (softplus: ≈ 3.05 on floor, ≈ 103 on a wall, more than any detour). */
    private static void setMaps(QNetwork network) {
        for (Pair<String, Parameter> p : network.block().getParameters()) {
            NDArray array = p.getValue().getArray();
            if (!p.getKey().contains("maps")) {
                continue;
            }
            float[] values = new float[Math.toIntExact(array.size())];
            if (array.getShape().dimension() == 4) {
                int inputs = Math.toIntExact(array.getShape().get(1));
                assertEquals(2 * DungeonChannel.COUNT, inputs, "the maps see the planes and their map-wide maxima");
                values[DungeonChannel.KEY.ordinal()] = 100f;
                values[inputs + DungeonChannel.WALL.ordinal()] = 100f;
            } else {
                values[0] = -100f;
                values[1] = 3f;
            }
            array.set(values);
        }
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static int argmin(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] < v[best]) {
                best = i;
            }
        }
        return best;
    }
}
