package dev.levelgym.generators.vae;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.grid.TileGrid;
import dev.levelgym.generators.gan.PlatformerWindows;
import dev.levelgym.generators.model.Latents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * How well a VAE takes levels in, measured on a set of levels (e.g. those held out of its training): each level
 * encoded to its latent mean and decoded back (the share of cells that come back different); {@code samples} raw
 * decodings around each (μ + spread·ε, no repair: the share the world's solver wins); and the {@code steps}-point
 * line from each level to the next (the share of points that decode to a well-formed level).
 *
 * @param levels         levels measured
 * @param cells          cells per level
 * @param meanError      mean share of a level's cells that its reconstruction gets wrong
 * @param maxError       the largest such share
 * @param errors         each level's share, in the order of the levels measured
 * @param withinTenth    levels whose reconstruction gets at most 10% of the cells wrong
 * @param samples        raw samples drawn around the levels
 * @param playable       of those, the ones the solver wins
 * @param playableByLevel the playable samples around each level, in the order of the levels measured (each level
 *                       has {@code samples / levels}); empty without samples
 * @param wellFormed     of those, the well-formed ones
 * @param sampleDistance mean cells by which a sample differs from the level it was drawn around
 * @param points         interpolation points decoded
 * @param wellFormedPoints of those, the well-formed ones
 */
public record VaeEvaluation(int levels, int cells, double meanError, double maxError, List<Double> errors,
                            int withinTenth, int samples, int playable, List<Integer> playableByLevel,
                            int wellFormed, double sampleDistance, int points, int wellFormedPoints) {

    public VaeEvaluation {
        errors = List.copyOf(errors);
        playableByLevel = List.copyOf(playableByLevel);
        if (playableByLevel.size() != (samples == 0 ? 0 : levels) || samples % Math.max(levels, 1) != 0) {
            throw new IllegalArgumentException(playableByLevel.size() + " playable counts and " + samples
                    + " samples for " + levels + " levels");
        }
    }

    /**
     * Levels around which at least {@code share} of the samples are playable: how many of the measured levels the
     * samples target holds for, where the pooled share can hide a few levels whose samples mostly fail.
     */
    public int levelsWithPlayableSamples(double share) {
        int perLevel = samples / Math.max(levels, 1);
        return (int) playableByLevel.stream().filter(p -> p >= share * perLevel).count();
    }

    /** A level to measure on: an id for messages, its text. */
    public record Item(String id, String text) {
    }

    /**
     * The levels of {@code folder}'s {@code *.txt} files, in name order, as the VAE takes them: Dungeon levels whole
     * (each must be the model's size), platformer levels cut into non-overlapping 28-column windows.
     *
     * @throws UserInputException naming the file of a malformed level or one of the wrong size
     */
    public static <L extends TileGrid> List<Item> items(VaeGenerator<L> vae, Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new UserInputException("--levels: " + folder + " is not a directory");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".txt") && Files.isRegularFile(p))
                    .sorted().toList();
        }
        if (files.isEmpty()) {
            throw new UserInputException("--levels: " + folder + " has no level files (*.txt)");
        }
        boolean windows = vae instanceof PlatformerVae;
        List<Item> items = new ArrayList<>();
        for (Path f : files) {
            L level = vae.world().parse(f);
            if (windows) {
                String[] rows = level.toText().split("\n");
                for (int from = 0; from + PlatformerWindows.WIDTH <= level.width(); from += PlatformerWindows.WIDTH) {
                    StringBuilder sb = new StringBuilder();
                    for (String row : rows) {
                        sb.append(row, from, from + PlatformerWindows.WIDTH).append('\n');
                    }
                    items.add(new Item(f.getFileName() + "[" + from + ":" + (from + PlatformerWindows.WIDTH) + "]",
                            sb.toString()));
                }
            } else {
                if (level.width() != vae.model().width() || level.height() != vae.model().height()) {
                    throw new UserInputException(f + " is a " + level.width() + "x" + level.height()
                            + " level; the VAE encodes " + vae.model().width() + "x" + vae.model().height()
                            + " ones");
                }
                items.add(new Item(f.getFileName().toString(), level.toText()));
            }
        }
        if (items.isEmpty()) {
            throw new UserInputException("--levels: no level in " + folder + " is " + PlatformerWindows.WIDTH
                    + " columns wide");
        }
        return items;
    }

    /**
     * Measures {@code vae} on {@code items}, each encoded with {@code refine} refinement steps
     * ({@link VaeModel#encode(List, int)}); the noise of sample {@code j} around every level is seed + j's.
     */
    public static <L extends TileGrid> VaeEvaluation of(VaeGenerator<L> vae, List<Item> items, int samples,
                                                        double spread, int steps, long seed, int refine) {
        VaeModel model = vae.model();
        List<float[]> means = model.encode(items.stream().map(Item::text).toList(), refine);
        List<String> reconstructions = means.stream().map(vae::raw).toList();
        int cells = model.width() * model.height();
        double total = 0;
        double max = 0;
        int within = 0;
        List<Double> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            double error = (double) differing(items.get(i).text(), reconstructions.get(i)) / cells;
            errors.add(error);
            total += error;
            max = Math.max(max, error);
            within += error <= 0.1 ? 1 : 0;
        }
        int playable = 0;
        List<Integer> playableByLevel = new ArrayList<>();
        int wellFormed = 0;
        long distance = 0;
        for (int i = 0; i < means.size() && samples > 0; i++) {
            float[] mu = means.get(i);
            int around = 0;
            for (int j = 0; j < samples; j++) {
                float[] noise = Latents.gaussians(new Random(seed + j), mu.length);
                float[] z = new float[mu.length];
                for (int k = 0; k < z.length; k++) {
                    z[k] = (float) (mu[k] + spread * noise[k]);
                }
                String raw = vae.raw(z);
                distance += differing(items.get(i).text(), raw);
                L level = vae.parseOrNull(raw, "sample");
                wellFormed += level != null ? 1 : 0;
                around += level != null && vae.world().solve(level).playable() ? 1 : 0;
            }
            playable += around;
            playableByLevel.add(around);
        }
        int points = 0;
        int wellFormedPoints = 0;
        for (int i = 0; i + 1 < means.size() && steps >= 2; i++) {
            for (int s = 0; s < steps; s++) {
                double t = (double) s / (steps - 1);
                float[] z = new float[means.get(i).length];
                for (int k = 0; k < z.length; k++) {
                    z[k] = (float) ((1 - t) * means.get(i)[k] + t * means.get(i + 1)[k]);
                }
                points++;
                wellFormedPoints += vae.parseOrNull(vae.raw(z), "point") != null ? 1 : 0;
            }
        }
        return new VaeEvaluation(items.size(), cells, total / items.size(), max, errors, within,
                samples * items.size(), playable, playableByLevel, wellFormed,
                samples == 0 ? 0 : (double) distance / (samples * items.size()), points, wellFormedPoints);
    }

    /**
     * The evaluations of several models pooled as one over all their levels (e.g. the K folds of a cross-validation,
     * each on the levels its training held out): counts add up, the mean error and the samples' distance are weighted
     * by levels and samples, the largest error is the largest of all.
     *
     * @throws IllegalArgumentException for no evaluations, or evaluations of levels of different sizes or with
     *                                  different numbers of samples around a level
     */
    public static VaeEvaluation pooled(List<VaeEvaluation> evaluations) {
        if (evaluations.isEmpty()) {
            throw new IllegalArgumentException("no evaluation to pool");
        }
        int cells = evaluations.get(0).cells();
        int perLevel = evaluations.get(0).samples() / evaluations.get(0).levels();
        int levels = 0;
        int within = 0;
        int samples = 0;
        int playable = 0;
        List<Integer> playableByLevel = new ArrayList<>();
        int wellFormed = 0;
        int points = 0;
        int wellFormedPoints = 0;
        double errorSum = 0;
        double distanceSum = 0;
        double max = 0;
        List<Double> errors = new ArrayList<>();
        for (VaeEvaluation e : evaluations) {
            if (e.cells() != cells) {
                throw new IllegalArgumentException("levels of " + e.cells() + " and " + cells + " cells");
            }
            if (e.samples() / e.levels() != perLevel) {
                throw new IllegalArgumentException(e.samples() / e.levels() + " and " + perLevel
                        + " samples around a level");
            }
            levels += e.levels();
            within += e.withinTenth();
            samples += e.samples();
            playable += e.playable();
            playableByLevel.addAll(e.playableByLevel());
            wellFormed += e.wellFormed();
            points += e.points();
            wellFormedPoints += e.wellFormedPoints();
            errorSum += e.meanError() * e.levels();
            distanceSum += e.sampleDistance() * e.samples();
            max = Math.max(max, e.maxError());
            errors.addAll(e.errors());
        }
        return new VaeEvaluation(levels, cells, errorSum / levels, max, errors, within, samples, playable,
                playableByLevel, wellFormed,
                samples == 0 ? 0 : distanceSum / samples, points, wellFormedPoints);
    }

    /** Cells (characters other than line ends) where two level texts differ. */
    static int differing(String a, String b) {
        String x = a.replace("\n", "");
        String y = b.replace("\n", "");
        int n = 0;
        for (int i = 0; i < Math.min(x.length(), y.length()); i++) {
            n += x.charAt(i) != y.charAt(i) ? 1 : 0;
        }
        return n + Math.abs(x.length() - y.length());
    }
}
