package org.example.corridor;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.random.Pcg64;
import dev.levelgym.generators.DungeonGenerator;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * "stripes", an example Dungeon generator from outside levelgym: walls in every third column with one gap each,
 * the avatar at the left, the key in the middle and the door at the right. Every level is playable: the gaps let the
 * avatar through every stripe. The same seed gives the same level.
 */
public record StripesGenerator(int width, int height) implements DungeonGenerator {

    public static final String NAME = "stripes";

    public StripesGenerator {
        if (width < 7 || height < 5) {
            throw new UserInputException(NAME + " levels need at least 7x5, got " + width + "x" + height);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DungeonLevel generate(long seed) {
        Pcg64 random = Pcg64.seeded(seed);
        char[][] cells = new char[height][];
        cells[0] = "w".repeat(width).toCharArray();
        cells[height - 1] = cells[0].clone();
        for (int y = 1; y < height - 1; y++) {
            cells[y] = ("w" + ".".repeat(width - 2) + "w").toCharArray();
        }
        for (int x = 3; x < width - 2; x += 3) {
            int gap = 1 + random.nextInt(height - 2);
            for (int y = 1; y < height - 1; y++) {
                cells[y][x] = y == gap ? '.' : 'w';
            }
        }
        cells[1 + random.nextInt(height - 2)][1] = 'A';
        cells[1 + random.nextInt(height - 2)][width / 2 % 3 == 0 ? width / 2 + 1 : width / 2] = '+';
        cells[height - 2][width - 2] = 'g';
        String text = Arrays.stream(cells).map(String::new).collect(Collectors.joining("\n", "", "\n"));
        return DungeonParser.parse(text, NAME + "-" + seed);
    }
}
