package dev.levelgym.generators.vae;

import dev.levelgym.envs.grid.TileGrid;
import dev.levelgym.generators.LevelGenerator;
import dev.levelgym.generators.TileWorld;
import dev.levelgym.generators.search.LatentSpace;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * A VAE's levels at latents placed by coordinates the seed gives (near a level: the noise added to its latent; along
 * a line between two: the fraction of the way): the generator {@code generate --like} and {@code --between} write
 * through, so their levels are made, checked and reported as every generator's are. It is a {@link LatentSpace} in
 * those coordinates, so a target search near a level moves the noise and keeps the level's latent where it is.
 * Closing it leaves the VAE open (its owner closes it).
 */
final class LatentWalk<L extends TileGrid> implements LevelGenerator<L>, LatentSpace<L> {

    private final VaeGenerator<L> vae;
    private final String name;
    private final String spaceName;
    private final LongFunction<double[]> start;
    private final Function<double[], float[]> place;

    /**
     * @param spaceName what the coordinates are, for reports
     * @param start     the seed's coordinates
     * @param place     the latent at given coordinates
     */
    LatentWalk(VaeGenerator<L> vae, String name, String spaceName, LongFunction<double[]> start,
               Function<double[], float[]> place) {
        this.vae = vae;
        this.name = name;
        this.spaceName = spaceName;
        this.start = start;
        this.place = place;
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
        return vae.level(place.apply(start.apply(seed)), name + "-" + seed);
    }

    @Override
    public String draft(long seed) {
        return vae.raw(place.apply(start.apply(seed)));
    }

    @Override
    public String describe() {
        return vae.describe();
    }

    @Override
    public String latentSpaceName() {
        return spaceName;
    }

    @Override
    public double[] latent(long seed) {
        return start.apply(seed);
    }

    @Override
    public Decoded<L> decode(double[] coordinates, String id) {
        return vae.decoded(place.apply(coordinates), id);
    }
}
