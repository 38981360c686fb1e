package dev.levelgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench and generate with --engine spark --master local[2], against the same commands in-process. */
class SparkEngineCommandTest {

    @TempDir
    Path dir;

    @Test
    void benchOnSparkGivesTheInProcessPerSeedResults() throws Exception {
        List<String> grid = List.of("bench", "--env", "FrozenLake-v1", "-o", "is_slippery=false", "--agents",
                "random,q-learning", "--seeds", "2", "--steps", "2000", "--eval-episodes", "10", "--no-progress");
        CliRun inProcess = CliRun.of(args(grid, "--out", dir.resolve("in").toString(), "--threads", "2"));
        assertEquals(0, inProcess.exitCode(), inProcess.err());
        CliRun spark = CliRun.of(args(grid, "--out", dir.resolve("spark").toString(), "--engine", "spark",
                "--master", "local[2]"));
        assertEquals(0, spark.exitCode(), spark.err());
        assertTrue(spark.out().contains("| q-learning |"), spark.out());
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree(dir.resolve("in/summary.json").toFile());
        JsonNode b = json.readTree(dir.resolve("spark/summary.json").toFile());
        for (String agent : List.of("random", "q-learning")) {
            JsonNode x = a.get("agents").get(agent).get("perSeed");
            JsonNode y = b.get("agents").get(agent).get("perSeed");
            assertEquals(2, y.size());
            for (int i = 0; i < 2; i++) {
                for (String field : List.of("seed", "finalEvalMean", "finalEvalStd", "stepsToSolve", "updates",
                        "evalCurve")) {
                    assertEquals(x.get(i).get(field), y.get(i).get(field), agent + " " + i + " " + field);
                }
            }
        }
        assertEquals(0, b.get("failedCells").size());
        assertTrue(Files.exists(dir.resolve("spark/curves.png")));
        assertTrue(Files.exists(dir.resolve("spark/runs/q-learning/seed-1/episodes.csv")));
    }

    @Test
    void generateOnSparkWritesTheInProcessFilesAndPrintsTheirEvaluation() throws Exception {
        Path in = dir.resolve("in");
        Path spark = dir.resolve("spark");
        assertEquals(0, CliRun.of("generate", "--generator", "rooms", "--count", "25", "--seed", "7", "--out",
                in.toString()).exitCode());
        CliRun run = CliRun.of("generate", "--generator", "rooms", "--count", "25", "--seed", "7", "--out",
                spark.toUri().toString(), "--engine", "spark", "--master", "local[2]", "--partitions", "3");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("wrote 25 rooms level(s) (13x9, seeds 7..31) as txt to "), run.out());
        assertEquals(names(in), names(spark));
        for (String name : names(in)) {
            assertEquals(Files.readString(in.resolve(name)), Files.readString(spark.resolve(name)), name);
        }
        CliRun evaluate = CliRun.of("level", "evaluate", "--levels", in.toString());
        String table = evaluate.out().substring(evaluate.out().indexOf('\n') + 1);
        assertTrue(run.out().endsWith(table), run.out() + "\n---\n" + table);
    }

    @Test
    void sparkFlagsAreCheckedAsUserErrors() {
        CliRun master = CliRun.of("generate", "--generator", "rooms", "--out", dir.toString(), "--master", "local[2]");
        assertEquals(2, master.exitCode());
        assertEquals("levelgym generate: error: --master local[2] needs --engine spark", master.err().strip());
        CliRun engine = CliRun.of("bench", "--env", "CartPole-v1", "--agents", "random", "--seeds", "1", "--steps",
                "10", "--out", dir.toString(), "--engine", "flink");
        assertEquals(2, engine.exitCode());
        assertTrue(engine.err().contains("--engine: unknown engine 'flink'"), engine.err());
        CliRun png = CliRun.of("generate", "--generator", "rooms", "--out", dir.toString(), "--engine", "spark",
                "--format", "png");
        assertEquals(2, png.exitCode());
        assertTrue(png.err().contains("--engine spark writes txt level files only"), png.err());
    }

    private static String[] args(List<String> base, String... more) {
        return Stream.concat(base.stream(), Stream.of(more)).toArray(String[]::new);
    }

    private static List<String> names(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
