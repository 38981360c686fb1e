package dev.levelgym.cli;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.grid.TileGrid;
import dev.levelgym.envs.io.AtomicFiles;
import dev.levelgym.generators.DungeonCorpus;
import dev.levelgym.generators.GenerationReport;
import dev.levelgym.generators.GeneratorSettings;
import dev.levelgym.generators.Generators;
import dev.levelgym.generators.LevelGenerator;
import dev.levelgym.generators.LevelMetrics;
import dev.levelgym.generators.TileWorld;
import dev.levelgym.generators.export.LevelPreviews;
import dev.levelgym.generators.search.SearchResult;
import dev.levelgym.generators.search.TargetSearch;
import dev.levelgym.generators.search.Targets;
import dev.levelgym.generators.vae.VaeGenerator;
import dev.levelgym.generators.vae.VaeModel;
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
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes generated levels as level files ({@code <generator>-<seed>.txt}, the parser's format) and optionally PNG
 * previews and, where the world has a tileset, Tiled maps ({@code .tmx}, see
 * {@link dev.levelgym.generators.export.TiledExport}). The generator is any installed one ({@link Generators}), of
 * either world; what differs between worlds (formats, repair, targets, the report) comes from its
 * {@link TileWorld}, and what differs between generators (a latent space to search, a size) from the generator.
 * Every file name is checked before anything is written: an existing file stops the command (nothing written)
 * unless {@code --force}; shared files (a tileset) count only if they differ from the ones we would write.
 * {@code --resume} continues a run that stopped: seeds are made in order and each file is written atomically, so
 * the seeds from the first on whose files are all there are finished and kept, and the rest are made again (each
 * seed's level depends on its seed alone, so the folder ends as an uninterrupted run leaves it).
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate playable Dungeon levels into a folder (text files, optional PNG previews and Tiled maps).")
final class GenerateCommand implements Callable<Integer> {

    static final int PIXELS_PER_TILE = LevelPreviews.PIXELS_PER_TILE;

    @Spec
    private CommandSpec spec;

    @Option(names = "--generator", required = true,
            description = "Generator: ${COMPLETION-CANDIDATES} (MODEL_DIR: a model from gan train or vae train).",
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

    @Option(names = "--raw",
            description = "Write each level exactly as the generator decodes it: no solver, no repair, no redraw "
                    + "(a Dungeon GAN's one-each decoding, a platformer GAN's plain stitch, rooms' and caves' first "
                    + "layout), so 'level evaluate' measures the generator's own playability. Not with --repair or "
                    + "--target.")
    private boolean raw;

    @Option(names = "--format", defaultValue = "txt", split = ",", paramLabel = "FORMAT",
            description = "txt, png and/or tmx (Tiled map), comma-separated (default ${DEFAULT-VALUE}).")
    private List<String> formats;

    @Option(names = "--force", description = "Overwrite existing files.")
    private boolean force;

    @Option(names = "--resume",
            description = "Continue a run that stopped (same flags): keep the levels whose files are all written, "
                    + "remove the temporaries a killed write left, and write the rest.")
    private boolean resume;

    @Option(names = "--target", paramLabel = "SPEC",
            description = "Targets each level must meet, e.g. solutionLength=20..30,enemies=2..4,walls=0.3..0.5 "
                    + "(walls: share of the cells inside the border). gan and vae: CMA-ES in latent space (with "
                    + "--like: in the noise around the level's latent); other generators try successive seeds. "
                    + "Platformer models: jumps, enemies, completion, e.g. jumps=4..8,completion=1.")
    private String target;

    @Option(names = "--segments", defaultValue = "" + GeneratorSettings.DEFAULT_SEGMENTS, paramLabel = "N",
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

    @Option(names = "--like", paramLabel = "FILE",
            description = "VAE models only (vae:MODEL_DIR): levels near this level file, its latent plus --spread "
                    + "times noise (level i uses seed + i).")
    private Path like;

    @Option(names = "--spread", defaultValue = "0.5", paramLabel = "S",
            description = "With --like: how far from the level to sample; 0 is its reconstruction (default "
                    + "${DEFAULT-VALUE}).")
    private double spread;

    @Option(names = "--refine", defaultValue = "" + VaeModel.DEFAULT_REFINE_STEPS, paramLabel = "N",
            description = "With --like or --between: refine each level's latent by N gradient steps on its "
                    + "reconstruction, so it decodes closer to the level; 0 takes the encoder's mean as it is "
                    + "(docs/vae.md). Default ${DEFAULT-VALUE}.")
    private int refine;

    @Option(names = "--between", arity = "2", paramLabel = "FILE",
            description = "VAE models only: --steps levels on the line in latent space from the first level file to "
                    + "the second, both included, named vae-between-0..K-1 (--count and --seed do not apply).")
    private List<Path> between;

    @Option(names = "--steps", defaultValue = "5", paramLabel = "K",
            description = "With --between: levels along the way, both ends included (default ${DEFAULT-VALUE}).")
    private int steps;

    /** The installed generators, for help and completion. */
    static final class Names extends ArrayList<String> {
        Names() {
            super(Generators.installed().usages());
        }
    }

    @Override
    public Integer call() throws IOException {
        if (count < 1) {
            throw new UserInputException("--count must be at least 1, got " + count);
        }
        Set<String> fmt = new LinkedHashSet<>();
        for (String f : formats) {
            String s = f.strip().toLowerCase(java.util.Locale.ROOT);
            if (!s.equals(TileWorld.TXT) && !s.equals(TileWorld.PNG) && !s.equals(TileWorld.TMX)) {
                throw new UserInputException("--format: unknown format '" + f + "'; use txt, png and/or tmx");
            }
            fmt.add(s);
        }
        Seeds.requireRange(seed, count, "--count " + count);
        if (resume && force) {
            throw new UserInputException("--resume keeps the levels already written and --force overwrites them; "
                    + "pass one of them");
        }
        if (raw && (repair || target != null)) {
            throw new UserInputException("--raw writes the drafts as decoded; " + (repair ? "--repair" : "--target")
                    + " changes them: use --raw or " + (repair ? "--repair" : "--target") + ", not both");
        }
        if (target != null && maxEvaluations < 1) {
            throw new UserInputException("--max-evaluations must be at least 1, got " + maxEvaluations);
        }
        var parse = spec.commandLine().getParseResult();
        if (like == null && parse.hasMatchedOption("--spread")) {
            throw new UserInputException("--spread applies to --like only");
        }
        if (like == null && between == null && parse.hasMatchedOption("--refine")) {
            throw new UserInputException("--refine applies to --like and --between only");
        }
        if (between == null && parse.hasMatchedOption("--steps")) {
            throw new UserInputException("--steps applies to --between only");
        }
        if ((like != null || between != null) && Engine.isSpark(engine, master)) {
            throw new UserInputException((like != null ? "--like" : "--between") + " works with --engine "
                    + Engine.IN_PROCESS + " only");
        }
        Generators generators = Generators.installed();
        GeneratorSettings settings = new GeneratorSettings(OptionalInt.of(width), OptionalInt.of(height), segments);
        if (Engine.isSpark(engine, master)) {
            return callOnSpark(generators, fmt);
        }
        if (partitions != null) {
            throw new UserInputException("--partitions needs --engine spark");
        }
        out = Path.of(outArg);
        try (LevelGenerator<?> g = Flags.naming(() -> generators.create(generator, settings))) {
            if (like != null || between != null) {
                return writeFromLevels(g, fmt);
            }
            return write(g, fmt);
        }
    }

    /**
     * {@code --like} and {@code --between}: a VAE's levels at latents of given level files, written as any
     * generator's are.
     */
    private int writeFromLevels(LevelGenerator<?> g, Set<String> fmt) throws IOException {
        String flag = like != null ? "--like" : "--between";
        if (like != null && between != null) {
            throw new UserInputException("--like and --between: give one of them");
        }
        if (!(g instanceof VaeGenerator<?> vae)) {
            throw new UserInputException(flag + " takes a level in, which needs a VAE generator (vae:MODEL_DIR, "
                    + "from vae train); " + g.describe());
        }
        if (target != null && between != null) {
            throw new UserInputException("--target and --between: the points of --between are fixed; search around "
                    + "a level with --like FILE --target SPEC");
        }
        if (target != null && spread == 0) {
            throw new UserInputException("--target with --spread 0 has one level to offer (the reconstruction); give "
                    + "a spread above 0 to search the level's variations");
        }
        if (between != null) {
            var parse = spec.commandLine().getParseResult();
            for (String f : new String[] {"--count", "--seed"}) {
                if (parse.hasMatchedOption(f)) {
                    throw new UserInputException(f + " does not apply to --between, which writes --steps levels");
                }
            }
            count = steps;
            seed = 0;
        }
        return write(vae, fmt);
    }

    /** The generator {@code --like} or {@code --between} asks of {@code vae}. */
    private <L extends TileGrid> int write(VaeGenerator<L> vae, Set<String> fmt) throws IOException {
        LevelGenerator<L> walk = like != null ? vae.around(like, spread, refine)
                : vae.between(between.get(0), between.get(1), steps, refine);
        return write(walk, fmt);
    }

    private int callOnSpark(Generators generators, Set<String> fmt) {
        TileWorld<?> world = generators.world(generator);
        if (world != TileWorld.DUNGEON) {
            throw new UserInputException("--engine spark generates " + TileWorld.DUNGEON.envId() + " levels; "
                    + generator + " makes " + world.envId() + " ones: run it with --engine " + Engine.IN_PROCESS);
        }
        if (!fmt.equals(Set.of(TileWorld.TXT))) {
            throw new UserInputException("--format: --engine spark writes txt level files only");
        }
        if (target != null || raw) {
            throw new UserInputException((raw ? "--raw" : "--target") + " works with --engine in-process only");
        }
        if (resume) {
            throw new UserInputException("--resume works with --engine in-process only");
        }
        if (partitions != null && partitions < 1) {
            throw new UserInputException("--partitions must be at least 1, got " + partitions);
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
        LevelEvaluateCommand.printTable(o, r.metrics(), LevelMetrics.splitHalf(DungeonCorpus.levels()));
        return 0;
    }

    /** Checks the request against the generator's world and the folder, then writes the levels. */
    private <L extends TileGrid> int write(LevelGenerator<L> g, Set<String> fmt) throws IOException {
        TileWorld<L> world = g.world();
        refuseWhatTheWorldCannot(world, g, fmt);
        Targets<L, ?> targets = target == null ? null : targets(world);
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserInputException("--out: not a directory: " + out);
        }
        List<Path> files = new ArrayList<>();
        int finished = 0;
        for (int i = 0; i < count; i++) {
            boolean all = true;
            for (String f : fmt) {
                Path p = out.resolve(g.name() + "-" + (seed + i) + "." + f);
                files.add(p);
                all &= Files.isRegularFile(p);
            }
            if (resume && all && finished == i) {
                finished++;
            }
        }
        if (resume) {
            AtomicFiles.removeLeftovers(out);
        } else if (!force) {
            for (Path p : files) {
                if (Files.exists(p)) {
                    throw new UserInputException("refusing to overwrite " + p
                            + " (it exists); pass --force to overwrite");
                }
            }
        }
        if (!force) {
            List<Path> shared = world.conflictingSharedFiles(out, fmt);
            if (!shared.isEmpty()) {
                throw new UserInputException("refusing to overwrite " + shared.get(0) + " (it differs from "
                        + world.sharedFiles() + "); pass --force to overwrite");
            }
        }
        Files.createDirectories(out);
        world.writeSharedFiles(out, fmt);
        if (finished > 0) {
            spec.commandLine().getOut().printf("--resume: keeping %d of %d level(s) an earlier run wrote (seeds "
                    + "%d..%d); the summary below covers the rest%n", finished, count, seed, seed + finished - 1);
        }
        if (finished == count) {
            return 0;
        }
        if (raw) {
            return writeRaw(g, fmt, finished);
        }
        return targets == null ? run(g, null, fmt, finished) : run(g, targets, fmt, finished);
    }

    /**
     * Writes each seed's {@link LevelGenerator#raw raw} draft: its text byte for byte, its picture, and a Tiled map
     * where the draft is a well-formed level (a map needs one). Nothing here runs a solver.
     */
    private <L extends TileGrid> int writeRaw(LevelGenerator<L> g, Set<String> fmt, int finished)
            throws IOException {
        TileWorld<L> world = g.world();
        int malformed = 0;
        String firstProblem = null;
        long started = System.nanoTime();
        for (int i = finished; i < count; i++) {
            String name = g.name() + "-" + (seed + i);
            String text = g.raw(seed + i);
            L level;
            try {
                level = world.parse(text, name);
            } catch (UserInputException e) {
                level = null;
                malformed++;
                firstProblem = firstProblem == null ? e.getMessage() : firstProblem;
            }
            for (String f : fmt) {
                Path file = out.resolve(name + "." + f);
                if (f.equals(TileWorld.TXT)) {
                    AtomicFiles.writeUnsynced(file, text.getBytes(StandardCharsets.UTF_8));
                } else if (level != null) {
                    world.write(level, f, file);
                } else if (f.equals(TileWorld.PNG)) {
                    BufferedImage picture = LevelPreviews.grid(List.of(text), 1, world.previewColours());
                    AtomicFiles.write(file, png -> ImageIO.write(picture, "png", png));
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        PrintWriter o = spec.commandLine().getOut();
        o.printf("wrote %d raw %s draft(s) (%s, seeds %d..%d) as %s to %s in %.2f s: as decoded, no solver, no "
                        + "repair, no redraw%n", count - finished, g.name(), g.size(), seed + finished,
                seed + count - 1,
                String.join(",", fmt), out, seconds);
        if (malformed > 0) {
            o.printf("%d of them are not well-formed levels (e.g. %s)%s; level evaluate refuses such files%n",
                    malformed, firstProblem, fmt.contains(TileWorld.TMX) ? ", written without a Tiled map" : "");
        }
        o.printf("measure them: levelgym level evaluate --env %s --levels %s%n", world.envId(), out);
        return 0;
    }

    /**
     * Makes and writes each seed's level: by a target search ({@link TargetSearch#of}: in the generator's latent
     * space if it has one), by repairing the generator's draft, or as the generator makes it.
     */
    private <L extends TileGrid, M extends Enum<M> & Targets.Measure> int run(LevelGenerator<L> g,
                                                                             Targets<L, M> targets, Set<String> fmt,
                                                                             int finished) throws IOException {
        TileWorld<L> world = g.world();
        TargetSearch<L, M> search = targets == null ? null : TargetSearch.of(g, targets, maxEvaluations);
        GenerationReport<L> report = world.report(new GenerationReport.Run(g.name(), g.size(), count - finished,
                seed + finished,
                String.join(",", fmt), out.toString(), repair, Optional.ofNullable(targets).map(Object::toString),
                search == null ? "" : search.describe(), g.redrawsLabel()));
        PrintWriter o = spec.commandLine().getOut();
        long started = System.nanoTime();
        for (int i = finished; i < count; i++) {
            long s = seed + i;
            String name = g.name() + "-" + s;
            LevelGenerator.Generated<L> made;
            if (search != null) {
                SearchResult<L, M> r = search.search(s);
                made = new LevelGenerator.Generated<>(r.level(), r.repairEdits(), 0);
                report.searched(r);
                o.printf("%s: %s after %d evaluation(s): %s%n", name, r.met() ? "meets the targets"
                        : "TARGETS NOT MET", r.evaluations(), Targets.describe(r.measures()));
            } else if (repair) {
                made = world.repair(g.draft(s), name);
            } else {
                made = g.make(s);
            }
            report.add(made);
            for (String f : fmt) {
                world.write(made.level(), f, out.resolve(name + "." + f));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        for (String line : report.summary(seconds)) {
            o.println(line);
        }
        return report.targetsMet() ? 0 : 1;
    }

    private <L extends TileGrid> Targets<L, ?> targets(TileWorld<L> world) {
        try {
            return world.targets(target);
        } catch (UserInputException e) {
            throw new UserInputException("--target: " + e.getMessage());
        }
    }

    /**
     * Refuses {@code --repair} and formats the generator's world has not (the platformer has no repair and no
     * tileset), naming what does, e.g. {@code --repair and --format tmx are for Dungeon generators; DIR is a
     * platformer GAN}.
     */
    private void refuseWhatTheWorldCannot(TileWorld<?> world, LevelGenerator<?> g, Set<String> fmt) {
        if ((!repair || world.repairs()) && world.formats().containsAll(fmt)) {
            return;
        }
        List<String> lackingFormats = List.of(TileWorld.TXT, TileWorld.PNG, TileWorld.TMX).stream()
                .filter(f -> !world.formats().contains(f)).toList();
        List<String> lacking = new ArrayList<>();
        if (!world.repairs()) {
            lacking.add("--repair");
        }
        lackingFormats.forEach(f -> lacking.add("--format " + f));
        List<String> others = TileWorld.all().stream()
                .filter(w -> (world.repairs() || w.repairs()) && w.formats().containsAll(lackingFormats))
                .map(TileWorld::title).toList();
        throw new UserInputException(String.join(" and ", lacking) + " are for " + String.join(" and ", others)
                + " generators; " + g.describe());
    }
}
