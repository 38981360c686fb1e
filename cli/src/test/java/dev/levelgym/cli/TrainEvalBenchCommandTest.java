package dev.levelgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainEvalBenchCommandTest {

    @TempDir
    Path tmp;

    private static String[] train(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--env", "FrozenLake-v1", "-o",
                "is_slippery=false", "--agent", "q-learning", "--steps", "20000", "--seed", "0", "--eval-every",
                "5000", "--eval-episodes", "10", "--out", out.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void trainWritesItsFilesAndEvalReplaysTheCheckpoint() throws IOException {
        Path out = tmp.resolve("run");
        CliRun run = CliRun.of(train(out));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("q-learning on FrozenLake-v1: 20000 of 20000 steps"), run.out());
        assertTrue(run.out().contains("return 1.000 ± 0.000, win rate 1.000"), run.out());
        for (String file : List.of("episodes.csv", "eval.csv", "learning-curve.png", "run.json",
                "checkpoint/manifest.json")) {
            assertTrue(Files.exists(out.resolve(file)), file);
        }
        assertEquals("seed,episode,global_step,return,length,wall_seconds",
                Files.readAllLines(out.resolve("episodes.csv")).get(0));
        assertEquals(5, Files.readAllLines(out.resolve("eval.csv")).size() - 1);

        CliRun eval = CliRun.of("eval", "--checkpoint", out.resolve("checkpoint").toString(), "--episodes", "20");
        assertEquals(0, eval.exitCode(), eval.err());
        assertEquals(List.of(
                "q-learning on FrozenLake-v1 {is_slippery=false}, 20 greedy episodes (seeds 1000000000..1000000019)",
                "return 1.000 ± 0.000",
                "win rate 1.000 (episodes with return ≥ the reward threshold 0.7)"), eval.out().lines().toList());
    }

    @Test
    void pausingAndResumingGivesTheSameEpisodes() throws IOException {
        Path whole = tmp.resolve("whole");
        Path split = tmp.resolve("split");
        assertEquals(0, CliRun.of(train(whole)).exitCode());
        CliRun paused = CliRun.of(train(split, "--stop-after", "7777"));
        assertEquals(0, paused.exitCode(), paused.err());
        assertTrue(paused.out().contains("paused at step 7777; continue with --resume"), paused.out());
        CliRun resumed = CliRun.of(train(split, "--resume"));
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertEquals(withoutWallSeconds(whole.resolve("episodes.csv")), withoutWallSeconds(split.resolve("episodes.csv")));
    }

    private static List<String> withoutWallSeconds(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }

    @Test
    void aNonEmptyOutIsNeverOverwrittenWithoutAFlag() throws IOException {
        Path out = tmp.resolve("taken");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        CliRun refused = CliRun.of(train(out));
        assertEquals(2, refused.exitCode());
        assertEquals("levelgym train: error: --out " + out + " is not empty; pass --resume to continue its run or "
                + "--force to overwrite it", refused.err().strip());
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        CliRun bench = CliRun.of("bench", "--env", "FrozenLake-v1", "--agents", "random", "--seeds", "1",
                "--steps", "100", "--out", out.toString());
        assertEquals(2, bench.exitCode());
        assertTrue(bench.err().contains("pass --resume to continue its run or --force to overwrite it"), bench.err());
        CliRun notABench = CliRun.of("bench", "--env", "FrozenLake-v1", "--agents", "random", "--seeds", "1",
                "--steps", "100", "--out", out.toString(), "--resume");
        assertEquals(2, notABench.exitCode());
        assertEquals("levelgym bench: error: --resume: " + out + " holds no benchmark (no bench.json)",
                notABench.err().strip());
        CliRun forced = CliRun.of(train(out, "--force"));
        assertEquals(0, forced.exitCode(), forced.err());
        assertFalse(Files.exists(out.resolve("notes.txt")));
    }

    @Test
    void benchPrintsTheTableAndWritesTheSummary() throws IOException {
        Path out = tmp.resolve("bench");
        CliRun run = CliRun.of("bench", "--env", "FrozenLake-v1", "-o", "is_slippery=false", "--agents",
                "q-learning,random", "--seeds", "2", "--steps", "20000", "--eval-every", "5000", "--eval-episodes",
                "10", "--threads", "2", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("| q-learning | 2/2 | 1.000 ± 0.000 |"), run.out());
        assertTrue(run.out().contains("| random | 0/2 |"), run.out());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(2, summary.at("/agents/q-learning/seedsSolved").asInt());
        assertTrue(Files.exists(out.resolve("curves.png")));
    }

    private static String[] bench(Path out, String steps, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("bench", "--env", "FrozenLake-v1", "--agents",
                "q-learning,random", "--seeds", "2", "--steps", steps, "--eval-every", "2000", "--eval-episodes", "10",
                "--no-progress", "--out", out.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void benchResumeReadsFinishedRunsBackAndRefusesOtherSettingsByFlag() throws IOException {
        Path out = tmp.resolve("bench");
        CliRun first = CliRun.of(bench(out, "6000", "--threads", "1"));
        assertEquals(0, first.exitCode(), first.err());
        String summary = Files.readString(out.resolve("summary.md"));
        // Lose one run's result and its summary, as if the benchmark had been stopped before its end.
        Files.delete(out.resolve("runs/random/seed-1/cell.json"));
        Files.delete(out.resolve("summary.json"));
        CliRun resumed = CliRun.of(bench(out, "6000", "--resume", "--threads", "2"));
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(Files.exists(out.resolve("runs/random/seed-1/cell.json")));
        assertEquals(withoutRates(summary), withoutRates(Files.readString(out.resolve("summary.md"))));

        CliRun other = CliRun.of(bench(out, "8000", "--resume"));
        assertEquals(2, other.exitCode());
        assertEquals("levelgym bench: error: --resume: --steps is 8000 but the benchmark's was 6000 ("
                + out.resolve("bench.json") + ")", other.err().strip());
        CliRun both = CliRun.of(bench(out, "6000", "--resume", "--force"));
        assertEquals(2, both.exitCode());
        assertEquals("levelgym bench: error: --resume and --force exclude each other", both.err().strip());
    }

    /** A summary table without its throughput columns (wall-clock numbers). */
    private static List<String> withoutRates(String markdown) {
        return markdown.lines().map(l -> l.startsWith("| ") && l.split("\\|").length > 4
                ? String.join("|", Arrays.asList(l.split("\\|")).subList(0, 5)) : l).toList();
    }

    @Test
    void aBadConfigFileNamesTheFileAndTheKey() throws IOException {
        Path unknownKey = Files.writeString(tmp.resolve("unknown.yaml"), "learningRat: 0.5\n");
        CliRun unknown = CliRun.of("train", "--env", "FrozenLake-v1", "--agent", "q-learning", "--config",
                unknownKey.toString(), "--steps", "100", "--out", tmp.resolve("u").toString(), "--no-progress");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains(unknownKey.toString()) && unknown.err().contains("unknown key 'learningRat'")
                && unknown.err().contains("learningRate"), unknown.err());
        Path wrongType = Files.writeString(tmp.resolve("type.yaml"), "gamma: fast\n");
        CliRun type = CliRun.of("train", "--env", "FrozenLake-v1", "--agent", "q-learning", "--config",
                wrongType.toString(), "--steps", "100", "--out", tmp.resolve("t").toString(), "--no-progress");
        assertEquals(2, type.exitCode());
        assertTrue(type.err().contains(wrongType.toString()) && type.err().contains("key 'gamma' must be double"),
                type.err());
        assertEquals(1, type.err().lines().count(), type.err());
        assertFalse(Files.exists(tmp.resolve("u")) || Files.exists(tmp.resolve("t")), "nothing written");
    }

    @Test
    void badFlagsAreOneLineAndExitCode2() {
        String x = tmp.resolve("x").toString();
        for (String[] args : List.of(
                new String[] {"train", "--env", "FrozenLake-v1", "--agent", "sarsa", "--steps", "10", "--out", x},
                new String[] {"train", "--env", "FrozenLake-v1", "--agent", "random", "--steps", "ten", "--out", x},
                new String[] {"train", "--env", "FrozenLake-v1", "--agent", "random", "--out", x},
                new String[] {"train", "--env", "FrozenLake-v1", "--agent", "random", "--steps", "0", "--out", x},
                new String[] {"bench", "--env", "FrozenLake-v1", "--agents", "random", "--seeds", "0", "--steps", "9",
                        "--out", x},
                new String[] {"eval", "--checkpoint", tmp.resolve("none").toString()},
                new String[] {"train", "--env", "Dungeon-v0", "--agent", "q-learning", "--steps", "10", "--out", x},
                new String[] {"bench", "--env", "Dungeon-v0", "--agents", "random,q-learning", "--seeds", "1",
                        "--steps", "10", "--out", x},
                new String[] {"train", "--env", "Nope-v0", "--agent", "random", "--steps", "10", "--out", x})) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.exitCode(), Arrays.toString(args) + ": " + run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("levelgym " + args[0] + ": error: "), run.err());
            assertFalse(run.err().contains("Exception"), run.err());
        }
        assertFalse(Files.exists(Path.of(x)), "a refused command must not create --out");
    }
}
