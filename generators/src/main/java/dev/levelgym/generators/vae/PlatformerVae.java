package dev.levelgym.generators.vae;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerParser;
import dev.levelgym.generators.LevelGenerator;
import dev.levelgym.generators.TileWorld;
import dev.levelgym.generators.gan.Decoding;
import dev.levelgym.generators.gan.PlatformerGan;
import dev.levelgym.generators.gan.PlatformerWindows;
import dev.levelgym.generators.model.Latents;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A platformer VAE (trained on 28-column windows) as a generator. Seed {@code s} makes a level of {@code segments}
 * windows side by side (MarioGAN's stitching), their latents drawn one after another from {@code new Random(s)};
 * a latent taken alone ({@link #level(float[], String)}: {@code --like}, {@code --between}) makes one window. Windows
 * are decoded by argmax: the VAE's reconstructions are confident enough that sampling each cell (as the platformer
 * GAN does) only adds noise. Levels may be incompletable: the report counts the completable ones.
 */
public final class PlatformerVae implements VaeGenerator<PlatformerLevel> {

    static final Decoding DECODING = Decoding.ARGMAX;

    private final VaeModel model;
    private final int segments;
    private final String source;

    /**
     * @param segments windows per level made from a seed, at least 1
     * @param source   where the model came from, for messages (its directory)
     */
    public PlatformerVae(VaeModel model, int segments, String source) {
        if (segments < 1) {
            throw new UserInputException("a stitched level needs at least 1 segment, got " + segments);
        }
        this.model = model;
        this.segments = segments;
        this.source = source;
    }

    @Override
    public VaeModel model() {
        return model;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TileWorld<PlatformerLevel> world() {
        return TileWorld.PLATFORMER;
    }

    @Override
    public int width() {
        return segments * PlatformerWindows.WIDTH;
    }

    @Override
    public int height() {
        return PlatformerLevel.HEIGHT;
    }

    @Override
    public String size() {
        return segments + " segments, " + VaeGenerator.super.size();
    }

    @Override
    public PlatformerLevel generate(long seed) {
        return parse(draft(seed), NAME + "-" + seed);
    }

    @Override
    public String draft(long seed) {
        return PlatformerWindows.join(model.decode(latents(seed), DECODING));
    }

    /** The seed's segments' latents, drawn one after another from {@code new Random(seed)}. */
    private List<float[]> latents(long seed) {
        Random stream = new Random(seed);
        List<float[]> latents = new ArrayList<>(segments);
        for (int i = 0; i < segments; i++) {
            latents.add(Latents.gaussians(stream, model.latentSize()));
        }
        return latents;
    }

    @Override
    public LevelGenerator.Generated<PlatformerLevel> level(float[] latent, String id) {
        return new Generated<>(parse(raw(latent), id), 0, 0);
    }

    @Override
    public Decoded<PlatformerLevel> decoded(float[] latent, String id) {
        PlatformerLevel level = parseOrNull(raw(latent), id);
        return level == null ? null : new Decoded<>(level, 0);
    }

    @Override
    public String latentSpaceName() {
        return "the VAE's latent space";
    }

    /** The seed's segments' latents side by side, as {@link #draft(long)} draws them. */
    @Override
    public double[] latent(long seed) {
        return Latents.joined(latents(seed));
    }

    /** The plain stitch of the segments' windows; null if it has no start cell. */
    @Override
    public Decoded<PlatformerLevel> decode(double[] latent, String id) {
        PlatformerLevel level = parseOrNull(PlatformerWindows.join(model.decode(Latents.split(latent, segments),
                DECODING)), id);
        return level == null ? null : new Decoded<>(level, 0);
    }

    @Override
    public String raw(float[] latent) {
        return model.decode(List.of(latent), DECODING).get(0);
    }

    /**
     * The text as a level.
     *
     * @throws UserInputException if it has no start cell (no column with an empty cell over a solid one)
     */
    static PlatformerLevel parse(String text, String id) {
        try {
            return PlatformerParser.parse(text, id);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(id + ": the VAE decoded a window that is not a level: " + e.getMessage(), e);
        }
    }

    @Override
    public PlatformerLevel parseOrNull(String text, String id) {
        return PlatformerGan.parseOrNull(text, id);
    }

    @Override
    public String describe() {
        return source + " is a platformer VAE";
    }

    @Override
    public void close() {
        model.close();
    }
}
