package dev.levelgym.cli;

import dev.levelgym.envs.dungeon.level.Level;
import dev.levelgym.envs.dungeon.level.Tile;
import dev.levelgym.generators.DungeonCorpus;
import dev.levelgym.generators.LevelGenerator;
import dev.levelgym.generators.LevelGenerators;
import dev.levelgym.generators.LevelMetrics;
import dev.levelgym.generators.LevelRepair;
import dev.levelgym.generators.export.TiledExport;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.generators.gan.GanGenerator;
import dev.levelgym.generators.gan.GanModel;
import dev.levelgym.generators.gan.GanWorld;
import dev.levelgym.generators.gan.PlatformerGan;
import dev.levelgym.envs.platformer.level.PlatformerSolver;
import dev.levelgym.generators.search.LatentSearch;
import dev.levelgym.generators.search.PlatformerLatentSearch;
import dev.levelgym.generators.search.PlatformerSearchResult;
import dev.levelgym.generators.search.PlatformerTargets;
import dev.levelgym.generators.search.SearchResult;
import dev.levelgym.generators.search.SeedSearch;
import dev.levelgym.generators.search.Targets;
import dev.levelgym.spark.SparkEngine;
import dev.levelgym.spark.SparkLevelGeneration;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes generated Dungeon levels as level files ({@code <generator>-<seed>.txt}, the parser's format) and
 * optionally PNG previews and Tiled maps ({@code .tmx} over a shared tileset, see {@link TiledExport}). Every
 * file name is checked before anything is written: an existing file stops the command (nothing written) unless
 * {@code --force}; the shared tileset counts only if it differs from the one we would write.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate playable Dungeon levels into a folder (text files, optional PNG previews and Tiled maps).")
final class GenerateCommand implements Callable<Integer> {

    static final int PIXELS_PER_TILE = 16;

    @Spec
    private CommandSpec spec;

    @Option(names = "--generator", required = true,
            description = "Generator: ${COMPLETION-CANDIDATES}, or gan:MODEL_DIR (a model from gan train).",
            completionCandidates = Names.class)
    private String generator;

    @Option(names = "--count", defaultValue = "10", description = "Levels to write (default ${DEFAULT-VALUE}).")
    private int count;

    @Option(names = "--seed", defaultValue = "0",
            description = "First seed; level i uses seed + i and is named <generator>-<seed + i> (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--width", defaultValue = "13", description = "Level width (default ${DEFAULT-VALUE}).")
    private int width;

    @Option(names = "--height", defaultValue = "9", description = "Level height (default ${DEFAULT-VALUE}).")
    private int height;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder (created if missing); with --engine spark any Hadoop URI (file:, hdfs:, s3a: ...).")
    private String outArg;

    private Path out;

    @Option(names = "--repair",
            description = "Repair the generator's first unverified draft with the fewest tile edits instead of redrawing until playable.")
    private boolean repair;

    @Option(names = "--format", defaultValue = "txt", split = ",", paramLabel = "FORMAT",
            description = "txt, png and/or tmx (Tiled map), comma-separated (default ${DEFAULT-VALUE}).")
    private List<String> formats;

    @Option(names = "--force", description = "Overwrite existing files.")
    private boolean force;

    @Option(names = "--target", paramLabel = "SPEC",
            description = "Targets each level must meet, e.g. solutionLength=20..30,enemies=2..4,walls=0.3..0.5 "
                    + "(walls: share of the cells inside the border). gan: CMA-ES in latent space; other generators "
                    + "try successive seeds. Platformer GAN models: jumps, enemies, completion, e.g. "
                    + "jumps=4..8,completion=1.")
    private String target;

    @Option(names = "--segments", defaultValue = "8", paramLabel = "N",
            description = "Platformer GAN models only: 28-column segments stitched into each level "
                    + "(default ${DEFAULT-VALUE}, 224 columns).")
    private int segments;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = Engine.IN_PROCESS,
            description = "in-process (default) or spark: seeds split over Spark partitions, txt files written through "
                    + "Hadoop's FileSystem, and the metrics table of the set (as 'level evaluate') computed by Spark.")
    private String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "With --engine spark: the Spark master, e.g. local[*], "
            + "spark://host:7077, yarn (default: spark-submit's, else " + SparkEngine.DEFAULT_MASTER + ").")
    private String master;

    @Option(names = "--partitions", paramLabel = "P",
            description = "With --engine spark: Spark partitions, i.e. tasks (default: 4 per core of the master).")
    private Integer partitions;

    @Option(names = "--max-evaluations", defaultValue = "2000", paramLabel = "N",
            description = "Levels tried per level with --target before giving up (default ${DEFAULT-VALUE}).")
    private int maxEvaluations;

    static final class Names extends ArrayList<String> {
        Names() {
            super(LevelGenerators.names());
        }
    }

    @Override
    public Integer call() throws IOException {
        if (count < 1) {
            throw new IllegalArgumentException("--count must be at least 1, got " + count);
        }
        Set<String> fmt = new LinkedHashSet<>();
        for (String f : formats) {
            String s = f.strip().toLowerCase(java.util.Locale.ROOT);
            if (!s.equals("txt") && !s.equals("png") && !s.equals("tmx")) {
                throw new IllegalArgumentException("--format: unknown format '" + f + "'; use txt, png and/or tmx");
            }
            fmt.add(s);
        }
        if (target != null && maxEvaluations < 1) {
            throw new IllegalArgumentException("--max-evaluations must be at least 1, got " + maxEvaluations);
        }
        if (generator.startsWith(GanGenerator.PREFIX)) {
            Path modelDir = Path.of(generator.substring(GanGenerator.PREFIX.length()));
            if (GanWorld.PLATFORMER.names(GanModel.manifest(modelDir).world())) {
                if (Engine.isSpark(engine, master)) {
                    throw new IllegalArgumentException("--engine spark generates Dungeon levels; platformer GAN "
                            + "models run in-process");
                }
                out = Path.of(outArg);
                return writePlatformer(modelDir, fmt, target == null ? null : targets(PlatformerTargets::parse));
            }
        }
        if (Engine.isSpark(engine, master)) {
            return callOnSpark(fmt);
        }
        if (partitions != null) {
            throw new IllegalArgumentException("--partitions needs --engine spark");
        }
        out = Path.of(outArg);
        Targets targets = target == null ? null : targets(Targets::parse);
        LevelGenerator g = LevelGenerators.create(generator, width, height);
        try {
            return write(g, fmt, targets);
        } finally {
            if (g instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private int callOnSpark(Set<String> fmt) {
        if (!fmt.equals(Set.of("txt"))) {
            throw new IllegalArgumentException("--format: --engine spark writes txt level files only");
        }
        if (target != null) {
            throw new IllegalArgumentException("--target works with --engine in-process only");
        }
        if (partitions != null && partitions < 1) {
            throw new IllegalArgumentException("--partitions must be at least 1, got " + partitions);
        }
        long started = System.nanoTime();
        SparkLevelGeneration.Result r;
        String where;
        try (SparkEngine spark = SparkEngine.start(master, "levelgym generate " + generator)) {
            int p = partitions != null ? partitions : 4 * spark.parallelism();
            r = SparkLevelGeneration.run(spark, new SparkLevelGeneration.Job(generator, width, height, seed, count,
                    repair, outArg, force, p));
            where = spark.master() + ", " + Math.min(p, count) + " partitions";
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        PrintWriter o = spec.commandLine().getOut();
        o.printf("wrote %d %s level(s) (%dx%d, seeds %d..%d) as txt to %s in %.2f s on Spark (%s)%s%n", r.count(),
                r.generatorName(), width, height, seed, seed + count - 1, outArg, seconds, where,
                repair ? String.format("; repair edits: %d total, %.2f per level", r.repairEdits(),
                        (double) r.repairEdits() / count) : "");
        o.printf("levels: %s (%d), reference: bundled corpus (%d)%n", outArg, r.metrics().count(),
                DungeonCorpus.levels().size());
        LevelEvaluateCommand.printTable(o, r.metrics());
        return 0;
    }

    private int write(LevelGenerator g, Set<String> fmt, Targets targets) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            for (String f : fmt) {
                files.add(out.resolve(g.name() + "-" + (seed + i) + "." + f));
            }
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out: not a directory: " + out);
        }
        if (!force) {
            for (Path p : files) {
                if (Files.exists(p)) {
                    throw new IllegalArgumentException("refusing to overwrite " + p
                            + " (it exists); pass --force to overwrite");
                }
            }
            List<Path> tileset = fmt.contains("tmx") ? TiledExport.conflictingTilesetFiles(out) : List.of();
            if (!tileset.isEmpty()) {
                throw new IllegalArgumentException("refusing to overwrite " + tileset.get(0)
                        + " (it differs from the Dungeon tileset); pass --force to overwrite");
            }
        }
        Files.createDirectories(out);
        if (fmt.contains("tmx")) {
            TiledExport.writeTileset(out);
        }
        PrintWriter o = spec.commandLine().getOut();
        long edits = 0;
        long started = System.nanoTime();
        List<Integer> evaluations = new ArrayList<>();
        int met = 0;
        LatentSearch latentSearch = targets != null && g instanceof GanGenerator gan
                ? new LatentSearch(gan, targets, maxEvaluations) : null;
        for (int i = 0; i < count; i++) {
            long s = seed + i;
            String name = g.name() + "-" + s;
            Level level;
            if (targets != null) {
                SearchResult r = latentSearch != null ? latentSearch.search(s)
                        : SeedSearch.search(g, targets, s, maxEvaluations);
                level = r.level();
                edits += r.repairEdits();
                evaluations.add(r.evaluations());
                met += r.met() ? 1 : 0;
                o.printf("%s: %s after %d evaluation(s): %s%n", name, r.met() ? "meets the targets" : "TARGETS NOT MET",
                        r.evaluations(), Targets.describe(r.measures()));
            } else if (repair) {
                LevelRepair.Result r = LevelRepair.repair(g.draft(s), name);
                level = r.level();
                edits += r.edits().size();
            } else {
                level = g.generate(s);
            }
            if (fmt.contains("txt")) {
                Files.writeString(out.resolve(name + ".txt"), level.toText(), StandardCharsets.UTF_8);
            }
            if (fmt.contains("png")) {
                ImageIO.write(image(level), "png", out.resolve(name + ".png").toFile());
            }
            if (fmt.contains("tmx")) {
                TiledExport.writeMap(out.resolve(name + ".tmx"), level);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        o.printf("wrote %d %s level(s) (%dx%d, seeds %d..%d) as %s to %s in %.2f s%s%n", count, g.name(), width,
                height, seed, seed + count - 1, String.join(",", fmt), out, seconds,
                repair ? String.format("; repair edits: %d total, %.2f per level", edits, (double) edits / count) : "");
        if (targets != null) {
            o.printf("targets %s: %d of %d level(s) met them; evaluations per level: median %.1f, mean %.1f, max %d "
                            + "(%s)%n", targets, met, count, LevelMetrics.median(evaluations),
                    evaluations.stream().mapToInt(Integer::intValue).average().orElse(0),
                    evaluations.stream().mapToInt(Integer::intValue).max().orElse(0),
                    latentSearch != null ? "CMA-ES in the GAN's latent space" : "successive seeds s, s+2^32, ...");
        }
        return met == count || targets == null ? 0 : 1;
    }

    private <T> T targets(java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(target);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--target: " + e.getMessage());
        }
    }

    /**
     * Stitched levels of a platformer GAN as VGLC text and previews: solver-checked joins
     * ({@link PlatformerGan#level}), or with targets a {@link PlatformerLatentSearch} per level.
     */
    private int writePlatformer(Path modelDir, Set<String> fmt, PlatformerTargets targets) throws IOException {
        if (segments < 1) {
            throw new IllegalArgumentException("--segments must be at least 1, got " + segments);
        }
        if (repair || fmt.contains("tmx")) {
            throw new IllegalArgumentException("--repair and --format tmx are for Dungeon generators; "
                    + modelDir + " is a platformer GAN");
        }
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            for (String f : fmt) {
                files.add(out.resolve(PlatformerGan.NAME + "-" + (seed + i) + "." + f));
            }
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out: not a directory: " + out);
        }
        if (!force) {
            for (Path p : files) {
                if (Files.exists(p)) {
                    throw new IllegalArgumentException("refusing to overwrite " + p
                            + " (it exists); pass --force to overwrite");
                }
            }
        }
        Files.createDirectories(out);
        PrintWriter o = spec.commandLine().getOut();
        long started = System.nanoTime();
        int completable = 0;
        long redraws = 0;
        int met = 0;
        PlatformerSolver solver = new PlatformerSolver();
        try (PlatformerGan gan = PlatformerGan.load(modelDir)) {
            PlatformerLatentSearch search = targets == null ? null
                    : new PlatformerLatentSearch(gan, targets, segments, maxEvaluations);
            for (int i = 0; i < count; i++) {
                long s = seed + i;
                String name = PlatformerGan.NAME + "-" + s;
                PlatformerLevel level;
                if (search != null) {
                    PlatformerSearchResult r = search.search(s);
                    level = r.level();
                    met += r.met() ? 1 : 0;
                    o.printf("%s: %s after %d evaluation(s): %s%n", name, r.met() ? "meets the targets"
                            : "TARGETS NOT MET", r.evaluations(), PlatformerTargets.describe(r.measures()));
                } else {
                    PlatformerGan.Stitched stitched = gan.level(s, segments);
                    level = stitched.level();
                    redraws += stitched.redraws();
                }
                completable += solver.solve(level).completable() ? 1 : 0;
                if (fmt.contains("txt")) {
                    Files.writeString(out.resolve(name + ".txt"), level.toText(), StandardCharsets.UTF_8);
                }
                if (fmt.contains("png")) {
                    ImageIO.write(platformerImage(level.toText()), "png", out.resolve(name + ".png").toFile());
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        o.printf("wrote %d %s platformer level(s) (%d segments, %dx%d, seeds %d..%d) as %s to %s in %.2f s; "
                        + "completable: %d of %d; %s%n", count,
                PlatformerGan.NAME, segments, segments * PlatformerGan.SEGMENT_WIDTH, PlatformerLevel.HEIGHT, seed,
                seed + count - 1, String.join(",", fmt), out, seconds, completable, count,
                targets == null ? "segment redraws at the joins: " + redraws + " total"
                        : "targets " + targets + " met by " + met + " (CMA-ES in the GAN's latent space)");
        return targets == null || met == count ? 0 : 1;
    }

    /** A platformer preview: one flat colour square per tile. */
    static BufferedImage platformerImage(String text) {
        return SampleGrid.image(List.of(text), 1, GanWorld.PLATFORMER);
    }

    /** The preview colour of a platformer file character. */
    static int platformerColour(char c) {
        return switch (c) {
            case 'X' -> 0x8b4513;
            case 'S' -> 0xb5651d;
            case '?' -> 0xffc83c;
            case 'Q' -> 0x9c7a3c;
            case '<', '>', '[', ']' -> 0x2eaa3c;
            case 'o' -> 0xffe066;
            case 'B', 'b' -> 0x303030;
            case 'E' -> 0xd03c3c;
            default -> 0x6b8cff;
        };
    }

    /** A preview: one flat colour square per tile. */
    static BufferedImage image(Level level) {
        int p = PIXELS_PER_TILE;
        BufferedImage img = new BufferedImage(level.width() * p, level.height() * p, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < level.height(); y++) {
            for (int x = 0; x < level.width(); x++) {
                int rgb = colour(level.tile(x, y));
                for (int dy = 0; dy < p; dy++) {
                    for (int dx = 0; dx < p; dx++) {
                        boolean edge = dx == 0 || dy == 0;
                        img.setRGB(x * p + dx, y * p + dy, edge ? darker(rgb) : rgb);
                    }
                }
            }
        }
        return img;
    }

    static int colour(Tile t) {
        return switch (t) {
            case WALL -> 0x5a4632;
            case FLOOR -> 0xd8cfa8;
            case AVATAR -> 0x2f6fdf;
            case KEY -> 0xf2c230;
            case DOOR -> 0x2e9e4a;
            case ENEMY_QUICK -> 0xd62828;
            case ENEMY_NORMAL -> 0xb5179e;
            case ENEMY_SLOW -> 0xf77f00;
        };
    }

    private static int darker(int rgb) {
        return ((rgb >> 1) & 0x7f7f7f);
    }
}
