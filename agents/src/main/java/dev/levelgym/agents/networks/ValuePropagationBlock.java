package dev.levelgym.agents.networks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * A value propagation network (after Nardelli et al. 2019, "Value Propagation Networks") as a Q-network body for
 * grid maps where the agent moves one cell up, down, left or right, composed of DJL's convolution and linear blocks
 * and NDArray operations. A {@link ValueIterationBlock} has to learn its move kernel as well as the map, and even
 * trained on every action's exact target it stopped at about four fifths of the states right; here the moves are
 * fixed and only the map is learned:
 *
 * <ol>
 *   <li>from each cell's planes plus every plane's map-wide maximum (so "the avatar holds the key" is visible
 *       everywhere), 1×1 convolutions of {@code mapChannels} with ReLU, then two maps: a goal value {@code g} and a
 *       step cost {@code c ≥ 0} (a softplus), both per cell and in log units;</li>
 *   <li>{@code iterations} rounds of {@code u ← logsumexp(g, u(n) − c(n) for the four neighbours n)} from
 *       {@code u = g}: a soft breadth-first search, whose {@code u} approaches the log of the sum over walks to each
 *       goal of {@code exp(g − the costs of the cells entered)}, i.e. about {@code g − (cost per cell) × distance}.
 *       Walls learn a large cost and block; each round carries values one cell further;</li>
 *   <li>the readout at the agent's cell ({@code agentPlanes}): a softmax over the four neighbours' {@code u(n) − c(n)}
 *       (how much better each move leads, which does not depend on how far the goal is), beside {@code localChannels}
 *       ReLU features of a 3×3 convolution of the planes (what stands next to the agent: a wall, an enemy, the key),
 *       then the fully connected head.</li>
 * </ol>
 *
 * <p>Why soft, and in log space. Nardelli et al.'s MVProp propagates with a max, which passes gradient only along
 * each cell's winning route: in our runs the goal map never learned which cells are goals (54–74% of states
 * right). The log-sum-exp gives every route a share of the gradient by its weight, and trained to 96.6% (the
 * breadth-first planner itself: 93.8%, as it ignores enemies). Values in log space stay finite at any distance
 * where products of per-cell factors would underflow. The candidates are the goal and the neighbours, not the cell's
 * own value, so a value is not counted again for every round it stands still.
 */
public final class ValuePropagationBlock extends AbstractBlock {

    private static final byte VERSION = 1;
    private static final Shape ONE_CELL_EACH_SIDE = new Shape(1, 1, 1, 1);
    /** The value of cells outside the map: log of a weight so small it never counts. */
    private static final double OUTSIDE = -1e4;

    private final Block maps;
    private final Conv2d local;
    private final Block head;
    private final int iterations;
    private final int localChannels;
    private final int[] agentPlanes;
    /** Whether the head also reads the plan's raw values at the agent (a critic needs how far the goal is). */
    private final boolean valueReadout;

    /** A Q-network body: the head reads the move preferences and the local features. */
    public ValuePropagationBlock(List<Integer> mapChannels, int localChannels, int iterations,
                                 List<Integer> agentPlanes, List<Integer> hiddenSizes, int numActions) {
        this(mapChannels, localChannels, iterations, agentPlanes, hiddenSizes, numActions, false);
    }

