package dev.levelgym.generators.export;

import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonTile;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Quick pictures of levels in flat colours, one square per tile: the PNG previews {@code generate} writes and the
 * sample grids {@code gan train} draws. (The demo and Tiled maps use drawn tiles instead.)
 */
public final class LevelPreviews {

    /** Pixels per tile of a Dungeon preview; sample grids use half. */
    public static final int PIXELS_PER_TILE = 16;
    private static final int GAP = 4;

    private LevelPreviews() {
    }

    /** A Dungeon level, {@value #PIXELS_PER_TILE} px a tile, each tile's top and left edge darker. */
    public static BufferedImage dungeon(DungeonLevel level) {
        int p = PIXELS_PER_TILE;
        BufferedImage img = new BufferedImage(level.width() * p, level.height() * p, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < level.height(); y++) {
            for (int x = 0; x < level.width(); x++) {
                int rgb = dungeonColour(level.tile(x, y));
                for (int dy = 0; dy < p; dy++) {
                    for (int dx = 0; dx < p; dx++) {
                        boolean edge = dx == 0 || dy == 0;
                        img.setRGB(x * p + dx, y * p + dy, edge ? darker(rgb) : rgb);
                    }
                }
            }
        }
        return img;
    }

    /**
     * Level texts of one size (drafts may be ill-formed) side by side, {@code columns} a row, half the Dungeon
     * preview's pixels a tile, a {@value #GAP} px gap around each; {@code colour} maps a file character to RGB.
     */
    public static BufferedImage grid(List<String> texts, int columns, IntUnaryOperator colour) {
        int p = PIXELS_PER_TILE / 2;
        String[] first = texts.get(0).split("\n");
        int w = first[0].length();
        int h = first.length;
        int rows = (texts.size() + columns - 1) / columns;
        BufferedImage img = new BufferedImage(columns * (w * p + GAP) + GAP, rows * (h * p + GAP) + GAP,
                BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < texts.size(); i++) {
            String[] lines = texts.get(i).split("\n");
            int ox = GAP + (i % columns) * (w * p + GAP);
            int oy = GAP + (i / columns) * (h * p + GAP);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = colour.applyAsInt(lines[y].charAt(x));
                    for (int dy = 0; dy < p; dy++) {
                        for (int dx = 0; dx < p; dx++) {
                            img.setRGB(ox + x * p + dx, oy + y * p + dy, rgb);
                        }
                    }
                }
            }
        }
        return img;
    }

    /** The preview colour of a Dungeon tile. */
    public static int dungeonColour(DungeonTile t) {
        return switch (t) {
            case WALL -> 0x5a4632;
            case FLOOR -> 0xd8cfa8;
            case AVATAR -> 0x2f6fdf;
            case KEY -> 0xf2c230;
            case DOOR -> 0x2e9e4a;
            case ENEMY_QUICK -> 0xd62828;
            case ENEMY_NORMAL -> 0xb5179e;
            case ENEMY_SLOW -> 0xf77f00;
        };
    }

    /** The preview colour of a platformer file character. */
    public static int platformerColour(int c) {
        return switch (c) {
            case 'X' -> 0x8b4513;
            case 'S' -> 0xb5651d;
            case '?' -> 0xffc83c;
            case 'Q' -> 0x9c7a3c;
            case '<', '>', '[', ']' -> 0x2eaa3c;
            case 'o' -> 0xffe066;
            case 'B', 'b' -> 0x303030;
            case 'E' -> 0xd03c3c;
            default -> 0x6b8cff;
        };
    }

    private static int darker(int rgb) {
        return ((rgb >> 1) & 0x7f7f7f);
    }
}
