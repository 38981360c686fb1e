package dev.levelgym.envs.grid;

import dev.levelgym.envs.UserInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Levels read from a level file or a folder of them, the same way for every world. */
public final class LevelFiles {

    /** Reads one level file. */
    @FunctionalInterface
    public interface Parser<L> {
        L parse(Path file) throws IOException;
    }

    private LevelFiles() {
    }

    /** The files of directory {@code dir} (not recursive, hidden ones skipped) that {@code isLevel} accepts, by name. */
    public static List<Path> list(Path dir, Predicate<Path> isLevel) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(isLevel)
                    .sorted().toList();
        }
    }

    /**
     * The level of the file {@code path}, or the levels of the directory {@code path}: its files (not recursive,
     * sorted by name, hidden ones skipped) that {@code isLevel} accepts, which {@code kinds} names for the error
     * when there are none (e.g. {@code *.txt}).
     *
     * @throws LevelFormatException naming the file if one is malformed
     * @throws UserInputException   naming the path if there is nothing to load
     */
    public static <L> List<L> load(Path path, Predicate<Path> isLevel, String kinds, Parser<L> parser) {
        try {
            if (Files.isDirectory(path)) {
                List<Path> files = list(path, isLevel);
                if (files.isEmpty()) {
                    throw new UserInputException("level directory " + path + " has no level files (" + kinds + ")");
                }
                List<L> levels = new ArrayList<>();
                for (Path f : files) {
                    levels.add(parser.parse(f));
                }
                return levels;
            }
            if (!Files.exists(path)) {
                throw new UserInputException("level file " + path + " does not exist");
            }
            return List.of(parser.parse(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read levels from " + path, e);
        }
    }
}
