package dev.levelgym.envs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path tmp;

    private List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFileIsReplacedWholeWithTheUsualPermissionsOrNotAtAll() throws IOException {
        Path file = tmp.resolve("eval.csv");
        AtomicFiles.writeString(file, "first\n");
        AtomicFiles.writeString(file, "second\n");
        assertEquals("second\n", Files.readString(file));
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // A user's result file, readable as any new file of theirs is (not the owner-only mode of temp files).
            Path plain = Files.createFile(tmp.resolve("plain"));
            assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            Files.delete(plain);
        }
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("half".getBytes());
            throw new IOException("No space left on device");
        }));
        assertEquals("cannot write " + file + ": No space left on device", e.getMessage());
        assertEquals("second\n", Files.readString(file));
        assertEquals(List.of("eval.csv"), listing(tmp));
    }

    @Test
    void aReplacedFileKeepsItsPermissionsAndANewFileNeverReplacesOne() throws IOException {
        Path level = tmp.resolve("level.txt");
        AtomicFiles.writeNew(level, out -> out.write("wwww\n".getBytes()));
        assertThrows(FileAlreadyExistsException.class,
                () -> AtomicFiles.writeNew(level, out -> out.write("gone".getBytes())));
        assertEquals("wwww\n", Files.readString(level));
        assertEquals(List.of("level.txt"), listing(tmp), "the refused write leaves no temporary behind");
        if (level.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(level, PosixFilePermissions.fromString("rw-rw----"));
            AtomicFiles.write(level, "w.w\n".getBytes());
            assertEquals("w.w\n", Files.readString(level));
            assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(level)));
        }
    }

    @Test
    void aDirectoryIsReplacedWholeAndAKillBetweenItsRenamesIsRecovered() throws IOException {
        Path dir = tmp.resolve("checkpoint");
        AtomicFiles.writeDirectory(dir, d -> Files.writeString(d.resolve("a"), "1"));
        AtomicFiles.writeDirectory(dir, d -> Files.writeString(d.resolve("b"), "2"));
        assertEquals(List.of("b"), listing(dir));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeDirectory(dir, d -> {
            throw new IOException("cannot write " + d.resolve("q-table.bin") + ": File too large");
        }));
        assertEquals("cannot write " + dir.toAbsolutePath().resolve("q-table.bin") + ": File too large",
                e.getMessage(), "the error names the file by its final path, not the temporary one");
        assertEquals(List.of("b"), listing(dir));
        assertEquals(List.of("checkpoint"), listing(tmp));

        // Killed after the old directory was renamed aside and before the new one was renamed in:
        Files.move(dir, tmp.resolve(".checkpoint.old-123"));
        Files.createDirectories(tmp.resolve(".checkpoint.tmp-456"));
        Files.writeString(tmp.resolve(".other.tmp-789"), "another file's");
        assertTrue(AtomicFiles.recoverDirectory(dir, d -> Files.exists(d.resolve("b"))));
        assertEquals(List.of("b"), listing(dir));
        assertEquals(List.of(".other.tmp-789", "checkpoint"), listing(tmp));
        AtomicFiles.removeLeftovers(tmp);
        assertEquals(List.of("checkpoint"), listing(tmp));
        assertFalse(AtomicFiles.recoverDirectory(tmp.resolve("never"), d -> true));
    }

    @Test
    void digestsNameTheFileThatChangedShrankOrWentMissing() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("model"));
        Files.writeString(dir.resolve("weights"), "0123456789");
        Path manifest = dir.resolve("manifest.json");
        Map<String, FileDigests.Digest> digests = FileDigests.of(dir, "manifest.json");
        assertEquals(Optional.empty(), FileDigests.problem(dir, digests, manifest));
        Files.writeString(dir.resolve("weights"), "0123456780");
        assertEquals(Optional.of(dir.resolve("weights") + " is corrupt: its SHA-256 differs from the one " + manifest
                + " records (its bytes changed after it was written)"), FileDigests.problem(dir, digests, manifest));
        Files.writeString(dir.resolve("weights"), "01234");
        assertEquals(Optional.of(dir.resolve("weights") + " is truncated: 5 bytes, " + manifest + " records 10"),
                FileDigests.problem(dir, digests, manifest));
        Files.delete(dir.resolve("weights"));
        assertEquals(Optional.of("missing file " + dir.resolve("weights") + " (listed in " + manifest + ")"),
                FileDigests.problem(dir, digests, manifest));
        assertEquals(Optional.of(manifest + " is corrupt: it lists the file '../escape'"), FileDigests.problem(dir,
                Map.of("../escape", new FileDigests.Digest(1, "00")), manifest));
    }
}
