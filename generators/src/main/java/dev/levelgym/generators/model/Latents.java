package dev.levelgym.generators.model;

import java.util.Random;

/** Latent vectors of the GANs and VAEs: the one way a seed's noise is drawn, so a seed means the same in both. */
public final class Latents {

    private Latents() {
    }

    /** {@code n} independent standard normals from {@code random} ({@link Random}'s algorithm is fixed). */
    public static float[] gaussians(Random random, int n) {
        float[] z = new float[n];
        for (int i = 0; i < n; i++) {
            z[i] = (float) random.nextGaussian();
        }
        return z;
    }
}
