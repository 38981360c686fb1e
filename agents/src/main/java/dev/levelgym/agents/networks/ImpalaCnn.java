package dev.levelgym.agents.networks;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * The IMPALA CNN of Espeholt et al. 2018 as Procgen's PPO baseline uses it, the trunk PPO's actor-critic and DQN's
 * Q-network share: per depth a 3×3 convolution, a 3×3 max-pool of stride 2 (so a 16×16 map is 2×2 after three)
 * and some residual blocks (ReLU, conv, ReLU, conv; two in Procgen's), then ReLU, flattened, and fully connected
 * layers with ReLU. The heads are the caller's.
 */
public final class ImpalaCnn {

    private ImpalaCnn() {
    }

    /**
     * @param depths         output channels of each stage
     * @param residualBlocks residual blocks per stage
     * @param hiddenSizes    the fully connected layers after the stages
     * @param channelsLast   the input comes as (N, H, W, C) rows and is viewed as (N, C, H, W) with channels-last
     *                       strides, without a copy: the memory order in which libtorch's CPU convolutions and
     *                       max-pooling are fastest (PPO's trunk: about twice as fast here as on plain NCHW)
     */
    public static SequentialBlock trunk(List<Integer> depths, int residualBlocks, List<Integer> hiddenSizes,
                                        boolean channelsLast) {
        SequentialBlock net = new SequentialBlock();
        if (channelsLast) {
            net.add(LambdaBlock.singleton(x -> x.transpose(0, 3, 1, 2), "channels_last_view"));
        }
        for (int depth : depths) {
            net.add(conv(depth));
            net.add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1)));
            for (int r = 0; r < residualBlocks; r++) {
                net.add(residual(depth));
            }
        }
        net.add(Activation.reluBlock());
        net.add(Blocks.batchFlattenBlock());
        for (int units : hiddenSizes) {
            net.add(Linear.builder().setUnits(units).build());
            net.add(Activation.reluBlock());
        }
        return net;
    }

    private static Block conv(int depth) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(depth)
                .build();
    }

    private static Block residual(int depth) {
        SequentialBlock body = new SequentialBlock().add(Activation.reluBlock()).add(conv(depth))
                .add(Activation.reluBlock()).add(conv(depth));
        return new ParallelBlock(outputs -> new NDList(outputs.get(0).singletonOrThrow()
                .add(outputs.get(1).singletonOrThrow())), List.of(body, Blocks.identityBlock()));
    }
}
