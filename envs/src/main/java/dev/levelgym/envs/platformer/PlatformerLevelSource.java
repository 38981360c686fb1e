package dev.levelgym.envs.platformer;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.grid.LevelFiles;
import dev.levelgym.envs.grid.LevelLimits;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerLevels;
import dev.levelgym.envs.platformer.level.PlatformerParser;
import dev.levelgym.envs.platformer.level.PlatformerRules;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/** Where {@link Platformer} gets the level for each episode. */
public sealed interface PlatformerLevelSource {

    /** The level for a new episode; draws from {@code random} (the env's generator) so episodes replay by seed. */
    PlatformerLevel next(RandomGenerator random);

    /**
     * Procgen-style generated levels: each episode draws a level seed uniformly from
     * {@code [startLevel, startLevel + numLevels)}, or from {@code [startLevel, startLevel + 2^31)} when
     * {@code numLevels} is 0 (unlimited), and generates that level with {@link PlatformerLevels}, completable under
     * {@code rules} (the env's own). A class, not a record, because it keeps its generator (and so the solver's
     * search arrays) from one episode to the next; like the env, it is not thread-safe.
     */
    final class Procedural implements PlatformerLevelSource {

        private final long startLevel;
        private final int numLevels;
        private final int width;
        private final int height;
        private final PlatformerRules rules;
        private final PlatformerLevels generator;

        public Procedural(long startLevel, int numLevels, int width, int height, PlatformerRules rules) {
            if (startLevel < 0 || numLevels < 0) {
                throw new UserInputException("start_level and num_levels must be non-negative, got "
                        + startLevel + " and " + numLevels);
            }
            int maxWidth = PlatformerLevel.maxWidth();
            if (width < PlatformerLevels.MIN_WIDTH || width > maxWidth) {
                throw new UserInputException("procedural platformer levels need width in ["
                        + PlatformerLevels.MIN_WIDTH + ", " + maxWidth + "], got " + width
                        + (width > maxWidth ? " " + LevelLimits.howToRaisePlatformerWidth() : ""));
            }
            if (height < PlatformerLevels.MIN_HEIGHT || height > PlatformerLevel.MAX_HEIGHT) {
                throw new UserInputException("procedural platformer levels need height in ["
                        + PlatformerLevels.MIN_HEIGHT + ", " + PlatformerLevel.MAX_HEIGHT + "], got " + height);
            }
            LevelLimits.requireCells("a procedural platformer level (options width and height)", width, height);
            this.startLevel = startLevel;
            this.numLevels = numLevels;
            this.width = width;
            this.height = height;
            this.rules = Objects.requireNonNull(rules, "rules");
            this.generator = new PlatformerLevels(rules);
        }

        /** Platformer-v1 levels {@value PlatformerLevel#HEIGHT} rows high. */
        public Procedural(long startLevel, int numLevels, int width) {
            this(startLevel, numLevels, width, PlatformerLevel.HEIGHT, PlatformerRules.V1);
        }

        @Override
        public PlatformerLevel next(RandomGenerator random) {
            long span = numLevels == 0 ? 1L << 31 : numLevels;
            return generator.generate(startLevel + random.nextLong(span), width, height);
        }

        public long startLevel() {
            return startLevel;
        }

        /** 0: unlimited. */
        public int numLevels() {
            return numLevels;
        }

        public int width() {
            return width;
        }

        public int height() {
            return height;
        }

        public PlatformerRules rules() {
            return rules;
        }
    }

    /** Levels read from files, of any widths; each episode picks one uniformly. */
    record Fixed(List<PlatformerLevel> levels) implements PlatformerLevelSource {

        public Fixed {
            levels = List.copyOf(levels);
            if (levels.isEmpty()) {
                throw new UserInputException("no levels");
            }
        }

        @Override
        public PlatformerLevel next(RandomGenerator random) {
            return levels.size() == 1 ? levels.get(0) : levels.get(random.nextInt(levels.size()));
        }

        /**
         * Loads a VGLC level file, or the {@code *.txt} files of a directory (not recursive, sorted by name; other
         * files are skipped, so a VGLC {@code Processed} folder loads as it is).
         *
         * @throws dev.levelgym.envs.grid.LevelFormatException naming the file if one is malformed
         * @throws UserInputException naming the path if there is nothing to load
         */
        public static Fixed load(Path path) {
            return new Fixed(LevelFiles.load(path, Fixed::isLevelFile, "*.txt", PlatformerParser::parse));
        }

        /** The level files {@link #load} reads from directory {@code dir}, sorted by name. */
        public static List<Path> levelFiles(Path dir) throws java.io.IOException {
            return LevelFiles.list(dir, Fixed::isLevelFile);
        }

        private static boolean isLevelFile(Path file) {
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt");
        }
    }
}
