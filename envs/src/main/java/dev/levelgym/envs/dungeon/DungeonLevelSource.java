package dev.levelgym.envs.dungeon;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonLevels;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.grid.LevelFiles;
import dev.levelgym.envs.grid.LevelFormatException;
import dev.levelgym.envs.grid.LevelLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.random.RandomGenerator;

/** Where {@link Dungeon} gets the level for each episode. */
public sealed interface DungeonLevelSource {

    int width();

    int height();

    /** The level for a new episode; draws from {@code random} (the env's generator) so episodes replay by seed. */
    DungeonLevel next(RandomGenerator random);

    /**
     * Procgen-style generated levels: each episode draws a level seed uniformly from
     * {@code [startLevel, startLevel + numLevels)}, or from {@code [startLevel, startLevel + 2^31)} when
     * {@code numLevels} is 0 (unlimited), and generates that level. Training on {@code numLevels = 200,
     * startLevel = 0} and testing on {@code startLevel = 1_000_000} separates seen from unseen levels.
     */
    record Procedural(long startLevel, int numLevels, int width, int height) implements DungeonLevelSource {

        public Procedural {
            if (startLevel < 0 || numLevels < 0) {
                throw new UserInputException("start_level and num_levels must be non-negative, got "
                        + startLevel + " and " + numLevels);
            }
            if (width < DungeonLevels.MIN_WIDTH || height < DungeonLevels.MIN_HEIGHT) {
                throw new UserInputException("procedural levels need width >= " + DungeonLevels.MIN_WIDTH
                        + " and height >= " + DungeonLevels.MIN_HEIGHT + ", got " + width + "x" + height);
            }
            LevelLimits.requireCells("a procedural level (options width and height)", width, height);
        }

        @Override
        public DungeonLevel next(RandomGenerator random) {
            long span = numLevels == 0 ? 1L << 31 : numLevels;
            // A fresh generator per level keeps this record a plain value; its set-up cost is negligible
            // next to generating and solving the level.
            return DungeonLevels.of(startLevel + random.nextLong(span), width, height);
        }
    }

    /** Levels read from files; each episode picks one uniformly. */
    record Fixed(List<DungeonLevel> levels) implements DungeonLevelSource {

        public Fixed {
            levels = List.copyOf(levels);
            if (levels.isEmpty()) {
                throw new UserInputException("no levels");
            }
            DungeonLevel first = levels.get(0);
            for (DungeonLevel l : levels) {
                if (l.width() != first.width() || l.height() != first.height()) {
                    throw new UserInputException("level " + l.id() + " is " + l.width() + "x" + l.height()
                            + " but " + first.id() + " is " + first.width() + "x" + first.height()
                            + "; all levels of one env must have the same size");
                }
            }
        }

        @Override
        public int width() {
            return levels.get(0).width();
        }

        @Override
        public int height() {
            return levels.get(0).height();
        }

        @Override
        public DungeonLevel next(RandomGenerator random) {
            return levels.size() == 1 ? levels.get(0) : levels.get(random.nextInt(levels.size()));
        }

        /**
         * Loads a level file, or the level files of a directory (not recursive, sorted by name): its {@code .txt}
         * files and its Tiled {@code .tmx} maps, except a map with a {@code .txt} of the same name beside it (the
         * same level, as {@code levelgym generate --format txt,tmx} writes it). Other files, such as PNG previews
         * and the {@code .tsx} tileset, are not levels and are skipped, so a generated folder loads as it is.
         *
         * @throws LevelFormatException    naming the file if one is malformed
         * @throws IllegalArgumentException naming the file if sizes differ, or if there is nothing to load
         */
        public static Fixed load(Path path) {
            return new Fixed(LevelFiles.load(path, Fixed::isLevelFile, "*.txt or *.tmx", DungeonParser::parse));
        }

        /** The level files {@link #load} reads from directory {@code dir}, sorted by name. */
        public static List<Path> levelFiles(Path dir) throws java.io.IOException {
            return LevelFiles.list(dir, Fixed::isLevelFile);
        }

        private static boolean isLevelFile(Path file) {
            String name = file.getFileName().toString();
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (lower.endsWith(".txt")) {
                return true;
            }
            if (!lower.endsWith(".tmx")) {
                return false;
            }
            String stem = name.substring(0, name.length() - 4);
            return !Files.exists(file.resolveSibling(stem + ".txt"));
        }
    }
}
