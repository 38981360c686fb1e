package dev.levelgym.envs.frozenlake;

import dev.levelgym.envs.render.Rendering;

/** Draws a FrozenLake state: Gymnasium's text grid, and a frame of coloured 64-pixel tiles. */
final class FrozenLakeRenderer {

    static final int CELL = 64;

    /** Gymnasium's {@code colorize(..., "red", highlight=True)}: red background. */
    private static final String HIGHLIGHT = "\u001b[41m";
    private static final String RESET = "\u001b[0m";

    private static final int ICE = 0xD6EAF8;
    private static final int START = 0xAED6F1;
    private static final int HOLE = 0x1B2631;
    private static final int GOAL = 0xF4D03F;
    private static final int GRID = 0xB4C8E6;
    private static final int AGENT = 0xE74C3C;

    private FrozenLakeRenderer() {
    }

    /** As Gymnasium's {@code _render_text}: the last action in parentheses (or a blank line), then the grid. */
    static String text(LakeMap map, int state, String lastAction) {
        StringBuilder out = new StringBuilder();
        out.append(lastAction == null ? "\n" : "  (" + lastAction + ")\n");
        for (int r = 0; r < map.nrow(); r++) {
            for (int c = 0; c < map.ncol(); c++) {
                char tile = map.tile(r, c);
                if (r * map.ncol() + c == state) {
                    out.append(HIGHLIGHT).append(tile).append(RESET);
                } else {
                    out.append(tile);
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    static Rendering.RgbFrame frame(LakeMap map, int state) {
        int width = map.ncol() * CELL;
        int height = map.nrow() * CELL;
        int[] rgb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = y / CELL;
                int c = x / CELL;
                int px = x % CELL;
                int py = y % CELL;
                int colour = switch (map.tile(r, c)) {
                    case 'H' -> HOLE;
                    case 'G' -> GOAL;
                    case 'S' -> START;
                    default -> ICE;
                };
                if (px == 0 || py == 0 || px == CELL - 1 || py == CELL - 1) {
                    colour = GRID;
                } else if (r * map.ncol() + c == state) {
                    double dx = px + 0.5 - CELL / 2.0;
                    double dy = py + 0.5 - CELL / 2.0;
                    if (dx * dx + dy * dy <= (CELL * 0.3) * (CELL * 0.3)) {
                        colour = AGENT;
                    }
                }
                rgb[y * width + x] = colour;
            }
        }
        return new Rendering.RgbFrame(width, height, rgb);
    }
}
