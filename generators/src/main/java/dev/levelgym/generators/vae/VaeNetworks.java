package dev.levelgym.generators.vae;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.generators.gan.GanNetworks;
import dev.levelgym.nn.MemoryBudget;

/**
 * The VAE's two networks over one-hot maps of {@code size × size} (the GAN's maps, {@link
 * dev.levelgym.generators.gan.TileMaps}). The encoder is the GAN critic's shape with a wider head: strided
 * convolutions down to 4×4, then one linear layer to the mean and log-variance of the latent. The decoder is the GAN's
 * generator ({@link GanNetworks#generator}): upsampling and convolutions (DJL's PyTorch engine has no transposed
 * convolution) ending in a softmax over tiles per cell, so the reconstruction loss is the per-cell cross-entropy of
 * those probabilities. With a {@link VaeConfig#spatial() spatial} latent both are fully convolutional.
 */
final class VaeNetworks {

    private VaeNetworks() {
    }

    /**
     * maps (batch, tiles, size, size) → [conv 4×4 stride 2, LeakyReLU 0.2] down to a spatial latent's grid (4×4 or
     * 8×8; 4×4 for a vector latent), {@code width} channels doubling → the mean, then the log-variance, of the latent: a linear layer to 2 ×
     * latentSize, or for a spatial latent a 3×3 convolution to 2 × latentSize / grid² channels of the grid (the
     * mean's channels first, so both layouts hold the mean in the first half of a map's outputs).
     */
    static Block encoder(int size, VaeConfig config) {
        int side = side(size, config);
        SequentialBlock e = new SequentialBlock();
        int channels = config.encoderChannels();
        for (int s = size; s > side; s /= 2) {
            e.add(Conv2d.builder().setKernelShape(new Shape(4, 4)).optStride(new Shape(2, 2))
                    .optPadding(new Shape(1, 1)).setFilters(channels).build());
            e.add(Activation.leakyReluBlock(0.2f));
            channels *= 2;
        }
        if (config.spatial()) {
            e.add(conv3x3(2 * config.latentSize() / (side * side)));
        } else {
            e.add(Blocks.batchFlattenBlock());
            e.add(Linear.builder().setUnits(2L * config.latentSize()).build());
        }
        return e;
    }

    /**
     * latent (batch, latentSize) → tile probabilities (batch, tiles, size, size). A vector latent goes through the
     * GAN's generator. A spatial one is that generator without its first, linear layer: the grid, a 3×3
     * convolution to the generator's width, then the same [×2, conv 3×3, BN, ReLU] stages and softmax.
     */
    static Block decoder(int size, int tiles, VaeConfig config) {
        int width = config.decoderChannels();
        if (!config.spatial()) {
            return GanNetworks.generator(size, tiles, width);
        }
        int side = side(size, config);
        int grid = config.latentSize() / (side * side);
        SequentialBlock d = new SequentialBlock();
        d.add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().reshape(-1, grid, side, side)), "to-grid"));
        d.add(conv3x3(width));
        d.add(BatchNorm.builder().build());
        d.add(Activation.reluBlock());
        int channels = width;
        for (int s = side; s < size; s *= 2) {
            channels = Math.max(channels / 2, width / 4);
            d.add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().repeat(2, 2).repeat(3, 2)), "upsample-x2"));
            d.add(conv3x3(channels));
            d.add(BatchNorm.builder().build());
            d.add(Activation.reluBlock());
        }
        d.add(conv3x3(tiles));
        d.add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().softmax(1)), "softmax-tiles"));
        return d;
    }

    /** The side of the encoder's last and the decoder's first feature map: the spatial grid's, else 4. */
    private static int side(int size, VaeConfig config) {
        int side = config.spatial() ? config.grid() : 4;
        if (side > size) {
            throw new UserInputException("--grid " + side + ": the grid does not fit the levels' " + size + "x" + size
                    + " maps; use --grid 4");
        }
        return side;
    }

    private static Conv2d conv3x3(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters)
                .build();
    }

    /**
     * Refuses, before any is allocated, batches whose widest activation or networks whose largest weight matrix
     * would exceed the {@link MemoryBudget}.
     */
    static void requireMemory(int batch, int size, int tiles, VaeConfig config) {
        long plane = (long) size * size;
        long widest = Math.max(tiles, Math.max(config.decoderChannels(), config.encoderChannels())) * plane;
        MemoryBudget.requireActivations("a VAE batch of " + batch + " " + size + "x" + size + " maps with "
                + config.encoderChannels() + " encoder and " + config.decoderChannels() + " decoder channels",
                MemoryBudget.times(batch, widest), "lower the batch size or the channels");
        long encoderHead = MemoryBudget.times(MemoryBudget.times(config.encoderChannels(), plane / 4),
                2L * config.latentSize());
        MemoryBudget.requireParameters("a VAE of latentSize " + config.latentSize() + " and "
                + config.encoderChannels() + " encoder channels", encoderHead, "lower latentSize or the channels");
        MemoryBudget.requireParameters("a VAE decoder of latentSize " + config.latentSize() + " and "
                + config.decoderChannels() + " channels", MemoryBudget.times(config.latentSize(),
                16L * config.decoderChannels()), "lower latentSize or the channels");
    }
}
