package dev.levelgym.generators.search;

import java.util.List;

/**
 * Levels a generator makes near a given one: what the level studio shows as variations of the level being edited.
 * A GAN has to search its latent space for them ({@link DungeonGanVariations}, {@link PlatformerGanVariations});
 * a generator with an encoder (a VAE) encodes the level and decodes around its latent. Either way the caller gets
 * level texts ranked by tile distance, and judges playability and targets itself.
 *
 * <p>Implementations may hold native memory and need not be thread-safe: call from one thread.
 */
public interface LevelVariations {

    /** What the studio calls this source, e.g. {@code gan}. */
    String name();

    /**
     * Why {@code text} cannot be varied by this source (another size, say), or null if it can. {@link #near} throws
     * with this reason.
     */
    String unsupported(int width, int height);

    /**
     * Up to {@code count} distinct levels near {@code text} (rows of tile characters, LF-separated; need not be a
     * well-formed level), nearest first by tile distance, each the same size as {@code text}. The same text and
     * seed give the same levels.
     *
     * @throws dev.levelgym.envs.UserInputException if {@link #unsupported} names a reason
     */
    List<Variation> near(String text, int count, long seed);

    /**
     * One level near the edited one.
     *
     * @param text     the level's text, LF line ends, final newline
     * @param distance cells whose tile differs from the edited level's
     */
    record Variation(String text, int distance) {
    }
}
