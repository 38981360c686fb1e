package dev.levelgym.envs.dungeon;

import dev.levelgym.envs.render.Rendering;
import java.util.Arrays;

/** Draws a {@link DungeonGame}'s state as ANSI-coloured level characters or as an RGB frame of coloured tiles. */
final class DungeonRenderer {

    private static final String RESET = "\u001b[0m";

    private DungeonRenderer() {
    }

    static String ansi(DungeonGame env) {
        int w = env.width();
        int h = env.height();
        StringBuilder sb = new StringBuilder(h * (w * 12 + 1));
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int cell = y * w + x;
                char e = env.entitySymbol(cell);
                char c = e != 0 ? e : env.terrainSymbol(cell);
                sb.append(ansiColour(c)).append(c).append(RESET);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String ansiColour(char c) {
        return switch (c) {
            case 'w' -> "\u001b[90m";
            case '.' -> "\u001b[2m";
            case '+' -> "\u001b[33;1m";
            case 'g' -> "\u001b[32;1m";
            case 'A' -> "\u001b[36;1m";
            case 'a' -> "\u001b[30;43m";
            case '1', '2', '3' -> "\u001b[31;1m";
            case '*' -> "\u001b[97;1m";
            default -> "";
        };
    }

    static Rendering.RgbFrame rgb(DungeonGame env, int tile) {
        int w = env.width();
        int h = env.height();
        int fw = w * tile;
        int[] rgb = new int[fw * h * tile];
        int inset = tile / 5;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int cell = y * w + x;
                fill(rgb, fw, x * tile, y * tile, tile, colour(env.terrainSymbol(cell)));
                char e = env.entitySymbol(cell);
                if (e != 0) {
                    fill(rgb, fw, x * tile + inset, y * tile + inset, tile - 2 * inset, colour(e));
                }
            }
        }
        return new Rendering.RgbFrame(fw, h * tile, rgb);
    }

    private static void fill(int[] rgb, int frameWidth, int x0, int y0, int size, int colour) {
        for (int y = y0; y < y0 + size; y++) {
            Arrays.fill(rgb, y * frameWidth + x0, y * frameWidth + x0 + size, colour);
        }
    }

    /** The RGB colour for a level-file or entity character. */
    static int colour(char c) {
        return switch (c) {
            case 'w' -> 0x5A5A6E;
            case '+' -> 0xFFA500;
            case 'g' -> 0x22B14C;
            case 'A' -> 0x3C78FF;
            case 'a' -> 0xFFD23C;
            case '1' -> 0xE03C3C;
            case '2' -> 0xB43CDC;
            case '3' -> 0x8C5A28;
            case '*' -> 0xF0F0F0;
            default -> 0x1C1C24;
        };
    }
}
