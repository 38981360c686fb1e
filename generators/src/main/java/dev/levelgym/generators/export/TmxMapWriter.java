package dev.levelgym.generators.export;

import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonTile;
import java.util.Locale;

/**
 * A {@link DungeonLevel} as a Tiled map (TMX) over the external tileset {@value DungeonTileset#TSX_FILE} at firstgid 1.
 *
 * <p>Two tile layers, because that is how a designer edits in Tiled: {@code terrain} holds a wall or floor on
 * every cell; {@code objects} holds the avatar, keys, doors and enemies and is empty (gid 0) elsewhere, with floor
 * under each object on the terrain layer. Moving a sprite is then one drag on the objects layer, and painting
 * walls never erases a sprite. {@link dev.levelgym.envs.dungeon.level.DungeonTmxReader} reads the topmost non-empty
 * layer per cell, so the map reads back as the level. Layer data is CSV, one map row per line.
 */
public final class TmxMapWriter {

    private TmxMapWriter() {
    }

    /** The map file's text. */
    public static String toTmx(DungeonLevel level) {
        int w = level.width();
        int h = level.height();
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append(String.format(Locale.ROOT, "<map version=\"%s\" tiledversion=\"%s\" orientation=\"orthogonal\" "
                + "renderorder=\"right-down\" width=\"%d\" height=\"%d\" tilewidth=\"%d\" tileheight=\"%d\" "
                + "infinite=\"0\" nextlayerid=\"3\" nextobjectid=\"1\">\n", DungeonTileset.TMX_VERSION,
                DungeonTileset.TILED_VERSION, w, h, DungeonTileset.TILE_SIZE, DungeonTileset.TILE_SIZE));
        sb.append(" <tileset firstgid=\"1\" source=\"").append(DungeonTileset.TSX_FILE).append("\"/>\n");
        layer(sb, 1, "terrain", level, true);
        layer(sb, 2, "objects", level, false);
        sb.append("</map>\n");
        return sb.toString();
    }

    private static void layer(StringBuilder sb, int id, String name, DungeonLevel level, boolean terrain) {
        int w = level.width();
        int h = level.height();
        sb.append(String.format(Locale.ROOT, " <layer id=\"%d\" name=\"%s\" width=\"%d\" height=\"%d\">\n", id, name,
                w, h));
        sb.append("  <data encoding=\"csv\">\n");
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                DungeonTile t = level.tile(x, y);
                boolean isTerrain = t == DungeonTile.WALL || t == DungeonTile.FLOOR;
                int gid;
                if (terrain) {
                    gid = 1 + DungeonTileset.localId(isTerrain ? t : DungeonTile.FLOOR);
                } else {
                    gid = isTerrain ? 0 : 1 + DungeonTileset.localId(t);
                }
                sb.append(gid);
                if (x < w - 1 || y < h - 1) {
                    sb.append(',');
                }
            }
            sb.append('\n');
        }
        sb.append("</data>\n");
        sb.append(" </layer>\n");
    }
}
