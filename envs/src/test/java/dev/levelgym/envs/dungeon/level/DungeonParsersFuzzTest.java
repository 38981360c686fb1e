package dev.levelgym.envs.dungeon.level;

import dev.levelgym.envs.testing.Fuzz;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dungeon level files as a hostile or broken tool may write them: GVGAI text and Tiled maps, mutated from valid
 * ones and random, 100,000 of each per run (seeded, so a failure reproduces). Every input must parse or be refused
 * as a {@link dev.levelgym.envs.grid.LevelFormatException}, quickly, in this module's 512 MB heap.
 */
class DungeonParsersFuzzTest {

    static final int INPUTS = 100_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void gvgaiTextLevels() {
        List<String> seeds = new ArrayList<>(List.of(DungeonTmxReaderTest.LEVEL, DungeonTmxReaderTest.LEVEL + "\n",
                DungeonTmxReaderTest.LEVEL.replace("\n", "\r\n"), "\uFEFF" + DungeonTmxReaderTest.LEVEL,
                "w w\nA+g\n", ""));
        for (long seed = 0; seed < 6; seed++) {
            seeds.add(DungeonLevels.of(seed, 7 + (int) seed, 7 + (int) (seed % 3)).toText());
        }
        List<String> tokens = List.of("w", ".", "A", "+", "g", "1", "2", "3", " ", "\n", "\r\n", "\r", "\t", "\uFEFF",
                "\u00e9", "\uD83D\uDE00", "AA", "wwwwwwwwwwwwwwwwwwww\n", "\n\n");
        System.out.println(Fuzz.of("gvgai-text", 20L, seeds, tokens)
                .run(INPUTS, input -> DungeonParser.parse(new String(input, java.nio.charset.StandardCharsets.UTF_8),
                        "fuzz.txt")));
    }

    @Test
    @Timeout(300)
    void gvgaiTextFilesAsBytes() throws Exception {
        // Through the file path too: strict UTF-8 decoding and the size check are on that path only.
        Path file = dir.resolve("fuzz.txt");
        List<String> seeds = List.of(DungeonTmxReaderTest.LEVEL, DungeonLevels.of(3, 13, 9).toText());
        List<String> tokens = List.of("w", ".", "A", "+", "g", "\n", "\u00ff", "\u0080");
        System.out.println(Fuzz.of("gvgai-file", 21L, seeds, tokens).run(INPUTS / 10, input -> {
            Files.write(file, input);
            DungeonParser.parse(file);
        }));
    }

    @Test
    @Timeout(300)
    void tiledMaps() throws Exception {
        Files.writeString(dir.resolve("t.tsx"), DungeonTmxReaderTest.tsx());
        Path file = dir.resolve("fuzz.tmx");
        String embedded = " <tileset firstgid=\"40\" name=\"inline\" tilewidth=\"16\" tileheight=\"16\" "
                + "tilecount=\"8\" columns=\"8\">\n" + DungeonTmxReaderTest.tilesetBody() + " </tileset>\n";
        String level = DungeonTmxReaderTest.LEVEL;
        List<String> seeds = new ArrayList<>();
        seeds.add(DungeonTmxReaderTest.map(DungeonTmxReaderTest.external(1),
                DungeonTmxReaderTest.twoLayers(" encoding=\"csv\"", DungeonTmxReaderTest::csv)));
        for (String compression : new String[] {null, "zlib", "gzip"}) {
            String attrs = " encoding=\"base64\"" + (compression == null ? "" : " compression=\"" + compression + "\"");
            seeds.add(DungeonTmxReaderTest.map(DungeonTmxReaderTest.external(1),
                    DungeonTmxReaderTest.twoLayers(attrs, g -> DungeonTmxReaderTest.base64(g, compression))));
        }
        seeds.add(DungeonTmxReaderTest.map(embedded, DungeonTmxReaderTest.layer(1, "all", " encoding=\"csv\"",
                DungeonTmxReaderTest.csv(DungeonTmxReaderTest.gids(level, 40, DungeonTmxReaderTest.CHARS)))));
        seeds.add(DungeonTmxReaderTest.map(DungeonTmxReaderTest.external(1), "<group name=\"g\">"
                + DungeonTmxReaderTest.twoLayers("", g -> {
                    StringBuilder sb = new StringBuilder();
                    for (long gid : g) {
                        sb.append("<tile gid=\"").append(gid).append("\"/>");
                    }
                    return sb.toString();
                }) + "</group>"));
        List<String> tokens = List.of("<map ", "</map>", "<layer ", "</layer>", "<data", "</data>", "<group>",
                "</group>", "<tile gid=\"1\"/>", "<tileset firstgid=\"1\" source=\"t.tsx\"/>", "encoding=\"csv\"",
                "encoding=\"base64\"", "compression=\"zlib\"", "compression=\"gzip\"", "compression=\"zstd\"",
                "width=\"6\"", "height=\"5\"", "width=\"100000\"", "infinite=\"1\"", "orientation=\"isometric\"",
                "<!DOCTYPE map [<!ENTITY e \"eeeeeeeeee\">]>", "&e;", "&amp;", "<![CDATA[1,2]]>", "<!-- c -->",
                "<?pi x?>", "H4sIAAAAAAAA/", "eJzt", "====", ",", "0", "4294967295", "2147483648", "-1",
                "<property name=\"char\" value=\"w\"/>", "source=\"missing.tsx\"", "source=\"../t.tsx\"", "\u0000");
        System.out.println(Fuzz.of("tiled-tmx", 22L, seeds, tokens).run(INPUTS, input -> {
            DungeonTmxReader.read(input, file);
        }));
    }
}
