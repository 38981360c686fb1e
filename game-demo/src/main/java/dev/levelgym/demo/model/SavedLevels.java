package dev.levelgym.demo.model;

import dev.levelgym.envs.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The demo's save key: a level's text into a new file of a folder, never over an existing one. */
final class SavedLevels {

    private SavedLevels() {
    }

    /**
     * Writes {@code text} to {@code dir/ID.txt}, or {@code ID-1.txt}, {@code ID-2.txt} ... if taken (the id stripped
     * of a {@code .txt} suffix and of characters a file name should not hold), through {@link AtomicFiles#writeNew},
     * so a crash never leaves half a level under the final name and a file saved meanwhile is never replaced.
     *
     * @return the file written
     */
    static Path saveNew(Path dir, String id, String text) throws IOException {
        Files.createDirectories(dir);
        String base = id.replaceFirst("\\.txt$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve(base + ".txt");
        for (int i = 1; ; i++) {
            try {
                AtomicFiles.writeNew(file, out -> out.write(bytes));
                return file;
            } catch (FileAlreadyExistsException e) {
                file = dir.resolve(base + "-" + i + ".txt");
            }
        }
    }
}