    /**
     * @param outputs      the head's outputs (Q-values, or an actor-critic's logits and value)
     * @param valueReadout also give the head the best neighbour's raw value {@code max u(n) − c(n)} and the goal
     *                     value {@code g} at the agent's cell: the softmax over the moves says which way, not how
     *                     far, and a state value needs both
     */
    public ValuePropagationBlock(List<Integer> mapChannels, int localChannels, int iterations,
                                 List<Integer> agentPlanes, List<Integer> hiddenSizes, int outputs,
                                 boolean valueReadout) {
        super(VERSION);
        this.iterations = iterations;
        this.localChannels = localChannels;
        this.agentPlanes = agentPlanes.stream().mapToInt(Integer::intValue).toArray();
        this.valueReadout = valueReadout;
        this.maps = addChildBlock("maps", PlanningParts.cellMaps(mapChannels, 2));
        this.local = addChildBlock("local", PlanningParts.conv(3, localChannels, true));
        this.head = addChildBlock("head", PlanningParts.head(hiddenSizes, outputs));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray agent = PlanningParts.agentMask(x, agentPlanes);
        NDArray[] plan = plan(store, x, training);
        NDArray raw = plan[0].mul(agent).sum(new int[] {2, 3});
        NDArray moves = raw.softmax(1);
        NDArray near = Activation.relu(local.forward(store, new NDList(x), training).singletonOrThrow())
                .mul(agent).sum(new int[] {2, 3});
        NDList features = new NDList(near, moves);
        if (valueReadout) {
            features.add(raw.max(new int[] {1}, true));
            features.add(plan[1].mul(agent).sum(new int[] {2, 3}));
        }
        return head.forward(store, new NDList(NDArrays.concat(features, 1)), training);
    }

    /**
     * After the last round, what each cell would get through each of its four neighbours, {@code u(n) − c(n)}: a
     * (B, 4, H, W) array, neighbours up, down, left, right (for tests and probes).
     */
    public NDArray neighbourValues(ParameterStore store, NDArray x, boolean training) {
        return plan(store, x, training)[0];
    }

    /** [the four neighbours' values (B, 4, H, W), the goal map (B, 1, H, W)] after the last round. */
    private NDArray[] plan(ParameterStore store, NDArray x, boolean training) {
        long height = x.getShape().get(2);
        long width = x.getShape().get(3);
        NDArray m = maps.forward(store, new NDList(PlanningParts.withMapMaxima(x)), training).singletonOrThrow();
        NDArray goal = m.get(":, 0:1, :, :");
        NDArray cost = Activation.softPlus(m.get(":, 1:2, :, :"));
        NDArray u = goal;
        NDArray around = null;
        for (int k = 0; k < iterations; k++) {
            around = shifted(u.sub(cost), height, width);
            u = logSumExp(NDArrays.concat(new NDList(goal, around), 1));
        }
        return new NDArray[] {around, goal};
    }

    /** The four neighbours' values of every cell, (B, 4, H, W): up, down, left, right; outside the map counts as nothing. */
    private static NDArray shifted(NDArray s, long height, long width) {
        NDArray p = s.pad(ONE_CELL_EACH_SIDE, OUTSIDE);
        return NDArrays.concat(new NDList(
                p.get(":, :, 0:" + height + ", 1:" + (width + 1)),
                p.get(":, :, 2:" + (height + 2) + ", 1:" + (width + 1)),
                p.get(":, :, 1:" + (height + 1) + ", 0:" + width),
                p.get(":, :, 1:" + (height + 1) + ", 2:" + (width + 2))), 1);
    }

    /**
     * log Σ exp over axis 1, keeping it. Shifted by the maximum, which is a constant to the gradient (the identity
     * holds for any shift) and keeps every exp at most 1.
     */
    private static NDArray logSumExp(NDArray x) {
        NDArray max = x.max(new int[] {1}, true).stopGradient();
        return x.sub(max).exp().sum(new int[] {1}, true).log().add(max);
    }

    private int readoutSize() {
        return localChannels + 4 + (valueReadout ? 2 : 0);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape readout = new Shape(inputShapes[0].get(0), readoutSize());
        return head.getOutputShapes(new Shape[] {readout});
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        long batch = in.get(0);
        long height = in.get(2);
        long width = in.get(3);
        maps.initialize(manager, dataType, new Shape(batch, 2 * in.get(1), height, width));
        local.initialize(manager, dataType, new Shape(batch, in.get(1), height, width));
        head.initialize(manager, dataType, new Shape(batch, readoutSize()));
    }
}
