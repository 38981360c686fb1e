package dev.levelgym.generators.export;

import dev.levelgym.envs.dungeon.level.DungeonTile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The Tiled tileset for Dungeon maps: {@value #IMAGE_FILE}, one tile per {@link DungeonTile} in enum order, and the
 * external tileset {@value #TSX_FILE} describing it. DungeonTile {@code i} of the tileset is {@code DungeonTile.values()[i]};
 * each tile carries a custom property {@code char} with its level-file character, which is what
 * {@link dev.levelgym.envs.dungeon.level.DungeonTmxReader} reads back, so the mapping lives in the file, not in
 * code both sides must agree on.
 */
public final class DungeonTileset {

    public static final String IMAGE_FILE = "tileset.png";
    public static final String TSX_FILE = "dungeon.tsx";
    public static final int TILE_SIZE = DungeonTileArt.SIZE;
    public static final int COLUMNS = 4;
    public static final int TILE_COUNT = DungeonTile.values().length;
    public static final int IMAGE_WIDTH = COLUMNS * TILE_SIZE;
    public static final int IMAGE_HEIGHT = (TILE_COUNT + COLUMNS - 1) / COLUMNS * TILE_SIZE;

    /** The format and editor versions we write; Tiled 1.10 and later open these files as they are. */
    static final String TMX_VERSION = "1.10";
    static final String TILED_VERSION = "1.10.2";

    private DungeonTileset() {
    }

    /** The tileset's local id of a tile (its gid in a map whose firstgid is 1, minus 1). */
    public static int localId(DungeonTile tile) {
        return tile.ordinal();
    }

    /** The tileset picture, {@value #COLUMNS} tiles per row. */
    public static BufferedImage image() {
        BufferedImage img = new BufferedImage(IMAGE_WIDTH, IMAGE_HEIGHT, BufferedImage.TYPE_INT_ARGB);
        for (DungeonTile t : DungeonTile.values()) {
            BufferedImage tile = DungeonTileArt.draw(t);
            int id = localId(t);
            int x0 = id % COLUMNS * TILE_SIZE;
            int y0 = id / COLUMNS * TILE_SIZE;
            for (int y = 0; y < TILE_SIZE; y++) {
                for (int x = 0; x < TILE_SIZE; x++) {
                    img.setRGB(x0 + x, y0 + y, tile.getRGB(x, y));
                }
            }
        }
        return img;
    }

    /** {@link #image()} as PNG bytes. */
    public static byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image(), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the tileset image", e);
        }
        return out.toByteArray();
    }

    /** The external tileset file's text. */
    public static String tsx() {
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append(String.format(Locale.ROOT, "<tileset version=\"%s\" tiledversion=\"%s\" name=\"dungeon\" "
                + "tilewidth=\"%d\" tileheight=\"%d\" tilecount=\"%d\" columns=\"%d\">\n", TMX_VERSION,
                TILED_VERSION, TILE_SIZE, TILE_SIZE, TILE_COUNT, COLUMNS));
        sb.append(String.format(Locale.ROOT, " <image source=\"%s\" width=\"%d\" height=\"%d\"/>\n", IMAGE_FILE,
                IMAGE_WIDTH, IMAGE_HEIGHT));
        for (DungeonTile t : DungeonTile.values()) {
            sb.append(" <tile id=\"").append(localId(t)).append("\">\n");
            sb.append("  <properties>\n");
            sb.append("   <property name=\"char\" value=\"").append(escape(t.symbol())).append("\"/>\n");
            sb.append("   <property name=\"tile\" value=\"").append(t.name().toLowerCase(Locale.ROOT))
                    .append("\"/>\n");
            sb.append("  </properties>\n");
            sb.append(" </tile>\n");
        }
        sb.append("</tileset>\n");
        return sb.toString();
    }

    private static String escape(char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '"' -> "&quot;";
            default -> String.valueOf(c);
        };
    }
}
