package dev.levelgym.generators.model;

import java.util.ArrayList;
import java.util.List;
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

    /**
     * Latent vectors side by side as one vector of doubles, the form a search moves through (Apache Commons Math's
     * optimisers work in doubles); {@link #split} undoes it.
     */
    public static double[] joined(List<float[]> parts) {
        int n = parts.stream().mapToInt(p -> p.length).sum();
        double[] flat = new double[n];
        int at = 0;
        for (float[] p : parts) {
            for (float v : p) {
                flat[at++] = v;
            }
        }
        return flat;
    }

    /**
     * {@code flat} cut into {@code parts} latent vectors of equal length, as floats.
     *
     * @throws IllegalArgumentException if its length is not a multiple of {@code parts}
     */
    public static List<float[]> split(double[] flat, int parts) {
        if (parts < 1 || flat.length % parts != 0) {
            throw new IllegalArgumentException("a vector of " + flat.length + " does not split into " + parts);
        }
        int size = flat.length / parts;
        List<float[]> out = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            float[] z = new float[size];
            for (int i = 0; i < size; i++) {
                z[i] = (float) flat[p * size + i];
            }
            out.add(z);
        }
        return out;
    }
}
