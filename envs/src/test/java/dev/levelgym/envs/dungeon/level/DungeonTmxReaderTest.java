package dev.levelgym.envs.dungeon.level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.dungeon.DungeonLevelSource;
import dev.levelgym.envs.grid.LevelFormatException;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DungeonTmxReaderTest {

    static final String LEVEL = String.join("\n",
            "wwwwww",
            "wA.+.w",
            "w.1.gw",
            "w3..2w",
            "wwwwww");

    /** Deliberately not the enum order: the reader must take the mapping from the char properties. */
    static final String CHARS = ".wA+g123";

    @TempDir
    Path dir;

    static String tilesetBody() {
        StringBuilder sb = new StringBuilder();
        sb.append("  <image source=\"t.png\" width=\"128\" height=\"16\"/>\n");
        for (int i = 0; i < CHARS.length(); i++) {
            sb.append("  <tile id=\"").append(i).append("\"><properties><property name=\"char\" value=\"")
                    .append(CHARS.charAt(i)).append("\"/></properties></tile>\n");
        }
        return sb.toString();
    }

    static String tsx() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tileset version=\"1.10\" name=\"t\" tilewidth=\"16\" "
                + "tileheight=\"16\" tilecount=\"8\" columns=\"8\">\n" + tilesetBody() + "</tileset>\n";
    }

    /** Gids of a level text in one layer, tileset at {@code firstGid}; cells not in {@code keep} are 0. */
    static long[] gids(String level, long firstGid, String keep) {
        String flat = level.replace("\n", "");
        long[] g = new long[flat.length()];
        for (int i = 0; i < g.length; i++) {
            char c = flat.charAt(i);
            g[i] = keep.indexOf(c) >= 0 ? firstGid + CHARS.indexOf(c) : 0;
        }
        return g;
    }

    static String csv(long[] gids) {
        StringJoiner j = new StringJoiner(",");
        for (long g : gids) {
            j.add(Long.toString(g));
        }
        return j.toString();
    }

    static String layer(int id, String name, String dataAttrs, String data) {
        return " <layer id=\"" + id + "\" name=\"" + name + "\" width=\"6\" height=\"5\">\n  <data" + dataAttrs
                + ">\n" + data + "\n  </data>\n </layer>\n";
    }

    static String map(String tileset, String... layers) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<map version=\"1.10\" orientation=\"orthogonal\" "
                + "renderorder=\"right-down\" width=\"6\" height=\"5\" tilewidth=\"16\" tileheight=\"16\" "
                + "infinite=\"0\" nextlayerid=\"3\" nextobjectid=\"1\">\n" + tileset + String.join("", layers)
                + "</map>\n";
    }

    static String external(long firstGid) {
        return " <tileset firstgid=\"" + firstGid + "\" source=\"t.tsx\"/>\n";
    }

    /** Terrain (walls, floor under everything) and objects, as the exporter writes them. */
    static String twoLayers(String dataAttrs, java.util.function.Function<long[], String> encode) {
        String terrain = LEVEL.replaceAll("[^w\\n]", ".");
        return layer(1, "terrain", dataAttrs, encode.apply(gids(terrain, 1, "w.")))
                + layer(2, "objects", dataAttrs, encode.apply(gids(LEVEL, 1, "A+g123")));
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private Path writeMap(String text) throws Exception {
        write("t.tsx", tsx());
        return write("m.tmx", text);
    }

    private LevelFormatException error(String mapText) throws Exception {
        Path p = writeMap(mapText);
        return assertThrows(LevelFormatException.class, () -> DungeonParser.parse(p));
    }

    @Test
    void readsTwoLayerCsvMapWithExternalTilesetThroughLevelParser() throws Exception {
        Path p = writeMap(map(external(1), twoLayers(" encoding=\"csv\"", DungeonTmxReaderTest::csv)));
        DungeonLevel level = DungeonParser.parse(p);
        assertEquals("m.tmx", level.id());
        assertEquals(LEVEL + "\n", level.toText());
        assertEquals(DungeonTile.ENEMY_SLOW, level.tile(1, 3));
    }

    @Test
    void readsEmbeddedTilesetAtAnyFirstGidAndIgnoresFlipBits() throws Exception {
        long[] g = gids(LEVEL, 40, CHARS);
        g[7] |= 0x80000000L; // the avatar, flipped horizontally
        g[0] |= 0x20000000L; // a wall, rotated
        String embedded = " <tileset firstgid=\"40\" name=\"inline\" tilewidth=\"16\" tileheight=\"16\" tilecount=\"8\" "
                + "columns=\"8\">\n" + tilesetBody() + " </tileset>\n";
        Path p = write("e.tmx", map(embedded, layer(1, "all", " encoding=\"csv\"", csv(g))));
        assertEquals(LEVEL + "\n", DungeonParser.parse(p).toText());
    }

    @Test
    void readsBase64UncompressedZlibAndGzipAndXmlTileElements() throws Exception {
        for (String compression : new String[] {null, "zlib", "gzip"}) {
            String attrs = " encoding=\"base64\"" + (compression == null ? "" : " compression=\"" + compression + "\"");
            Path p = writeMap(map(external(1), twoLayers(attrs, g -> base64(g, compression))));
            assertEquals(LEVEL + "\n", DungeonParser.parse(p).toText(), String.valueOf(compression));
        }
        Path p = writeMap(map(external(1), twoLayers("", g -> {
            StringBuilder sb = new StringBuilder();
            for (long gid : g) {
                sb.append(gid == 0 ? "<tile/>" : "<tile gid=\"" + gid + "\"/>");
            }
            return sb.toString();
        })));
        assertEquals(LEVEL + "\n", DungeonParser.parse(p).toText());
    }

    static String base64(long[] gids, String compression) {
        ByteBuffer buf = ByteBuffer.allocate(gids.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (long g : gids) {
            buf.putInt((int) g);
        }
        byte[] bytes = buf.array();
        try {
            if (compression != null) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (OutputStream z = compression.equals("zlib") ? new DeflaterOutputStream(out) : new GZIPOutputStream(out)) {
                    z.write(bytes);
                }
                bytes = out.toByteArray();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** A map exported by Tiled itself ({@code tiled --embed-tilesets --export-map tmx}), not by our writer. */
    @Test
    void readsAMapSavedByTiled() throws Exception {
        Path p = Path.of(DungeonTmxReaderTest.class.getResource("saved-by-tiled-1.8.2.tmx").toURI());
        assertEquals(String.join("\n",
                "wwwwwwwwwwwww",
                "wwwwwwwwwwwww",
                "wwwww.2..2..w",
                "wwww......g+w",
                "wwww........w",
                "ww.A......www",
                "ww.......2www",
                "wwwwwwwwwwwww",
                "wwwwwwwwwwwww") + "\n", DungeonParser.parse(p).toText());
    }

    @Test
    void dungeonEnvLoadsTmxLevelFiles() throws Exception {
        Path p = writeMap(map(external(1), twoLayers(" encoding=\"csv\"", DungeonTmxReaderTest::csv)));
        DungeonLevelSource.Fixed source = DungeonLevelSource.Fixed.load(p);
        assertEquals(6, source.width());
        assertEquals(LEVEL + "\n", source.levels().get(0).toText());
    }

    @Test
    void unknownGidNamesLayerAndCell() throws Exception {
        long[] g = gids(LEVEL, 1, CHARS);
        g[2 * 6 + 3] = 9;
        LevelFormatException e = error(map(external(1), layer(1, "ground", " encoding=\"csv\"", csv(g))));
        assertEquals(dir.resolve("m.tmx").toString(), e.file());
        assertEquals(5, e.line()); // the layer's <data>
        assertEquals("layer 'ground', cell (3, 2): unknown gid 9 (no tileset has it)", e.reason());
    }

    @Test
    void wrongTileCountIsRefused() throws Exception {
        long[] g = gids(LEVEL, 1, CHARS);
        String data = csv(g).substring(0, csv(g).lastIndexOf(','));
        LevelFormatException e = error(map(external(1), layer(1, "ground", " encoding=\"csv\"", data)));
        assertEquals("layer 'ground' has 29 tiles, expected 30 (6x5)", e.reason());
    }

    @Test
    void zstdAndUnknownEncodingsAreRefusedClearly() throws Exception {
        LevelFormatException zstd = error(map(external(1),
                layer(1, "ground", " encoding=\"base64\" compression=\"zstd\"", "KLUv/Q==")));
        assertTrue(zstd.reason().startsWith("layer 'ground': zstd compression is not supported"), zstd.reason());
        LevelFormatException hex = error(map(external(1), layer(1, "ground", " encoding=\"hex\"", "00")));
        assertEquals("layer 'ground': unknown data encoding 'hex' (expected csv or base64)", hex.reason());
        LevelFormatException bad = error(map(external(1),
                layer(1, "ground", " encoding=\"base64\" compression=\"zlib\"", "AAAA")));
        assertTrue(bad.reason().startsWith("layer 'ground': data is not valid zlib"), bad.reason());
    }

    @Test
    void missingTilesetFileIsNamed() throws Exception {
        Path p = write("m.tmx", map(" <tileset firstgid=\"1\" source=\"gone.tsx\"/>\n",
                layer(1, "ground", " encoding=\"csv\"", csv(gids(LEVEL, 1, CHARS)))));
        LevelFormatException e = assertThrows(LevelFormatException.class, () -> DungeonParser.parse(p));
        assertEquals("tileset 'gone.tsx' not found (looked for " + dir.resolve("gone.tsx") + ")", e.reason());
        assertEquals(3, e.line());
    }

    @Test
    void tileWithoutCharPropertyAndBadCharAreReported() throws Exception {
        write("t.tsx", tsx());
        Path tsx = write("t.tsx", tsx().replace("<property name=\"char\" value=\"g\"/>", ""));
        Path p = write("m.tmx", map(external(1), layer(1, "ground", " encoding=\"csv\"", csv(gids(LEVEL, 1, CHARS)))));
        LevelFormatException e = assertThrows(LevelFormatException.class, () -> DungeonParser.parse(p));
        assertEquals("layer 'ground', cell (4, 2): gid 5 is tile 4 of tileset 't', which has no 'char' property "
                + "saying which level tile it is", e.reason());

        Files.writeString(tsx, tsx().replace("value=\"g\"", "value=\"G\""));
        LevelFormatException bad = assertThrows(LevelFormatException.class, () -> DungeonParser.parse(p));
        assertEquals(tsx.toString(), bad.file());
        assertEquals(8, bad.line());
        assertEquals("tile 4: property char is 'G', not a level character (expected one of " + DungeonTile.EXPECTED + ")",
                bad.reason());
    }

    /** Bytes that are not UTF-8 are refused at their line and column, without the JDK parser's stderr line. */
    @Test
    void bytesThatAreNotUtf8AreLocatedAndNothingIsPrinted() throws Exception {
        write("t.tsx", tsx());
        Path p = dir.resolve("m.tmx");
        byte[] text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<map width=\"6\" name=\"caf?\"/>\n"
                .getBytes(StandardCharsets.US_ASCII);
        int at = new String(text, StandardCharsets.US_ASCII).lastIndexOf('?');
        text[at] = (byte) 0xE9; // Latin-1 'e' acute: not a UTF-8 sequence here
        Files.write(p, text);
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
        LevelFormatException e;
        try {
            e = assertThrows(LevelFormatException.class, () -> DungeonParser.parse(p));
        } finally {
            System.setErr(err);
        }
        assertEquals(2, e.line());
        assertEquals(25, e.column());
        assertEquals("not well-formed XML: byte 0xE9 is not UTF-8", e.reason());
        assertEquals("", printed.toString(StandardCharsets.UTF_8));
    }

    /**
     * The declaration decides the encoding (a Latin-1 file reads as Latin-1, so its level loads, with the later
     * lines and columns where the file has them), and a damaged declaration is refused at 1:1; neither prints.
     */
    @Test
    void declaredEncodingIsReadAndADamagedDeclarationIsRefusedSilently() throws Exception {
        String utf8 = map(external(1), twoLayers(" encoding=\"csv\"", DungeonTmxReaderTest::csv));
        Path latin1 = writeMap("");
        Files.write(latin1, utf8.replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"")
                .replace("<map ", "<map class=\"caf\u00e9\" ").getBytes(StandardCharsets.ISO_8859_1));
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertEquals(6, DungeonParser.parse(latin1).width());
            for (String damaged : List.of("<?xml version=\"1.0\" encoding=\"UTF-8\"\u0080?>",
                    "<?xml version=\"1.\u00e9\"?>", "<?xml version=\"1.0\" encoding=\"NOPE-8\"?>",
                    "<?xml version=\"1.0\"")) {
                Path p = writeMap(utf8.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", damaged));
                LevelFormatException e = assertThrows(LevelFormatException.class, () -> DungeonParser.parse(p));
                assertEquals(1, e.line(), damaged);
                assertTrue(e.reason().startsWith("not well-formed XML: "), e.reason());
            }
            LevelFormatException later = error(utf8.replace("<map ", "<map\n <oops "));
            assertEquals(3, later.line(), later.getMessage());
        } finally {
            System.setErr(err);
        }
        assertEquals("", printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void malformedXmlIsLocated() throws Exception {
        LevelFormatException e = error("<?xml version=\"1.0\"?>\n<map width=\"6\" height=\"5\">\n <layer>\n</map>\n");
        assertEquals(4, e.line());
        assertTrue(e.reason().startsWith("not well-formed XML: "), e.reason());
    }

    @Test
    void dtdsAreRefusedSoNoEntityIsExpanded() throws Exception {
        Path secret = write("secret.txt", "wwwww");
        LevelFormatException e = error("<?xml version=\"1.0\"?>\n<!DOCTYPE map [<!ENTITY x SYSTEM \"" + secret.toUri()
                + "\">]>\n<map width=\"6\" height=\"5\">&x;</map>\n");
        assertTrue(e.reason().startsWith("not well-formed XML: "), e.reason());
    }

    @Test
    void mapShapeErrors() throws Exception {
        String csvLayer = layer(1, "ground", " encoding=\"csv\"", csv(gids(LEVEL, 1, CHARS)));
        Map<String, String> cases = Map.of(
                "<?xml version=\"1.0\"?>\n<tileset/>\n", "root element is <tileset>, expected <map>",
                map(external(1), csvLayer).replace("orthogonal", "isometric"),
                "map orientation is 'isometric'; a level map must be orthogonal",
                map(external(1), csvLayer).replace("infinite=\"0\"", "infinite=\"1\""),
                "infinite maps are not supported; a level has a fixed size (Map > Map Properties > Infinite off)",
                map(external(1)), "map has no tile layer",
                map(external(1), csvLayer).replace("width=\"6\" height=\"5\" tilewidth", "width=\"six\" height=\"5\" tilewidth"),
                "<map> attribute width is 'six', not a non-negative integer",
                map(external(1), csvLayer).replace("width=\"6\" height=\"5\" tilewidth",
                        "width=\"100000\" height=\"100000\" tilewidth"),
                "map is 100000x100000 cells, more than the limit of 1048576 (raise it with "
                        + "-Dlevelgym.maxLevelCells=N, e.g. in LEVELGYM_JAVA_OPTS)",
                map(external(1), " <layer name=\"empty\"/>\n"), "layer 'empty' has no <data>");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            assertEquals(c.getValue(), error(c.getKey()).reason());
        }
    }

    @Test
    void levelRulesAreCheckedWithCells() throws Exception {
        String terrainOnly = LEVEL.replaceAll("[^w\\n]", ".");
        LevelFormatException none = error(map(external(1),
                layer(1, "terrain", " encoding=\"csv\"", csv(gids(terrainOnly, 1, "w.")))));
        assertEquals("no avatar 'A'", none.reason());

        String twoAvatars = LEVEL.replace("w3..2w", "w3.A2w");
        LevelFormatException two = error(map(external(1),
                layer(1, "all", " encoding=\"csv\"", csv(gids(twoAvatars, 1, CHARS)))));
        assertEquals("second avatar 'A' at cell (3, 3) (first at (1, 1)); a level has exactly one", two.reason());

        LevelFormatException hole = error(map(external(1),
                layer(1, "objects", " encoding=\"csv\"", csv(gids(LEVEL, 1, "A+g123")))));
        assertEquals("cell (0, 0) is empty in every tile layer; paint a floor or wall there", hole.reason());
    }

    // Hostile maps: each is refused with a located error, in bounded time and memory (this module's tests run in a
    // 512 MB heap). A layer is inflated no further than the 4 bytes per cell its map declares.

    /** The case: a 2.6 MB map whose gzip layer (2,500 gzip members of 1 MiB of zeros) inflates to 2.6 GB. */
    @Test
    void aGzipLayerThatInflatesToGigabytesIsRefusedWithoutInflatingIt() throws Exception {
        ByteArrayOutputStream member = new ByteArrayOutputStream();
        try (OutputStream z = new GZIPOutputStream(member)) {
            z.write(new byte[1 << 20]);
        }
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        for (int i = 0; i < 2_500; i++) {
            member.writeTo(bomb);
        }
        String data = Base64.getEncoder().encodeToString(bomb.toByteArray());
        Path p = writeMap(map(external(1), layer(1, "bomb", " encoding=\"base64\" compression=\"gzip\"", data)));
        assertTrue(Files.size(p) > 2_000_000 && Files.size(p) < 4_000_000, "a map of " + Files.size(p) + " bytes");
        LevelFormatException e = assertThrows(LevelFormatException.class, () -> DungeonParser.parse(p));
        assertEquals("layer 'bomb': gzip data inflates to more than the 120 bytes (4 per tile) of a 30-tile layer",
                e.reason());
    }

    @Test
    void aZlibLayerThatInflatesPastItsCellsIsRefused() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream z = new DeflaterOutputStream(out)) {
            z.write(new byte[64 << 20]);
        }
        String data = Base64.getEncoder().encodeToString(out.toByteArray());
        LevelFormatException e = error(map(external(1), layer(1, "z", " encoding=\"base64\" compression=\"zlib\"",
                data)));
        assertEquals("layer 'z': zlib data inflates to more than the 120 bytes (4 per tile) of a 30-tile layer",
                e.reason());
    }

    @Test
    void entityExpansionAndExternalEntitiesAreRefused() throws Exception {
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE map [\n <!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            laughs.append(" <!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">\n");
        }
        laughs.append("]>\n<map width=\"6\" height=\"5\" name=\"&lol9;\"></map>\n");
        LevelFormatException billion = error(laughs.toString());
        assertTrue(billion.reason().startsWith("not well-formed XML"), billion.getMessage());

        Path secret = write("secret.txt", "TOP-SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE map [ <!ENTITY xxe SYSTEM \"" + secret.toUri()
                + "\"> ]>\n<map width=\"6\" height=\"5\"><properties><property name=\"x\" value=\"&xxe;\"/>"
                + "</properties></map>\n";
        LevelFormatException external = error(xxe);
        assertTrue(external.reason().startsWith("not well-formed XML"), external.getMessage());
        assertTrue(!external.getMessage().contains("TOP-SECRET"), external.getMessage());
    }

    @Test
    void deeplyNestedGroupsAreRefusedNotRecursedInto() throws Exception {
        String open = "<group>".repeat(100_000);
        String close = "</group>".repeat(100_000);
        LevelFormatException e = error(map(external(1), open + close));
        assertEquals("group layers nested more than 64 deep", e.reason());
    }

    @Test
    void layersWithMoreEntriesThanCellsAreRefusedBeforeTheyAreStored() throws Exception {
        LevelFormatException csvError = error(map(external(1), layer(1, "long", " encoding=\"csv\"",
                "1,".repeat(5_000_000) + "1")));
        assertEquals("layer 'long' has 5000001 tiles, expected 30 (6x5)", csvError.reason());
        LevelFormatException xmlError = error(map(external(1), layer(1, "many", "",
                "<tile gid=\"1\"/>".repeat(1_000_000))));
        assertEquals("layer 'many' has more than 30 tiles (6x5)", xmlError.reason());
    }

    @Test
    void mapAndTilesetFilesAreBoundedBySize() throws Exception {
        System.setProperty(dev.levelgym.envs.grid.LevelLimits.PROPERTY, "1000"); // maps of at most 64,000 bytes
        try {
            Path big = writeMap(map(external(1), twoLayers(" encoding=\"csv\"", DungeonTmxReaderTest::csv))
                    .replace("<map ", "<!--" + " ".repeat(70_000) + "-->\n<map "));
            LevelFormatException e = assertThrows(LevelFormatException.class, () -> DungeonParser.parse(big));
            assertTrue(e.reason().startsWith("file is larger than 64000 bytes"), e.getMessage());
            write("t.tsx", tsx().replace("<tileset ", "<!--" + " ".repeat(70_000) + "-->\n<tileset "));
            Path small = write("m.tmx", map(external(1), twoLayers(" encoding=\"csv\"", DungeonTmxReaderTest::csv)));
            LevelFormatException tileset = assertThrows(LevelFormatException.class, () -> DungeonParser.parse(small));
            assertEquals(dir.resolve("t.tsx").toString(), tileset.file());
        } finally {
            System.clearProperty(dev.levelgym.envs.grid.LevelLimits.PROPERTY);
        }
    }
}
