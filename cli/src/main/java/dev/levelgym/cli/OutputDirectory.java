package dev.levelgym.cli;

import dev.levelgym.envs.UserInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The {@code --out} rules: never overwrite a non-empty directory unless asked to with {@code --force}. */
final class OutputDirectory {

    private OutputDirectory() {
    }

    /**
     * Makes {@code out} ready for a new run: creates it if missing; if it is non-empty, empties it with
     * {@code force}, else refuses, naming the flags ({@code --resume} only where the command has one).
     */
    static void prepareFresh(Path out, boolean force, boolean commandResumes) {
        try {
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new UserInputException("--out " + out + " is a file, not a directory");
            }
            if (isNonEmpty(out)) {
                if (!force) {
                    throw new UserInputException("--out " + out + " is not empty; pass "
                            + (commandResumes ? "--resume to continue its run or " : "")
                            + "--force to overwrite it");
                }
                deleteContents(out);
            }
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isNonEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        }
    }

    private static void deleteContents(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }
}
