package dev.levelgym.envs.dungeon.level;

import dev.levelgym.envs.grid.LevelFormatException;
import dev.levelgym.envs.grid.LevelLimits;
import dev.levelgym.envs.grid.LevelText;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a Dungeon level from a Tiled map ({@code .tmx}), so a level a designer edited in the Tiled editor comes
 * back as the same {@link DungeonLevel} the text format gives.
 *
 * <p>Which tile a gid stands for is read from the tileset, not assumed: every tile a map uses must carry a custom
 * property {@code char} whose value is its level-file character ({@code w . A + g 1 2 3}). Tilesets may be
 * external ({@code .tsx}, resolved next to the map) or embedded; several tilesets are fine.
 *
 * <p>A cell's tile is the one on the topmost tile layer (last in the file, group layers included) that has a
 * tile there, so an object layer drawn over a terrain layer reads as the objects. Every tile layer counts,
 * hidden or not; object and image layers are ignored. Flip and rotation bits are ignored (a rotated wall is a
 * wall). Layer data may be CSV, XML {@code <tile>} elements, or base64 uncompressed, zlib or gzip; zstd is
 * refused, as are infinite and non-orthogonal maps.
 *
 * <p>Errors are {@link LevelFormatException}s naming the file (the map or the tileset) and the line and column
 * of the element at fault; for a tile the message names the layer and the cell.
 *
 * <p>Sizes are bounded before memory is spent ({@link LevelLimits}): a map or tileset file larger than a map of
 * the cell limit can be is refused unread, the map's size is checked before any layer is read, and a layer's data
 * is refused as soon as it holds more than its width × height entries: compressed data is inflated only up to the
 * 4 bytes per cell the layer needs, so a small file whose layer would inflate to gigabytes costs kilobytes. DTDs
 * are refused (so no entity expansion, no external entity), and group layers nest at most
 * {@value #MAX_GROUP_DEPTH} deep.
 */
public final class DungeonTmxReader {

    /** Tiled keeps flip and rotation flags in the top four bits of a gid. */
    private static final long FLAG_BITS = 0xF0000000L;

    /** Tiled's own maps nest a few groups at most; a deeper nesting is a hostile file, not a level. */
    static final int MAX_GROUP_DEPTH = 64;

    private DungeonTmxReader() {
    }

    /**
     * Reads a {@code .tmx} file. The level's id is the file name; errors name the path as given.
     *
     * @throws LevelFormatException if the map or a tileset it uses is not a valid Dungeon level map
     * @throws IOException if a file cannot be read
     */
    public static DungeonLevel read(Path file) throws IOException {
        return read(LevelText.readBounded(file, LevelLimits.maxTmxBytes()), file);
    }

    /**
     * Reads a map from its bytes, as they were read from {@code file}: errors name {@code file}, external tilesets
     * are resolved beside it, and the level's id is its file name.
     *
     * @throws LevelFormatException if the map or a tileset it uses is not a valid Dungeon level map
     * @throws IOException if a tileset cannot be read
     */
    public static DungeonLevel read(byte[] map, Path file) throws IOException {
        Path name = file.getFileName();
        String id = name == null ? file.toString() : name.toString();
        try (Xml xml = Xml.open(file.toString(), map)) {
            return readMap(xml, file, id);
        }
    }

    private static DungeonLevel readMap(Xml xml, Path file, String id) throws IOException {
        xml.root("map");
        At mapAt = xml.location();
        String orientation = xml.attribute("orientation");
        if (orientation != null && !orientation.equals("orthogonal")) {
            throw xml.error("map orientation is '" + orientation + "'; a level map must be orthogonal");
        }
        if ("1".equals(xml.attribute("infinite"))) {
            throw xml.error("infinite maps are not supported; a level has a fixed size (Map > Map Properties > Infinite off)");
        }
        int width = xml.positiveInt("width");
        int height = xml.positiveInt("height");
        try {
            LevelLimits.requireCells("map", width, height);
        } catch (IllegalArgumentException e) {
            throw xml.error(e.getMessage());
        }
        List<Tileset> tilesets = new ArrayList<>();
        List<Layer> layers = new ArrayList<>();
        readLayers(xml, file, width, height, tilesets, layers, 0);
        tilesets.sort(Comparator.comparingLong(Tileset::firstGid));
        if (layers.isEmpty()) {
            throw xml.error(mapAt, "map has no tile layer");
        }
        DungeonTile[] tiles = new DungeonTile[width * height];
        for (Layer layer : layers) {
            for (int cell = 0; cell < tiles.length; cell++) {
                long gid = layer.gids()[cell] & ~FLAG_BITS;
                if (gid != 0) {
                    tiles[cell] = resolve(xml, layer, cell % width, cell / width, gid, tilesets);
                }
            }
        }
        return level(xml, mapAt, id, width, height, tiles);
    }

    /** Reads the children of {@code <map>} or a {@code <group>}, collecting tilesets and tile layers. */
    private static void readLayers(Xml xml, Path file, int width, int height, List<Tileset> tilesets,
            List<Layer> layers, int depth) throws IOException {
        while (xml.nextChild()) {
            switch (xml.name()) {
                case "tileset" -> tilesets.add(readTilesetReference(xml, file));
                case "layer" -> layers.add(readLayer(xml, width, height));
                case "group" -> {
                    if (depth >= MAX_GROUP_DEPTH) {
                        throw xml.error("group layers nested more than " + MAX_GROUP_DEPTH + " deep");
                    }
                    readLayers(xml, file, width, height, tilesets, layers, depth + 1);
                }
                default -> xml.skip();
            }
        }
    }

    private static Tileset readTilesetReference(Xml xml, Path mapFile) throws IOException {
        long firstGid = xml.positiveInt("firstgid");
        String source = xml.attribute("source");
        if (source == null) {
            return readTileset(xml, firstGid);
        }
        At at = xml.location();
        xml.skip();
        Path tsx;
        try {
            tsx = mapFile.resolveSibling(source);
        } catch (InvalidPathException e) {
            throw xml.error(at, "tileset source '" + source + "' is not a file name (" + e.getReason() + ")");
        }
        if (!Files.isRegularFile(tsx)) {
            throw xml.error(at, "tileset '" + source + "' not found (looked for " + tsx + ")");
        }
        byte[] tsxBytes;
        try {
            tsxBytes = LevelText.readBounded(tsx, LevelLimits.maxTmxBytes());
        } catch (LevelFormatException e) {
            throw e;
        } catch (IOException e) {
            throw xml.error(at, "tileset '" + source + "' cannot be read (" + e.getMessage() + ")");
        }
        try (Xml tsxXml = Xml.open(tsx.toString(), tsxBytes)) {
            tsxXml.root("tileset");
            return readTileset(tsxXml, firstGid);
        }
    }

    /** Reads a {@code <tileset>} element's tiles and their {@code char} properties. */
    private static Tileset readTileset(Xml xml, long firstGid) throws IOException {
        String name = xml.attribute("name");
        String count = xml.attribute("tilecount");
        long tileCount = count == null ? Long.MAX_VALUE : xml.positiveInt("tilecount");
        Map<Long, DungeonTile> tiles = new HashMap<>();
        while (xml.nextChild()) {
            if (!xml.name().equals("tile")) {
                xml.skip();
                continue;
            }
            long tileId = xml.nonNegativeInt("id");
            while (xml.nextChild()) {
                if (!xml.name().equals("properties")) {
                    xml.skip();
                    continue;
                }
                while (xml.nextChild()) {
                    if (xml.name().equals("property") && "char".equals(xml.attribute("name"))) {
                        String value = xml.attribute("value");
                        DungeonTile tile = value != null && value.length() == 1 ? DungeonTile.fromSymbol(value.charAt(0)) : null;
                        if (tile == null) {
                            throw xml.error("tile " + tileId + ": property char is "
                                    + (value == null ? "missing its value" : "'" + value + "'")
                                    + ", not a level character (expected one of " + DungeonTile.EXPECTED + ")");
                        }
                        tiles.put(tileId, tile);
                    }
                    xml.skip();
                }
            }
        }
        return new Tileset(name == null ? xml.source() : name, firstGid, tileCount, tiles);
    }

    private static Layer readLayer(Xml xml, int width, int height) throws IOException {
        At at = xml.location();
        String name = xml.attribute("name");
        String layerName = name == null ? "(unnamed)" : name;
        for (String dim : List.of("width", "height")) {
            String v = xml.attribute(dim);
            int expected = dim.equals("width") ? width : height;
            if (v != null && !v.equals(Integer.toString(expected))) {
                throw xml.error("layer '" + layerName + "' has " + dim + " " + v + ", the map " + expected);
            }
        }
        long[] gids = null;
        while (xml.nextChild()) {
            if (xml.name().equals("data")) {
                at = xml.location();
                gids = readData(xml, layerName, width, height);
            } else {
                xml.skip();
            }
        }
        if (gids == null) {
            throw xml.error(at, "layer '" + layerName + "' has no <data>");
        }
        return new Layer(layerName, at, gids);
    }

    private static long[] readData(Xml xml, String layer, int width, int height) throws IOException {
        At at = xml.location();
        String encoding = xml.attribute("encoding");
        String compression = xml.attribute("compression");
        int n = width * height;
        long[] gids;
        if (encoding == null) {
            List<Long> list = new ArrayList<>();
            while (xml.nextChild()) {
                if (!xml.name().equals("tile")) {
                    throw xml.error("layer '" + layer + "': unexpected <" + xml.name() + "> in <data>");
                }
                if (list.size() == n) {
                    throw xml.error("layer '" + layer + "' has more than " + n + " tiles (" + width + "x"
                            + height + ")");
                }
                String gid = xml.attribute("gid");
                list.add(gid == null ? 0 : xml.gid(gid, layer, list.size()));
                xml.skip();
            }
            gids = list.stream().mapToLong(Long::longValue).toArray();
        } else if (encoding.equals("csv")) {
            String text = xml.text().strip();
            long entries = text.isEmpty() ? 0 : text.chars().filter(c -> c == ',').count() + 1;
            if (entries != n) {
                throw xml.error(at, "layer '" + layer + "' has " + entries + " tiles, expected " + n + " ("
                        + width + "x" + height + ")");
            }
            gids = new long[n];
            int from = 0;
            for (int i = 0; i < n; i++) {
                int comma = text.indexOf(',', from);
                int to = comma < 0 ? text.length() : comma;
                gids[i] = xml.gid(text.substring(from, to).strip(), layer, i);
                from = to + 1;
            }
        } else if (encoding.equals("base64")) {
            gids = decodeBase64(xml, layer, compression, n);
        } else {
            throw xml.error("layer '" + layer + "': unknown data encoding '" + encoding + "' (expected csv or base64)");
        }
        if (gids.length != n) {
            throw xml.error(at, "layer '" + layer + "' has " + gids.length + " tiles, expected " + n + " (" + width
                    + "x" + height + ")");
        }
        return gids;
    }

    /** The gids of base64 data, refused as soon as they would exceed the layer's {@code n} cells. */
    private static long[] decodeBase64(Xml xml, String layer, String compression, int n) throws IOException {
        At at = xml.location();
        if ("zstd".equals(compression)) {
            throw xml.error("layer '" + layer + "': zstd compression is not supported; save the map with CSV, "
                    + "base64, zlib or gzip (Map > Map Properties > Tile Layer Format)");
        }
        if (compression != null && !compression.equals("zlib") && !compression.equals("gzip")) {
            throw xml.error("layer '" + layer + "': unknown compression '" + compression + "'");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(xml.text().replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw xml.error(at, "layer '" + layer + "': data is not valid base64 (" + e.getMessage() + ")");
        }
        int expectedBytes = 4 * n;
        if (compression != null) {
            try (InputStream in = compression.equals("zlib")
                    ? new InflaterInputStream(new ByteArrayInputStream(bytes))
                    : new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                // One byte more than the layer needs tells "too much" apart without inflating the rest.
                bytes = in.readNBytes(expectedBytes + 1);
            } catch (ZipException | EOFException e) {
                throw xml.error(at, "layer '" + layer + "': data is not valid " + compression + " ("
                        + e.getMessage() + ")");
            }
            if (bytes.length > expectedBytes) {
                throw xml.error(at, "layer '" + layer + "': " + compression + " data inflates to more than the "
                        + expectedBytes + " bytes (4 per tile) of a " + n + "-tile layer");
            }
        }
        if (bytes.length % 4 != 0) {
            throw xml.error(at, "layer '" + layer + "': decoded data is " + bytes.length
                    + " bytes, not a whole number of 4-byte tile ids");
        }
        long[] gids = new long[bytes.length / 4];
        for (int i = 0; i < gids.length; i++) {
            gids[i] = (bytes[4 * i] & 0xFFL) | (bytes[4 * i + 1] & 0xFFL) << 8 | (bytes[4 * i + 2] & 0xFFL) << 16
                    | (bytes[4 * i + 3] & 0xFFL) << 24;
        }
        return gids;
    }

    private static DungeonTile resolve(Xml xml, Layer layer, int x, int y, long gid, List<Tileset> tilesets) {
        Tileset owner = null;
        for (Tileset t : tilesets) {
            if (t.firstGid() <= gid) {
                owner = t;
            }
        }
        String where = "layer '" + layer.name() + "', cell (" + x + ", " + y + "): ";
        if (owner == null || gid - owner.firstGid() >= owner.tileCount()) {
            throw xml.error(layer.at(), where + "unknown gid " + gid + " (no tileset has it)");
        }
        long local = gid - owner.firstGid();
        DungeonTile tile = owner.tiles().get(local);
        if (tile == null) {
            throw xml.error(layer.at(), where + "gid " + gid + " is tile " + local + " of tileset '" + owner.name()
                    + "', which has no 'char' property saying which level tile it is");
        }
        return tile;
    }

    private static DungeonLevel level(Xml xml, At at, String id, int width, int height, DungeonTile[] tiles) {
        if (width < DungeonLevel.MIN_SIZE || height < DungeonLevel.MIN_SIZE) {
            throw xml.error(at, "map is " + width + "x" + height + ", smaller than " + DungeonLevel.MIN_SIZE + "x"
                    + DungeonLevel.MIN_SIZE);
        }
        int avatar = -1;
        boolean key = false;
        boolean door = false;
        for (int cell = 0; cell < tiles.length; cell++) {
            DungeonTile t = tiles[cell];
            int x = cell % width;
            int y = cell / width;
            if (t == null) {
                throw xml.error(at, "cell (" + x + ", " + y + ") is empty in every tile layer; paint a floor or wall there");
            }
            if (t == DungeonTile.AVATAR) {
                if (avatar >= 0) {
                    throw xml.error(at, "second avatar 'A' at cell (" + x + ", " + y + ") (first at ("
                            + avatar % width + ", " + avatar / width + ")); a level has exactly one");
                }
                avatar = cell;
            }
            key |= t == DungeonTile.KEY;
            door |= t == DungeonTile.DOOR;
        }
        if (avatar < 0) {
            throw xml.error(at, "no avatar 'A'");
        }
        if (!key) {
            throw xml.error(at, "no key '+'");
        }
        if (!door) {
            throw xml.error(at, "no goal door 'g'");
        }
        return new DungeonLevel(id, width, height, tiles);
    }

    /** A 1-based line and column in a file. */
    private record At(int line, int column) {

        /** Where the character after {@code text} is. */
        static At after(CharSequence text) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new At(line, text.length() - lineStart + 1);
        }
    }

    private record Tileset(String name, long firstGid, long tileCount, Map<Long, DungeonTile> tiles) {
    }

    /** A tile layer; {@code at} is its {@code <data>} element, where tile errors point. */
    private record Layer(String name, At at, long[] gids) {
    }

    /** A StAX cursor over one file that turns every problem into a located {@link LevelFormatException}. */
    private static final class Xml implements AutoCloseable {

        /** The JDK's own parser, whatever else is on the class path, so its limits and errors are the ones tested. */
        private static final XMLInputFactory FACTORY = XMLInputFactory.newDefaultFactory();

        static {
            // A level file never needs a DTD; refusing them rules out entity expansion and external fetches.
            FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        }

        private final String source;
        private final Reader in;
        private final XMLStreamReader reader;

        private Xml(String source, Reader in, XMLStreamReader reader) {
            this.source = source;
            this.in = in;
            this.reader = reader;
        }

        static Xml open(String source, byte[] bytes) throws IOException {
            Reader in = new StringReader(text(source, bytes));
            try {
                return new Xml(source, in, FACTORY.createXMLStreamReader(in));
            } catch (XMLStreamException e) {
                in.close();
                throw notXml(source, e);
            }
        }

        String source() {
            return source;
        }

        /** Moves to the root element and checks its name. */
        void root(String expected) {
            try {
                reader.nextTag();
            } catch (XMLStreamException e) {
                throw notXml(source, e);
            }
            if (!reader.getLocalName().equals(expected)) {
                throw error("root element is <" + reader.getLocalName() + ">, expected <" + expected + ">");
            }
        }

        /** Advances to the current element's next child element; false (at the end tag) when there is none. */
        boolean nextChild() {
            try {
                while (true) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        return true;
                    }
                    if (event == XMLStreamConstants.END_ELEMENT || event == XMLStreamConstants.END_DOCUMENT) {
                        return false;
                    }
                }
            } catch (XMLStreamException e) {
                throw notXml(source, e);
            }
        }

        /** Skips the rest of the current element, children included. */
        void skip() {
            try {
                for (int depth = 1; depth > 0; ) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        depth--;
                    }
                }
            } catch (XMLStreamException e) {
                throw notXml(source, e);
            }
        }

        /** The text of the current element, which must have no child elements. */
        String text() {
            At at = location();
            try {
                return reader.getElementText();
            } catch (XMLStreamException e) {
                if (reader.getEventType() == XMLStreamConstants.START_ELEMENT) {
                    throw error(at, "<" + reader.getLocalName() + "> inside text-only data (chunks of an infinite map?)");
                }
                throw notXml(source, e);
            }
        }

        String name() {
            return reader.getLocalName();
        }

        String attribute(String name) {
            return reader.getAttributeValue(null, name);
        }

        int positiveInt(String name) {
            int v = nonNegativeInt(name);
            if (v == 0) {
                throw error("<" + name() + "> attribute " + name + " must be positive, got 0");
            }
            return v;
        }

        int nonNegativeInt(String name) {
            String v = attribute(name);
            if (v == null) {
                throw error("<" + name() + "> has no " + name + " attribute");
            }
            try {
                int i = Integer.parseInt(v.strip());
                if (i >= 0) {
                    return i;
                }
            } catch (NumberFormatException e) {
                // reported below, with the element
            }
            throw error("<" + name() + "> attribute " + name + " is '" + v + "', not a non-negative integer");
        }

        /** Parses a gid of a layer's data; entry is its 0-based position in the layer. */
        long gid(String text, String layer, int entry) {
            try {
                long v = Long.parseLong(text);
                if (v >= 0 && v <= 0xFFFFFFFFL) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw error("layer '" + layer + "': entry " + (entry + 1) + " is '" + text + "', not a tile gid");
        }

        /** Where the reader is now: for a start element, just past its start tag. */
        At location() {
            Location l = reader.getLocation();
            return new At(l.getLineNumber(), l.getColumnNumber());
        }

        LevelFormatException error(String reason) {
            return error(location(), reason);
        }

        LevelFormatException error(At at, String reason) {
            return new LevelFormatException(source, Math.max(1, at.line()), Math.max(1, at.column()), reason);
        }

        /**
         * The file's text for the parser, decoded here and with its XML declaration blanked out. The JDK parser
         * prints {@code [Fatal Error] ...} to stderr before it throws when the bytes do not fit their encoding or
         * the declaration is damaged (both in its own reader, before any error handler is consulted), so this does
         * those two steps itself, with errors of ours at their line and column: the encoding is the byte order
         * mark's, else the declaration's, else UTF-8, XML's default; the declaration is replaced by as many spaces,
         * so every later line and column stays where the file has it.
         */
        private static String text(String source, byte[] bytes) {
            Charset charset = StandardCharsets.UTF_8;
            int skip = 0;
            if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                    && (bytes[2] & 0xFF) == 0xBF) {
                skip = 3;
            } else if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
                    || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)) {
                charset = StandardCharsets.UTF_16;
            } else {
                String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
                Matcher declared = DECLARED_ENCODING.matcher(head);
                if (declared.find()) {
                    charset = charset(source, declared.group(1));
                }
            }
            ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
            CharBuffer out = CharBuffer.allocate(bytes.length);
            CoderResult r = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(in, out, true);
            if (r.isError()) {
                out.flip();
                At at = At.after(out);
                throw new LevelFormatException(source, at.line(), at.column(), String.format(
                        "not well-formed XML: byte 0x%02X is not %s", bytes[in.position()] & 0xFF, charset.name()));
            }
            String text = out.flip().toString();
            if (!text.startsWith("<?xml") || text.length() > 5 && !Character.isWhitespace(text.charAt(5))) {
                return text;
            }
            int end = text.indexOf("?>");
            if (end < 0 || !DECLARATION.matcher(text.substring(0, end + 2)).matches()) {
                throw new LevelFormatException(source, 1, 1, "not well-formed XML: a damaged XML declaration "
                        + "(expected <?xml version=\"1.0\" ...?>)");
            }
            StringBuilder blank = new StringBuilder(text);
            for (int i = 0; i < end + 2; i++) {
                if (blank.charAt(i) != '\n' && blank.charAt(i) != '\r') {
                    blank.setCharAt(i, ' ');
                }
            }
            return blank.toString();
        }

        private static Charset charset(String source, String name) {
            try {
                return Charset.forName(name);
            } catch (IllegalArgumentException e) {
                throw new LevelFormatException(source, 1, 1, "not well-formed XML: unknown encoding '" + name + "'");
            }
        }

        private static final Pattern DECLARED_ENCODING =
                Pattern.compile("^<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([^\"']*)[\"']");

        /** XML 1.0's XMLDecl production, with the names and values its grammar allows. */
        private static final Pattern DECLARATION = Pattern.compile("<\\?xml\\s+version\\s*=\\s*(\"1\\.[0-9]+\"|'1\\.[0-9]+')"
                + "(\\s+encoding\\s*=\\s*(\"[A-Za-z][A-Za-z0-9._-]*\"|'[A-Za-z][A-Za-z0-9._-]*'))?"
                + "(\\s+standalone\\s*=\\s*(\"(yes|no)\"|'(yes|no)'))?\\s*\\?>");

        private static LevelFormatException notXml(String source, XMLStreamException e) {
            String message = e.getMessage();
            int i = message.indexOf("Message: ");
            String reason = i >= 0 ? message.substring(i + "Message: ".length()) : message;
            Location at = e.getLocation();
            return new LevelFormatException(source, at == null ? 1 : Math.max(1, at.getLineNumber()),
                    at == null ? 1 : Math.max(1, at.getColumnNumber()), "not well-formed XML: " + reason.strip());
        }

        @Override
        public void close() throws IOException {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                throw new IOException(e);
            } finally {
                in.close();
            }
        }
    }
}
