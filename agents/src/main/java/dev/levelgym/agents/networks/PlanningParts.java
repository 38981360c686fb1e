package dev.levelgym.agents.networks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import java.util.List;

/** The pieces the two planning networks ({@link ValueIterationBlock}, {@link ValuePropagationBlock}) share. */
final class PlanningParts {

    private PlanningParts() {
    }

    /** A stride-1 convolution that keeps H×W (grid maps are small and every cell matters). */
    static Conv2d conv(int kernel, int filters, boolean bias) {
        int pad = kernel / 2;
        return Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).optPadding(new Shape(pad, pad))
                .setFilters(filters).optBias(bias).build();
    }

    /** 1×1 convolutions of {@code channels} with ReLU, then one to {@code maps} planes: what each cell is worth. */
    static SequentialBlock cellMaps(List<Integer> channels, int maps) {
        SequentialBlock net = new SequentialBlock();
        for (int c : channels) {
            net.add(conv(1, c, true));
            net.add(Activation.reluBlock());
        }
        net.add(conv(1, maps, true));
        return net;
    }

    /** Fully connected layers of {@code hiddenSizes} with ReLU, then one value per action. */
    static SequentialBlock head(List<Integer> hiddenSizes, int numActions) {
        SequentialBlock net = new SequentialBlock();
        for (int units : hiddenSizes) {
            net.add(Linear.builder().setUnits(units).build());
            net.add(Activation.reluBlock());
        }
        net.add(Linear.builder().setUnits(numActions).build());
        return net;
    }

    /**
     * The planes followed by each plane's maximum over the map, broadcast to every cell, so a cell's map can depend
     * on global facts such as "the avatar holds the key", which a local convolution cannot see. The max rather than
     * the mean: on one-hot planes it is a 0/1 "present anywhere", where a mean would be a faint 1/(H·W). One max over
     * the flattened map, as DJL's PyTorch max takes one axis at a time and each call is costly.
     */
    static NDArray withMapMaxima(NDArray x) {
        Shape shape = x.getShape();
        NDArray context = x.reshape(shape.get(0), shape.get(1), shape.get(2) * shape.get(3)).max(new int[] {2}, true)
                .reshape(shape.get(0), shape.get(1), 1, 1).broadcast(shape);
        return NDArrays.concat(new NDList(x, context), 1);
    }

    /** A (B, 1, H, W) mask of the agent's cell, the sum of its planes, so a readout is a product, not an index. */
    static NDArray agentMask(NDArray x, int[] agentPlanes) {
        NDArray agent = null;
        for (int plane : agentPlanes) {
            NDArray p = x.get(":, " + plane + ":" + (plane + 1) + ", :, :");
            agent = agent == null ? p : agent.add(p);
        }
        return agent;
    }
}
