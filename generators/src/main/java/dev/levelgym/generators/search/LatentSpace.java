package dev.levelgym.generators.search;

/**
 * A generator whose levels are decoded from a vector of numbers (a GAN's latent vector, or several side by side for
 * a stitched level), so that {@link LatentSearch} can move through it. The seed's own level is the decoding of
 * {@link #latent(long)}.
 *
 * @param <L> the level type
 */
public interface LatentSpace<L> {

    /** What the search runs in, for reports, e.g. {@code the GAN's latent space}. */
    String latentSpaceName();

    /** Seed's latent vector, flat. */
    double[] latent(long seed);

    /** The level {@code latent} decodes to, with id {@code id}; null if it decodes to no level at all. */
    Decoded<L> decode(double[] latent, String id);

    /**
     * A decoded level.
     *
     * @param repairEdits tile edits repair made to the raw decoding (0 where levels need none)
     */
    record Decoded<L>(L level, int repairEdits) {
    }
}
