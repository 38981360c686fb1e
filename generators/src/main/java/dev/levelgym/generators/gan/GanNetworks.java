package dev.levelgym.generators.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import dev.levelgym.nn.MemoryBudget;

/**
 * The DCGAN-style pair over one-hot maps of {@code size × size}. DJL's PyTorch engine has no transposed
 * convolution, so the generator doubles the resolution by nearest-neighbour repetition and then convolves (which
 * also avoids transposed convolution's checkerboard artefacts, Odena et al. 2016). The VAE's decoder
 * ({@code dev.levelgym.generators.vae}) is this generator. Channel widths are small: the
 * maps are tiny and sampling must stay fast (≈ 2.7 M multiply-adds per 16×16 sample).
 */
public final class GanNetworks {

    private GanNetworks() {
    }

    /**
     * latent (batch, latent) → Linear → {@code width}×4×4 → [×2, conv 3×3, BN, ReLU] until size, halving channels
     * down to a quarter of {@code width} → conv 3×3 to one channel per tile ({@code tiles}) → softmax over tiles (so
     * generated maps live on the simplex, like one-hot maps).
     */
    public static Block generator(int size, int tiles, int width) {
        SequentialBlock g = new SequentialBlock();
        g.add(Linear.builder().setUnits(width * 16L).build());
        g.add(BatchNorm.builder().build());
        g.add(Activation.reluBlock());
        g.add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().reshape(-1, width, 4, 4)), "to-4x4"));
        int channels = width;
        for (int s = 4; s < size; s *= 2) {
            channels = Math.max(channels / 2, width / 4);
            g.add(new LambdaBlock(x -> new NDList(upsample(x.singletonOrThrow())), "upsample-x2"));
            g.add(conv3x3(channels));
            g.add(BatchNorm.builder().build());
            g.add(Activation.reluBlock());
        }
        g.add(conv3x3(tiles));
        g.add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().softmax(1)), "softmax-tiles"));
        return g;
    }

    /**
     * maps (batch, tiles, size, size) → [conv 4×4 stride 2, LeakyReLU 0.2] to 4×4, {@code width} channels doubling
     * → Linear → one score.
     */
    static Block critic(int size, int width) {
        SequentialBlock d = new SequentialBlock();
        int channels = width;
        for (int s = size; s > 4; s /= 2) {
            d.add(Conv2d.builder().setKernelShape(new Shape(4, 4)).optStride(new Shape(2, 2))
                    .optPadding(new Shape(1, 1)).setFilters(channels).build());
            d.add(Activation.leakyReluBlock(0.2f));
            channels *= 2;
        }
        d.add(Blocks.batchFlattenBlock());
        d.add(Linear.builder().setUnits(1).build());
        return d;
    }

    /**
     * Refuses, before any is allocated, networks or batches whose largest array would exceed
     * {@link MemoryBudget#MAX_ACTIVATION_FLOATS}: a {@code batch} of generated maps in the generator's widest layer
     * (at most its width at full resolution), the critic's first layer, and the generator's first weight matrix.
     */
    static void requireMemory(int batch, int size, int tiles, GanConfig config) {
        long maps = (long) size * size;
        long widest = Math.max(tiles, Math.max(config.generatorChannels(), config.criticChannels() / 4 + 1)) * maps;
        MemoryBudget.requireActivations("a GAN batch of " + batch + " " + size + "x" + size + " maps with "
                + config.generatorChannels() + " generator and " + config.criticChannels() + " critic channels",
                MemoryBudget.times(batch, widest), "lower the batch size or the channels (--generator-channels, "
                        + "--critic-channels)");
        MemoryBudget.requireActivations("a GAN generator of latentSize " + config.latentSize() + " and "
                + config.generatorChannels() + " channels", MemoryBudget.times(config.latentSize(),
                16L * config.generatorChannels()), "lower latentSize or --generator-channels");
    }

    private static Conv2d conv3x3(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters)
                .build();
    }

    private static NDArray upsample(NDArray x) {
        return x.repeat(2, 2).repeat(3, 2);
    }
}
