package dev.levelgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LevelCheckCommandTest {

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void reportsPlayabilityAndSolutionLengthPerFile() throws Exception {
        Path good = write("good.txt", """
                wwwwwww
                wA.+..w
                w.....w
                w....gw
                wwwwwww
                """);
        Path blocked = write("blocked.txt", """
                wwwwwww
                wA.w+.w
                w..w..w
                w..w.gw
                wwwwwww
                """);
        CliRun run = CliRun.of("level", "check", good.toString(), blocked.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<JsonNode> lines = parse(run.out());
        assertEquals(good.toString(), lines.get(0).get("file").asText());
        assertTrue(lines.get(0).get("playable").asBoolean());
        // A to + is 2 moves right, + to g is 2 down and 2 right.
        assertEquals(6, lines.get(0).get("solutionLength").asInt());
        assertEquals(7, lines.get(0).get("width").asInt());
        assertEquals(5, lines.get(0).get("height").asInt());
        assertFalse(lines.get(1).get("playable").asBoolean());
        assertTrue(lines.get(1).get("solutionLength").isNull());
    }

    @Test
    void malformedAndMissingFilesGiveErrorObjectsAndNonZeroExit() throws Exception {
        Path bad = write("bad.txt", "wwwww\nwA+gw\nwwZww\n");
        Path missing = dir.resolve("missing.txt");
        // A file that is not a level: 1. A file that cannot be read at all: 2, the code of every user error.
        assertEquals(1, CliRun.of("level", "check", bad.toString()).exitCode());
        assertEquals(2, CliRun.of("level", "check", missing.toString()).exitCode());
        CliRun run = CliRun.of("level", "check", bad.toString(), missing.toString());
        assertEquals(2, run.exitCode());
        List<JsonNode> lines = parse(run.out());
        assertEquals(3, lines.get(0).get("line").asInt());
        assertEquals(3, lines.get(0).get("column").asInt());
        assertTrue(lines.get(0).get("error").asText().contains("'Z'"), lines.get(0).toString());
        assertTrue(lines.get(1).get("error").asText().contains("missing.txt"), lines.get(1).toString());
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private List<JsonNode> parse(String out) {
        return out.lines().map(l -> {
            try {
                return json.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + l, e);
            }
        }).toList();
    }
}
