package dev.levelgym.generators;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonSolution;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.envs.dungeon.level.DungeonTile;
import dev.levelgym.envs.grid.LevelLimits;
import dev.levelgym.envs.random.Pcg64;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Construct, then verify, then retry: {@link #construct} lays out a candidate (walls, floor, avatar, key, door,
 * enemies) from a {@link Pcg64} seeded with the level's seed; a candidate is accepted when {@link DungeonSolver}
 * finds it winnable in at least {@code (width + height) / 3} moves. Rejected candidates are redrawn from the same
 * generator, so the result depends only on the seed and size. After {@value #MAX_ATTEMPTS} rejections (not
 * reached in the tests) the last candidate is repaired with {@link DungeonRepair}, so {@link #generate} always returns a
 * playable level. Instances are not thread-safe (the solver keeps its arrays).
 */
abstract class ConstructiveGenerator implements DungeonGenerator {

    static final int MAX_ATTEMPTS = 500;
    static final int MIN_SIZE = 7;

    private static final DungeonTile[] ENEMIES = {DungeonTile.ENEMY_QUICK, DungeonTile.ENEMY_NORMAL, DungeonTile.ENEMY_SLOW};

    protected final int width;
    protected final int height;
    private final DungeonSolver solver = new DungeonSolver();

    ConstructiveGenerator(int width, int height) {
        if (width < MIN_SIZE || height < MIN_SIZE) {
            throw new UserInputException(name() + " levels need at least " + MIN_SIZE + "x" + MIN_SIZE
                    + ", got " + width + "x" + height);
        }
        // Before width * height can overflow or an array of it be allocated.
        LevelLimits.requireCells("a " + name() + " level", width, height);
        this.width = width;
        this.height = height;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    /** Walls and floor only (every border cell a wall), or null if this draw failed. */
    abstract DungeonTile[] layout(RandomGenerator rng);

    @Override
    public DungeonLevel generate(long seed) {
        String id = name() + "-" + seed;
        RandomGenerator rng = Pcg64.seeded(seed);
        DungeonTile[] last = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            DungeonTile[] tiles = construct(rng);
            if (tiles == null) {
                continue;
            }
            last = tiles;
            DungeonLevel level = new DungeonLevel(id, width, height, tiles);
            DungeonSolution s = solver.shortest(level);
            if (s.playable() && s.length() >= (width + height) / 3) {
                return level;
            }
        }
        if (last == null) {
            last = layoutFallback();
        }
        return DungeonRepair.repair(text(last), id).level();
    }

    @Override
    public String draft(long seed) {
        RandomGenerator rng = Pcg64.seeded(seed);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            DungeonTile[] tiles = construct(rng);
            if (tiles != null) {
                return text(tiles);
            }
        }
        return text(layoutFallback());
    }

    private DungeonTile[] construct(RandomGenerator rng) {
        DungeonTile[] tiles = layout(rng);
        return tiles == null ? null : place(rng, tiles) ? tiles : null;
    }

    private DungeonTile[] layoutFallback() {
        DungeonTile[] t = new DungeonTile[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                t[y * width + x] = x == 0 || y == 0 || x == width - 1 || y == height - 1 ? DungeonTile.WALL : DungeonTile.FLOOR;
            }
        }
        t[width + 1] = DungeonTile.AVATAR;
        t[2 * width - 2] = DungeonTile.KEY;
        t[(height - 1) * width - 2] = DungeonTile.DOOR;
        return t;
    }

    /**
     * Puts the avatar, key and door on distinct floor cells, the key and the door each at least a third of the
     * level's span (Manhattan) from the avatar, and one to three enemies not within one step (diagonals too) of
     * the avatar. False if the floor is too small.
     */
    boolean place(RandomGenerator rng, DungeonTile[] tiles) {
        List<Integer> floor = new ArrayList<>();
        for (int c = 0; c < tiles.length; c++) {
            if (tiles[c] == DungeonTile.FLOOR) {
                floor.add(c);
            }
        }
        if (floor.size() < 8) {
            return false;
        }
        int avatar = floor.get(rng.nextInt(floor.size()));
        tiles[avatar] = DungeonTile.AVATAR;
        int span = (width + height) / 3;
        int key = pickFar(rng, tiles, avatar, span);
        if (key < 0) {
            return false;
        }
        tiles[key] = DungeonTile.KEY;
        int door = pickFar(rng, tiles, avatar, span);
        if (door < 0) {
            return false;
        }
        tiles[door] = DungeonTile.DOOR;
        int enemies = 1 + rng.nextInt(3);
        for (int i = 0, tries = 0; i < enemies && tries < 50; tries++) {
            int c = floor.get(rng.nextInt(floor.size()));
            if (tiles[c] != DungeonTile.FLOOR
                    || Math.abs(c % width - avatar % width) <= 1 && Math.abs(c / width - avatar / width) <= 1) {
                continue;
            }
            tiles[c] = ENEMIES[rng.nextInt(ENEMIES.length)];
            i++;
        }
        return true;
    }

    private int pickFar(RandomGenerator rng, DungeonTile[] tiles, int from, int minDistance) {
        List<Integer> far = new ArrayList<>();
        for (int c = 0; c < tiles.length; c++) {
            if (tiles[c] == DungeonTile.FLOOR
                    && Math.abs(c % width - from % width) + Math.abs(c / width - from / width) >= minDistance) {
                far.add(c);
            }
        }
        return far.isEmpty() ? -1 : far.get(rng.nextInt(far.size()));
    }

    String text(DungeonTile[] tiles) {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                sb.append(tiles[y * width + x].symbol());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    DungeonTile[] walls() {
        DungeonTile[] t = new DungeonTile[width * height];
        java.util.Arrays.fill(t, DungeonTile.WALL);
        return t;
    }
}
