package dev.levelgym.envs.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.platformer.level.PlatformerParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LevelTextTest {

    @TempDir
    Path dir;

    /** Both worlds' parsers refuse a stray byte by file, line and column instead of reading a replacement char. */
    @Test
    void aFileThatIsNotUtf8IsRefusedNamingIt() throws Exception {
        Path file = dir.resolve("latin1.txt");
        Files.write(file, new byte[] {'w', 'w', (byte) 0xE9, '\n'});
        for (ThrowingParse parse : new ThrowingParse[] {DungeonParser::parse, PlatformerParser::parse}) {
            LevelFormatException e = assertThrows(LevelFormatException.class, () -> parse.run(file));
            assertEquals(file + ":1:1: not UTF-8 text", e.getMessage());
        }
        Files.writeString(file, "ww\n");
        assertEquals("ww\n", LevelText.read(file));
    }

    @FunctionalInterface
    private interface ThrowingParse {
        Object run(Path file) throws Exception;
    }
}
