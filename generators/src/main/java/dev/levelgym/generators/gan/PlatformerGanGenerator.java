package dev.levelgym.generators.gan;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.generators.LevelGenerator;
import dev.levelgym.generators.TileWorld;
import dev.levelgym.generators.model.Latents;
import dev.levelgym.generators.search.LatentSpace;
import java.util.List;
import java.util.Optional;

/**
 * A platformer GAN as a generator of levels of {@code segments} segments: level {@code s} is
 * {@link PlatformerGan#level(long, int)}, whose joins the solver checked (it may still be incompletable: see there).
 * Its latent space is the segments' latent vectors side by side, decoded by plain stitching
 * ({@link PlatformerGan#stitched(List)}), so a target search can ask for {@code completion=1}. Closing it closes
 * the GAN.
 */
public final class PlatformerGanGenerator implements LevelGenerator<PlatformerLevel>, LatentSpace<PlatformerLevel> {

    private final PlatformerGan gan;
    private final int segments;
    private final String source;

    /**
     * @param segments 28-column segments per level, at least 1
     * @param source   where the model came from, for messages (its directory)
     */
    public PlatformerGanGenerator(PlatformerGan gan, int segments, String source) {
        if (segments < 1) {
            throw new UserInputException("a stitched level needs at least 1 segment, got " + segments);
        }
        this.gan = gan;
        this.segments = segments;
        this.source = source;
    }

    /** The GAN whose segments this stitches (the studio searches its latent space segment by segment). */
    public PlatformerGan gan() {
        return gan;
    }

    @Override
    public String name() {
        return PlatformerGan.NAME;
    }

    @Override
    public TileWorld<PlatformerLevel> world() {
        return TileWorld.PLATFORMER;
    }

    @Override
    public int width() {
        return segments * PlatformerGan.SEGMENT_WIDTH;
    }

    @Override
    public int height() {
        return PlatformerLevel.HEIGHT;
    }

    @Override
    public PlatformerLevel generate(long seed) {
        return gan.level(seed, segments).level();
    }

    /**
     * The plain stitch of the first latent of each segment of the seed's stream ({@link PlatformerGan#stitched(long,
     * int)}): the level {@link #generate(long)} makes when no join needs a redraw. It may have no start cell.
     */
    @Override
    public String raw(long seed) {
        return gan.stitched(seed, segments);
    }

    @Override
    public Generated<PlatformerLevel> make(long seed) {
        PlatformerGan.Stitched stitched = gan.level(seed, segments);
        return new Generated<>(stitched.level(), 0, stitched.redraws());
    }

    @Override
    public String size() {
        return segments + " segments, " + LevelGenerator.super.size();
    }

    @Override
    public Optional<String> redrawsLabel() {
        return Optional.of("segment redraws at the joins");
    }

    @Override
    public String describe() {
        return source + " is a platformer GAN";
    }

    @Override
    public String latentSpaceName() {
        return "the GAN's latent space";
    }

    @Override
    public double[] latent(long seed) {
        return Latents.joined(gan.latents(seed, segments));
    }

    /** The plain stitch of the segments' latents; null if it has no start cell. */
    @Override
    public Decoded<PlatformerLevel> decode(double[] latent, String id) {
        PlatformerLevel level = PlatformerGan.parseOrNull(gan.stitched(Latents.split(latent, segments)), id);
        return level == null ? null : new Decoded<>(level, 0);
    }

    @Override
    public void close() {
        gan.close();
    }
}
