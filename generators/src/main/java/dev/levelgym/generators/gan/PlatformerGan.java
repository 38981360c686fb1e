package dev.levelgym.generators.gan;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerParser;
import dev.levelgym.envs.platformer.level.PlatformerSolution;
import dev.levelgym.envs.platformer.level.PlatformerSolver;
import dev.levelgym.generators.model.Latents;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Platformer levels from a GAN trained on {@link PlatformerWindows}: {@value PlatformerWindows#WIDTH}-column
 * segments, and long levels stitched from several segments side by side. Segments are decoded by
 * {@link #DECODING} (each cell's tile drawn from the generator's probabilities, deterministically per latent), not
 * by MarioGAN's argmax, which drops every tile the generator gives less than the sky's share (see
 * docs/platformer-gan.md for both measured); {@link #segments(long, int, Decoding)} decodes either way.
 *
 * <p>Segment {@code s} is the sample of {@link GanModel#latent(long) latent(s)}. A stitched level of seed {@code s}
 * takes its latents one after another from {@code new Random(s)}. {@link #stitched} puts the first {@code n}
 * segments side by side, nothing else (MarioGAN's concatenation). {@link #level} lets the solver decide the joins:
 * segments are appended left to right, and a candidate segment whose addition leaves the level so far incompletable
 * is replaced by the next latent of the stream, up to {@value #MAX_REDRAWS} times per segment (after that the
 * candidate that let the player get furthest is kept, and the level may be incompletable). Where every first
 * candidate fits, {@link #level} is {@link #stitched}.
 *
 * <p>With a {@link LatentIllumination} archive of {@code n} elites (a model from {@code gan illuminate}), segment
 * {@code s < n} is elite {@code s}, and segment {@code i} of a level of {@code k} segments of seed {@code s} is elite
 * {@code s·k + i} while there is one; the seed's stream supplies every other latent (the segments past the archive
 * and the redraws), so {@link #level} is still {@link #stitched} where no join needed a redraw.
 *
 * <p>Holds the model's native memory: {@link #close()} it. Not thread-safe.
 */
public final class PlatformerGan implements AutoCloseable {

    /** Registry prefix shared with Dungeon GANs: {@code gan:MODEL_DIR}. */
    public static final String NAME = DungeonGan.NAME;
    public static final int SEGMENT_WIDTH = PlatformerWindows.WIDTH;
    static final int MAX_REDRAWS = 20;
    /** How segments are decoded. */
    public static final Decoding DECODING = Decoding.SAMPLED;

    private final GanModel model;
    private final List<float[]> elites;
    private final PlatformerSolver solver = new PlatformerSolver();

    /** A stitched level, the segment redraws its joins needed, and whether the solver completes it. */
    public record Stitched(PlatformerLevel level, int redraws, boolean completable) {
    }

    public PlatformerGan(GanModel model) {
        this(model, List.of());
    }

    /**
     * @param elites a {@link LatentIllumination} archive whose elites the first segments decode (see the class
     *               comment); empty for none
     */
    public PlatformerGan(GanModel model, List<float[]> elites) {
        if (model.world() != GanWorld.PLATFORMER) {
            throw new UserInputException("a " + model.world().envId() + " GAN makes no platformer segments");
        }
        this.model = model;
        this.elites = List.copyOf(elites);
    }

    /**
     * Loads a platformer model directory with its latent archive if it has one; errors name the file (see
     * {@link GanModel#load(Path, GanWorld)} and {@link LatentIllumination#read}).
     */
    public static PlatformerGan load(Path modelDir) {
        GanModel model = GanModel.load(modelDir, GanWorld.PLATFORMER);
        try {
            return new PlatformerGan(model, LatentIllumination.read(modelDir, model.latentSize()));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** How many elites the model's latent archive holds (0: every segment is drawn from the prior). */
    public int elites() {
        return elites.size();
    }

    /** Elite {@code index} if the archive has it, else null. */
    private float[] elite(long index) {
        return index >= 0 && index < elites.size() ? elites.get((int) index) : null;
    }

    public GanModel model() {
        return model;
    }

    /** The segments (level text, 14 rows × 28, possibly without a start) of seeds {@code firstSeed...}. */
    public List<String> segments(long firstSeed, int count) {
        return segments(firstSeed, count, DECODING);
    }

    /** {@link #segments(long, int)} decoded by {@code decoding} ({@link Decoding#ONE_EACH} is Dungeon-only). */
    public List<String> segments(long firstSeed, int count, Decoding decoding) {
        List<float[]> latents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            float[] elite = elite(firstSeed + i);
            latents.add(elite != null ? elite : model.latent(firstSeed + i));
        }
        return model.sample(latents, decoding);
    }

    /** The first {@code segments} segments of seed's latent stream side by side, as text (MarioGAN's stitching). */
    public String stitched(long seed, int segments) {
        return stitched(latents(seed, segments));
    }

    /** The first latent vector of each of the seed's {@code segments} segments: an elite, or the seed's stream's. */
    public List<float[]> latents(long seed, int segments) {
        checkSegments(segments);
        Random stream = new Random(seed);
        List<float[]> latents = new ArrayList<>(segments);
        for (int i = 0; i < segments; i++) {
            latents.add(first(seed, segments, i, stream));
        }
        return latents;
    }

    /** Segment {@code i}'s first latent: its elite if the archive has one, else the stream's next. */
    private float[] first(long seed, int segments, int i, Random stream) {
        float[] elite = seed >= 0 && seed < elites.size() ? elite(seed * segments + i) : null;
        return elite != null ? elite : Latents.gaussians(stream, model.latentSize());
    }

    /** The segments of {@code latents} side by side, as text. */
    public String stitched(List<float[]> latents) {
        checkSegments(latents.size());
        return PlatformerWindows.join(model.sample(latents, DECODING));
    }

    /** A level of {@code segments × 28} columns whose joins the solver checked (see the class comment). */
    public Stitched level(long seed, int segments) {
        checkSegments(segments);
        Random stream = new Random(seed);
        List<String> kept = new ArrayList<>(segments);
        int redraws = 0;
        PlatformerSolution last = null;
        for (int i = 0; i < segments; i++) {
            String best = null;
            int bestReach = -1;
            PlatformerSolution bestSolution = null;
            for (int attempt = 0; attempt <= MAX_REDRAWS; attempt++) {
                float[] z = attempt == 0 ? first(seed, segments, i, stream)
                        : Latents.gaussians(stream, model.latentSize());
                String candidate = model.sample(List.of(z), DECODING).get(0);
                kept.add(candidate);
                PlatformerLevel prefix = parseOrNull(PlatformerWindows.join(kept), "prefix");
                kept.remove(kept.size() - 1);
                PlatformerSolution s = prefix == null ? null : solver.solve(prefix);
                int reach = s == null ? -1 : s.furthestX();
                if (best == null || reach > bestReach) {
                    best = candidate;
                    bestReach = reach;
                    bestSolution = s;
                }
                if (s != null && s.completable()) {
                    break;
                }
                redraws++;
            }
            kept.add(best);
            last = bestSolution;
        }
        String text = PlatformerWindows.join(kept);
        PlatformerLevel level = parseOrNull(text, NAME + "-" + seed);
        if (level == null) {
            throw new IllegalStateException("no start cell in any of " + (segments * (MAX_REDRAWS + 1))
                    + " segments drawn for seed " + seed);
        }
        return new Stitched(level, redraws, last != null && last.completable());
    }

    /** The segment as a level if it has a start cell, else null. */
    public static PlatformerLevel parseOrNull(String text, String id) {
        try {
            return PlatformerParser.parse(text, id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void checkSegments(int segments) {
        if (segments < 1) {
            throw new UserInputException("a stitched level needs at least 1 segment, got " + segments);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
