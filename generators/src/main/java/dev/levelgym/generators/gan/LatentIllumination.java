package dev.levelgym.generators.gan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonSolution;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.envs.dungeon.level.DungeonTile;
import dev.levelgym.envs.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Latent-space illumination of a Dungeon GAN with MAP-Elites (Mouret &amp; Clune 2015; over a GAN's latent space as
 * Fontaine et al. 2021, "Illuminating Mario Scenes in the Latent Space of a Generative Adversarial Network"): an
 * archive keeps, for every cell of a grid of level features, the best latent vector found whose level falls there,
 * and new latents are mutations of archived ones. The features are the level's wall count inside the border, the
 * solver's shortest solution length and its enemy count (0, 1, 2, 3 or more), so the archive spans the range of
 * layouts, path lengths and threats the generator can draw instead of the few it draws most often. A latent enters
 * only if its {@link Decoding#ONE_EACH} decoding is playable and no copy of a reference level; among those of a
 * cell the most novel is kept (the largest Hamming distance to the nearest reference level), which spreads the
 * archive further than keeping the latent most probable under the prior did (mean pairwise Hamming 35.9 against
 * 32.8 on 1,000 levels; docs/gan.md).
 *
 * <p>The archive is saved beside the model ({@value #FILE}); a {@link DungeonGan} that finds one draws level
 * {@code s < n} from elite {@code s} (the elites in a shuffled order, so the first seeds spread over the archive)
 * and later seeds from the prior: an archive of {@code n} elites gives {@code n} distinct playable levels, and
 * never repeats one. The solver ran when the archive was built, not when a level is drawn.
 */
public final class LatentIllumination {

    /** The archive's file in a model directory. */
    public static final String FILE = "elites.json";
    static final int FORMAT = 1;
    /** Latents decoded and solved per batch. */
    static final int BATCH = 256;
    static final int DECIMALS = 3;
    private static final float SCALE = 1000f;
    /** Enemy counts from this one up share a cell. */
    static final int ENEMY_CAP = 3;

    /** One line per elite would double the file: the archive is written compactly. */
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private LatentIllumination() {
    }

    /**
     * What a run found.
     *
     * @param elites      the archive's latents, shuffled, at most the maximum asked for
     * @param cells       the cells the run filled (elites before the cap)
     * @param evaluations latents decoded and solved
     * @param playable    how many of them were playable and novel
     */
    public record Archive(List<float[]> elites, int cells, int evaluations, int playable, long seed, double sigma) {
    }

    /**
     * Runs MAP-Elites for {@code evaluations} latents: the first tenth drawn from the prior, the rest mutations
     * ({@code z + sigma · N(0, I)}) of elites picked uniformly; everything from {@code Random(seed)}. The archive
     * keeps at most {@code maxElites} of the cells' elites, a random choice (the file grows by about 200 bytes an
     * elite).
     */
    public static Archive illuminate(GanModel model, List<DungeonLevel> reference, int evaluations, double sigma,
                                     int maxElites, long seed) {
        if (evaluations < 1) {
            throw new UserInputException("--evaluations must be at least 1, got " + evaluations);
        }
        if (maxElites < 1) {
            throw new UserInputException("--max-elites must be at least 1, got " + maxElites);
        }
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new UserInputException("--sigma must be a positive number, got " + sigma);
        }
        Set<String> copies = new HashSet<>();
        reference.forEach(l -> copies.add(l.toText()));
        Random random = new Random(seed);
        DungeonSolver solver = new DungeonSolver();
        Map<Long, float[]> archive = new TreeMap<>();
        Map<Long, Double> fitness = new TreeMap<>();
        List<Long> cells = new ArrayList<>();
        int initial = Math.max(1, evaluations / 10);
        int playable = 0;
        for (int done = 0; done < evaluations; ) {
            int n = Math.min(BATCH, evaluations - done);
            List<float[]> latents = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                if (done + i < initial || cells.isEmpty()) {
                    latents.add(rounded(GanModel.gaussians(random, model.latentSize())));
                } else {
                    float[] parent = archive.get(cells.get(random.nextInt(cells.size())));
                    float[] child = new float[parent.length];
                    for (int k = 0; k < child.length; k++) {
                        child[k] = parent[k] + (float) (sigma * random.nextGaussian());
                    }
                    latents.add(rounded(child));
                }
            }
            List<String> drafts = model.sample(latents, Decoding.ONE_EACH);
            for (int i = 0; i < n; i++) {
                DungeonLevel level = DungeonGan.parseOrNull(drafts.get(i), "elite");
                if (level == null || copies.contains(level.toText())) {
                    continue;
                }
                DungeonSolution s = solver.shortest(level);
                if (!s.playable()) {
                    continue;
                }
                playable++;
                long cell = cell(level, s.length());
                double f = minHamming(level, reference);
                Double old = fitness.get(cell);
                if (old == null) {
                    cells.add(cell);
                }
                if (old == null || f > old) {
                    archive.put(cell, latents.get(i));
                    fitness.put(cell, f);
                }
            }
            done += n;
        }
        List<float[]> elites = new ArrayList<>(archive.values());
        Collections.shuffle(elites, new Random(seed));
        return new Archive(elites.subList(0, Math.min(maxElites, elites.size())), elites.size(), evaluations,
                playable, seed, sigma);
    }

    /** The archive cell of a playable level: walls inside the border, solution length, capped enemy count. */
    static long cell(DungeonLevel level, int solutionLength) {
        int walls = 0;
        int enemies = 0;
        for (int y = 1; y < level.height() - 1; y++) {
            for (int x = 1; x < level.width() - 1; x++) {
                DungeonTile t = level.tile(x, y);
                walls += t == DungeonTile.WALL ? 1 : 0;
                enemies += t.isEnemy() ? 1 : 0;
            }
        }
        return ((long) walls << 32) | ((long) solutionLength << 8) | Math.min(enemies, ENEMY_CAP);
    }

    private static double minHamming(DungeonLevel level, List<DungeonLevel> reference) {
        int min = Integer.MAX_VALUE;
        for (DungeonLevel r : reference) {
            min = Math.min(min, dev.levelgym.generators.LevelMetrics.hamming(level, r));
        }
        return min;
    }

    /**
     * The latent with every value rounded to {@value #DECIMALS} decimals, before it is decoded: the archive file
     * then holds, in a third of the characters, exactly the latents whose levels the solver checked (a float
     * written with its shortest decimal reads back as the same float).
     */
    static float[] rounded(float[] z) {
        for (int i = 0; i < z.length; i++) {
            z[i] = Math.round(z[i] * SCALE) / SCALE;
        }
        return z;
    }

    /** Writes the archive as {@value #FILE} into {@code dir}. */
    public static void write(Path dir, Archive archive) throws IOException {
        ObjectNode o = COMPACT.createObjectNode();
        o.put("format", FORMAT);
        o.put("method", "MAP-Elites over wall count x solution length x enemies (0..3+), one-each decoding, "
                + "fitness: Hamming distance to the nearest reference level");
        o.put("cells", archive.cells());
        o.put("evaluations", archive.evaluations());
        o.put("playable", archive.playable());
        o.put("seed", archive.seed());
        o.put("sigma", archive.sigma());
        ArrayNode list = o.putArray("elites");
        for (float[] z : archive.elites()) {
            ArrayNode row = list.addArray();
            for (float v : z) {
                row.add(v);
            }
        }
        AtomicFiles.write(dir.resolve(FILE), COMPACT.writeValueAsBytes(o));
    }

    /**
     * The elites of {@code dir}'s {@value #FILE}, empty if it has none.
     *
     * @throws UserInputException naming the file if it is malformed or its latents do not fit the model
     */
    public static List<float[]> read(Path dir, int latentSize) {
        Path file = dir.resolve(FILE);
        JsonNode o;
        try {
            o = COMPACT.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (o == null || o.path("format").asInt(-1) != FORMAT || !o.path("elites").isArray()
                || o.path("elites").isEmpty()) {
            throw new UserInputException(file + ": not a latent archive of format " + FORMAT
                    + " with at least one elite");
        }
        List<float[]> elites = new ArrayList<>();
        for (JsonNode row : o.get("elites")) {
            if (!row.isArray() || row.size() != latentSize) {
                throw new UserInputException(file + ": elite " + (elites.size() + 1) + " is not " + latentSize
                        + " numbers (the model's latent size)");
            }
            float[] z = new float[latentSize];
            for (int i = 0; i < latentSize; i++) {
                JsonNode v = row.get(i);
                if (!v.isNumber() || !Float.isFinite((float) v.asDouble())) {
                    throw new UserInputException(file + ": elite " + (elites.size() + 1) + ", value " + (i + 1)
                            + " is not a finite number");
                }
                z[i] = (float) v.asDouble();
            }
            elites.add(z);
        }
        return elites;
    }
}
