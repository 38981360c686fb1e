package dev.levelgym.generators.search;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.generators.model.Latents;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The samples of a generator nearest a target level by tile distance, found by a batched evolution strategy in
 * the latent space: a population of latents drawn around the starts, then generations of children around the
 * nearest ones with a shrinking step, every generation decoded in one batch (a GAN's forward pass costs about the
 * same for one latent or a few hundred, so batches, not CMA-ES's one-at-a-time evaluations, set the pace).
 *
 * <p>The starts are where the search begins: standard-normal draws when nothing better is known; an encoder's
 * latent for the level (a VAE's) when there is one, in which case the first generation is already near.
 *
 * @param population latents decoded per generation
 * @param generations generations after the first
 * @param elites      nearest latents kept as parents of the next generation
 * @param startSigma  the children's step (standard deviations) in the first generation
 * @param endSigma    the step in the last, shrinking geometrically
 */
public record LatentNeighbourSearch(int population, int generations, int elites, double startSigma, double endSigma) {

    /** 256 × 7 decodes: about a second with the bundled Dungeon GAN (13×9 maps) on one core. */
    public static final LatentNeighbourSearch DEFAULT = new LatentNeighbourSearch(256, 6, 16, 0.6, 0.1);
    /**
     * 128 × 4 decodes, for generators whose samples cost more: the bundled platformer GAN's 32×32 maps take several
     * times the Dungeon's, and a level is searched segment by segment (9 searches for 230 columns, about 4 s).
     */
    public static final LatentNeighbourSearch QUICK = new LatentNeighbourSearch(128, 3, 8, 0.6, 0.2);

    public LatentNeighbourSearch {
        if (population < 1 || generations < 0 || elites < 1 || elites > population || !(startSigma > 0)
                || !(endSigma > 0)) {
            throw new UserInputException("bad latent search settings: population " + population + ", generations "
                    + generations + ", elites " + elites + ", steps " + startSigma + ".." + endSigma);
        }
    }

    /** A decoded latent and its distance to the target. */
    public record Candidate(float[] latent, String text, int distance) {
    }

    /**
     * Up to {@code keep} distinct samples (by text) nearest the target, nearest first.
     *
     * @param decode     latents to level texts, one batch per call
     * @param latentSize the generator's latent size
     * @param distance   a sample's distance to the target
     * @param starts     latents to start around (may be empty: the first generation is then standard-normal draws)
     * @param seed       seeds every draw, so the same call finds the same samples
     */
    public List<Candidate> nearest(Function<List<float[]>, List<String>> decode, int latentSize,
                                   ToIntFunction<String> distance, List<float[]> starts, int keep, long seed) {
        Random random = new Random(seed);
        List<float[]> batch = new ArrayList<>(population);
        for (float[] s : starts) {
            if (batch.size() < population) {
                batch.add(s.clone());
            }
        }
        while (batch.size() < population) {
            batch.add(starts.isEmpty() ? Latents.gaussians(random, latentSize)
                    : around(starts.get(batch.size() % starts.size()), startSigma, random));
        }
        List<Candidate> pool = new ArrayList<>();
        evaluate(decode, distance, batch, pool);
        for (int g = 1; g <= generations; g++) {
            double sigma = startSigma * Math.pow(endSigma / startSigma, (double) g / Math.max(1, generations));
            List<Candidate> parents = distinct(pool, elites);
            batch = new ArrayList<>(population);
            for (int i = 0; i < population; i++) {
                batch.add(around(parents.get(i % parents.size()).latent(), sigma, random));
            }
            evaluate(decode, distance, batch, pool);
            pool = new ArrayList<>(distinct(pool, Math.max(keep, elites)));
        }
        return distinct(pool, keep);
    }

    private static void evaluate(Function<List<float[]>, List<String>> decode, ToIntFunction<String> distance,
                                 List<float[]> latents, List<Candidate> into) {
        List<String> texts = decode.apply(latents);
        for (int i = 0; i < latents.size(); i++) {
            into.add(new Candidate(latents.get(i), texts.get(i), distance.applyAsInt(texts.get(i))));
        }
    }

    /** The nearest candidates with distinct texts, ties in the order found (so the result is deterministic). */
    private static List<Candidate> distinct(List<Candidate> pool, int n) {
        List<Candidate> sorted = new ArrayList<>(pool);
        sorted.sort(Comparator.comparingInt(Candidate::distance));
        List<Candidate> out = new ArrayList<>(n);
        Set<String> seen = new HashSet<>();
        for (Candidate c : sorted) {
            if (out.size() == n) {
                break;
            }
            if (seen.add(c.text())) {
                out.add(c);
            }
        }
        return out;
    }

    private static float[] around(float[] centre, double sigma, Random random) {
        float[] z = new float[centre.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) (centre[i] + sigma * random.nextGaussian());
        }
        return z;
    }

    /** Cells of {@code a} (rows of width {@code width}, LF-separated) differing from {@code b}'s, over the first
     * {@code columns} columns of each row; rows or columns missing in either count as differing. */
    public static int tileDistance(String[] a, String[] b, int columns) {
        int d = 0;
        int rows = Math.max(a.length, b.length);
        for (int y = 0; y < rows; y++) {
            String ra = y < a.length ? a[y] : "";
            String rb = y < b.length ? b[y] : "";
            for (int x = 0; x < columns; x++) {
                if (x >= ra.length() || x >= rb.length() || ra.charAt(x) != rb.charAt(x)) {
                    d++;
                }
            }
        }
        return d;
    }

    /** Text split into rows, without line ends (a final newline adds no row). */
    public static String[] rows(String text) {
        String t = text.replace("\r\n", "\n");
        while (t.endsWith("\n")) {
            t = t.substring(0, t.length() - 1);
        }
        return t.split("\n", -1);
    }
}
