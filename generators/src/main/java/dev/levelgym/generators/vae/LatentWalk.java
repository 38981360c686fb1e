package dev.levelgym.generators.vae;

import dev.levelgym.envs.grid.TileGrid;
import dev.levelgym.generators.LevelGenerator;
import dev.levelgym.generators.TileWorld;
import java.util.function.LongFunction;

/**
 * A VAE's levels at the latents a function of the seed gives (near a level, or along a line between two): the
 * generator {@code generate --like} and {@code --between} write through, so their levels are made, checked and
 * reported as every generator's are. Closing it leaves the VAE open (its owner closes it).
 */
final class LatentWalk<L extends TileGrid> implements LevelGenerator<L> {

    private final VaeGenerator<L> vae;
    private final String name;
    private final LongFunction<float[]> latent;

    LatentWalk(VaeGenerator<L> vae, String name, LongFunction<float[]> latent) {
        this.vae = vae;
        this.name = name;
        this.latent = latent;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public TileWorld<L> world() {
        return vae.world();
    }

    @Override
    public int width() {
        return vae.model().width();
    }

    @Override
    public int height() {
        return vae.model().height();
    }

    @Override
    public L generate(long seed) {
        return make(seed).level();
    }

    @Override
    public Generated<L> make(long seed) {
        return vae.level(latent.apply(seed), name + "-" + seed);
    }

    @Override
    public String draft(long seed) {
        return vae.raw(latent.apply(seed));
    }

    @Override
    public String describe() {
        return vae.describe();
    }
}
