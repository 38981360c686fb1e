package dev.levelgym.agents.networks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * A Value Iteration Network (Tamar et al. 2016) as a Q-network body, composed of DJL's own convolution and linear
 * blocks. A plain CNN has to learn path finding around walls from reward alone, which our Dungeon runs showed it
 * does not at affordable budgets; a VIN builds the planner into the architecture and leaves only the map's
 * rewards and the move kernel to learn:
 *
 * <ol>
 *   <li>a reward map {@code R} from the observation planes plus each plane's maximum over the map, broadcast to every
 *       cell (so a cell's reward can depend on global facts such as "the avatar holds the key", which a local
 *       convolution cannot see): 1×1 convolutions of {@code convChannels} with ReLU, then one to a single
 *       plane. 1×1 because a cell's reward is a matter of what stands on it; its neighbours enter through the
 *       transition kernel, and a 3×3 layer here would cost about as much as the whole planning loop;</li>
 *   <li>{@code planIterations} rounds of {@code Q = conv3×3([R, V])}, {@code V = max over Q's channels}, one
 *       convolution shared by all rounds (Tamar's {@code k} steps of value iteration; values travel one cell per
 *       round, so the rounds must cover the longest path that matters);</li>
 *   <li>the final {@code Q} read out at the agent's cell (the sum of {@code Q} weighted by the observation's agent
 *       planes, a differentiable "attention" that needs no index op), then fully connected layers of
 *       {@code hiddenSizes} and a linear layer to one value per action.</li>
 * </ol>
 */
public final class ValueIterationBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Block reward;
    private final Conv2d rewardTransition;
    private final Conv2d valueTransition;
    private final Block head;
    private final int iterations;
    private final int planChannels;
    private final int[] agentPlanes;

    public ValueIterationBlock(List<Integer> rewardChannels, int planChannels, int iterations, List<Integer> agentPlanes,
                        List<Integer> hiddenSizes, int numActions) {
        super(VERSION);
        this.iterations = iterations;
        this.planChannels = planChannels;
        this.agentPlanes = agentPlanes.stream().mapToInt(Integer::intValue).toArray();
        this.reward = addChildBlock("reward", PlanningParts.cellMaps(rewardChannels, 1));
        // Tamar's Q = conv([R, V]) split in two, conv(R) + conv(V): conv(R) is the same every round, so it is
        // computed once, which halves the planning cost. No bias, as Tamar's: a bias would drift the values with the
        // rounds.
        this.rewardTransition = addChildBlock("rewardTransition", PlanningParts.conv(3, planChannels, false));
        this.valueTransition = addChildBlock("valueTransition", PlanningParts.conv(3, planChannels, false));
        this.head = addChildBlock("head", PlanningParts.head(hiddenSizes, numActions));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray r = reward.forward(store, new NDList(PlanningParts.withMapMaxima(x)), training).singletonOrThrow();
        NDArray rewardPart = rewardTransition.forward(store, new NDList(r), training).singletonOrThrow();
        NDArray q = rewardPart;
        for (int k = 0; k < iterations; k++) {
            NDArray v = q.max(new int[] {1}, true);
            q = rewardPart.add(valueTransition.forward(store, new NDList(v), training).singletonOrThrow());
        }
        NDArray atAgent = q.mul(PlanningParts.agentMask(x, agentPlanes)).sum(new int[] {2, 3});
        return head.forward(store, new NDList(atAgent), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape readout = new Shape(inputShapes[0].get(0), planChannels);
        return head.getOutputShapes(new Shape[] {readout});
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        long batch = in.get(0);
        long height = in.get(2);
        long width = in.get(3);
        reward.initialize(manager, dataType, new Shape(batch, 2 * in.get(1), height, width));
        rewardTransition.initialize(manager, dataType, new Shape(batch, 1, height, width));
        valueTransition.initialize(manager, dataType, new Shape(batch, 1, height, width));
        head.initialize(manager, dataType, new Shape(batch, planChannels));
    }
}
