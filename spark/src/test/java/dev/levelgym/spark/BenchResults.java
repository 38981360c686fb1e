package dev.levelgym.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levelgym.agents.bench.BenchRunner;
import dev.levelgym.agents.bench.BenchSummary;
import dev.levelgym.agents.bench.CellResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Compares two benchmark directories on everything but wall-clock figures. */
final class BenchResults {

    /** Timing fields of summary.json: they differ between any two runs. */
    private static final Set<String> TIMINGS = Set.of("trainSeconds", "secondsToSolve", "medianSecondsToSolve",
            "envStepsPerSecond", "updatesPerSecond");

    private BenchResults() {
    }

    static void assertSame(BenchSummary expected, Path expectedDir, BenchSummary actual, Path actualDir)
            throws IOException {
        assertEquals(expected.cells().size(), actual.cells().size());
        for (int i = 0; i < expected.cells().size(); i++) {
            CellResult e = expected.cells().get(i);
            CellResult a = actual.cells().get(i);
            String cell = e.agent() + " seed " + e.seed();
            assertEquals(e.agent(), a.agent(), cell);
            assertEquals(e.seed(), a.seed(), cell);
            assertEquals(e.steps(), a.steps(), cell);
            assertEquals(e.updates(), a.updates(), cell);
            assertEquals(e.stepsToSolve(), a.stepsToSolve(), cell);
            assertEquals(e.heldOut(), a.heldOut(), cell);
            assertEquals(e.evals().size(), a.evals().size(), cell);
            for (int k = 0; k < e.evals().size(); k++) {
                assertEquals(e.evals().get(k).globalStep(), a.evals().get(k).globalStep(), cell);
                assertEquals(e.evals().get(k).result(), a.evals().get(k).result(), cell);
            }
            Path eDir = BenchRunner.cellDir(expectedDir, e.agent(), e.seed());
            Path aDir = BenchRunner.cellDir(actualDir, a.agent(), a.seed());
            // episodes.csv's last column and eval.csv's last two are wall-clock seconds.
            assertEquals(columns(eDir.resolve("episodes.csv"), 5), columns(aDir.resolve("episodes.csv"), 5), cell);
            assertEquals(columns(eDir.resolve("eval.csv"), 4), columns(aDir.resolve("eval.csv"), 4), cell);
            assertEquals(Files.readString(eDir.resolve("run.json")), Files.readString(aDir.resolve("run.json")), cell);
            assertEquals(Files.exists(eDir.resolve("checkpoint")), Files.isDirectory(aDir.resolve("checkpoint")), cell);
        }
        ObjectMapper json = new ObjectMapper();
        assertEquals(withoutTimings(json.readTree(expectedDir.resolve(BenchSummary.JSON_FILE).toFile())),
                withoutTimings(json.readTree(actualDir.resolve(BenchSummary.JSON_FILE).toFile())));
        assertArrayEquals(Files.readAllBytes(expectedDir.resolve(BenchSummary.CURVES_FILE)),
                Files.readAllBytes(actualDir.resolve(BenchSummary.CURVES_FILE)), "curves.png");
    }

    private static List<String> columns(Path csv, int keep) throws IOException {
        return Files.readAllLines(csv).stream()
                .map(line -> String.join(",", List.of(line.split(",", -1)).subList(0, keep))).toList();
    }

    private static JsonNode withoutTimings(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove(TIMINGS);
            for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) {
                withoutTimings(it.next());
            }
        } else if (node.isArray()) {
            node.forEach(BenchResults::withoutTimings);
        }
        return node;
    }
}
