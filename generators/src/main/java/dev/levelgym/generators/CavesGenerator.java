package dev.levelgym.generators;

import dev.levelgym.envs.dungeon.level.DungeonTile;
import java.util.random.RandomGenerator;

/**
 * Cellular-automata caves (Johnson, Yannakakis & Togelius 2010): fill the interior with wall at probability
 * 0.25–0.37 (drawn per level), then apply the 4-5 rule four times (a cell becomes wall if at least five of its eight neighbours are
 * walls, the border and outside counting as wall, and floor if at most three are; otherwise it keeps its
 * tile). Only the largest 4-connected floor region is kept (the others are filled in); the draw is rejected if
 * that region covers less than 35% of the interior. Then avatar, key, door and enemies as in
 * {@link ConstructiveGenerator}.
 */
public final class CavesGenerator extends ConstructiveGenerator {

    public static final String NAME = "caves";
    static final int SMOOTHING_STEPS = 4;

    public CavesGenerator(int width, int height) {
        super(width, height);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    DungeonTile[] layout(RandomGenerator rng) {
        boolean[] wall = new boolean[width * height];
        double fill = 0.25 + 0.12 * rng.nextDouble();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                wall[y * width + x] = border(x, y) || rng.nextDouble() < fill;
            }
        }
        for (int step = 0; step < SMOOTHING_STEPS; step++) {
            boolean[] next = new boolean[wall.length];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int c = y * width + x;
                    if (border(x, y)) {
                        next[c] = true;
                        continue;
                    }
                    int n = 0;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            if ((dx != 0 || dy != 0) && wall[(y + dy) * width + x + dx]) {
                                n++;
                            }
                        }
                    }
                    next[c] = n >= 5 || (n > 3 && wall[c]);
                }
            }
            wall = next;
        }
        // Keep the largest 4-connected floor region.
        int[] region = new int[wall.length];
        int[] queue = new int[wall.length];
        int best = -1;
        int bestSize = 0;
        int regions = 0;
        for (int s = 0; s < wall.length; s++) {
            if (wall[s] || region[s] != 0) {
                continue;
            }
            regions++;
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            region[s] = regions;
            while (head < tail) {
                int c = queue[head++];
                int[] nb = {c - width, c + width, c % width > 0 ? c - 1 : -1, c % width < width - 1 ? c + 1 : -1};
                for (int n : nb) {
                    if (n >= 0 && n < wall.length && !wall[n] && region[n] == 0) {
                        region[n] = regions;
                        queue[tail++] = n;
                    }
                }
            }
            if (tail > bestSize) {
                bestSize = tail;
                best = regions;
            }
        }
        if (bestSize < 0.35 * (width - 2) * (height - 2)) {
            return null;
        }
        DungeonTile[] t = new DungeonTile[wall.length];
        for (int c = 0; c < t.length; c++) {
            t[c] = !wall[c] && region[c] == best ? DungeonTile.FLOOR : DungeonTile.WALL;
        }
        return t;
    }

    private boolean border(int x, int y) {
        return x == 0 || y == 0 || x == width - 1 || y == height - 1;
    }
}
