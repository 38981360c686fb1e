package dev.levelgym.spark;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.generators.DungeonCorpus;
import dev.levelgym.generators.GeneratorKind;
import dev.levelgym.generators.GeneratorSettings;
import dev.levelgym.generators.Generators;
import dev.levelgym.generators.LevelGenerator;
import dev.levelgym.generators.LevelMetrics;
import dev.levelgym.generators.TileWorld;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;

/**
 * Bulk level generation on Spark: the seeds {@code firstSeed .. firstSeed + count - 1} are cut into contiguous
 * ranges, one per partition; each task makes its levels exactly as the in-process {@code generate} does (level of
 * seed s named {@code <generator>-<s>}, drawn with {@code generate(s)}, or repaired from {@code draft(s)}), writes
 * them as {@code <name>.txt} through Hadoop's FileSystem API (any Hadoop-supported URI: {@code file:},
 * {@code hdfs:}, {@code s3a:} ...), and tallies their metrics against the bundled corpus; the tallies are summed
 * (see {@link LevelSetTally}) and the distinct layouts counted by Spark. Same seed range, same files and the same
 * metrics table as {@code LevelMetrics.evaluate} over them, for any partitioning.
 *
 * <p>Nothing is overwritten without {@code force}: the driver refuses before any task runs if a level file exists.
 * Each file is written to a hidden partial file and renamed into place, so a task killed mid-write (a lost executor)
 * leaves no half-written level. A retried task finds its own files from the failed attempt; since generation is
 * deterministic it accepts a file whose content is the one it would write, and refuses any other.
 *
 * <p>The generator is looked up by its spec in {@link Generators#installed()}, on the driver and on each executor
 * alike, and must make Dungeon levels. A kind whose argument is a local path ({@code gan:MODEL_DIR}) has it shipped
 * with the job ({@link JavaSparkContext#addFile(String, boolean)}): each executor loads its own copy, so the path
 * need only be readable by the driver.
 */
public final class SparkLevelGeneration {

    /**
     * What to generate.
     *
     * @param generator  a generator spec, e.g. {@code rooms} or {@code gan:MODEL_DIR}
     * @param out        output directory URI (or a local path)
     * @param partitions Spark partitions (tasks); at most {@code count} are used
     */
    public record Job(String generator, int width, int height, long firstSeed, int count, boolean repair,
                      String out, boolean force, int partitions) implements Serializable {

        public Job {
            if (count < 1) {
                throw new UserInputException("--count must be at least 1, got " + count);
            }
            if (partitions < 1) {
                throw new UserInputException("--partitions must be at least 1, got " + partitions);
            }
        }

        int tasks() {
            return Math.min(partitions, count);
        }

        /** The first seed of partition {@code p}; {@code firstSeed(tasks())} is one past the last seed. */
        long firstSeed(int p) {
            return firstSeed + (long) count * p / tasks();
        }
    }

    /**
     * What was written.
     *
     * @param generatorName the generator's name, the prefix of the file names
     * @param repairEdits   tile edits made by repair over all levels (0 without repair)
     * @param metrics       the set's metrics against the bundled corpus, as {@code LevelMetrics.evaluate}
     */
    public record Result(String generatorName, int count, long repairEdits, LevelMetrics.Report metrics) {
    }

    /** One generated level as it travels between stages. */
    record Generated(long seed, String id, String text, int width, int repairEdits) implements Serializable {
    }

    private SparkLevelGeneration() {
    }

