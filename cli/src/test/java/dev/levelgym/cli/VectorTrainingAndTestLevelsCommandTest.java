package dev.levelgym.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training on several env copies, and testing on a folder of level files (train, eval and bench). */
class VectorTrainingAndTestLevelsCommandTest {

    private static final Path EXAMPLES = Path.of("..", "examples", "dungeon");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static String[] ppo(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("train", "--env", "CartPole-v1", "--agent", "ppo",
                "--num-envs", "4", "--steps", "3000", "--seed", "2", "--eval-every", "1000", "--eval-episodes", "4",
                "--no-progress", "--out", out.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void ppoTrainsOnSeveralCopiesAndAPausedRunResumesToTheSameFiles() throws IOException {
        Path whole = tmp.resolve("whole");
        CliRun run = CliRun.of(ppo(whole));
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(4, JSON.readTree(whole.resolve("run.json").toFile()).get("numEnvs").asInt());
        JsonNode loop = JSON.readTree(whole.resolve("checkpoint/training-loop.json").toFile());
        assertEquals(4, loop.get("numEnvs").asInt());
        assertEquals(4, loop.get("slots").size());

        Path split = tmp.resolve("split");
        CliRun paused = CliRun.of(ppo(split, "--stop-after", "1300"));
        assertEquals(0, paused.exitCode(), paused.err());
        assertTrue(paused.out().contains("continue with --resume"), paused.out());
        CliRun resumed = CliRun.of(ppo(split, "--resume"));
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertEquals(withoutWallSeconds(whole.resolve("episodes.csv")), withoutWallSeconds(split.resolve("episodes.csv")));
        for (String file : List.of("policy.params", "adam-moments.ndlist", "training-loop.json")) {
            assertArrayEquals(Files.readAllBytes(whole.resolve("checkpoint").resolve(file)),
                    Files.readAllBytes(split.resolve("checkpoint").resolve(file)), file);
        }
        String[] twoCopies = ppo(split, "--resume");
        twoCopies[List.of(twoCopies).indexOf("--num-envs") + 1] = "2";
        CliRun other = CliRun.of(twoCopies);
        assertEquals(2, other.exitCode());
        assertTrue(other.err().contains("--num-envs is 2 but the run's was 4"), other.err());
    }

    private static List<String> withoutWallSeconds(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }

    /** A random agent trained with training-only options: shaping, no kill reward, a procedural level set. */
    private Path trainedOnProceduralLevels() {
        Path run = tmp.resolve("procedural");
        CliRun train = CliRun.of("train", "--env", "Dungeon-v0", "--agent", "random", "-o", "num_levels=5",
                "-o", "reward_shaping=goal_distance", "-o", "kill_reward=0", "-o", "max_episode_steps=50",
                "--steps", "300", "--eval-episodes", "2", "--no-progress", "--out", run.toString());
        assertEquals(0, train.exitCode(), train.err());
        return run;
    }

    @Test
    void aProceduralCheckpointIsTestedOnLevelFilesWithTheTrainingOptionsDropped() throws IOException {
        Path run = trainedOnProceduralLevels();
        Path csv = tmp.resolve("per-level.csv");
        CliRun eval = CliRun.of("eval", "--checkpoint", run.toString(), "--test-levels", EXAMPLES.toString(),
                "--episodes", "3", "--num-envs", "2", "--per-level", csv.toString());
        assertEquals(0, eval.exitCode(), eval.err());
        assertTrue(eval.out().contains("test levels " + EXAMPLES + ": 3 level files x 3 greedy episodes"),
                eval.out());
        List<String> rows = Files.readAllLines(csv);
        assertEquals("level,episodes,wins,win_rate,mean_return,mean_length", rows.get(0));
        assertEquals(List.of("corridor.txt", "crossroads.txt", "vault.txt"),
                rows.subList(1, rows.size()).stream().map(r -> r.split(",")[0]).toList());
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            assertEquals("3", f[1], row);
            // The game's own 500-step limit, not the run's 50: a random agent rarely ends a level sooner.
            assertTrue(Double.parseDouble(f[5]) > 50 || Integer.parseInt(f[2]) > 0, row);
        }
    }

    @Test
    void aCheckpointThatCannotTakeLevelsOfAnotherSizeNamesBothShapes() throws IOException {
        Path run = trainedOnProceduralLevels();
        Path small = Files.createDirectories(tmp.resolve("small"));
        Files.writeString(small.resolve("seven.txt"), "wwwwwww\nwA....w\nw.....w\nw..+..w\nw.....w\nw....gw\nwwwwwww\n");
        CliRun eval = CliRun.of("eval", "--checkpoint", run.toString(), "--test-levels", small.toString());
        assertEquals(2, eval.exitCode(), eval.out());
        assertTrue(eval.err().contains("(11, 7, 7)") && eval.err().contains("(11, 9, 13)")
                && eval.err().contains("seven.txt"), eval.err());
    }

    @Test
    void benchReportsTrainingHeldOutAndLevelFileWinRatesSideBySide() throws IOException {
        Path out = tmp.resolve("bench");
        CliRun bench = CliRun.of("bench", "--env", "Dungeon-v0", "--agents", "random", "--seeds", "2", "--steps",
                "200", "--eval-episodes", "3", "--num-envs", "2", "--test-levels", EXAMPLES.toString(),
                "--no-progress", "--out", out.toString());
        assertEquals(0, bench.exitCode(), bench.err());
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertEquals(2, summary.get("numEnvs").asInt());
        JsonNode random = summary.at("/agents/random");
        for (String field : List.of("evalWinRate", "heldOutWinRate", "generalizationGap", "testLevelsWinRate")) {
            assertTrue(random.get(field).isNumber(), field + " in " + random);
        }
        JsonNode seed = random.get("perSeed").get(0);
        assertEquals(seed.get("finalEvalWinRate").asDouble() - seed.get("heldOutWinRate").asDouble(),
                seed.get("generalizationGap").asDouble(), 1e-12);
        assertTrue(Files.size(out.resolve("generalization.png")) > 0);
        assertTrue(bench.out().contains("| agent | seed | train win rate |"), bench.out());
    }
}
