package org.example.corridor;

import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.random.Pcg64;
import dev.levelgym.generators.LevelGenerator;
import dev.levelgym.generators.TileWorld;

/**
 * "stripes", an example Dungeon generator from outside levelgym: walls in every third column with one gap each,
 * the avatar at the left, the key in the middle and the door at the right. Every level is playable: the gaps let the
 * avatar through every stripe. The same seed gives the same level.
 */
public final class StripesGenerator implements LevelGenerator<DungeonLevel> {

    public static final String NAME = "stripes";

    private final int width;
    private final int height;

    public StripesGenerator(int width, int height) {
        if (width < 7 || height < 5) {
            throw new dev.levelgym.envs.UserInputException(NAME + " levels need at least 7x5, got " + width + "x"
                    + height);
        }
        this.width = width;
        this.height = height;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TileWorld<DungeonLevel> world() {
        return TileWorld.DUNGEON;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public DungeonLevel generate(long seed) {
        Pcg64 random = Pcg64.seeded(seed);
        char[][] rows = new char[height][width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean border = x == 0 || y == 0 || x == width - 1 || y == height - 1;
                rows[y][x] = border ? 'w' : '.';
            }
        }
        for (int x = 3; x < width - 2; x += 3) {
            int gap = 1 + random.nextInt(height - 2);
            for (int y = 1; y < height - 1; y++) {
                rows[y][x] = y == gap ? '.' : 'w';
            }
        }
        rows[1 + random.nextInt(height - 2)][1] = 'A';
        int keyX = width / 2 % 3 == 0 ? width / 2 + 1 : width / 2;
        rows[1 + random.nextInt(height - 2)][keyX] = '+';
        rows[height - 2][width - 2] = 'g';
        StringBuilder text = new StringBuilder();
        for (char[] row : rows) {
            text.append(row).append('\n');
        }
        return DungeonParser.parse(text.toString(), NAME + "-" + seed);
    }
}
