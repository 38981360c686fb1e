package dev.levelgym.demo.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The demo's save key: a level's text into a new file of a folder, never over an existing one. */
final class SavedLevels {

    private SavedLevels() {
    }

    /**
     * Writes {@code text} to {@code dir/ID.txt}, or {@code ID-1.txt}, {@code ID-2.txt} ... if taken (the id stripped
     * of a {@code .txt} suffix and of characters a file name should not hold), through a temporary file renamed into
     * place, so a crash never leaves half a level under the final name.
     *
     * @return the file written
     */
    static Path saveNew(Path dir, String id, String text) throws IOException {
        Files.createDirectories(dir);
        String base = id.replaceFirst("\\.txt$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        Path file = dir.resolve(base + ".txt");
        for (int i = 1; Files.exists(file); i++) {
            file = dir.resolve(base + "-" + i + ".txt");
        }
        Path tmp = Files.createTempFile(dir, base, ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
