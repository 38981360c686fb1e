package dev.levelgym.generators.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.dungeon.level.DungeonTile;
import dev.levelgym.generators.DungeonCorpus;
import dev.levelgym.generators.GeneratorSettings;
import dev.levelgym.generators.Generators;
import dev.levelgym.generators.LevelGenerator;
import dev.levelgym.generators.TileWorld;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class TiledExportTest {

    @TempDir
    Path dir;

    private static List<DungeonLevel> corpusAndGenerated() {
        List<DungeonLevel> levels = new ArrayList<>(DungeonCorpus.levels());
        for (String name : List.of("rooms", "caves")) {
            LevelGenerator<DungeonLevel> g = Generators.standard().create(name, TileWorld.DUNGEON,
                    GeneratorSettings.DEFAULT);
            for (long seed = 0; seed < 30; seed++) {
                levels.add(g.generate(seed).withId(name + "-" + seed));
            }
        }
        return levels;
    }

    @Test
    void levelToTmxToLevelIsIdenticalForCorpusAndGeneratedLevels() throws Exception {
        TiledExport.writeTileset(dir);
        List<DungeonLevel> levels = corpusAndGenerated();
        assertTrue(levels.size() > 100, "corpus + generated: " + levels.size());
        for (DungeonLevel level : levels) {
            Path file = dir.resolve(level.id().replace(".txt", "") + ".tmx");
            TiledExport.writeMap(file, level);
            DungeonLevel back = DungeonParser.parse(file);
            assertTrue(back.sameLayout(level), level.id() + " came back as\n" + back.toText());
            assertEquals(file.getFileName().toString(), back.id());
        }
    }

    private static Document dom(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static int intAttr(Element e, String name) {
        return Integer.parseInt(e.getAttribute(name));
    }

    /** The tileset's gid → character mapping, read with the JDK's DOM independently of our reader. */
    private Map<Integer, Character> charsByGid(int firstGid) throws Exception {
        Map<Integer, Character> chars = new HashMap<>();
        NodeList tiles = dom(dir.resolve(DungeonTileset.TSX_FILE)).getElementsByTagName("tile");
        for (int i = 0; i < tiles.getLength(); i++) {
            Element tile = (Element) tiles.item(i);
            NodeList props = tile.getElementsByTagName("property");
            for (int j = 0; j < props.getLength(); j++) {
                Element p = (Element) props.item(j);
                if (p.getAttribute("name").equals("char")) {
                    assertEquals(1, p.getAttribute("value").length());
                    chars.put(firstGid + intAttr(tile, "id"), p.getAttribute("value").charAt(0));
                }
            }
        }
        return chars;
    }

    @Test
    void mapXmlHasTheStructureTiledExpects() throws Exception {
        TiledExport.writeTileset(dir);
        DungeonLevel level = DungeonCorpus.levels().get(0);
        Path file = dir.resolve("m.tmx");
        TiledExport.writeMap(file, level);
        Element map = dom(file).getDocumentElement();
        assertEquals("map", map.getTagName());
        assertEquals("1.10", map.getAttribute("version"));
        assertFalse(map.getAttribute("tiledversion").isEmpty());
        assertEquals("orthogonal", map.getAttribute("orientation"));
        assertEquals("right-down", map.getAttribute("renderorder"));
        assertEquals(level.width(), intAttr(map, "width"));
        assertEquals(level.height(), intAttr(map, "height"));
        assertEquals(DungeonTileset.TILE_SIZE, intAttr(map, "tilewidth"));
        assertEquals(DungeonTileset.TILE_SIZE, intAttr(map, "tileheight"));
        assertEquals("0", map.getAttribute("infinite"));

        NodeList tilesets = map.getElementsByTagName("tileset");
        assertEquals(1, tilesets.getLength());
        Element tileset = (Element) tilesets.item(0);
        int firstGid = intAttr(tileset, "firstgid");
        assertEquals(1, firstGid);
        assertEquals(DungeonTileset.TSX_FILE, tileset.getAttribute("source"));

        NodeList layers = map.getElementsByTagName("layer");
        assertEquals(2, layers.getLength());
        Map<Integer, Character> chars = charsByGid(firstGid);
        int[][] gids = new int[2][];
        Set<Integer> ids = new HashSet<>();
        for (int l = 0; l < 2; l++) {
            Element layer = (Element) layers.item(l);
            ids.add(intAttr(layer, "id"));
            assertEquals(level.width(), intAttr(layer, "width"));
            assertEquals(level.height(), intAttr(layer, "height"));
            Element data = (Element) layer.getElementsByTagName("data").item(0);
            assertEquals("csv", data.getAttribute("encoding"));
            assertFalse(data.hasAttribute("compression"));
            String[] parts = data.getTextContent().strip().split("\\s*,\\s*");
            assertEquals(level.cellCount(), parts.length);
            gids[l] = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                gids[l][i] = Integer.parseInt(parts[i]);
            }
        }
        assertEquals("terrain", ((Element) layers.item(0)).getAttribute("name"));
        assertEquals("objects", ((Element) layers.item(1)).getAttribute("name"));
        assertEquals(Set.of(1, 2), ids);
        assertTrue(intAttr(map, "nextlayerid") > 2, "nextlayerid must exceed every layer id");
        assertEquals(1, intAttr(map, "nextobjectid"));
        for (int cell = 0; cell < level.cellCount(); cell++) {
            char terrain = chars.get(gids[0][cell]);
            assertTrue(terrain == 'w' || terrain == '.', "terrain layer holds only wall and floor");
            DungeonTile expected = level.tile(cell);
            if (expected == DungeonTile.WALL || expected == DungeonTile.FLOOR) {
                assertEquals(0, gids[1][cell], "objects layer is empty over terrain");
                assertEquals(expected.symbol(), terrain);
            } else {
                assertEquals('.', terrain, "floor under every object");
                assertEquals(expected.symbol(), (char) chars.get(gids[1][cell]));
            }
        }
    }

    @Test
    void tilesetDeclaresEveryTileOnceAndTheImageHasTheDeclaredSize() throws Exception {
        TiledExport.writeTileset(dir);
        Element ts = dom(dir.resolve(DungeonTileset.TSX_FILE)).getDocumentElement();
        assertEquals("tileset", ts.getTagName());
        int size = intAttr(ts, "tilewidth");
        assertEquals(size, intAttr(ts, "tileheight"));
        assertTrue(size == 16 || size == 24, "tile size " + size);
        int count = intAttr(ts, "tilecount");
        int columns = intAttr(ts, "columns");
        assertEquals(DungeonTile.values().length, count);
        Set<Character> chars = new HashSet<>(charsByGid(0).values());
        Set<Character> expected = new HashSet<>();
        for (DungeonTile t : DungeonTile.values()) {
            expected.add(t.symbol());
        }
        assertEquals(expected, chars);

        Element image = (Element) ts.getElementsByTagName("image").item(0);
        assertEquals(DungeonTileset.IMAGE_FILE, image.getAttribute("source"));
        BufferedImage png = ImageIO.read(dir.resolve(image.getAttribute("source")).toFile());
        assertEquals(intAttr(image, "width"), png.getWidth());
        assertEquals(intAttr(image, "height"), png.getHeight());
        assertEquals(columns * size, png.getWidth());
        assertEquals((count + columns - 1) / columns * size, png.getHeight());
    }

    @Test
    void terrainTilesAreOpaqueSpritesAreNotAndAllTilesDiffer() {
        BufferedImage img = DungeonTileset.image();
        int s = DungeonTileset.TILE_SIZE;
        Set<String> seen = new HashSet<>();
        for (DungeonTile t : DungeonTile.values()) {
            int id = DungeonTileset.localId(t);
            int x0 = id % DungeonTileset.COLUMNS * s;
            int y0 = id / DungeonTileset.COLUMNS * s;
            int transparent = 0;
            StringBuilder pixels = new StringBuilder();
            for (int y = 0; y < s; y++) {
                for (int x = 0; x < s; x++) {
                    int argb = img.getRGB(x0 + x, y0 + y);
                    transparent += (argb >>> 24) == 0 ? 1 : 0;
                    pixels.append(Integer.toHexString(argb));
                }
            }
            boolean ground = t == DungeonTile.WALL || t == DungeonTile.FLOOR || t == DungeonTile.DOOR;
            assertEquals(ground, transparent == 0, t + " has " + transparent + " transparent pixels");
            assertTrue(transparent < s * s, t + " is blank");
            assertTrue(seen.add(pixels.toString()), t + " looks like another tile");
        }
        assertArrayEquals(DungeonTileset.png(), DungeonTileset.png(), "the tileset PNG is byte-for-byte stable");
    }

    @Test
    void identicalTilesetIsLeftAloneAndADifferentOneIsAConflict() throws Exception {
        assertEquals(List.of(), TiledExport.conflictingTilesetFiles(dir));
        TiledExport.writeTileset(dir);
        assertEquals(List.of(), TiledExport.conflictingTilesetFiles(dir));
        Path png = dir.resolve(DungeonTileset.IMAGE_FILE);
        Path tsx = dir.resolve(DungeonTileset.TSX_FILE);
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(png, old);
        TiledExport.writeTileset(dir);
        assertEquals(old, Files.getLastModifiedTime(png), "identical tileset image rewritten");

        Files.writeString(tsx, Files.readString(tsx).replace("value=\"w\"", "value=\".\""));
        assertEquals(List.of(tsx), TiledExport.conflictingTilesetFiles(dir));
        TiledExport.writeTileset(dir);
        assertEquals(DungeonTileset.tsx(), Files.readString(tsx));
        assertEquals(List.of(), TiledExport.conflictingTilesetFiles(dir));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary files left behind");
        }
    }
}
