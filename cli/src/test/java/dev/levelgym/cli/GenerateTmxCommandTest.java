package dev.levelgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.generators.export.DungeonTileset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateTmxCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTiledMapsThatLevelCheckReadsBackAsTheTextLevels() throws Exception {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("generate", "--generator", "caves", "--count", "3", "--seed", "5", "--out",
                out.toString(), "--format", "txt,tmx");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isRegularFile(out.resolve(DungeonTileset.IMAGE_FILE)));
        assertTrue(Files.isRegularFile(out.resolve(DungeonTileset.TSX_FILE)));
        for (int s = 5; s < 8; s++) {
            assertEquals(Files.readString(out.resolve("caves-" + s + ".txt")),
                    DungeonParser.parse(out.resolve("caves-" + s + ".tmx")).toText());
        }
        CliRun check = CliRun.of("level", "check", out.resolve("caves-5.tmx").toString(),
                out.resolve("caves-5.txt").toString());
        assertEquals(0, check.exitCode(), check.err());
        String[] lines = check.out().strip().split("\n");
        ObjectMapper json = new ObjectMapper();
        JsonNode tmx = json.readTree(lines[0]);
        JsonNode txt = json.readTree(lines[1]);
        assertTrue(tmx.get("playable").asBoolean());
        assertEquals(txt.get("solutionLength"), tmx.get("solutionLength"));
    }

    @Test
    void aSecondRunSharesTheIdenticalTilesetButAChangedOneNeedsForce() throws Exception {
        Path out = dir.resolve("out");
        assertEquals(0, CliRun.of("generate", "--generator", "rooms", "--count", "2", "--seed", "0", "--out",
                out.toString(), "--format", "tmx").exitCode());
        CliRun more = CliRun.of("generate", "--generator", "rooms", "--count", "2", "--seed", "2", "--out",
                out.toString(), "--format", "tmx");
        assertEquals(0, more.exitCode(), more.err());
        assertTrue(Files.exists(out.resolve("rooms-3.tmx")));

        Path tsx = out.resolve(DungeonTileset.TSX_FILE);
        Files.writeString(tsx, "<tileset/>");
        CliRun refused = CliRun.of("generate", "--generator", "rooms", "--count", "2", "--seed", "4", "--out",
                out.toString(), "--format", "tmx");
        assertEquals(2, refused.exitCode());
        assertEquals("levelgym generate: error: refusing to overwrite " + tsx
                + " (it differs from the Dungeon tileset); pass --force to overwrite", refused.err().strip());
        assertFalse(Files.exists(out.resolve("rooms-4.tmx")), "nothing written when refusing");
        assertEquals("<tileset/>", Files.readString(tsx));

        CliRun forced = CliRun.of("generate", "--generator", "rooms", "--count", "2", "--seed", "4", "--out",
                out.toString(), "--format", "tmx", "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertEquals(DungeonTileset.tsx(), Files.readString(tsx));
        DungeonParser.parse(out.resolve("rooms-4.tmx"));
    }

    @Test
    void levelCheckReportsABrokenTmxWithFileAndLine() throws Exception {
        Path bad = dir.resolve("bad.tmx");
        Files.writeString(bad, "<?xml version=\"1.0\"?>\n<map width=\"13\" height=\"9\" infinite=\"1\"/>\n");
        CliRun check = CliRun.of("level", "check", bad.toString());
        assertEquals(1, check.exitCode());
        JsonNode line = new ObjectMapper().readTree(check.out().strip());
        assertTrue(line.get("error").asText().startsWith(bad + ":2:"), line.toString());
        assertTrue(line.get("error").asText().contains("infinite maps are not supported"), line.toString());
        assertEquals(2, line.get("line").asInt());
    }
}
