package dev.levelgym.generators.vae;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import dev.levelgym.generators.gan.GanNetworks;
import dev.levelgym.nn.MemoryBudget;

/**
 * The VAE's two networks over one-hot maps of {@code size × size} (the GAN's maps, {@link
 * dev.levelgym.generators.gan.TileMaps}). The encoder is the GAN critic's shape with a wider head: strided
 * convolutions down to 4×4, then one linear layer to the mean and log-variance of the latent. The decoder is the GAN's
 * generator ({@link GanNetworks#generator}): upsampling and convolutions (DJL's PyTorch engine has no transposed
 * convolution) ending in a softmax over tiles per cell, so the reconstruction loss is the per-cell cross-entropy of
 * those probabilities.
 */
final class VaeNetworks {

    private VaeNetworks() {
    }

    /**
     * maps (batch, tiles, size, size) → [conv 4×4 stride 2, LeakyReLU 0.2] to 4×4, {@code width} channels doubling →
     * Linear → (batch, 2 × latentSize): the mean, then the log-variance.
     */
    static Block encoder(int size, int width, int latentSize) {
        SequentialBlock e = new SequentialBlock();
        int channels = width;
        for (int s = size; s > 4; s /= 2) {
            e.add(Conv2d.builder().setKernelShape(new Shape(4, 4)).optStride(new Shape(2, 2))
                    .optPadding(new Shape(1, 1)).setFilters(channels).build());
            e.add(Activation.leakyReluBlock(0.2f));
            channels *= 2;
        }
        e.add(Blocks.batchFlattenBlock());
        e.add(Linear.builder().setUnits(2L * latentSize).build());
        return e;
    }

    /** latent (batch, latentSize) → tile probabilities (batch, tiles, size, size). */
    static Block decoder(int size, int tiles, int width) {
        return GanNetworks.generator(size, tiles, width);
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
