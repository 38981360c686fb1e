package dev.levelgym.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levelgym.agents.bench.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at random (seeded) moments of {@code train}, {@code bench}, {@code generate} and {@code gan train},
 * run as child processes, then the documented way on ({@code --resume}, or for {@code gan train} the same command
 * with {@code --force}): the files end equal to an uninterrupted run's, bit for bit but for wall-clock columns, with no
 * temporary file left behind, and no child ever prints a stack trace.
 */
class KillAndResumeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** Every kill and run of a test, for its failure message and the reliability docs. */
    private final List<String> log = new ArrayList<>();

    /**
     * Runs {@code first}, killing it early by time (a draw from 0.1 to 1.1 s: the JVM starting, the settings being
     * written, the first episodes), then {@code resume} {@code kills} times, killing each launch when the run's
     * {@code progress} (e.g. the bytes in episodes.csv) first passes a point drawn from the i-th of {@code kills}
     * equal parts of the uninterrupted run's {@code total}, plus 0 to 40 ms; then {@code resume} once more to the end.
     * Draws are seeded. Returns how many launches were killed.
     */
    private int killAndResume(ChildCli cli, long seed, int kills, LongSupplier progress, long total, String[] first,
                              String[] resume) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        int killed = 0;
        ChildCli.Result r = cli.runKillingAfter(100 + random.nextLong(1_000), first);
        killed += record(r, "by time");
        for (int i = 0; i < kills && r.killed(); i++) {
            long target = (long) (total * (i + random.nextDouble()) / kills);
            r = cli.runKillingWhen(() -> progress.getAsLong() >= target, random.nextLong(40), resume);
            killed += record(r, "at progress " + target + " of " + total);
        }
        if (r.killed()) {
            killed += record(cli.run(resume), "");
        }
        System.out.println("kill and resume (seed " + seed + "): " + log);
        return killed;
    }

    /** Logs a launch, checks it printed no stack trace and, if not killed, succeeded; 1 if it was killed. */
    private int record(ChildCli.Result r, String when) {
        log.add(String.format("%s after %.2f s%s (exit %d)", r.killed() ? "killed" : "ended", r.seconds(),
                r.killed() ? " " + when : "", r.exitCode()));
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception in thread"), log + "\n" + r.err());
        if (!r.killed()) {
            assertEquals(0, r.exitCode(), log + "\n" + r.err());
        }
        return r.killed() ? 1 : 0;
    }

    /** The bytes of every episodes.csv below {@code dir} (0 before there is one). */
    private static long episodeBytes(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().equals("episodes.csv")).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0; // replaced between the listing and now
                }
            }).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0; // a directory renamed while walked
        }
    }

    @Test
    @Timeout(600)
    void trainKilledAndResumedWritesWhatAnUninterruptedRunWrites() throws Exception {
        String[] train = {"train", "--env", "CartPole-v1", "--agent", "q-learning", "--steps", "150000", "--seed", "3",
                "--eval-every", "25000", "--eval-episodes", "10", "--checkpoint-every", "1000", "--no-progress"};
        Path whole = tmp.resolve("whole");
        Path killed = tmp.resolve("killed");
        ChildCli cli = ChildCli.in(tmp);
        ChildCli.Result reference = cli.run(with(train, "--out", whole.toString()));
        assertEquals(0, reference.exitCode(), reference.err());
        int kills = killAndResume(cli, 11, 3, () -> episodeBytes(killed), episodeBytes(whole),
                with(train, "--out", killed.toString()), with(train, "--out", killed.toString(), "--resume"));
        assertTrue(kills >= 3, "at least three launches were killed: " + log);

        assertEquals(tree(whole), tree(killed), log.toString());
        assertEquals(columns(whole.resolve("episodes.csv"), 5), columns(killed.resolve("episodes.csv"), 5));
        assertEquals(columns(whole.resolve("eval.csv"), 4), columns(killed.resolve("eval.csv"), 4));
        assertSameBytes(whole, killed, "run.json", TrainCommand.LEARNING_CURVE);
        assertSameCheckpoints(whole.resolve("checkpoint"), killed.resolve("checkpoint"));
    }

    @Test
    @Timeout(600)
    void benchKilledAndResumedWritesWhatAnUninterruptedBenchWrites() throws Exception {
        String[] bench = {"bench", "--env", "CartPole-v1", "--agents", "q-learning,random", "--seeds", "2", "--steps",
                "60000", "--eval-every", "20000", "--eval-episodes", "10", "--checkpoint-every", "1000", "--threads",
                "2", "--no-progress"};
        Path whole = tmp.resolve("whole");
        Path killed = tmp.resolve("killed");
        ChildCli cli = ChildCli.in(tmp);
        ChildCli.Result reference = cli.run(with(bench, "--out", whole.toString()));
        assertEquals(0, reference.exitCode(), reference.err());
        int kills = killAndResume(cli, 12, 3, () -> episodeBytes(killed), episodeBytes(whole),
                with(bench, "--out", killed.toString()), with(bench, "--out", killed.toString(), "--resume"));
        assertTrue(kills >= 3, "at least three launches were killed: " + log);

        assertEquals(tree(whole), tree(killed), log.toString());
        assertEquals(withoutTimings(JSON.readTree(whole.resolve("summary.json").toFile())),
                withoutTimings(JSON.readTree(killed.resolve("summary.json").toFile())));
        assertSameBytes(whole, killed, "bench.json", "curves.png");
        for (String cell : List.of("q-learning/seed-0", "q-learning/seed-1", "random/seed-0", "random/seed-1")) {
            Path a = whole.resolve("runs").resolve(cell);
            Path b = killed.resolve("runs").resolve(cell);
            assertEquals(columns(a.resolve("episodes.csv"), 5), columns(b.resolve("episodes.csv"), 5), cell);
            assertEquals(columns(a.resolve("eval.csv"), 4), columns(b.resolve("eval.csv"), 4), cell);
            assertSameCheckpoints(a.resolve("checkpoint"), b.resolve("checkpoint"));
        }
    }

    /**
     * {@code gan train} has no checkpoints: the documented rerun is the same command with {@code --force}, which
     * trains again from the start; GAN training repeats bit for bit per seed, so the model ends the same. Also
     * checks that libtorch's deprecation warning is not printed, unless TORCH_CPP_LOG_LEVEL asks for warnings.
     */
    @Test
    @Timeout(600)
    void ganTrainKilledAndRerunWritesTheSameModel() throws Exception {
        String[] gan = {"gan", "train", "--steps", "20", "--samples-every", "5", "--seed", "4", "--no-progress"};
        Path whole = tmp.resolve("whole");
        Path killed = tmp.resolve("killed");
        ChildCli cli = ChildCli.in(tmp);
        ChildCli.Result reference = cli.run(with(gan, "--out", whole.toString()));
        assertEquals(0, reference.exitCode(), reference.err());
        assertFalse(reference.err().contains("AutoNonVariableTypeMode"), reference.err());
        // Each rerun starts over, so kills by time land anywhere in a run: draws from 0.2 s to the reference's time.
        SplittableRandom random = new SplittableRandom(13);
        String[] args = with(gan, "--out", killed.toString());
        int kills = 0;
        for (int i = 0; i < 3; i++) {
            kills += record(cli.runKillingAfter(200 + random.nextLong(Math.max(1_000,
                    (long) (reference.seconds() * 900))), args), "by time");
            args = with(gan, "--out", killed.toString(), "--force");
        }
        // The last rerun also shows that libtorch's own variable still works: asking for warnings shows them.
        ChildCli.Result last = cli.withEnvironment(Map.of("TORCH_CPP_LOG_LEVEL", "WARNING")).run(args);
        record(last, "");
        assertTrue(last.err().contains("AutoNonVariableTypeMode is deprecated"), last.err());
        System.out.println("kill and rerun (seed 13): " + log);
        assertTrue(kills >= 2, "at least two launches were killed: " + log);

        assertEquals(tree(whole), tree(killed), log.toString());
        for (String file : tree(whole)) {
            if (!file.endsWith("/")) {
                assertSameBytes(whole, killed, file);
            }
        }
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertEquals(List.of("killed", "whole"), siblings.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary model directory is left beside the model");
        }
    }

    /**
     * {@code generate} killed at seeded moments and continued with {@code --resume}: the folder ends with the files
     * an uninterrupted run writes, byte for byte, and no temporary. Three formats, so kills also land between one
     * seed's files.
     */
    @Test
    @Timeout(600)
    void generateKilledAndResumedWritesWhatAnUninterruptedRunWrites() throws Exception {
        String[] generate = {"generate", "--generator", "rooms", "--count", "300", "--seed", "7",
                "--format", "txt,png,tmx"};
        Path whole = tmp.resolve("whole");
        Path killed = tmp.resolve("killed");
        ChildCli cli = ChildCli.in(tmp);
        ChildCli.Result reference = cli.run(with(generate, "--out", whole.toString()));
        assertEquals(0, reference.exitCode(), reference.err());
        long files = tree(whole).size();

        int kills = killAndResume(cli, 17, 3, () -> fileCount(killed), files,
                with(generate, "--out", killed.toString()), with(generate, "--out", killed.toString(), "--resume"));
        assertTrue(kills >= 2, "at least two launches were killed: " + log);
        assertEquals(tree(whole), tree(killed), log.toString());
        for (String file : tree(whole)) {
            assertSameBytes(whole, killed, file);
        }
    }

    /** The entries in {@code dir} (0 before it exists). */
    private static long fileCount(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.count();
        } catch (IOException e) {
            return 0;
        }
    }

    static String[] with(String[] args, String... more) {
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    /** Every file and folder below {@code dir}, relative, folders ending in '/'. */
    static List<String> tree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !p.equals(dir))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/') + (Files.isDirectory(p) ? "/" : ""))
                    .sorted().toList();
        }
    }

    static void assertSameBytes(Path a, Path b, String... files) throws IOException {
        for (String f : files) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
    }

    /** The agent's files byte for byte; the run's record and the manifest but for wall-clock and its digests. */
    static void assertSameCheckpoints(Path a, Path b) throws IOException {
        assertEquals(tree(a), tree(b));
        for (String f : tree(a)) {
            if (!f.startsWith("run-") && !f.equals("manifest.json")) {
                assertSameBytes(a, b, f);
            }
        }
        assertEquals(manifestWithoutRunDigests(a), manifestWithoutRunDigests(b));
        assertEquals(columns(a.resolve(RunFiles.CHECKPOINT_EVALS), 4),
                columns(b.resolve(RunFiles.CHECKPOINT_EVALS), 4));
    }

    private static JsonNode manifestWithoutRunDigests(Path checkpoint) throws IOException {
        ObjectNode tree = (ObjectNode) JSON.readTree(checkpoint.resolve("manifest.json").toFile());
        tree.remove("checksum");
        ((ObjectNode) tree.get("files")).remove(List.of(RunFiles.CHECKPOINT_EVALS, RunFiles.CHECKPOINT_PROGRESS));
        return tree;
    }

    /** A summary without the fields that measure time. */
    private static JsonNode withoutTimings(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (name.toLowerCase(java.util.Locale.ROOT).contains("second")) {
                    names.remove();
                } else {
                    withoutTimings(object.get(name));
                }
            }
        } else if (node.isArray()) {
            node.forEach(KillAndResumeTest::withoutTimings);
        }
        return node;
    }

    /** The file's rows cut to their first {@code keep} columns (dropping the wall-clock ones). */
    static List<String> columns(Path csv, int keep) throws IOException {
        return Files.readAllLines(csv).stream().map(l -> {
            String[] f = l.split(",", -1);
            return String.join(",", Arrays.asList(f).subList(0, Math.min(keep, f.length)));
        }).toList();
    }
}
