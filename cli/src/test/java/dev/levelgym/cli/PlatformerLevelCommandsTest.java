package dev.levelgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.levelgym.envs.platformer.level.PlatformerLevels;
import dev.levelgym.envs.platformer.level.PlatformerSolver;
import dev.levelgym.generators.PlatformerCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code level check} and {@code level evaluate} with {@code --env Platformer-v0}. */
class PlatformerLevelCommandsTest {

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    /** 14 rows of {@code width}: ground with a pit of {@code pit} columns starting at column 5. */
    private static String level(int width, int pit) {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < 14; y++) {
            for (int x = 0; x < width; x++) {
                sb.append(y >= 12 && (x < 5 || x >= 5 + pit) ? 'X' : '-');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Test
    void checkReportsCompletionAndLocatesErrors() throws Exception {
        Path ok = Files.writeString(dir.resolve("ok.txt"), level(30, 4));
        Path chasm = Files.writeString(dir.resolve("chasm.txt"), level(30, 12));
        Path bad = Files.writeString(dir.resolve("bad.txt"), level(30, 4).replaceFirst("(?s)((?:[^\n]*\n){3}---)-", "$1M"));
        CliRun run = CliRun.of("level", "check", "--env", "Platformer-v0", ok.toString(), chasm.toString(),
                bad.toString());
        assertEquals(1, run.exitCode(), run.err());
        JsonNode[] lines = run.out().lines().map(this::read).toArray(JsonNode[]::new);
        assertTrue(lines[0].get("playable").asBoolean());
        assertEquals(29, lines[0].get("solutionLength").asInt());
        assertEquals(1.0, lines[0].get("completion").asDouble());
        assertEquals(14, lines[0].get("height").asInt());
        assertFalse(lines[1].get("playable").asBoolean());
        assertTrue(lines[1].get("solutionLength").isNull());
        // Jumping from column 4 it lands back at row 11 over column 12, then drifts right while it falls out:
        // the last column it reaches alive is 14.
        assertEquals(14 / 29.0, lines[1].get("completion").asDouble(), 1e-12);
        assertEquals(4, lines[2].get("line").asInt());
        assertEquals(4, lines[2].get("column").asInt());
        assertTrue(lines[2].get("error").asText().contains("unknown tile 'M'"), lines[2].toString());
    }

    @Test
    void evaluateComparesProceduralLevelsWithTheBundledCorpus() throws Exception {
        Path levels = Files.createDirectory(dir.resolve("levels"));
        for (long seed = 0; seed < 4; seed++) {
            Files.writeString(levels.resolve("p" + seed + ".txt"), PlatformerLevels.of(seed, 100).toText());
        }
        Files.writeString(levels.resolve("chasm.txt"), level(100, 30));
        CliRun run = CliRun.of("level", "evaluate", "--env", "Platformer-v0", "--levels", levels.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode o = read(run.out().strip());
        assertEquals(5, o.get("count").asInt());
        assertEquals(PlatformerCorpus.levels().size(), o.get("referenceCount").asInt());
        assertEquals(0.8, o.get("playableShare").asDouble(), 1e-12);
        double chasm = PlatformerSolver.of(
                dev.levelgym.envs.platformer.level.PlatformerParser.parse(level(100, 30), "c")).completion();
        assertEquals((4 + chasm) / 5, o.get("meanCompletion").asDouble(), 1e-12);
        assertTrue(o.get("tilePatternKL").asDouble() > 0);
        assertTrue(o.get("tileHistogram").has("?"));
        CliRun table = CliRun.of("level", "evaluate", "--env", "Platformer-v0", "--levels", levels.toString());
        assertTrue(table.out().contains("mean completion"), table.out());
    }

    @Test
    void otherEnvsHaveNoLevelFiles() {
        CliRun run = CliRun.of("level", "check", "--env", "CartPole-v1", "x.txt");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Dungeon-v0, Platformer-v1 and Platformer-v0"), run.err());
    }

    private JsonNode read(String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