    /**
     * Runs the job.
     *
     * @throws UserInputException for an unknown generator or bad model, {@code out} being a file, or (without
     *                                  force) an existing level file, naming it
     */
    public static Result run(SparkEngine engine, Job job) {
        JavaSparkContext sc = engine.context();
        String name;
        try (LevelGenerator<DungeonLevel> probe = create(job, job.generator())) {
            name = probe.name();
        }
        String outUri;
        try {
            FileSystem fs = new Path(job.out()).getFileSystem(sc.hadoopConfiguration());
            // Qualified here, so that a relative --out means the same folder to every executor as to the driver.
            Path out = fs.makeQualified(new Path(job.out()));
            prepare(fs, out, job, name);
            outUri = out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("--out " + job.out() + ": " + e.getMessage(), e);
        }
        String generatorOnExecutors = job.generator();
        GeneratorKind kind = Generators.installed().kind(job.generator());
        if (kind.argument().map(GeneratorKind.Argument::path).orElse(false)) {
            java.nio.file.Path shipped = java.nio.file.Path.of(Generators.argument(job.generator()))
                    .toAbsolutePath().normalize();
            sc.addFile(shipped.toUri().toString(), true);
            generatorOnExecutors = kind.name() + ":" + SHIPPED + shipped.getFileName();
        }
        String generator = generatorOnExecutors;
        JavaRDD<Generated> levels = sc.parallelize(IntStream.range(0, job.tasks()).boxed().toList(), job.tasks())
                .mapPartitions(parts -> generatePartition(job, outUri, generator, name, parts))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            LevelSetTally tally = levels.mapPartitions(SparkLevelGeneration::tally).reduce(LevelSetTally::merge);
            long distinct = levels.map(l -> l.width() + ":" + l.text()).distinct().count();
            long edits = levels.map(l -> (long) l.repairEdits()).reduce(Long::sum);
            return new Result(name, (int) tally.count(), edits,
                    tally.report(distinct, new LevelSetTally.Reference(DungeonCorpus.levels())));
        } finally {
            levels.unpersist(false);
        }
    }

    /** Marks a generator path to resolve with {@link SparkFiles#get} on the executor. */
    private static final String SHIPPED = "spark-files:";

    /** The Dungeon generator {@code spec} at the job's size. */
    private static LevelGenerator<DungeonLevel> create(Job job, String spec) {
        return Generators.installed().create(spec, TileWorld.DUNGEON, GeneratorSettings.ofSize(job.width(),
                job.height()));
    }

    private static void prepare(FileSystem fs, Path out, Job job, String name) throws IOException {
        if (fs.exists(out)) {
            if (!fs.getFileStatus(out).isDirectory()) {
                throw new UserInputException("--out: not a directory: " + out);
            }
            if (!job.force()) {
                Set<String> existing = new HashSet<>();
                for (FileStatus f : fs.listStatus(out)) {
                    existing.add(f.getPath().getName());
                }
                for (int i = 0; i < job.count(); i++) {
                    String file = fileName(name, job.firstSeed() + i);
                    if (existing.contains(file)) {
                        throw new UserInputException("refusing to overwrite " + new Path(out, file)
                                + " (it exists); pass --force to overwrite");
                    }
                }
            }
        }
        fs.mkdirs(out);
    }

    static String fileName(String generatorName, long seed) {
        return generatorName + "-" + seed + ".txt";
    }

    private static Iterator<Generated> generatePartition(Job job, String outUri, String generator, String name,
                                                         Iterator<Integer> parts) throws IOException {
        ExecutorDefaults.apply();
        String argument = Generators.argument(generator);
        String spec = argument != null && argument.startsWith(SHIPPED) ? generator.substring(0,
                generator.indexOf(':') + 1) + SparkFiles.get(argument.substring(SHIPPED.length())) : generator;
        List<Generated> made = new ArrayList<>();
        Path out = new Path(outUri);
        FileSystem fs = out.getFileSystem(new Configuration());
        try (LevelGenerator<DungeonLevel> g = create(job, spec)) {
            while (parts.hasNext()) {
                int p = parts.next();
                for (long s = job.firstSeed(p); s < job.firstSeed(p + 1); s++) {
                    String id = name + "-" + s;
                    DungeonLevel level;
                    int edits = 0;
                    if (job.repair()) {
                        LevelGenerator.Generated<DungeonLevel> r = TileWorld.DUNGEON.repair(g.draft(s), id);
                        level = r.level();
                        edits = r.repairEdits();
                    } else {
                        level = g.generate(s);
                    }
                    String text = level.toText();
                    write(fs, new Path(out, fileName(name, s)), text, job.force());
                    made.add(new Generated(s, id, text, level.width(), edits));
                }
            }
        }
        return made.iterator();
    }

    /**
     * Writes one level file atomically: the bytes go to a hidden partial file (Hadoop's and Spark's readers skip names
     * starting with "."), which is then renamed into place, so an executor killed mid-write leaves no half-written
     * level, only a partial file that the retried task overwrites. The partial name is fixed per level so that a retry
     * reuses it rather than leaving one behind. Without {@code force} an existing level is kept if its bytes are the
     * ones this task would write (a retry of a task whose attempt was lost after the rename) and refused otherwise.
     */
    private static void write(FileSystem fs, Path file, String text, boolean force) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path partial = new Path(file.getParent(), "." + file.getName() + ".partial");
        if ("file".equals(fs.getScheme())) {
            // Hadoop's local filesystem forks a chmod process for every file it creates unless the native
            // libhadoop is installed (3 ms a file here); plain NIO writes the same file.
            java.nio.file.Path local = java.nio.file.Path.of(file.toUri());
            if (!force && java.nio.file.Files.exists(local)) {
                requireSame(file, java.nio.file.Files.readAllBytes(local), bytes);
                return;
            }
            java.nio.file.Path tmp = java.nio.file.Path.of(partial.toUri());
            java.nio.file.Files.write(tmp, bytes);
            try {
                java.nio.file.Files.move(tmp, local, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.NoSuchFileException e) { // an attempt still running on a lost executor renamed it
                requireSame(file, java.nio.file.Files.readAllBytes(local), bytes);
            }
            return;
        }
        if (!force && fs.exists(file)) {
            requireSame(file, readAll(fs, file), bytes);
            return;
        }
        try (OutputStream o = fs.create(partial, true)) {
            o.write(bytes);
        }
        if (force) {
            fs.delete(file, false);
        }
        if (!fs.rename(partial, file)) { // HDFS refuses to rename onto an existing file: a concurrent attempt won
            fs.delete(partial, false);
            requireSame(file, readAll(fs, file), bytes);
        }
    }

    private static byte[] readAll(FileSystem fs, Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            return in.readAllBytes();
        }
    }

    private static void requireSame(Path file, byte[] there, byte[] bytes) {
        if (!java.util.Arrays.equals(there, bytes)) {
            throw new IllegalStateException("refusing to overwrite " + file
                    + " (it appeared during the job with other content)");
        }
    }

    private static Iterator<LevelSetTally> tally(Iterator<Generated> levels) {
        LevelSetTally.Reference reference = new LevelSetTally.Reference(DungeonCorpus.levels());
        DungeonSolver solver = new DungeonSolver();
        LevelSetTally tally = new LevelSetTally();
        while (levels.hasNext()) {
            Generated l = levels.next();
            tally.add(DungeonParser.parse(l.text(), l.id()), reference, solver);
        }
        return List.of(tally).iterator();
    }
}
