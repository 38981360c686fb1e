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
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerTile;
import dev.levelgym.generators.ExpressiveRange;
import dev.levelgym.generators.TileWorld;
import dev.levelgym.generators.model.Latents;
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
 * Latent-space illumination of a GAN with MAP-Elites (Mouret &amp; Clune 2015; over a GAN's latent space as Fontaine
 * et al. 2021, "Illuminating Mario Scenes in the Latent Space of a Generative Adversarial Network"): an archive
 * keeps, for every cell of a grid of level features, the best latent vector found whose level falls there, and new
 * latents are mutations of archived ones. For a Dungeon GAN the features are the level's wall count inside the
 * border, the solver's shortest solution length and its enemy count (0, 1, 2, 3 or more), so the archive spans the
 * range of layouts, path lengths and threats the generator can draw instead of the few it draws most often. A latent
 * enters only if its {@link Decoding#ONE_EACH} decoding is playable and no copy of a reference level; among those of
 * a cell the most novel is kept (the largest Hamming distance to the nearest reference level), which spreads the
 * archive further than keeping the latent most probable under the prior did (mean pairwise Hamming 35.9 against
 * 32.8 on 1,000 levels; docs/gan.md). For a platformer GAN the same search runs over its segments
 * ({@link #illuminatePlatformer}).
 *
 * <p>The archive is saved beside the model ({@value #FILE}); a {@link DungeonGan} that finds one draws level
 * {@code s < n} from elite {@code s} (the elites in a shuffled order, so the first seeds spread over the archive)
 * and later seeds from the prior: an archive of {@code n} elites gives {@code n} distinct playable levels, and
 * never repeats one; a {@link PlatformerGan} draws its segments from it the same way. The solver ran when the
 * archive was built, not when a level is drawn.
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
     * @param features    the archive's cell features, for messages
     * @param method      how the archive was built, as its file records it
     */
    public record Archive(List<float[]> elites, int cells, int evaluations, int playable, long seed, double sigma,
                          String features, String method) {
    }

    /** Where a decoded latent goes: its archive cell and fitness (higher is kept). */
    private record Placed(long cell, double fitness) {
    }

    /** Judges one decoded latent: where it goes in the archive, or null if it may not enter. */
    @FunctionalInterface
    private interface Judge {
        Placed place(String draft);
    }

    /**
     * Runs MAP-Elites on a Dungeon GAN for {@code evaluations} latents: the first tenth drawn from the prior, the
     * rest mutations ({@code z + sigma · N(0, I)}) of elites picked uniformly; everything from {@code Random(seed)}.
     * The archive keeps at most {@code maxElites} of the cells' elites, a random choice (the file grows by about 200
     * bytes an elite).
     */
    public static Archive illuminate(GanModel model, List<DungeonLevel> reference, int evaluations, double sigma,
                                     int maxElites, long seed) {
        Set<String> copies = new HashSet<>();
        reference.forEach(l -> copies.add(l.toText()));
        DungeonSolver solver = new DungeonSolver();
        Judge judge = draft -> {
            DungeonLevel level = DungeonGan.parseOrNull(draft, "elite");
            if (level == null || copies.contains(level.toText())) {
                return null;
            }
            DungeonSolution s = solver.shortest(level);
            return s.playable() ? new Placed(cell(level, s.length()), minHamming(level, reference)) : null;
        };
        return run(model, Decoding.ONE_EACH, judge, evaluations, sigma, maxElites, seed,
                "wall count x solution length x enemies",
                "MAP-Elites over wall count x solution length x enemies (0..3+), one-each decoding, "
                        + "fitness: Hamming distance to the nearest reference level");
    }

    /**
     * Runs MAP-Elites on a platformer GAN's segments as {@link #illuminate(GanModel, List, int, double, int, long)}
     * does on a Dungeon GAN's levels. A segment ({@link PlatformerGan#DECODING}) enters if it has a start, the
     * current rules' solver ({@link TileWorld#PLATFORMER}, what {@code level evaluate} measures) completes it and it
     * copies no window of the reference levels; its cell is its place on the axes of the platformer's expressive
     * range ({@link ExpressiveRange}), finer: hazards (gap columns + enemies, the complement of leniency), solid
     * cells in bins of {@value #SOLID_BIN} (density) and surface linearity in bins of {@value #LINEARITY_BIN}; a
     * cell keeps its segment farthest from every reference window. A segment must also be {@link #joinable}: alone,
     * the player starts on its first standable cell, wherever that is, but in a stitched level it walks in from the
     * segment before.
     */
    public static Archive illuminatePlatformer(GanModel model, List<PlatformerLevel> reference, int evaluations,
                                               double sigma, int maxElites, long seed) {
        if (model.world() != GanWorld.PLATFORMER) {
            throw new UserInputException("a " + model.world().envId() + " GAN makes no platformer segments");
        }
        List<PlatformerWindows.Window> windows = PlatformerWindows.of(reference);
        if (windows.isEmpty()) {
            throw new UserInputException("no reference level is " + PlatformerWindows.WIDTH
                    + " columns wide: no window to compare segments with");
        }
        Set<String> copies = new HashSet<>();
        windows.forEach(w -> copies.add(w.text()));
        PackedWindows packed = new PackedWindows(windows);
        Judge judge = draft -> {
            PlatformerLevel level = PlatformerGan.parseOrNull(draft, "elite");
            if (level == null || copies.contains(level.toText())
                    || !TileWorld.PLATFORMER.solve(level).playable() || !joinable(draft)) {
                return null;
            }
            return new Placed(platformerCell(level), packed.minHamming(level.toText()));
        };
        return run(model, PlatformerGan.DECODING, judge, evaluations, sigma, maxElites, seed,
                "hazards x solid cells x linearity",
                "MAP-Elites over hazards (gap columns + enemies) x solid cells (bins of " + SOLID_BIN
                        + ") x surface linearity (bins of " + LINEARITY_BIN + "), sampled decoding, entry: completable"
                        + " by the " + TileWorld.PLATFORMER.envId() + " solver alone and between floor-level ground"
                        + " runs of " + JOIN_RUN + " columns, and no copy of a reference window, "
                        + "fitness: Hamming distance to the nearest reference window");
    }

    private static Archive run(GanModel model, Decoding decoding, Judge judge, int evaluations, double sigma,
                               int maxElites, long seed, String features, String method) {
        if (evaluations < 1) {
            throw new UserInputException("--evaluations must be at least 1, got " + evaluations);
        }
        if (maxElites < 1) {
            throw new UserInputException("--max-elites must be at least 1, got " + maxElites);
        }
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new UserInputException("--sigma must be a positive number, got " + sigma);
        }
        Random random = new Random(seed);
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
                    latents.add(rounded(Latents.gaussians(random, model.latentSize())));
                } else {
                    float[] parent = archive.get(cells.get(random.nextInt(cells.size())));
                    float[] child = new float[parent.length];
                    for (int k = 0; k < child.length; k++) {
                        child[k] = parent[k] + (float) (sigma * random.nextGaussian());
                    }
                    latents.add(rounded(child));
                }
            }
            List<String> drafts = model.sample(latents, decoding);
            for (int i = 0; i < n; i++) {
                Placed p = judge.place(drafts.get(i));
                if (p == null) {
                    continue;
                }
                playable++;
                Double old = fitness.get(p.cell());
                if (old == null) {
                    cells.add(p.cell());
                }
                if (old == null || p.fitness() > old) {
                    archive.put(p.cell(), latents.get(i));
                    fitness.put(p.cell(), p.fitness());
                }
            }
            done += n;
        }
        List<float[]> elites = new ArrayList<>(archive.values());
        Collections.shuffle(elites, new Random(seed));
        return new Archive(elites.subList(0, Math.min(maxElites, elites.size())), elites.size(), evaluations,
                playable, seed, sigma, features, method);
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

    /** Solid cells a bin of a platformer cell's density axis holds. */
    static final int SOLID_BIN = 4;
    /** Width of a bin of a platformer cell's linearity axis. */
    static final double LINEARITY_BIN = 0.025;

    /** Floor-level ground columns a segment is put between to check its joins ({@link #joinable}). */
    static final int JOIN_RUN = 2;

    /**
     * Whether the segment is still completable between two runs of {@value #JOIN_RUN} columns of floor-level ground
     * (the bottom two rows solid, as the corpus's ground is): the player then walks in at its left edge and must
     * reach the ground past its right one, as a stitched level makes it. Checked alone, a segment that opens on a
     * wide gap is completable (the start is its first standable cell, past the gap); stitched after another it is
     * not. Plain 8-segment stitches of an archive without this check were 92% completable; with it, see
     * docs/gan.md.
     */
    static boolean joinable(String segment) {
        String[] rows = segment.split("\n");
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < rows.length; y++) {
            PlatformerTile tile = y >= rows.length - 2 ? PlatformerTile.GROUND : PlatformerTile.EMPTY;
            String run = String.valueOf(tile.symbol()).repeat(JOIN_RUN);
            sb.append(run).append(rows[y]).append(run).append('\n');
        }
        PlatformerLevel between = PlatformerGan.parseOrNull(sb.toString(), "joined");
        return between != null && TileWorld.PLATFORMER.solve(between).playable();
    }

    /**
     * The archive cell of a platformer segment: its hazards (gap columns and enemies, as {@link ExpressiveRange}'s
     * leniency counts them), its solid cells in bins of {@value #SOLID_BIN} and its surface linearity in bins of
     * {@value #LINEARITY_BIN}.
     */
    static long platformerCell(PlatformerLevel level) {
        long hazards = Math.round((1 - ExpressiveRange.leniency(level)) * level.width());
        long solid = Math.round(ExpressiveRange.density(level) * level.width() * level.height()) / SOLID_BIN;
        long linearity = (long) Math.floor(ExpressiveRange.platformLinearity(level) / LINEARITY_BIN);
        return (hazards << 40) | (solid << 20) | linearity;
    }

    private static double minHamming(DungeonLevel level, List<DungeonLevel> reference) {
        int min = Integer.MAX_VALUE;
        for (DungeonLevel r : reference) {
            min = Math.min(min, dev.levelgym.generators.LevelMetrics.hamming(level, r));
        }
        return min;
    }

    /**
     * Reference windows packed 16 tiles to a long (4 bits a tile: the platformer legend has 13), so that the
     * distance from a segment to each of a thousand windows costs 25 XORs and bit counts instead of 392 character
     * comparisons: the archive measures it for every playable latent.
     */
    static final class PackedWindows {

        private static final long LOW_BITS = 0x1111111111111111L;
        private final String legend = GanWorld.PLATFORMER.legend();
        private final List<long[]> windows = new ArrayList<>();

        PackedWindows(List<PlatformerWindows.Window> reference) {
            for (PlatformerWindows.Window w : reference) {
                windows.add(pack(w.text()));
            }
        }

        long[] pack(String text) {
            String cells = text.replace("\n", "");
            long[] packed = new long[(cells.length() + 15) / 16];
            for (int i = 0; i < cells.length(); i++) {
                int t = legend.indexOf(cells.charAt(i));
                if (t < 0) {
                    throw new IllegalArgumentException("not a platformer tile: '" + cells.charAt(i) + "'");
                }
                packed[i / 16] |= (long) t << (4 * (i % 16));
            }
            return packed;
        }

        /** Cells in which the segment differs from the nearest reference window. */
        int minHamming(String text) {
            long[] a = pack(text);
            int min = Integer.MAX_VALUE;
            for (long[] b : windows) {
                int d = 0;
                for (int i = 0; i < a.length && d < min; i++) {
                    long x = a[i] ^ b[i];
                    d += Long.bitCount((x | x >>> 1 | x >>> 2 | x >>> 3) & LOW_BITS);
                }
                min = Math.min(min, d);
            }
            return min;
        }
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
        o.put("method", archive.method());
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
