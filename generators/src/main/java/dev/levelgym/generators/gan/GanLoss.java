package dev.levelgym.generators.gan;

/**
 * The adversarial objective. Both avoid a second backward pass through the critic's gradient (WGAN-GP's
 * gradient penalty needs one, which DJL's PyTorch engine does not offer).
 */
public enum GanLoss {
    /**
     * Hinge loss (Lim &amp; Ye 2017; SAGAN, BigGAN): the critic minimises {@code relu(1 − D(x)) + relu(1 + D(G(z)))},
     * the generator {@code −D(G(z))}. The critic stops being pushed on samples it already separates by a margin, so
     * its outputs stay bounded and the generator keeps getting gradient even when the critic wins, which is what
     * a 41-level corpus invites.
     */
    HINGE,
    /**
     * WGAN with weight clipping (Arjovsky et al. 2017), what MarioGAN used: critic minimises {@code D(G(z)) − D(x)},
     * generator {@code −D(G(z))}, critic weights clipped to ±{@link GanConfig#clip()} after every update.
     */
    WASSERSTEIN_CLIP
}
