package dev.levelgym.envs.platformer;

import dev.levelgym.envs.platformer.level.PlatformerRules;
import dev.levelgym.envs.render.Rendering;
import java.util.Arrays;

/**
 * Draws a {@link PlatformerGame}'s whole level, as high as the level is, as ANSI-coloured VGLC characters (the
 * player as {@code M} in the column it covers most, live enemies as {@code E}) or as an RGB frame of coloured tiles.
 */
final class PlatformerRenderer {

    private static final String RESET = "\u001b[0m";

    private PlatformerRenderer() {
    }

    /** The character drawn at (x, y): player, then enemy, then the live tile. */
    private static char symbol(PlatformerGame game, int x, int y) {
        if (x == playerColumn(game) && y == game.playerY()) {
            return 'M';
        }
        for (int i = 0; i < game.enemyCount(); i++) {
            if (game.enemyAlive(i) && game.enemyX(i) == x && game.enemyY(i) == y) {
                return 'E';
            }
        }
        return game.tile(x, y).symbol();
    }

    /** The column the player covers most: its own, or the next one when it is two thirds over. */
    private static int playerColumn(PlatformerGame game) {
        int sub = game.rules().subcolumns();
        return (PlatformerRules.xs(game.playerState()) + sub / 2) / sub;
    }

    static String ansi(PlatformerGame game) {
        int w = game.width();
        int h = game.level().height();
        StringBuilder sb = new StringBuilder(h * (w * 12 + 1));
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                char c = symbol(game, x, y);
                String colour = ansiColour(c);
                sb.append(colour).append(c).append(colour.isEmpty() ? "" : RESET);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String ansiColour(char c) {
        return switch (c) {
            case 'X', 'S' -> "\u001b[33m";
            case '?', 'o' -> "\u001b[93;1m";
            case '<', '>', '[', ']' -> "\u001b[32;1m";
            case 'B', 'b' -> "\u001b[90m";
            case 'E' -> "\u001b[31;1m";
            case 'M' -> "\u001b[36;1m";
            case '-' -> "\u001b[2m";
            default -> "";
        };
    }

    static Rendering.RgbFrame rgb(PlatformerGame game, int tile) {
        int w = game.width();
        int h = game.level().height();
        int fw = w * tile;
        int[] rgb = new int[fw * h * tile];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int colour = colour(symbol(game, x, y));
                for (int py = y * tile; py < (y + 1) * tile; py++) {
                    Arrays.fill(rgb, py * fw + x * tile, py * fw + (x + 1) * tile, colour);
                }
            }
        }
        return new Rendering.RgbFrame(fw, h * tile, rgb);
    }

    /** The RGB colour for a level-file character, {@code M} (player) or {@code E} (enemy). */
    static int colour(char c) {
        return switch (c) {
            case 'X' -> 0x8B4513;
            case 'S' -> 0xB5651D;
            case '?' -> 0xFFC83C;
            case 'Q' -> 0x9C7A3C;
            case '<', '>', '[', ']' -> 0x2EAA3C;
            case 'o' -> 0xFFE066;
            case 'B', 'b' -> 0x303030;
            case 'E' -> 0xD03C3C;
            case 'M' -> 0x3C78FF;
            default -> 0x6B8CFF;
        };
    }
}
