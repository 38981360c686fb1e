package dev.levelgym.cli;

import dev.levelgym.envs.dungeon.level.DungeonTile;
import dev.levelgym.generators.gan.GanWorld;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A picture of level drafts (possibly ill-formed) side by side, in the colours of {@link GenerateCommand#image} (or
 * of its platformer previews).
 */
final class SampleGrid {

    private static final int GAP = 4;

    private SampleGrid() {
    }

    static BufferedImage image(List<String> drafts, int columns, GanWorld world) {
        int p = GenerateCommand.PIXELS_PER_TILE / 2;
        String[] first = drafts.get(0).split("\n");
        int w = first[0].length();
        int h = first.length;
        int rows = (drafts.size() + columns - 1) / columns;
        BufferedImage img = new BufferedImage(columns * (w * p + GAP) + GAP, rows * (h * p + GAP) + GAP,
                BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < drafts.size(); i++) {
            String[] lines = drafts.get(i).split("\n");
            int ox = GAP + (i % columns) * (w * p + GAP);
            int oy = GAP + (i / columns) * (h * p + GAP);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    char c = lines[y].charAt(x);
                    int rgb = world == GanWorld.PLATFORMER ? GenerateCommand.platformerColour(c)
                            : GenerateCommand.colour(DungeonTile.fromSymbol(c));
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
}
